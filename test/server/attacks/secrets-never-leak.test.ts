/**
 * Attack: an upstream that echoes the request (backendToken, accessToken,
 * login code) and the secrets it knows (app secret, merchant key, 3DES key)
 * in its body, `msg` and headers (each family's upstream the secrets that
 * family holds), on every failure path: a bad 200, a
 * refusal, a redirect, 4xx, 5xx, a stall, a drip, a reset, an oversize body.
 * No secret may appear in an error message, a cause's message, a log event,
 * or an answer a browser reads (the signer's and login's problem+json).
 */
import { describe, expect, it } from 'vitest';
import { createSignatureHandler } from '../../../src/server/index.js';
import { createLoginHandler } from '../../../src/server/open-platform/index.js';
import { post, serve } from '../helpers/serve.js';
import {
  CALLS,
  callApi,
  familyCalls,
  LOGIN_CODE,
  loginAt,
  platformAt,
  SECRETS,
  secretsKnownTo,
  signerAt,
} from './clients.js';
import { errorTexts, hostileUpstream, type Behaviour } from './hostile-upstream.js';

const BEHAVIOURS: [string, Behaviour][] = [
  [
    'a 200 without resp echoing the request',
    { kind: 'json', status: 200, body: (echo) => ({ error: echo }) },
  ],
  [
    'a refusal whose msg echoes the request',
    { kind: 'json', status: 200, body: (echo) => ({ resp: 'E9', msg: echo, state: 'FAIL', code: '20006' }) },
  ],
  ['a 307 redirect', { kind: 'redirect', status: 307, location: 'http://127.0.0.1:9/' }],
  [
    'HTTP 400 echoing the request',
    { kind: 'json', status: 400, body: (echo) => ({ resp: 'E4', msg: echo }) },
  ],
  [
    'HTTP 500 echoing the request',
    { kind: 'json', status: 500, body: (echo) => ({ resp: 'E5', msg: echo }) },
  ],
  ['a stalled body', { kind: 'stall' }],
  ['a dripping body', { kind: 'drip', everyMs: 100 }],
  ['a reset in mid-body', { kind: 'reset' }],
  ['a 100 MB body', { kind: 'oversize', declared: false }],
];

const leaks = (texts: readonly string[]): string[] =>
  SECRETS.filter((secret) => texts.some((text) => text.includes(secret)));

describe.each(BEHAVIOURS)('%s', (_name, behaviour) => {
  it('no secret in any family error, its causes or its log events', async () => {
    const texts: string[] = [];
    for (const name of CALLS) {
      const upstream = await hostileUpstream(secretsKnownTo(name));
      upstream.behave(behaviour);
      const call = familyCalls(upstream.url)[name];
      const error: unknown = await call().then(
        () => new Error(`${name} resolved`),
        (reason: unknown) => reason,
      );
      texts.push(...errorTexts(error));
    }
    const events: unknown[] = [];
    const logged = (event: unknown): void => void events.push(event);
    const signerUpstream = await hostileUpstream(secretsKnownTo('signer'));
    const upstream = await hostileUpstream(secretsKnownTo('open platform'));
    signerUpstream.behave(behaviour);
    upstream.behave(behaviour);
    await signerAt(signerUpstream.url, logged)
      .backendToken()
      .catch((error: unknown) => texts.push(...errorTexts(error)));
    const platform = platformAt(upstream.url, logged);
    for (const api of ['user.mobile', 'token', 'red.packet.give', 'putIndustryCard'] as const)
      await callApi(platform, api).catch((error: unknown) => texts.push(...errorTexts(error)));
    texts.push(JSON.stringify(events));
    expect(events.length).toBeGreaterThan(0);
    expect(leaks(texts)).toEqual([]);
  });

  it("no secret in the signer's or the login's problem+json answer", async () => {
    const signerUpstream = await hostileUpstream(secretsKnownTo('signer'));
    const upstream = await hostileUpstream(secretsKnownTo('login'));
    signerUpstream.behave(behaviour);
    upstream.behave(behaviour);
    const signature = await serve(createSignatureHandler(signerAt(signerUpstream.url)));
    const login = await serve(createLoginHandler(loginAt(upstream.url)));
    try {
      const signed = await post(signature.url, { url: 'https://m.example.com/' });
      const loggedIn = await post(login.url, { code: LOGIN_CODE });
      expect(signed.type).toBe('application/problem+json');
      expect(loggedIn.type).toBe('application/problem+json');
      expect(
        leaks([signed.text, loggedIn.text, JSON.stringify([...signed.headers, ...loggedIn.headers])]),
      ).toEqual([]);
    } finally {
      await Promise.all([signature.close(), login.close()]);
    }
  });
});

describe('HTTP 5xx from the token endpoint', () => {
  it("the app secret is neither in the 502 detail browsers read nor in the error's message", async () => {
    const upstream = await hostileUpstream(secretsKnownTo('signer'));
    upstream.behave({ kind: 'json', status: 503, body: (echo) => ({ resp: 'E5', msg: echo }) });
    const signer = signerAt(upstream.url);
    const error = await signer.frontToken().then(
      () => new Error('resolved'),
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({ code: 'upstream_http_503' });
    expect(leaks(errorTexts(error))).toEqual([]);
    const endpoint = await serve(createSignatureHandler(signer));
    try {
      const reply = await post(endpoint.url, { url: 'https://m.example.com/' });
      expect(reply.body).toMatchObject({ status: 502, code: 'upstream_http_503' });
      expect(leaks([reply.text])).toEqual([]);
    } finally {
      await endpoint.close();
    }
  });
});
