/**
 * Results come back in one shape whatever the bridge answered with: the
 * shapes seen from different platforms and upsdk.js versions are fed in
 * through simulator plugin overrides.
 */
import { describe, expect, it } from 'vitest';
import { ChosenImage } from '../../src/device.js';
import { UpsdkError } from '../../src/index.js';
import { ok, type PluginBehaviours } from '../../src/simulator/index.js';
import { setup } from '../helpers/harness.js';
import { applet } from '../../src/applet.js';
import { chooseImage, getScreenBrightness, scanQRCode, setScreenBrightness } from '../../src/device.js';
import { getLocationCity, getLocationGps } from '../../src/location.js';

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const answering = (plugin: string, payload: unknown): PluginBehaviours => ({ [plugin]: () => ok(payload) });

async function rejection(promise: Promise<unknown>): Promise<UpsdkError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UpsdkError);
  return error as UpsdkError;
}

describe('getLocationGps', () => {
  it('parses a JSON string with numbers', async () => {
    const { client } = setup({
      plugins: answering('getLocationGps', '{"latitude":22.5,"longitude":114.06}'),
    });
    await expect(getLocationGps(client)).resolves.toEqual({ latitude: 22.5, longitude: 114.06 });
  });

  it('reads an object with numeric strings', async () => {
    const { client } = setup({
      plugins: answering('getLocationGps', { latitude: '22.5', longitude: '114.06' }),
    });
    await expect(getLocationGps(client)).resolves.toEqual({ latitude: 22.5, longitude: 114.06 });
  });

  it('rejects a position without numbers as invalid_result with the raw payload', async () => {
    const { client } = setup({ plugins: answering('getLocationGps', { latitude: '', longitude: 'east' }) });
    const error = await rejection(getLocationGps(client));
    expect({ code: error.code, plugin: error.plugin, raw: error.raw }).toEqual({
      code: 'invalid_result',
      plugin: 'getLocationGps',
      raw: { latitude: '', longitude: 'east' },
    });
  });

  it('rejects malformed JSON as invalid_result', async () => {
    const { client } = setup({ plugins: answering('getLocationGps', '{"latitude":') });
    expect((await rejection(getLocationGps(client))).code).toBe('invalid_result');
  });
});

describe('getLocationCity', () => {
  it('reads cityCd from an object (upsdk.js versions that do not unwrap it)', async () => {
    const { client } = setup({ plugins: answering('getLocationCity', { cityCd: '440100' }) });
    await expect(getLocationCity(client)).resolves.toBe('440100');
  });

  it('turns a numeric code into a string', async () => {
    const { client } = setup({ plugins: answering('getLocationCity', 110100) });
    await expect(getLocationCity(client)).resolves.toBe('110100');
  });

  it('rejects an empty answer as invalid_result', async () => {
    const { client } = setup({ plugins: answering('getLocationCity', '') });
    expect((await rejection(getLocationCity(client))).code).toBe('invalid_result');
  });
});

describe('scanQRCode', () => {
  it('unwraps {value} when the bridge did not', async () => {
    const { client } = setup({ plugins: answering('scanQRCode', { value: 'hello' }) });
    await expect(scanQRCode(client)).resolves.toBe('hello');
  });

  it('rejects an answer without text as invalid_result', async () => {
    const { client } = setup({ plugins: answering('scanQRCode', { result: 1 }) });
    expect((await rejection(scanQRCode(client))).code).toBe('invalid_result');
  });
});

describe('getScreenBrightness', () => {
  it('reads a bare numeric string', async () => {
    const { client } = setup({ plugins: answering('getScreenBrightness', '0.4') });
    await expect(getScreenBrightness(client)).resolves.toBe(0.4);
  });

  it('reads a JSON string', async () => {
    const { client } = setup({ plugins: answering('getScreenBrightness', '{"brightness":"0.9"}') });
    await expect(getScreenBrightness(client)).resolves.toBe(0.9);
  });
});

