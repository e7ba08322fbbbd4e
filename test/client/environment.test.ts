/**
 * What a user agent says about the host app (BRIDGE-FACTS "Environment").
 * `detectEnvironment` reads every marker; the client's start-up reads only
 * "inside the app" and the version, with the same patterns, so that the core
 * does not ship the whole parser. Both must read a user agent the same way.
 */
import { describe, expect, it } from 'vitest';
import { createClient, detectEnvironment, UpsdkError } from '../../src/index.js';
import { createSimulatedSigner } from '../../src/simulator/index.js';
import { setup } from '../helpers/harness.js';

const IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148/sa-sdk-ios (com.unionpay.chsp) (cordova 4.5.4) (updebug 0) (version 938) (UnionPay/1.0 CloudPay) (clientVersion 198) (language zh_CN) (upHtml) (walletMode 00)';
const DESKTOP =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

describe('detectEnvironment', () => {
  it('reads every marker of a real in-app user agent', () => {
    expect(detectEnvironment(IOS)).toEqual({
      inApp: true,
      debugLevel: 0,
      appVersion: 938,
      bridge: 'cordova',
    });
  });

  it('finds nothing in a desktop browser', () => {
    expect(detectEnvironment(DESKTOP)).toEqual({
      inApp: false,
      debugLevel: undefined,
      appVersion: undefined,
      bridge: undefined,
    });
  });

  it('reads the mobilepay marker, the securitywebcache bridge and a test build, in any case', () => {
    expect(
      detectEnvironment(
        'Mozilla/5.0 (COM.UNIONPAY.MOBILEPAY) (SecurityWebCache 1.2) (UpDebug 2) (Version 500)',
      ),
    ).toEqual({ inApp: true, debugLevel: 2, appVersion: 500, bridge: 'securitywebcache' });
  });

  it('does not take a bank app carrying only "UnionPay/1.0" for the UnionPay app', () => {
    expect(detectEnvironment('Mozilla/5.0 (UnionPay/1.0 SomeBank) (version 938)').inApp).toBe(false);
  });
});

/** What start-up makes of `userAgent`: 'ready', or the code it rejects with. */
async function startupOutcome(userAgent: string): Promise<string> {
  const { client } = setup({ userAgent });
  return client.ready().then(
    () => 'ready',
    (error: unknown) => (error instanceof UpsdkError ? error.code : String(error)),
  );
}

/** What start-up should make of `userAgent`, by detectEnvironment (no version: assumed supported). */
function expectedOutcome(userAgent: string): string {
  const { inApp, appVersion } = detectEnvironment(userAgent);
  if (!inApp) return 'unavailable';
  return appVersion !== undefined && appVersion < 422 ? 'c102' : 'ready';
}

describe('start-up reads the user agent as detectEnvironment does', () => {
  const cases: readonly [label: string, userAgent: string][] = [
    ['a real iOS app', IOS],
    ['a desktop browser', DESKTOP],
    ['the mobilepay marker in upper case', 'Mozilla/5.0 (COM.UNIONPAY.MOBILEPAY) (updebug 0) (Version 422)'],
    ['an app older than 422', 'Mozilla/5.0 (com.unionpay.chsp) (updebug 0) (version 421)'],
    ['an upper-case old version', 'Mozilla/5.0 (com.unionpay.chsp) (updebug 0) (VERSION 300)'],
    ['an app without a version token', 'Mozilla/5.0 (com.unionpay.chsp) (updebug 0)'],
    ['a version without its parentheses', 'Mozilla/5.0 (com.unionpay.chsp) (updebug 0) version 300'],
    ['a bank app with only UnionPay/1.0', 'Mozilla/5.0 (UnionPay/1.0 SomeBank) (version 938)'],
  ];
  for (const [label, userAgent] of cases) {
    it(`agrees for ${label}`, async () => {
      expect(await startupOutcome(userAgent)).toBe(expectedOutcome(userAgent));
    });
  }

  it('covers every outcome in the cases above', () => {
    expect(new Set(cases.map(([, userAgent]) => expectedOutcome(userAgent)))).toEqual(
      new Set(['ready', 'unavailable', 'c102']),
    );
  });

  it('names the version it refused', async () => {
    setup({ userAgent: 'Mozilla/5.0 (com.unionpay.chsp) (updebug 0) (version 300)' });
    const client = createClient({ signer: createSimulatedSigner() });
    await expect(client.ready()).rejects.toMatchObject({ code: 'c102', msg: 'app version 300 < 422' });
  });
});
