/**
 * A {@link SignerStore} on Redis through the official node-redis client
 * (`redis` package, v5 or later). Locks are `SET NX PX`; every
 * read-compare-write is a small Lua script so it is atomic on the server.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { InvalidateOutcome, SignerStore, TokenRecord } from './shared/store.js';

/** Script arguments as node-redis takes them. */
export interface RedisScriptArguments {
  readonly keys: string[];
  readonly arguments: string[];
}

/**
 * The part of a node-redis client the store uses; a `createClient()` result
 * fits. Give it an `'error'` listener: node-redis emits one on every lost
 * connection and reconnects by itself.
 */
export interface RedisClientLike {
  set(
    key: string,
    value: string,
    options: { condition: 'NX'; expiration: { type: 'PX'; value: number } },
  ): Promise<unknown>;
  evalSha(sha1: string, options: RedisScriptArguments): Promise<unknown>;
  eval(script: string, options: RedisScriptArguments): Promise<unknown>;
}

/** Options of {@link createRedisStore}. */
export interface RedisStoreOptions {
  /** Prepended to every key. Default `"upsdk-kit:"`. */
  readonly prefix?: string | undefined;
  /** Milliseconds since the epoch for the rate window. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
}

const SCRIPTS = {
  read: `return redis.call('HGETALL', KEYS[1])`,
  write: `
local current = tonumber(redis.call('HGET', KEYS[1], 'version'))
if current and current >= tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'token', ARGV[2], 'tokenId', ARGV[3], 'issuedAt', ARGV[4], 'expiresAt', ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return 1`,
  invalidate: `
local f = redis.call('HMGET', KEYS[1], 'token', 'tokenId', 'version')
if not f[1] or f[1] == '' or f[2] ~= ARGV[1] then return 'stale' end
if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'limited' end
redis.call('HSET', KEYS[1], 'token', '', 'version', tonumber(f[3]) + 1)
return 'invalidated'`,
  unlock: `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`,
  extend: `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`,
  remaining: `
local t = redis.call('PTTL', KEYS[1])
if t < 0 then return 0 end
return t`,
  take: `
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return 0`,
} as const;

type ScriptName = keyof typeof SCRIPTS;
const SHA1 = Object.fromEntries(
  Object.entries(SCRIPTS).map(([name, body]) => [name, createHash('sha1').update(body).digest('hex')]),
) as Record<ScriptName, string>;

function toRecord(reply: unknown): TokenRecord | undefined {
  if (!Array.isArray(reply) || reply.length === 0) return undefined;
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < reply.length; i += 2) fields[String(reply[i])] = String(reply[i + 1]);
  return {
    token: fields.token ?? '',
    tokenId: fields.tokenId ?? '',
    version: Number(fields.version),
    issuedAt: Number(fields.issuedAt),
    expiresAt: Number(fields.expiresAt),
  };
}

/**
 * Create a Redis-backed {@link SignerStore}. Keys look like
 * `upsdk-kit:{<appId>}:frontToken`; the braces keep one app's keys in one
 * Redis Cluster slot, as the scripts touching two keys require.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * const client = createClient({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
 * client.on('error', (error) => console.error('redis:', error.message));
 * await client.connect();
 * const signer = createSigner({ appId, secret, allowedOrigins, store: createRedisStore(client) });
 * ```
 */
export function createRedisStore(client: RedisClientLike, options: RedisStoreOptions = {}): SignerStore {
  const prefix = options.prefix ?? 'upsdk-kit:';
  const clock = options.clock ?? Date.now;
  const k = (key: string): string => prefix + key;

  async function run(name: ScriptName, keys: string[], args: string[]): Promise<unknown> {
    const call = { keys: keys.map(k), arguments: args };
    try {
      return await client.evalSha(SHA1[name], call);
    } catch (error) {
      // A restarted or flushed server forgot its scripts; EVAL loads the script again.
      if (!String((error as Error | undefined)?.message).includes('NOSCRIPT')) throw error;
      return client.eval(SCRIPTS[name], call);
    }
  }

  return {
    read: async (key) => toRecord(await run('read', [key], [])),
    async write(key, record, ttlMs) {
      const { version, token, tokenId, issuedAt, expiresAt } = record;
      const args = [version, token, tokenId, issuedAt, expiresAt, Math.max(1, Math.ceil(ttlMs))].map(String);
      return Number(await run('write', [key], args)) === 1;
    },
    invalidate: async (key, tokenId, gateKey, gateMs) =>
      String(
        await run('invalidate', [key, gateKey], [tokenId, String(Math.ceil(gateMs))]),
      ) as InvalidateOutcome,
    async lock(key, owner, ttlMs) {
      const reply = await client.set(k(key), owner, {
        condition: 'NX',
        expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) },
      });
      return reply === 'OK';
    },
    async unlock(key, owner) {
      await run('unlock', [key], [owner]);
    },
    extend: async (key, owner, ttlMs) =>
      Number(await run('extend', [key], [owner, String(Math.max(1, Math.ceil(ttlMs)))])) === 1,
    remaining: async (key) => Number(await run('remaining', [key], [])),
    async take(key, limit, windowMs) {
      const now = clock();
      return Number(await run('take', [key], [now, windowMs, limit, `${now}:${randomUUID()}`].map(String)));
    },
  };
}
