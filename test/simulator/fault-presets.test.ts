/**
 * The simulator's named faults (FAULT_PRESETS, the playground's fault menu) answer what the
 * real upsdk.js would hand the page for that native failure, on every plugin family
 * (BRIDGE-FACTS.md): the expectations below are written from those facts, not from the presets.
 * Issue 23: a message-only failure must not read as a user cancel, and pay keeps only a message.
 */
import { describe, expect, it } from 'vitest';
import type { UpsdkClient } from '../../src/index.js';
import { pay } from '../../src/payment.js';
import { getScreenBrightness } from '../../src/device.js';
import { getLocationCity } from '../../src/location.js';
import { chooseFileFromAlbum } from '../../src/media.js';
import { bluetooth } from '../../src/bluetooth.js';
import { hce } from '../../src/hce.js';
import { setNavigationBarTitle } from '../../src/page.js';
import { FAULT_PRESETS } from '../../src/simulator/index.js';
import { SDK_TEXTS } from '../../src/client/sdk-texts.js';
import { setup } from '../helpers/harness.js';

const SHORT = { timeout: 200 };

/** One plugin of each family with callbacks, called through its family's function. */
const FAMILIES: Readonly<
  Record<string, { plugin: string; call: (client: UpsdkClient) => Promise<unknown> }>
> = {
  payment: { plugin: 'pay', call: (client) => pay(client, { tn: 't' }, SHORT) },
  device: { plugin: 'getScreenBrightness', call: (client) => getScreenBrightness(client, SHORT) },
  location: { plugin: 'getLocationCity', call: (client) => getLocationCity(client, SHORT) },
  media: { plugin: 'chooseFileFromAlbum', call: (client) => chooseFileFromAlbum(client, SHORT) },
  bluetooth: { plugin: 'openBluetoothAdapter', call: (client) => bluetooth(client).open(SHORT) },
  hce: { plugin: 'getHCEState', call: (client) => hce(client).state(SHORT) },
};

type Expected = { code: string; raw?: unknown; msg?: RegExp | string };

/** What the page's error must be, by preset name and whether the plugin is pay (its fail keeps only `{msg}`). */
function expected(preset: string, isPay: boolean): Expected {
  switch (preset) {
    case 'no permission (c02)':
      return isPay
        ? { code: 'c02', raw: { msg: expect.stringMatching(new RegExp(`^${SDK_TEXTS.c02}: `)) } }
        : { code: 'c02', raw: expect.objectContaining({ errcode: 'c02' }) };
    case 'plugin missing (c04)':
      return isPay
        ? { code: 'c04', raw: { msg: expect.stringMatching(new RegExp(`^${SDK_TEXTS.c04}: `)) } }
        : { code: 'c04', raw: expect.objectContaining({ errcode: 'c04' }) };
    case 'native error 01':
      return isPay
        ? { code: 'unknown', raw: { msg: '内部错误 (simulated internal error)' } }
        : { code: '01', raw: { code: '01', msg: '内部错误 (simulated internal error)' } };
    case 'message only':
      return { code: 'unknown', msg: '操作失败 (simulated failure, no code)' };
    case 'cancel':
      return { code: 'cancel' };
    case 'drop (never answers)':
      return { code: 'timeout' };
    default:
      throw new Error(`no expectation for preset ${preset}: add one from BRIDGE-FACTS.md`);
  }
}

describe('fault presets', () => {
  it('name each preset once', () => {
    const names = FAULT_PRESETS.map((preset) => preset.name);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const preset of FAULT_PRESETS) {
    for (const [family, { plugin, call }] of Object.entries(FAMILIES)) {
      it(`"${preset.name}" on ${plugin} (${family}) answers as upsdk.js would`, async () => {
        const { sim, client } = setup();
        await client.ready();
        sim.fault(plugin, preset.fault, 1);
        const error = await call(client).then(
          () => undefined,
          (reason: unknown) => reason,
        );
        const { code, raw, msg } = expected(preset.name, plugin === 'pay');
        expect(error).toMatchObject({ code, ...(raw === undefined ? {} : { raw }), ...(msg ? { msg } : {}) });
      });
    }
  }

  it('leave plugins without callbacks (page titles, toasts) resolved: upsdk.js passes them none', async () => {
    const { sim, client } = setup();
    await client.ready();
    for (const preset of FAULT_PRESETS) {
      sim.fault('setNavigationBarTitle', preset.fault, 1);
      await expect(setNavigationBarTitle(client, { title: preset.name })).resolves.toBeUndefined();
    }
  });
});