describe('chooseImage', () => {
  it('returns a ChosenImage whose bytes() are the decoded file', async () => {
    const { sim, client } = setup();
    sim.ui.image = { base64: PNG_BASE64, type: 'png' };
    const image = await chooseImage(client);
    expect(image).toBeInstanceOf(ChosenImage);
    expect(Array.from(image.bytes().subarray(0, 8))).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
    expect(image.bytes()).toHaveLength(70);
  });

  it('gives a Blob with the MIME type of the reported file type', async () => {
    const { sim, client } = setup();
    sim.ui.image = { base64: PNG_BASE64, type: 'png' };
    const blob = (await chooseImage(client)).blob();
    expect({ type: blob.type, size: blob.size }).toEqual({ type: 'image/png', size: 70 });
  });

  it('gives a data URL', async () => {
    const { sim, client } = setup();
    sim.ui.image = { base64: PNG_BASE64, type: 'png' };
    expect((await chooseImage(client)).dataUrl()).toBe(`data:image/png;base64,${PNG_BASE64}`);
  });

  it('decodes base64 that has line breaks, as Android encoders write it', async () => {
    const wrapped = PNG_BASE64.replace(/(.{40})/g, '$1\n');
    const { client } = setup({ plugins: answering('chooseImage', { base64: wrapped, type: 'png' }) });
    expect((await chooseImage(client)).bytes()).toHaveLength(70);
  });

  it('takes the type from a data: URL and strips the prefix', async () => {
    const { client } = setup({
      plugins: answering('chooseImage', { base64: `data:image/png;base64,${PNG_BASE64}` }),
    });
    const image = await chooseImage(client);
    expect({ base64: image.base64, type: image.type }).toEqual({ base64: PNG_BASE64, type: 'png' });
  });

  it('defaults the type to jpg like upsdk.js when the app reports none', async () => {
    const { client } = setup({ plugins: answering('chooseImage', { base64: PNG_BASE64 }) });
    expect((await chooseImage(client)).type).toBe('jpg');
  });

  it('rejects an answer that is not base64 as invalid_result', async () => {
    const { client } = setup({ plugins: answering('chooseImage', { base64: 'not base64!', type: 'jpg' }) });
    expect((await rejection(chooseImage(client))).code).toBe('invalid_result');
  });

  it('sends the vendor default for the missing size so the given one is honoured', async () => {
    const { sim, client } = setup();
    await chooseImage(client, { maxWidth: 300 });
    expect(sim.callsOf('chooseImage')[0]!.params).toEqual({ maxWidth: '300', maxHeight: '1000' });
  });

  it('accepts sourceType by number', async () => {
    const { sim, client } = setup();
    await chooseImage(client, { sourceType: 2 });
    expect(sim.callsOf('chooseImage')[0]!.params).toEqual({ sourceType: '2' });
  });
});

describe('flags, dates and optional values', () => {
  it('addCommonApp code 01 means it replaced another app', async () => {
    const { client } = setup({ plugins: answering('addCommonApp', { code: '01', msg: '替换成功' }) });
    await expect(applet(client).addCommonApp({ url: 'https://example.com/a' })).resolves.toEqual({
      replaced: true,
    });
  });

  it('getUserLogoutDate resolves undefined when the app gives no date', async () => {
    const { sim, client } = setup();
    sim.ui.userLogoutDate = undefined;
    await expect(applet(client).getUserLogoutDate()).resolves.toBeUndefined();
  });

  it('queryData resolves undefined for a key never stored', async () => {
    const { client } = setup();
    await expect(applet(client).queryData({ key: 'missing' })).resolves.toBeUndefined();
  });

  it('setScreenBrightness sends 1 as "1.0" and 0 as "0.0"', async () => {
    const { sim, client } = setup();
    await setScreenBrightness(client, { brightness: 1 });
    await setScreenBrightness(client, { brightness: 0 });
    expect(sim.callsOf('setScreenBrightness').map((call) => call.params.brightness)).toEqual(['1.0', '0.0']);
  });

  it('setScreenBrightness accepts floating-point tenths such as 0.1 + 0.2', async () => {
    const { sim, client } = setup();
    await setScreenBrightness(client, { brightness: 0.1 + 0.2 });
    expect(sim.callsOf('setScreenBrightness')[0]!.params).toEqual({ brightness: '0.3' });
  });

  it('openApplet passes a query string through as written', async () => {
    const { sim, client } = setup();
    await applet(client).openApplet({ appId: 'a', param: 'k1=v1&k2=v2' });
    expect(sim.callsOf('openApplet')[0]!.params).toEqual({ appId: 'a', param: 'k1=v1&k2=v2' });
  });
});
