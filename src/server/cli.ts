/**
 * `upsdk-kit serve`: run the signer endpoint from environment variables and
 * flags. Without a secret it starts the embedded fake open platform, so it
 * works out of the box; the secret is read from the environment only, never
 * from a flag (flags show up in `ps`).
 */
import type { Server } from 'node:http';
import { parseArgs } from 'node:util';
import {
  createFakeOpenPlatform,
  SIMULATED_APP_ID,
  SIMULATED_FRONT_TOKEN,
  SIMULATED_SECRET,
} from '../simulator/open-platform.js';
import { acpDemoRoute } from './cli-acp.js';
import { createSignatureHandler } from './handler.js';
import { createNodeServer } from './node-server.js';
import { createRedisStore } from './redis-store.js';
import { createSigner } from './signer.js';
import type { SignerStore } from './shared/store.js';

const USAGE = `Usage: upsdk-kit serve [options]

Runs the upsdk.config signature endpoint (POST {url} -> {appId, timestamp, nonceStr, signature, tokenId});
other paths answer 404.

Options (environment variable in brackets):
  --port <n>              port to listen on, 0 for any [PORT]                 default 8787
  --host <addr>           address to bind [HOST]                              default 127.0.0.1
  --path <path>           path of the endpoint                                default /upsdk/signature
  --app-id <id>           the app's appId [UPSDK_APP_ID]
  --allowed-origins <l>   comma-separated hosts, *.wildcards or origins [UPSDK_ALLOWED_ORIGINS]
                          default "localhost,127.0.0.1" with the fake platform
  --platform-url <url>    the open platform's base URL [UPSDK_PLATFORM_URL]   default https://open.95516.com
  --redis-url <url>       share tokens through Redis [REDIS_URL]; while Redis is unreachable the
                          endpoint answers 503 store_unavailable (with Retry-After) rather than
                          fetch a token of its own, which would evict the other instances' tokens
  --simulate              sign for installSimulator() (the embedded fake open platform issues the
                          simulator's frontToken); refuses UPSDK_SECRET and --platform-url
  --acp-demo              also serve the ACP money-loop demo order endpoint under /acp/ (order, notify,
                          query, timeline) over the fake ACP gateway, or over UnionPay's with ACP_MER_ID,
                          ACP_PFX + ACP_PFX_PASSWORD, ACP_ROOT_CERT, ACP_MIDDLE_CERT, ACP_BACK_URL set
  --help                  show this help
The secret comes from UPSDK_SECRET only. Without it (and without --platform-url) the embedded
fake open platform issues tokens, as with --simulate.`;

/** The settings `serve` runs with. */
interface ServeConfig {
  readonly port: number;
  readonly host: string;
  readonly path: string;
  readonly platformUrl: string | undefined;
  readonly appId: string;
  readonly secret: string | undefined;
  readonly allowedOrigins: readonly string[];
  readonly redisUrl: string | undefined;
  readonly acpDemo: boolean;
}

/** parseArgs, with its errors reworded: a `--secret` flag gets told where the secret comes from. */
function parseFlags(argv: readonly string[]) {
  if (argv.some((arg) => /^--secret(=|$)/.test(arg))) {
    throw new Error('the secret is read from UPSDK_SECRET only: a flag would show in `ps` and shell history');
  }
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        path: { type: 'string' },
        'app-id': { type: 'string' },
        'allowed-origins': { type: 'string' },
        'platform-url': { type: 'string' },
        'redis-url': { type: 'string' },
        simulate: { type: 'boolean' },
        'acp-demo': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    // node's messages ("Unknown option '--x'. To specify a positional argument …") are long; keep the first sentence.
    throw new Error(String((error as Error).message).split('. ')[0]);
  }
}

