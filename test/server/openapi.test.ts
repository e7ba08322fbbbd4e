/**
 * The shipped OpenAPI document is valid OpenAPI 3.1, and real answers of the
 * server (every documented status) match its schemas (ajv 8, JSON Schema 2020-12).
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRedisStore,
  createSignatureHandler,
  createSigner,
  type SignerOptions,
} from '../../src/server/index.js';
import { SIMULATED_APP_ID, SIMULATED_SECRET } from '../../src/simulator/index.js';
import { startRedis } from './helpers/redis.js';
import { post, read, serve, servePlatform, type JsonReply, type ServedPlatform } from './helpers/serve.js';

const doc = JSON.parse(readFileSync(new URL('../../src/server/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }> }
    >
  >;
  components: { responses: Record<string, { content?: Record<string, { schema: object }> }> };
};
// ajv-formats is CommonJS; its default export arrives wrapped or not depending on the loader.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'signer.json');

/** Check `reply` against the document's response for `method` and its status; return ajv's errors. */
function violations(method: string, reply: JsonReply): string[] {
  const operation = doc.paths['/upsdk/signature']?.[method];
  let response = operation?.responses[String(reply.status)];
  if (!response) return [`status ${reply.status} is not documented for ${method}`];
  if (response.$ref) response = doc.components.responses[response.$ref.split('/').pop()!];
  const mediaType = reply.type.split(';')[0]!.trim();
  const content = response?.content?.[mediaType];
  if (!content) return [`content type ${mediaType} is not documented for ${reply.status}`];
  const validate = ajv.compile({ $ref: refOf(content.schema) });
  return validate(reply.body)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
const refOf = (schema: object): string => `signer.json${(schema as { $ref: string }).$ref}`;

let platform: ServedPlatform;
const endpoints: { close(): Promise<void> }[] = [];
async function endpointWith(options: Partial<SignerOptions> = {}): Promise<string> {
  const signer = createSigner({
    appId: SIMULATED_APP_ID,
    secret: SIMULATED_SECRET,
    allowedOrigins: ['m.example.com'],
    baseUrl: platform.url,
    retryDelay: 1,
    ...options,
  });
  const served = await serve(createSignatureHandler(signer, { cors: true }));
  endpoints.push(served);
  return served.url;
}

beforeAll(async () => {
  platform = await servePlatform();
});
afterAll(async () => {
  await Promise.all([...endpoints.map((served) => served.close()), platform.close()]);
});

it('is a valid OpenAPI 3.1 document', async () => {
  const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
});

describe('real answers match the document', () => {
  const url = 'https://m.example.com/page';
  const cases: [number, unknown][] = [
    [200, { url }],
    [200, { url, retry: true, tokenId: 'stale' }],
    [400, { url: 'not a url' }],
    [400, '{oops'],
    [403, { url: 'https://evil.example/' }],
  ];
  it.each(cases)('%i for %j', async (status, body) => {
    const reply = await post(await endpointWith(), body);
    expect(reply.status).toBe(status);
    expect(violations('post', reply)).toEqual([]);
  });

  it('405', async () => {
    const reply = await read(await fetch(await endpointWith(), { method: 'PUT', body: '{}' }));
    expect(reply.status).toBe(405);
    expect(violations('post', reply)).toEqual([]);
  });

  it('413', async () => {
    const reply = await post(await endpointWith(), { url: `${url}?${'x'.repeat(70_000)}` });
    expect(reply.status).toBe(413);
    expect(violations('post', reply)).toEqual([]);
  });

  it('415', async () => {
    const reply = await post(await endpointWith(), JSON.stringify({ url }), { 'content-type': 'text/plain' });
    expect(reply.status).toBe(415);
    expect(violations('post', reply)).toEqual([]);
  });

  it('429', async () => {
    platform.platform.fault({ status: 500 }, 1);
    const reply = await post(await endpointWith({ appId: 'cappedApp', maxUpstreamCallsPerMinute: 1 }), {
      url,
    });
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(violations('post', reply)).toEqual([]);
  });

  it('502', async () => {
    platform.platform.fault({ garbage: true }, 3);
    const reply = await post(await endpointWith(), { url });
    expect(reply.status).toBe(502);
    expect(violations('post', reply)).toEqual([]);
  });

  it('503', async () => {
    const redis = await startRedis();
    const client = await redis.client();
    await redis.stop();
    const reply = await post(await endpointWith({ store: createRedisStore(client), storeTimeout: 200 }), {
      url,
    });
    expect(reply.status).toBe(503);
    expect(violations('post', reply)).toEqual([]);
  });

  it('204 preflight', async () => {
    const response = await fetch(await endpointWith(), {
      method: 'OPTIONS',
      headers: { origin: 'https://m.example.com' },
    });
    expect(response.status).toBe(204);
    expect(doc.paths['/upsdk/signature']?.options?.responses['204']).toBeDefined();
  });

  it('detects a body that does not match', () => {
    const reply: JsonReply = {
      status: 200,
      type: 'application/json',
      headers: new Headers(),
      body: { appId: 'x' },
      text: '',
    };
    expect(violations('post', reply).length).toBeGreaterThan(0);
  });
});
