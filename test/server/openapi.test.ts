/**
 * The shipped OpenAPI document is valid OpenAPI 3.1, and real answers of the
 * server (every documented status) match its schemas (ajv 8, JSON Schema 2020-12).
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createNodeServer,
  createRedisStore,
  createSignatureHandler,
  createSigner,
  createUploadSink,
  type SignerOptions,
} from '../../src/server/index.js';
import { createLoginHandler, createLoginService } from '../../src/server/open-platform/index.js';
import { SIMULATED_APP_ID, SIMULATED_SECRET, SIMULATED_SYMMETRIC_KEY } from '../../src/simulator/index.js';
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

/** Check `reply` against the document's response for `method` on `path` and its status; return ajv's errors. */
function violations(method: string, reply: JsonReply, path = '/upsdk/signature'): string[] {
  const operation = doc.paths[path]?.[method];
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

  it('400 for a body that is not UTF-8', async () => {
    const body = new Uint8Array([
      ...Buffer.from('{"url":"https://m.example.com/'),
      0xff,
      ...Buffer.from('"}'),
    ]);
    const headers = { 'content-type': 'application/json' };
    const reply = await read(await fetch(await endpointWith(), { method: 'POST', headers, body }));
    expect([reply.status, reply.body.detail]).toEqual([400, 'the body is not UTF-8 text']);
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

/** Every response object of the document, its $ref resolved, with where it is. */
function everyResponse(): [
  string,
  { content?: Record<string, { schema: object; examples?: Record<string, { value: unknown }> }> },
][] {
  const all: [string, never][] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        const resolved = response.$ref ? doc.components.responses[response.$ref.split('/').pop()!] : response;
        all.push([`${method.toUpperCase()} ${path} ${status}`, resolved as never]);
      }
    }
  }
  return all;
}

describe('examples', () => {
  it.each(everyResponse().filter(([, response]) => response.content))(
    '%s has an example its schema accepts',
    (_where, response) => {
      for (const media of Object.values(response.content!)) {
        const examples = Object.values(media.examples ?? {});
        expect(examples.length).toBeGreaterThan(0);
        const validate = ajv.compile({ $ref: refOf(media.schema) });
        for (const example of examples)
          expect(validate(example.value), JSON.stringify(validate.errors)).toBe(true);
      }
    },
  );
});

describe('one error vocabulary', () => {
  it('documents no code outside the vocabulary', () => {
    const validate = ajv.compile({ $ref: 'signer.json#/components/schemas/Problem' });
    for (const code of ['internal', 'body_too_large', 'too_large'])
      expect(validate({ type: 'about:blank', title: 'x', status: 500, detail: 'x', code })).toBe(false);
  });

  it('answers 413 payload_too_large from the signer, the login handler and the upload sink alike', async () => {
    const signer = createSigner({
      appId: SIMULATED_APP_ID,
      secret: SIMULATED_SECRET,
      allowedOrigins: ['m.example.com'],
      baseUrl: platform.url,
    });
    const login = createLoginHandler(
      createLoginService({ tokens: signer, symmetricKey: SIMULATED_SYMMETRIC_KEY }),
    );
    const sink = createUploadSink({ maxBytes: 10 });
    const big = JSON.stringify({ url: 'x'.repeat(20_000), code: 'x'.repeat(20_000) });
    const signed = await post(await endpointWith(), big);
    const loginServed = await serve(login);
    endpoints.push(loginServed);
    const loggedIn = await post(loginServed.url, big);
    const sinkServed = await serve(sink.handle);
    endpoints.push(sinkServed);
    const opened = await fetch(`${sinkServed.url}/uploads/`, { method: 'POST' });
    const uploaded = await read(
      await fetch(new URL(opened.headers.get('location')!, sinkServed.url), {
        method: 'PUT',
        headers: { 'content-range': 'bytes 0-19/20' },
        body: 'x'.repeat(20),
      }),
    );
    for (const [path, reply] of [
      ['/upsdk/signature', signed],
      ['/upsdk/login', loggedIn],
      ['/uploads/{id}', uploaded],
    ] as const) {
      expect(reply.body.code).toBe('payload_too_large');
      expect(violations(path === '/uploads/{id}' ? 'put' : 'post', reply, path)).toEqual([]);
    }
  });

  it('answers an unexpected failure as 500 internal_error', async () => {
    const failing = await serve(async () => {
      throw new TypeError('boom');
    });
    endpoints.push(failing);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const reply = await post(failing.url, {});
      expect(reply).toMatchObject({
        status: 500,
        type: 'application/problem+json',
        body: { code: 'internal_error' },
      });
    } finally {
      errors.mockRestore();
    }
  });
});

describe('upload sink answers match the document', () => {
  it('201, 200, 409, 404, 429 and 507', async () => {
    const sink = createUploadSink({ maxBytes: 100, maxTotalBytes: 150, maxUploads: 2 });
    const server = createNodeServer({ '/uploads/': sink.handle });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const open = async () => read(await fetch(`${base}/uploads/`, { method: 'POST' }));
      const opened = await open();
      const url = new URL(opened.headers.get('location')!, base);
      const put = async (range: string, body: string) =>
        read(await fetch(url, { method: 'PUT', headers: { 'content-range': range }, body }));
      const second = await open();
      const checks: [string, string, JsonReply][] = [
        ['post', '/uploads/', opened],
        ['put', '/uploads/{id}', await put('bytes 0-9/100', 'x'.repeat(10))],
        ['put', '/uploads/{id}', await put('bytes 0-9/100', 'x'.repeat(10))],
        ['post', '/uploads/', await open()],
        ['get', '/uploads/{id}', await read(await fetch(`${base}/uploads/${'0'.repeat(32)}`))],
        [
          'put',
          '/uploads/{id}',
          await read(
            await fetch(new URL(second.headers.get('location')!, base), {
              method: 'PUT',
              headers: { 'content-range': 'bytes 0-9/100' },
              body: 'x'.repeat(10),
            }),
          ),
        ],
        ['put', '/uploads/{id}', await put('bytes 10-99/100', 'x'.repeat(90))],
      ];
      expect(checks.map(([, , reply]) => reply.status)).toEqual([201, 200, 409, 429, 404, 507, 201]);
      for (const [method, path, reply] of checks) expect(violations(method, reply, path)).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
