/**
 * The page a runnable README block runs in (jsdom, under the node project
 * so dist/ is fresh): the simulator installed, a client made by the page,
 * the app's own server answering on the page's origin — the real signer,
 * login handler and upload sink from dist/server*.js in process, against the
 * fake open platform — and the reader's own names (context.d.ts) as values
 * that record what the block did with them.
 */
import type * as Core from '../../../src/index.js';
import type * as Media from '../../../src/media.js';
import type * as Server from '../../../src/server/index.js';
import type * as OpenPlatformEntry from '../../../src/server/open-platform/index.js';
import type * as SimulatorEntry from '../../../src/simulator/index.js';
import { builtFileOf } from './run-block.js';

type Simulator = SimulatorEntry.Simulator;

/** The built entries, loaded once by path: the very module instances the blocks import. */
export interface Built {
  readonly core: typeof Core;
  readonly media: typeof Media;
  readonly server: typeof Server;
  readonly openPlatform: typeof OpenPlatformEntry;
  readonly simulator: typeof SimulatorEntry;
  /** Any other entry, by its specifier. */
  load<T>(specifier: string): Promise<T>;
}

export async function loadBuilt(root: string): Promise<Built> {
  const load = <T>(specifier: string): Promise<T> =>
    import(/* @vite-ignore */ builtFileOf(root, specifier)) as Promise<T>;
  return {
    load,
    core: (await load('upsdk-kit')) as typeof Core,
    media: (await load('upsdk-kit/media')) as typeof Media,
    server: (await load('upsdk-kit/server')) as typeof Server,
    openPlatform: (await load('upsdk-kit/server/open-platform')) as typeof OpenPlatformEntry,
    simulator: (await load('upsdk-kit/simulator')) as typeof SimulatorEntry,
  };
}

/** A request the page's origin answered. */
export interface Served {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly body: Uint8Array;
  readonly type: string | null;
}

/** One run's page: what the block may use, and what it did. */
export interface Page {
  /** The page's simulator (not installed when the block installs its own: do not use it then). */
  readonly sim: Simulator;
  readonly client: Core.UpsdkClient;
  readonly built: Built;
  /** The fake open platform the page's server talks to, and that server's signer. */
  readonly platform: SimulatorEntry.FakeOpenPlatform;
  readonly signer: Server.Signer;
  /** Aborted by the run's expectation when the block's loop has done enough. */
  readonly controller: AbortController;
  /** Calls of the reader's functions (`render`, `send`, `warnUser`, …), by name. */
  readonly seen: Map<string, unknown[][]>;
  /** What the block printed with console.log / console.error. */
  readonly logs: unknown[][];
  readonly errors: unknown[][];
  /** Requests to the page's origin, in order. */
  readonly served: Served[];
  /** Extra routes of the page's origin, by path (prefix when it ends with `/`). */
  readonly routes: Map<string, (request: Request) => Promise<Response> | Response>;
  /** The globals the block sees. */
  readonly globals: Record<string, unknown>;
  /** Undo everything. */
  close(): void;
}

/** The bytes of a jsdom Blob, which has no arrayBuffer(). */
const bytesOf = (blob: Blob): Promise<ArrayBuffer> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(blob);
  });

/** Values of the reader's server or configuration (context.d.ts), as plain strings. */
const VALUES = {
  tn: '201912261234567890123',
  transNo: 'T20261130000001',
  openId: 'simulated-open-id',
  buyerOpenId: 'simulated-buyer',
  accessToken: 'simulated-access-token',
  planId: 'PLAN0001',
  transNumber: 'TN0001',
  draft: { note: 'half-written' },
  order: { id: 'A20261130001' },
} as const;

/** The reader's functions: each records its arguments; `respondTo` answers 9000 (success) to a command. */
const READER_FUNCTIONS = [
  'render',
  'show',
  'send',
  'openMenu',
  'warnUser',
  'showWhyWeAsk',
  'showThanks',
  'pollOrderStatus',
  'showFailure',
  'respondTo',
] as const;

/**
 * Open a page: install the simulator with `options` (unless the block installs its own), make
 * the client, serve the app's routes. `fetch` resolves relative URLs against the page as a
 * browser does, and answers the page's origin in process.
 */
