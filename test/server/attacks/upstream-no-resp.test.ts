/**
 * Attack: the platform (or something in front of it) answers 200 with a body
 * that is not a §2.2 reply, e.g. `{"error":"maintenance"}`. Read as success it
 * would confirm a red packet, a qualification or an industry card that was
 * never given. Every interface but the flat §4.3 `token` refuses it.
 */
import { describe, expect, it } from 'vitest';
import { OpenApiError, type OpenApiName } from '../../../src/server/open-platform/index.js';
import { INTERFACES } from '../../../src/server/open-platform/interfaces.js';
import { callApi, platformAt } from './clients.js';
import { hostileUpstream } from './hostile-upstream.js';

const ALL = Object.keys(INTERFACES) as OpenApiName[];
const WRAPPED = ALL.filter((api) => !INTERFACES[api].flatReply);

describe('a 200 reply without `resp`', () => {
  it('only §4.3 token is named flat in the interface table', () => {
    expect(ALL.filter((api) => INTERFACES[api].flatReply)).toEqual(['token']);
  });

  it.each(WRAPPED)('%s fails with upstream_bad_reply instead of resolving', async (api) => {
    const upstream = await hostileUpstream();
    upstream.behave({ kind: 'json', status: 200, body: () => ({ error: 'maintenance' }) });
    const outcome: unknown = await callApi(platformAt(upstream.url), api).then(
      (value) => ({ resolved: value }),
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(OpenApiError);
    expect(outcome).toMatchObject({ code: 'upstream_bad_reply', api });
  });

  it('the flat §4.3 token reply is still read', async () => {
    const upstream = await hostileUpstream();
    upstream.behave({
      kind: 'json',
      status: 200,
      body: () => ({ accessToken: 'at', openId: 'oid', expiresIn: 3600, scope: 'upapi_base' }),
    });
    await expect(callApi(platformAt(upstream.url), 'token')).resolves.toMatchObject({ openId: 'oid' });
  });
});
