import { describe, expectTypeOf, it } from 'vitest';
import { createClient, type UpsdkClient } from '../../src/index.js';

declare module '../../src/index.js' {
  interface UpsdkPluginMap {
    getBatteryInfo: { params: { unit?: string }; result: { level: string } };
  }
}

describe('client.call types', () => {
  const client: UpsdkClient = createClient({ signer: '/sign' });

  it('requires the params a plugin needs', () => {
    // @ts-expect-error tn is required
    void client.call('pay', {});
    // @ts-expect-error params are required for pay
    void client.call('pay');
    expectTypeOf(client.call('pay', { tn: 't' })).toEqualTypeOf<Promise<void>>();
  });

  it('types a plugin added by declaration merging', () => {
    expectTypeOf(client.call('getBatteryInfo')).toEqualTypeOf<Promise<{ level: string }>>();
    // @ts-expect-error unit must be a string
    void client.call('getBatteryInfo', { unit: 1 });
  });

  it('rejects unknown plugin names', () => {
    // @ts-expect-error not a known plugin
    void client.call('notAPlugin');
  });
});

describe('the core client', () => {
  const client = createClient({ signer: '/sign' });

  it('has only call, ready and jsApiList: families are functions taking it', () => {
    expectTypeOf<keyof UpsdkClient>().toEqualTypeOf<'call' | 'ready' | 'jsApiList'>();
    // @ts-expect-error environment() is gone: detectEnvironment(navigator.userAgent) from upsdk-kit
    void client.environment;
    // @ts-expect-error pay is `pay(client, …)` from upsdk-kit/payment now
    void client.pay;
    // @ts-expect-error bluetooth is `bluetooth(client)` from upsdk-kit/bluetooth now
    void client.bluetooth;
  });

  it('does not take family options any more', () => {
    // @ts-expect-error Bluetooth options go to bluetooth(client, options)
    createClient({ signer: '/sign', bluetooth: { valueEncoding: 'base64' } });
  });
});
