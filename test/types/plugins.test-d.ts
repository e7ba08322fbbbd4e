import { describe, expectTypeOf, it } from 'vitest';
import {
  createClient,
  type ChosenImage,
  type GpsPosition,
  type Unsubscribe,
  type UpsdkClient,
} from '../../src/index.js';

declare module '../../src/index.js' {
  interface UpsdkPluginMap {
    getVoiceBroadcastState: { params: { channel: string }; result: { state: '0' | '1' } };
  }
}

describe('typed plugin methods', () => {
  const client: UpsdkClient = createClient({ signer: '/sign' });

  it('requires what a plugin needs', () => {
    // @ts-expect-error tn is required
    void client.pay({});
    // @ts-expect-error pay takes an input
    void client.pay();
    // @ts-expect-error tn is a string
    void client.pay({ tn: 1 });
    // @ts-expect-error transNo is required
    void client.verifyPayPwd({ bizType: '01' });
    // @ts-expect-error brightness is a number, not the wire string
    void client.setScreenBrightness({ brightness: '0.5' });
    // @ts-expect-error sourceType is 1 | 2 | 3 or a name
    void client.chooseImage({ sourceType: 4 });
    // @ts-expect-error scanType members are qrCode | barCode
    void client.scanQRCode({ scanType: ['dataMatrix'] });
    // @ts-expect-error navi takes places, not the vendor's sLat…
    void client.navi({ sLat: '1' });
  });

  it('lets inputs whose fields are all optional be left out', () => {
    expectTypeOf(client.chooseImage()).toEqualTypeOf<Promise<ChosenImage>>();
    expectTypeOf(client.scanQRCode()).toEqualTypeOf<Promise<string>>();
    expectTypeOf(client.addBankCard()).toEqualTypeOf<Promise<void>>();
  });

  it('resolves with normalized types', () => {
    expectTypeOf(client.pay({ tn: 't' })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(client.getLocationGps()).toEqualTypeOf<Promise<GpsPosition>>();
    expectTypeOf<GpsPosition['latitude']>().toEqualTypeOf<number>();
    expectTypeOf(client.getLocationCity()).toEqualTypeOf<Promise<string>>();
    expectTypeOf(client.getScreenBrightness()).toEqualTypeOf<Promise<number>>();
    expectTypeOf<ChosenImage['base64']>().toEqualTypeOf<string>();
    expectTypeOf<ReturnType<ChosenImage['bytes']>>().toEqualTypeOf<Uint8Array>();
    expectTypeOf<ReturnType<ChosenImage['blob']>>().toEqualTypeOf<Blob>();
    expectTypeOf(client.applet.addCommonApp({ url: 'u' })).toEqualTypeOf<
      Promise<{ readonly replaced: boolean }>
    >();
    expectTypeOf(client.applet.getUserLogoutDate()).toEqualTypeOf<Promise<Date | undefined>>();
    expectTypeOf(client.applet.appletAuth()).toEqualTypeOf<Promise<string>>();
    expectTypeOf(client.applet.navigateTo({ url: '/a' })).toEqualTypeOf<Promise<unknown>>();
  });

  it('gives listener methods something to stop them with', () => {
    expectTypeOf(client.monitorScreenShot(() => undefined)).toEqualTypeOf<Promise<Unsubscribe>>();
    expectTypeOf(client.setNavigationBarRightButton({ title: 't' })).toEqualTypeOf<Promise<Unsubscribe>>();
    expectTypeOf(client.events.subscribe('screenshot', () => undefined)).toEqualTypeOf<
      Promise<() => Promise<void>>
    >();
    // @ts-expect-error not an event of client.events
    client.events.on('deviceFound', () => undefined);
  });

  it('takes per-call controls last', () => {
    const signal = new AbortController().signal;
    void client.pay({ tn: 't' }, { timeout: 60_000, signal });
    void client.getLocationGps({ signal });
    // @ts-expect-error unknown control
    void client.getLocationGps({ retries: 2 });
  });

  it('types the raw wire shapes for client.call', () => {
    expectTypeOf(client.call('getLocationGps')).toEqualTypeOf<
      Promise<string | { latitude: string | number; longitude: string | number }>
    >();
    // @ts-expect-error the wire wants brightness as a string
    void client.call('setScreenBrightness', { brightness: 0.5 });
  });

  it('types a plugin added by declaration merging', () => {
    expectTypeOf(client.call('getVoiceBroadcastState', { channel: 'a' })).toEqualTypeOf<
      Promise<{ state: '0' | '1' }>
    >();
    // @ts-expect-error channel is required
    void client.call('getVoiceBroadcastState', {});
  });
});
