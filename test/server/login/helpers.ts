/**
 * Test plumbing for the login helpers: the fake open platform and the login
 * endpoint on loopback HTTP, and a backendToken source that fetches real
 * (fake-platform) tokens over HTTP.
 *
 * `platformTokens` stands in for the signer (`createSigner`), which is built
 * in another branch and satisfies `BackendTokenSource` as is; once both are
 * merged these tests can use `createSigner({ appId, secret, baseUrl })`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { toNodeHandler, type FetchHandler } from '../../../src/server/node-handler.js';
import type { BackendTokenSource } from '../../../src/server/login/service.js';
import { createLoginService, type LoginServiceOptions } from '../../../src/server/login/service.js';
import { createLoginHandler, type LoginHandlerOptions } from '../../../src/server/login/handler.js';
import {
  createFakeOpenPlatform,
  SIMULATED_APP_ID,
  SIMULATED_SECRET,
  SIMULATED_SYMMETRIC_KEY,
  type FakeOpenPlatform,
  type FakeOpenPlatformOptions,
} from '../../../src/simulator/index.js';
import { createNonce, tokenRequestSignature, unixTimestamp } from '../../../src/shared/signature.js';

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** Serve `handler` on a random loopback port until the test ends; answers its base URL. */
export async function serve(handler: FetchHandler): Promise<string> {
  const server = createServer(toNodeHandler(handler));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A backendToken source over HTTP, with counters. */
export interface PlatformTokens extends BackendTokenSource {
  /** backendTokens fetched from the platform. */
  readonly fetched: number;
  /** Reports of a rejected token. */
  readonly invalidations: number;
}

/**
 * Fetch backendTokens from the platform at `baseUrl` (signed as §5.1.1 asks),
 * cached, one request at a time. With `gated`, reports are counted but the
 * token is kept — as the signer does when a report came less than a minute
 * after the previous one.
 */
export function platformTokens(
  baseUrl: string,
  options: { readonly gated?: boolean | undefined } = {},
): PlatformTokens {
  let current: Promise<{ token: string; tokenId: string }> | undefined;
  let fetched = 0;
  let invalidations = 0;
  const fetchToken = async () => {
    const fields = { appId: SIMULATED_APP_ID, nonceStr: createNonce(), timestamp: unixTimestamp() };
    const response = await fetch(`${baseUrl}/open/access/1.0/backendToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...fields,
        signature: tokenRequestSignature({ ...fields, secret: SIMULATED_SECRET }),
      }),
    });
    const reply = (await response.json()) as { resp: string; params: { backendToken: string } };
    if (reply.resp !== '00') throw new Error(`backendToken: ${reply.resp}`);
    fetched += 1;
    return { token: reply.params.backendToken, tokenId: `t${fetched}` };
  };
  return {
    appId: SIMULATED_APP_ID,
    backendToken: () => (current ??= fetchToken()),
    async invalidate(tokenId) {
      invalidations += 1;
      if (!options.gated && (await current)?.tokenId === tokenId) current = undefined;
      return options.gated ? 'limited' : 'invalidated';
    },
    get fetched() {
      return fetched;
    },
    get invalidations() {
      return invalidations;
    },
  };
}

/** Everything a login test needs, all on loopback. */
export interface LoginStack {
  readonly platform: FakeOpenPlatform;
  readonly platformUrl: string;
  readonly tokens: PlatformTokens;
  readonly service: ReturnType<typeof createLoginService>;
  /** URL of the login endpoint (`/upsdk/login`). */
  readonly loginUrl: string;
}

/** The fake platform and a login endpoint in front of it, each on its own loopback port. */
export async function loginStack(
  options: {
    readonly platform?: FakeOpenPlatformOptions;
    readonly service?: Partial<LoginServiceOptions>;
    readonly handler?: LoginHandlerOptions<unknown>;
    readonly gated?: boolean | undefined;
  } = {},
): Promise<LoginStack> {
  const platform = createFakeOpenPlatform(options.platform);
  const platformUrl = await serve(platform.handle);
  const tokens = platformTokens(platformUrl, { gated: options.gated });
  const service = createLoginService({
    tokens,
    baseUrl: platformUrl,
    symmetricKey: options.platform?.symmetricKey ?? SIMULATED_SYMMETRIC_KEY,
    ...options.service,
  });
  const handler = createLoginHandler(service, options.handler);
  const loginBase = await serve((request) =>
    new URL(request.url).pathname === '/upsdk/login'
      ? handler(request)
      : Promise.resolve(new Response('not found', { status: 404 })),
  );
  return { platform, platformUrl, tokens, service, loginUrl: `${loginBase}/upsdk/login` };
}
