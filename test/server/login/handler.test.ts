import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createLoginHandler } from '../../../src/server/open-platform/index.js';
import { SIMULATED_USER } from '../../../src/simulator/index.js';
import { streamedRequest, tricklingBody, within } from '../helpers/bodies.js';
import { loginStack } from './helpers.js';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

type Schema = { required?: readonly string[]; properties?: Record<string, unknown> };
/** The shipped OpenAPI document (signer and login endpoints). */
const document = JSON.parse(
  readFileSync(new URL('../../../src/server/openapi.json', import.meta.url), 'utf8'),
) as {
  paths: Record<string, { post: { responses: Record<string, unknown> } }>;
  components: { schemas: Record<string, Schema> };
};
const schemas = document.components.schemas;

/** Check `body` against a schema of the fragment: required fields present, no undeclared ones. */
function expectMatches(body: Record<string, unknown>, name: string): void {
  const schema = schemas[name]!;
  for (const field of schema.required ?? []) expect(body, `${name}.${field}`).toHaveProperty(field);
  for (const field of Object.keys(body))
    expect(Object.keys(schema.properties ?? {}), `${name}.${field}`).toContain(field);
}

describe('createLoginHandler over HTTP', () => {
  it('answers who the user is and never the accessToken', async () => {
    const { platform, loginUrl } = await loginStack();
    const response = await post(loginUrl, { code: platform.issueCode() });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ openId: platform.openIdOf(), scope: 'upapi_base' });
    expectMatches(body, 'LoginSession');
  });

  it('adds the decrypted mobile and real name when configured and granted', async () => {
    const { platform, loginUrl } = await loginStack({ handler: { profile: ['mobile', 'realName'] } });
    const body = (await (
      await post(loginUrl, { code: platform.issueCode({ scope: 'upapi_auth' }) })
    ).json()) as Record<string, unknown>;
    expect(body).toEqual({
      openId: platform.openIdOf(),
      scope: 'upapi_auth',
      mobile: SIMULATED_USER.mobile,
      realName: SIMULATED_USER.realName,
      certType: SIMULATED_USER.certType,
      certId: SIMULATED_USER.certId,
    });
    expectMatches(body, 'LoginSession');
  });

  it('asks only for what the granted scope covers', async () => {
    const { platform, loginUrl } = await loginStack({ handler: { profile: ['mobile', 'realName'] } });
    const body = await (await post(loginUrl, { code: platform.issueCode({ scope: 'upapi_base' }) })).json();
    expect(body).toEqual({ openId: platform.openIdOf(), scope: 'upapi_base' });
    expect(platform.userRequests).toMatchObject({ 'user.mobile': 0, 'user.auth': 0 });
  });

  it('still logs in a user who has no mobile number', async () => {
    const { platform, loginUrl } = await loginStack({
      platform: { users: [{ id: 'no-phone' }] },
      handler: { profile: ['mobile'] },
    });
    const response = await post(loginUrl, {
      code: platform.issueCode({ scope: 'upapi_mobile', userId: 'no-phone' }),
    });
    expect(await response.json()).toEqual({ openId: platform.openIdOf('no-phone'), scope: 'upapi_mobile' });
  });

  it('answers a used code with 400 problem+json code a31', async () => {
    const { platform, loginUrl } = await loginStack();
    const code = platform.issueCode();
    await post(loginUrl, { code });
    const response = await post(loginUrl, { code });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 400, code: 'a31' });
    expectMatches(body, 'Problem');
  });

  it('answers a wrong symmetricKey with 502 decrypt_failed', async () => {
    const { platform, loginUrl } = await loginStack({
      service: { symmetricKey: 'fedcba98765432100123456789abcdef0123456789abcdef' },
      handler: { profile: ['mobile'] },
    });
    const response = await post(loginUrl, { code: platform.issueCode({ scope: 'upapi_mobile' }) });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ code: 'decrypt_failed' });
  });

  it.each([
    ['a body without code', { state: 'x' }, 400, 'invalid_request'],
    ['an empty code', { code: '' }, 400, 'invalid_request'],
    ['invalid JSON', '{"code":', 400, 'invalid_request'],
    ['a percent-encoded code', { code: 'ab%2Bcd' }, 400, 'invalid_param'],
  ])('answers %s with %i %s', async (_, body, status, code) => {
    const { loginUrl, platform } = await loginStack();
    const response = await post(loginUrl, body);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ code });
    expect(platform.userRequests.token).toBe(0);
  });

  it('answers a non-JSON body with 415', async () => {
    const { loginUrl } = await loginStack();
    const response = await post(loginUrl, 'code=abc', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(415);
  });

  it('answers a body over the limit with 413', async () => {
    const { loginUrl } = await loginStack({ handler: { maxBodyBytes: 64 } });
    const response = await post(loginUrl, { code: 'x'.repeat(100) });
    expect(response.status).toBe(413);
  });

  it('answers GET with 405 and Allow: POST', async () => {
    const { loginUrl } = await loginStack();
    const response = await fetch(loginUrl);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it("sends onLogin's own Response, e.g. with a session cookie", async () => {
    const { platform, loginUrl } = await loginStack({
      handler: {
        onLogin: (login) =>
          Response.json({ user: login.openId.length }, { headers: { 'set-cookie': 'sid=1; HttpOnly' } }),
      },
    });
    const response = await post(loginUrl, { code: platform.issueCode() });
    expect(response.headers.get('set-cookie')).toBe('sid=1; HttpOnly');
    expect(await response.json()).toEqual({ user: platform.openIdOf().length });
  });

  it('answers 500 without details when onLogin throws', async () => {
    const { platform, loginUrl } = await loginStack({
      handler: {
        onLogin: () => {
          throw new Error(`database down, token ${platform.currentToken('backendToken')}`);
        },
      },
    });
    const response = await post(loginUrl, { code: platform.issueCode() });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('database');
  });

  it('lists every status it answers in the OpenAPI document', () => {
    const responses = document.paths['/upsdk/login']!.post.responses;
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '405', '408', '413', '415', '500', '502']);
  });
});

describe('createLoginHandler called as a fetch handler', () => {
  it('gives up a body that trickles past bodyTimeoutMs with 408, and cancels it', async () => {
    const { service } = await loginStack();
    const body = tricklingBody(50);
    const handler = createLoginHandler(service, { bodyTimeoutMs: 300 });
    const headers = { 'content-type': 'application/json' };
    const reply = await within(
      handler(streamedRequest('http://127.0.0.1/upsdk/login', body.stream, headers)),
      3_000,
    );
    if (reply === 'no answer') await body.stream.cancel();
    expect(reply === 'no answer' ? reply : reply.status).toBe(408);
    expect(body.cancelled()).toBe(true);
  });
});