function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ServeConfig | 'help' {
  const { values, positionals } = parseFlags(argv);
  if (values.help || positionals.length === 0) return 'help';
  if (positionals[0] !== 'serve')
    throw new Error(`unknown command "${positionals[0]}": the only command is "serve"`);
  if (positionals.length > 1) throw new Error(`unexpected argument "${positionals[1]}"`);
  const path = values.path ?? '/upsdk/signature';
  if (!/^\/[\x21-\x7e]*$/.test(path) || path.includes('?') || path.includes('#'))
    throw new Error(`Expected \`--path\` to be a path such as /upsdk/signature, got ${JSON.stringify(path)}`);
  const port = Number(values.port ?? env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(
      `Expected \`--port\` to be an integer in 0…65535, got ${String(values.port ?? env.PORT)}`,
    );
  const secret = env.UPSDK_SECRET || undefined;
  const platformUrl = values['platform-url'] ?? (env.UPSDK_PLATFORM_URL || undefined);
  // A forgotten UPSDK_SECRET in the shell would otherwise sign for the real platform and every config fail c01.
  if (values.simulate && (secret !== undefined || platformUrl !== undefined))
    throw new Error(
      '--simulate signs with the fake open platform: unset UPSDK_SECRET and UPSDK_PLATFORM_URL',
    );
  const origins =
    values['allowed-origins'] ?? env.UPSDK_ALLOWED_ORIGINS ?? (secret ? '' : 'localhost,127.0.0.1');
  const allowedOrigins = origins
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (allowedOrigins.length === 0)
    throw new Error('Expected `--allowed-origins` (or UPSDK_ALLOWED_ORIGINS) with a real secret');
  const appId = values['app-id'] ?? env.UPSDK_APP_ID ?? SIMULATED_APP_ID;
  return {
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    path,
    platformUrl,
    appId,
    secret,
    allowedOrigins,
    redisUrl: values['redis-url'] ?? env.REDIS_URL,
    acpDemo: values['acp-demo'] === true,
  };
}

/**
 * A Redis store that does not wait for Redis: the client connects (and reconnects) in the
 * background, and until it is ready every store call fails at once, so the signer answers 503.
 */
function connectRedis(
  url: string,
  log: (line: object) => void,
): Promise<{ store: SignerStore; close: () => Promise<void> }> {
  return import('redis').then(({ createClient }) => {
    // No offline queue: while Redis is away, store calls fail fast and the in-process token keeps serving.
    const client = createClient({ url, disableOfflineQueue: true });
    // node-redis reports every failed reconnection; log the change of state only.
    let reachable = true;
    client.on('error', (error: Error) => {
      if (reachable) log({ type: 'redis_unreachable', error: error.message });
      reachable = false;
    });
    client.on('ready', () => {
      if (!reachable) log({ type: 'redis_ready' });
      reachable = true;
    });
    client.connect().catch(() => undefined);
    return { store: createRedisStore(client), close: () => client.close().catch(() => undefined) };
  }, missingRedis);
}

/**
 * `redis` is an optional peer dependency: when it is not installed, say what to do in one line
 * instead of Node's resolution error; any other failure to load it is passed on as it is.
 */
function missingRedis(error: unknown): never {
  const { code } = (error ?? {}) as { code?: unknown };
  if (code === 'ERR_MODULE_NOT_FOUND' && error instanceof Error && /'redis'/.test(error.message))
    throw new Error("REDIS_URL needs the 'redis' package: npm install redis", { cause: error });
  throw error;
}

/** Listen, or fail with one line saying why (a busy port, an address that does not resolve). */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE'
          ? 'the port is in use'
          : error.code === 'ENOTFOUND'
            ? 'no such host'
            : error.message;
      reject(new Error(`cannot listen on ${host}:${port}: ${why} (${error.code ?? error.name})`));
    });
    server.listen(port, host, () => resolve());
  });
}

async function serve(config: ServeConfig, env: NodeJS.ProcessEnv): Promise<void> {
  const log = (line: object): void => console.error(JSON.stringify(line));
  const fake =
    config.secret === undefined && config.platformUrl === undefined
      ? createFakeOpenPlatform({
          apps: { [config.appId]: SIMULATED_SECRET },
          frontToken: SIMULATED_FRONT_TOKEN,
        })
      : undefined;
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, log) : undefined;
  const acp = config.acpDemo ? await acpDemoRoute(env) : undefined;
  try {
    const signer = createSigner({
      appId: config.appId,
      secret: config.secret ?? SIMULATED_SECRET,
      allowedOrigins: config.allowedOrigins,
      ...(fake ? { fetch: fake.fetch } : {}),
      ...(config.platformUrl ? { baseUrl: config.platformUrl } : {}),
      ...(redis ? { store: redis.store } : {}),
      log,
    });
    const server = createNodeServer({
      [config.path]: createSignatureHandler(signer, { cors: true }),
      ...(acp ? { '/acp/': acp.handler } : {}),
    });
    await listen(server, config.port, config.host);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    console.log(
      `upsdk-kit signer listening on http://${host}:${port}${config.path} (appId ${config.appId}${fake ? ', fake open platform: signs for installSimulator()' : ''})`,
    );
    if (acp) console.log(`${acp.description}: http://${host}:${port}/acp/order`);
    const stop = (): void => {
      server.close();
      server.closeAllConnections();
      void redis?.close();
      acp?.close();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    await redis?.close();
    acp?.close();
    throw error;
  }
}

/** Entry point: parse `argv` (without node and script) and run. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let config: ServeConfig | 'help';
  try {
    config = parseConfig(argv, env);
  } catch (error) {
    console.error(
      `upsdk-kit: ${error instanceof Error ? error.message : String(error)}\nRun \`upsdk-kit serve --help\` for the options.`,
    );
    return 2;
  }
  if (config === 'help') {
    console.log(USAGE);
    return argv.includes('--help') ? 0 : 2;
  }
  await serve(config, env);
  return 0;
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`upsdk-kit: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