export function openPage(
  built: Built,
  options: SimulatorEntry.SimulatorOptions | false,
  platformOptions: SimulatorEntry.FakeOpenPlatformOptions = {},
): Page {
  const { server, openPlatform, simulator } = built;
  const platform = simulator.createFakeOpenPlatform(platformOptions);
  const appId = simulator.SIMULATED_APP_ID;
  const signer = server.createSigner({
    appId,
    secret: simulator.SIMULATED_SECRET,
    fetch: platform.fetch,
    allowedOrigins: [location.hostname],
  });
  const login = openPlatform.createLoginService({
    tokens: signer,
    symmetricKey: simulator.SIMULATED_SYMMETRIC_KEY,
    fetch: platform.fetch,
  });
  const sim =
    options === false
      ? undefined
      : simulator.installSimulator({
          frontToken: () => platform.currentToken('frontToken', appId) ?? 'none issued yet',
          ...options,
        });
  const served: Served[] = [];
  const routes = new Map<string, (request: Request) => Promise<Response> | Response>([
    ['/upsdk/signature', server.createSignatureHandler(signer)],
    ['/upsdk/login', openPlatform.createLoginHandler(login)],
    ['/uploads/', server.createUploadSink().handle],
    ['/upload', () => new Response(null, { status: 204 })],
    ['/orders', () => Response.json({ unionpay: { tn: VALUES.tn } })],
  ]);
  const routeOf = (pathname: string) =>
    routes.get(pathname) ??
    [...routes].find(([prefix]) => prefix.endsWith('/') && pathname.startsWith(prefix))?.[1];

  const realFetch = globalThis.fetch;
  const pageFetch: typeof fetch = async (input, init) => {
    // The page's Blob is jsdom's, which Node's fetch would send as "[object Blob]": send its bytes and type.
    // A Blob body is the page's (jsdom's), which Node's fetch would send as "[object Blob]": send its bytes and type.
    if (init?.body instanceof Blob) {
      const headers = new Headers(init.headers);
      if (!headers.has('content-type') && init.body.type) headers.set('content-type', init.body.type);
      return pageFetch(input, { ...init, headers, body: await bytesOf(init.body) });
    }
    const request = new Request(
      input instanceof Request ? input : new URL(String(input), location.href),
      init,
    );
    const url = new URL(request.url);
    if (url.origin !== location.origin) return realFetch(request);
    const body = new Uint8Array(await request.clone().arrayBuffer());
    const route = routeOf(url.pathname);
    const response = route ? await route(request) : new Response('no such route', { status: 404 });
    served.push({
      method: request.method,
      path: url.pathname,
      status: response.status,
      body,
      type: request.headers.get('content-type'),
    });
    return response;
  };
  globalThis.fetch = pageFetch;

  const seen = new Map<string, unknown[][]>();
  const record =
    (name: string) =>
    (...args: unknown[]): unknown => {
      seen.set(name, [...(seen.get(name) ?? []), args]);
      return name === 'send'
        ? Promise.resolve()
        : name === 'respondTo'
          ? Uint8Array.of(0x90, 0x00)
          : undefined;
    };
  const logs: unknown[][] = [];
  const errors: unknown[][] = [];
  const { log, error } = console;
  console.log = (...args: unknown[]) => void logs.push(args);
  console.error = (...args: unknown[]) => void errors.push(args);

  const controller = new AbortController();
  const client = built.core.createClient({ signer: '/upsdk/signature' });
  const globals: Record<string, unknown> = {
    ...VALUES,
    ...Object.fromEntries(READER_FUNCTIONS.map((name) => [name, record(name)])),
    client,
    sim,
    signal: controller.signal,
    appId,
    secret: simulator.SIMULATED_SECRET,
    allowedOrigins: [location.hostname],
    endpoint: undefined,
    file: undefined,
  };
  return {
    sim: sim!,
    client,
    built,
    platform,
    signer,
    controller,
    seen,
    logs,
    errors,
    served,
    routes,
    globals,
    close() {
      console.log = log;
      console.error = error;
      globalThis.fetch = realFetch;
      controller.abort();
      sim?.uninstall();
      sessionStorage.clear(); // the login flow keeps its state there
    },
  };
}

/** The calls of a reader's function. */
export const callsOf = (page: Page, name: string): unknown[][] => page.seen.get(name) ?? [];
