/**
 * With `exactOptionalPropertyTypes` (on in `tsc --init` and in our tsconfig), an optional field
 * typed `?: T` refuses an explicit `undefined`, so `{ timeout: maybeTimeout }` or
 * `{ symmetricKey: process.env.X }` would not compile. Every optional option of the package is
 * `?: T | undefined`.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { createClient, type CallControl, type ClientOptions } from '../../src/index.js';
import { chooseImage, type ChooseImageInput } from '../../src/device.js';
import { pay, verifyPayPwd, type VerifyPayPwdInput } from '../../src/payment.js';
import type { ReadOptions } from '../../src/media.js';
import { type SignatureHandlerOptions, type SignerOptions } from '../../src/server/index.js';
import { createLoginService, type LoginServiceOptions } from '../../src/server/open-platform/index.js';
import type { SimulatorOptions } from '../../src/simulator/index.js';

/** The optional keys of `T` whose declared type leaves out `undefined`. */
type RefusesUndefined<T> = {
  [K in keyof T]-?: object extends Pick<T, K> ? (undefined extends Required<T>[K] ? never : K) : never;
}[keyof T];

declare const maybeNumber: number | undefined;
declare const maybeSignal: AbortSignal | undefined;
declare const maybeText: string | undefined;
declare const tokens: LoginServiceOptions['tokens'];

describe('optional options accept undefined', () => {
  it('the detector finds an optional field that refuses undefined', () => {
    expectTypeOf<RefusesUndefined<{ a?: string; b?: string | undefined; c: string }>>().toEqualTypeOf<'a'>();
  });

  it('createClient takes a maybe-timeout and a call a maybe-signal', () => {
    const client = createClient({ signer: '/sign', timeout: maybeNumber });
    void pay(client, { tn: 't' }, { signal: maybeSignal, timeout: maybeNumber });
    expectTypeOf<RefusesUndefined<ClientOptions>>().toBeNever();
    expectTypeOf<RefusesUndefined<CallControl>>().toBeNever();
  });

  it('chooseImage and verifyPayPwd take maybe-values', () => {
    const client = createClient({ signer: '/sign' });
    void chooseImage(client, { maxWidth: maybeNumber, maxHeight: undefined });
    void verifyPayPwd(client, { transNo: 'n', bizType: maybeText });
    expectTypeOf<RefusesUndefined<ChooseImageInput>>().toBeNever();
    expectTypeOf<RefusesUndefined<VerifyPayPwdInput>>().toBeNever();
    expectTypeOf<RefusesUndefined<ReadOptions>>().toBeNever();
  });

  it('createLoginService takes a key straight from process.env', () => {
    void createLoginService({ tokens, symmetricKey: process.env.X });
    expectTypeOf<RefusesUndefined<LoginServiceOptions>>().toBeNever();
    expectTypeOf<RefusesUndefined<SignerOptions>>().toBeNever();
    expectTypeOf<RefusesUndefined<SignatureHandlerOptions>>().toBeNever();
    expectTypeOf<RefusesUndefined<SimulatorOptions>>().toBeNever();
  });

  it('a required field still refuses undefined', () => {
    const client = createClient({ signer: '/sign' });
    // @ts-expect-error tn is required
    void pay(client, { tn: undefined });
  });
});
