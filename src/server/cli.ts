/**
 * `upsdk-kit serve`: run the signer endpoint from environment variables and
 * flags. Without a secret it starts the embedded fake open platform, so it
 * works out of the box; the secret is read from the environment only, never
 * from a flag (flags show up in `ps`).
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createFakeOpenPlatform, SIMULATED_APP_ID, SIMULATED_SECRET } from '../simulator/open-platform.js';
import { createSignatureHandler } from './handler.js';
import { toNodeHandler } from './node-handler.js';
import { createRedisStore } from './redis-store.js';
import { createSigner } from './signer.js';
import type { SignerStore } from './store.js';

const USAGE = `Usage: upsdk-kit serve [options]

Runs the upsdk.config signature endpoint (POST {url} -> {appId, timestamp, nonceStr, signature, tokenId}).

Options (environment variable in brackets):
  --port <n>              port to listen on, 0 for any [PORT]                 default 8787
  --host <addr>           address to bind [HOST]                              default 127.0.0.1
  --app-id <id>           the app's appId [UPSDK_APP_ID]
  --allowed-origins <l>   comma-separated hosts, *.wildcards or origins [UPSDK_ALLOWED_ORIGINS]
                          default "localhost,127.0.0.1" with the fake platform
  --redis-url <url>       share tokens through Redis [REDIS_URL]
  --help                  show this help
The secret comes from UPSDK_SECRET only. Without it the embedded fake open platform issues tokens.`;

/** The settings `serve` runs with. */
interface ServeConfig {
  readonly port: number;
  readonly host: string;
  readonly appId: string;
  readonly secret: string | undefined;
  readonly allowedOrigins: readonly string[];
  readonly redisUrl: string | undefined;
}

function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ServeConfig | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'app-id': { type: 'string' },
      'allowed-origins': { type: 'string' },
      'redis-url': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals[0] !== 'serve' || positionals.length > 1) return 'help';
  const port = Number(values.port ?? env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(
      `Expected \`--port\` to be an integer in 0…65535, got ${String(values.port ?? env.PORT)}`,
    );
  const secret = env.UPSDK_SECRET || undefined;
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
    appId,
    secret,
    allowedOrigins,
    redisUrl: values['redis-url'] ?? env.REDIS_URL,
  };
}

async function connectRedis(url: string): Promise<{ store: SignerStore; close: () => Promise<void> }> {
  const { createClient } = await import('redis');
  // No offline queue: while Redis is away, store calls fail fast and the in-process token keeps serving.
  const client = createClient({ url, disableOfflineQueue: true });
  client.on('error', (error: Error) =>
    console.error(JSON.stringify({ type: 'redis_error', error: error.message })),
  );
  await client.connect();
  return { store: createRedisStore(client), close: () => client.close() };
}

async function serve(config: ServeConfig): Promise<void> {
  const fake =
    config.secret === undefined
      ? createFakeOpenPlatform({ apps: { [config.appId]: SIMULATED_SECRET } })
      : undefined;
  const redis = config.redisUrl ? await connectRedis(config.redisUrl) : undefined;
  const signer = createSigner({
    appId: config.appId,
    secret: config.secret ?? SIMULATED_SECRET,
    allowedOrigins: config.allowedOrigins,
    ...(fake ? { fetch: fake.fetch } : {}),
    ...(redis ? { store: redis.store } : {}),
    log: (event) => console.error(JSON.stringify(event)),
  });
  const server = createServer(toNodeHandler(createSignatureHandler(signer, { cors: true })));
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(
    `upsdk-kit signer listening on http://${host}:${port}/ (appId ${config.appId}${fake ? ', fake open platform' : ''})`,
  );
  const stop = (): void => {
    server.close();
    server.closeAllConnections();
    void redis?.close().catch(() => undefined);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Entry point: parse `argv` (without node and script) and run. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let config: ServeConfig | 'help';
  try {
    config = parseConfig(argv, env);
  } catch (error) {
    console.error(`upsdk-kit: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (config === 'help') {
    console.log(USAGE);
    return argv.includes('--help') ? 0 : 2;
  }
  await serve(config);
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
