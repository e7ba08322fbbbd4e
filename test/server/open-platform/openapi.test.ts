/**
 * The notification endpoint in the shipped OpenAPI document: every status
 * the handler really answers is documented for its method, with a body that
 * matches the documented schema.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNotificationHandler } from '../../../src/server/open-platform/index.js';
import { createFakeOpenPlatform, SIMULATED_APP_ID } from '../../../src/simulator/index.js';
import { serve } from '../login/helpers.js';

type Operation = { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> };
const doc = JSON.parse(
  readFileSync(new URL('../../../src/server/openapi.json', import.meta.url), 'utf8'),
) as {
  paths: Record<string, Record<string, Operation>>;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(doc, 'doc.json');

/** Why `reply` does not match the document for `method`; empty when it does. */
async function violations(method: 'get' | 'post', reply: Response): Promise<string[]> {
  const response = doc.paths['/upsdk/notifications']?.[method]?.responses[String(reply.status)];
  if (!response) return [`status ${reply.status} is not documented for ${method}`];
  const content = response.content[reply.headers.get('content-type')?.split(';')[0] ?? ''];
  if (!content) return [`content type ${reply.headers.get('content-type')} is not documented`];
  const validate = ajv.compile({ $ref: `doc.json${content.schema.$ref}` });
  return validate(await reply.json())
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

it('is still a valid OpenAPI 3.1 document with the notification endpoint', async () => {
  const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
  expect(result.errors ?? []).toEqual([]);
});

describe('real notification answers match the document', () => {
  it('200, 401, 400 and 405 for GET and POST, 409 and 500 for POST', async () => {
    const fake = createFakeOpenPlatform();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const url = await serve(
      createNotificationHandler({
        upPublicKey: await fake.upPublicKey(),
        appId: SIMULATED_APP_ID,
        onNotification: async () => {
          calls += 1;
          if (calls === 1) throw new Error('fails once');
          await gate;
        },
      }),
    );
    const fields = (extra: Record<string, string>) => ({ appId: SIMULATED_APP_ID, openId: 'o+1', ...extra });
    const signed = async (extra: Record<string, string> = {}) => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const unsigned = { ...fields(extra), timestamp, nonceStr: `n${Math.random()}` };
      return { ...unsigned, signature: await fake.sign(unsigned) };
    };
    const post = (body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const get = (query: Record<string, string>) =>
      fetch(
        `${url}?${Object.entries(query)
          .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
          .join('&')}`,
      );

    const failed = await post(await signed());
    const seen: [string, Response][] = [['post', failed]];
    const slow = await signed();
    const first = post(slow);
    await expect.poll(() => calls).toBe(2);
    seen.push(['post', await post(slow)]);
    release();
    seen.push(['post', await first]);
    seen.push(['post', await post({ ...(await signed()), openId: 'changed' })]);
    seen.push(['post', await post([1])]);
    seen.push(['get', await get(await signed({ openId: 'o+2' }))]);
    seen.push(['get', await get({ ...(await signed()), signature: 'AAAA' })]);
    seen.push(['get', await get({ appId: SIMULATED_APP_ID })]);
    seen.push(['post', await fetch(url, { method: 'PUT' })]);

    expect(seen.map(([, reply]) => reply.status)).toEqual([500, 409, 200, 401, 400, 200, 401, 401, 405]);
    for (const [method, reply] of seen) expect(await violations(method as 'get' | 'post', reply)).toEqual([]);
  });

  it('413 and 415 for POST, answered unread', async () => {
    const fake = createFakeOpenPlatform();
    const url = await serve(
      createNotificationHandler({ upPublicKey: await fake.upPublicKey(), onNotification: () => undefined }),
    );
    const tooLarge = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(200 * 1024) }),
    });
    const wrongType = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: 'x',
    });
    expect([tooLarge.status, wrongType.status]).toEqual([413, 415]);
    expect(await violations('post', tooLarge)).toEqual([]);
    expect(await violations('post', wrongType)).toEqual([]);
  });
});
