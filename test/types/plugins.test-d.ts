import { describe, expectTypeOf, it } from 'vitest';
import { createClient, type UpsdkClient } from '../../src/index.js';
import { type ChosenImage } from '../../src/device.js';
import { type GpsPosition } from '../../src/location.js';
import { type Unsubscribe } from '../../src/page.js';
import { applet } from '../../src/applet.js';
import {
  chooseImage,
  getScreenBrightness,
  monitorScreenShot,
  scanQRCode,
  setScreenBrightness,
} from '../../src/device.js';
import { events } from '../../src/events.js';
import { getLocationCity, getLocationGps, navi } from '../../src/location.js';
import { setNavigationBarRightButton } from '../../src/page.js';
import { addBankCard, pay, verifyPayPwd } from '../../src/payment.js';

declare module '../../src/index.js' {
  interface UpsdkPluginMap {
    getVoiceBroadcastState: { params: { channel: string }; result: { state: '0' | '1' } };
  }
}

describe('typed plugin methods', () => {
  const client: UpsdkClient = createClient({ signer: '/sign' });

  it('requires what a plugin needs', () => {
    // @ts-expect-error tn is required
    void pay(client, {});
    // @ts-expect-error pay takes an input
    void pay(client);
    // @ts-expect-error tn is a string
    void pay(client, { tn: 1 });
    // @ts-expect-error transNo is required
    void verifyPayPwd(client, { bizType: '01' });
    // @ts-expect-error brightness is a number, not the wire string
    void setScreenBrightness(client, { brightness: '0.5' });
    // @ts-expect-error sourceType is 1 | 2 | 3 or a name
    void chooseImage(client, { sourceType: 4 });
    // @ts-expect-error scanType members are qrCode | barCode
    void scanQRCode(client, { scanType: ['dataMatrix'] });
    // @ts-expect-error navi takes places, not the vendor's sLat…
    void navi(client, { sLat: '1' });
  });

  it('lets inputs whose fields are all optional be left out', () => {
    expectTypeOf(chooseImage(client)).toEqualTypeOf<Promise<ChosenImage>>();
    expectTypeOf(scanQRCode(client)).toEqualTypeOf<Promise<string>>();
    expectTypeOf(addBankCard(client)).toEqualTypeOf<Promise<void>>();
  });

  it('resolves with normalized types', () => {
    expectTypeOf(pay(client, { tn: 't' })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(getLocationGps(client)).toEqualTypeOf<Promise<GpsPosition>>();
    expectTypeOf<GpsPosition['latitude']>().toEqualTypeOf<number>();
    expectTypeOf(getLocationCity(client)).toEqualTypeOf<Promise<string>>();
    expectTypeOf(getScreenBrightness(client)).toEqualTypeOf<Promise<number>>();
    expectTypeOf<ChosenImage['base64']>().toEqualTypeOf<string>();
    expectTypeOf<ReturnType<ChosenImage['bytes']>>().toEqualTypeOf<Uint8Array<ArrayBuffer>>();
    expectTypeOf<ReturnType<ChosenImage['blob']>>().toEqualTypeOf<Blob>();
    expectTypeOf(applet(client).addCommonApp({ url: 'u' })).toEqualTypeOf<
      Promise<{ readonly replaced: boolean }>
    >();
    expectTypeOf(applet(client).getUserLogoutDate()).toEqualTypeOf<Promise<Date | undefined>>();
    expectTypeOf(applet(client).appletAuth()).toEqualTypeOf<Promise<string>>();
    expectTypeOf(applet(client).navigateTo({ url: '/a' })).toEqualTypeOf<Promise<unknown>>();
  });

  it('gives listener methods something to stop them with', () => {
    expectTypeOf(monitorScreenShot(client, () => undefined)).toEqualTypeOf<Promise<Unsubscribe>>();
    expectTypeOf(setNavigationBarRightButton(client, { title: 't' })).toEqualTypeOf<Promise<Unsubscribe>>();
    expectTypeOf(events(client).subscribe('screenshot', () => undefined)).toEqualTypeOf<
      Promise<() => Promise<void>>
    >();
    // @ts-expect-error not an event of events(client)
    events(client).on('deviceFound', () => undefined);
  });

  it('takes per-call controls last', () => {
    const signal = new AbortController().signal;
    void pay(client, { tn: 't' }, { timeout: 60_000, signal });
    void getLocationGps(client, { signal });
    // @ts-expect-error unknown control
    void getLocationGps(client, { retries: 2 });
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
