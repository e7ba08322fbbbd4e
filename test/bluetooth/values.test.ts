import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { bluetooth, type ValueCodec } from '../../src/bluetooth.js';
import { createSimulatedSigner } from '../../src/simulator/index.js';
import { decodeValue, VALUE_CODECS } from '../../src/plugins/value-codec.js';
import { bleSetup, control, eventually, HRM, measurement } from './fixtures.js';

const WRITE = 'writeBLECharacteristicValue';

async function connected(...args: Parameters<typeof bleSetup>) {
  const h = await bleSetup(...args);
  await h.ble.connect(HRM.deviceId);
  return h;
}

describe('bluetooth write values', () => {
  it.each([
    ['a Uint8Array', Uint8Array.of(1, 0xab)],
    ['an ArrayBuffer', Uint8Array.of(1, 0xab).buffer],
    ['a DataView over part of a buffer', new DataView(Uint8Array.of(9, 1, 0xab, 9).buffer, 1, 2)],
    ['a hex string in either case', '01aB'],
  ])('sends %s as upper-case hex by default', async (_label, value) => {
    const { sim, ble } = await connected();
    await ble.write({ ...control, value });
    expect(sim.callsOf(WRITE)[0]?.params.value).toBe('01AB');
    expect([...sim.bluetooth.writes(control)[0]!.value]).toEqual([1, 0xab]);
  });

  it.each([
    ['an odd-length hex string', '012'],
    ['a non-hex string', 'zz'],
    ['an empty string', ''],
    ['a number', 1],
  ])('rejects %s before the bridge', async (_label, value) => {
    const { sim, ble } = await connected();
    await expect(ble.write({ ...control, value: value as string })).rejects.toMatchObject({
      code: 'invalid_param',
      plugin: WRITE,
      message: expect.stringContaining('Expected `value` to be'),
    });
    expect(sim.callsOf(WRITE)).toHaveLength(0);
  });
});

describe('bluetooth value encoding option', () => {
  it('hands out bytes over a plain ArrayBuffer even when a custom codec decodes into shared memory', async () => {
    const shared: ValueCodec = {
      encode: VALUE_CODECS.hex.encode,
      decode: (text) => {
        const bytes = VALUE_CODECS.hex.decode(text);
        if (!bytes) return undefined;
        const view = new Uint8Array(new SharedArrayBuffer(bytes.length));
        view.set(bytes);
        return view;
      },
    };
    const { ble } = await connected({}, { valueEncoding: shared });
    const { value } = await ble.read(measurement);
    expect(value.buffer).toBeInstanceOf(ArrayBuffer);
    expect([...value]).toEqual([0, 0x48]);
  });

  it('writes and reads base64 when configured', async () => {
    const { sim, ble } = await connected({ encoding: 'base64' }, { valueEncoding: 'base64' });
    await ble.write({ ...control, value: Uint8Array.of(1, 2, 3) });
    expect(sim.callsOf(WRITE)[0]?.params.value).toBe('AQID');
    await expect(ble.read(measurement)).resolves.toMatchObject({
      value: Uint8Array.of(0, 0x48),
      raw: 'AEg=',
    });
  });

  it('decodes base64 notifications when configured', async () => {
    const { sim, ble } = await connected({ encoding: 'base64' }, { valueEncoding: 'base64' });
    const iterator = ble.notifications(measurement);
    const next = iterator.next();
    await eventually(() => expect(sim.bluetooth.notifying()).toHaveLength(1));
    sim.bluetooth.notify(measurement, Uint8Array.of(7, 8));
    await expect(next).resolves.toMatchObject({ value: { value: Uint8Array.of(7, 8), raw: 'Bwg=' } });
    await iterator.return();
    expect(sim.activeSubscriptions()).toEqual([]);
  });

  it('keeps the raw string when the app uses another encoding than configured', async () => {
    const { ble } = await connected({ encoding: 'base64' });
    await expect(ble.read(measurement)).resolves.toMatchObject({
      raw: 'AEg=',
      decoded: false,
      value: new Uint8Array(0),
    });
  });

  it('sends with a custom codec (here the hex-speaking simulator refuses it)', async () => {
    const decimal: ValueCodec = {
      encode: (bytes) => [...bytes].join('.'),
      decode: (text) => Uint8Array.from(text.split('.'), Number),
    };
    const { sim, ble } = await connected({}, { valueEncoding: decimal });
    await expect(ble.write({ ...control, value: Uint8Array.of(10, 20) })).rejects.toMatchObject({
      code: '10013',
    });
    expect(sim.callsOf(WRITE)[0]?.params.value).toBe('10.20');
  });

  it('rejects an unknown encoding when the namespace is made', () => {
    const client = createClient({ signer: createSimulatedSigner() });
    expect(() => bluetooth(client, { valueEncoding: 'utf8' as 'hex' })).toThrow(
      /Expected `bluetooth.valueEncoding` to be "hex", "base64", "binary" or a \{encode, decode\} codec, got "utf8"/,
    );
  });
});

describe('bluetooth(client) per client', () => {
  it('returns the same namespace for the same client and another for another client', () => {
    const client = createClient({ signer: createSimulatedSigner() });
    const other = createClient({ signer: createSimulatedSigner() });
    expect(bluetooth(client)).toBe(bluetooth(client));
    expect(bluetooth(client, { valueEncoding: 'hex' })).toBe(bluetooth(client));
    expect(bluetooth(other)).not.toBe(bluetooth(client));
  });

  it('rejects other options once the namespace exists, rather than ignoring them', () => {
    const client = createClient({ signer: createSimulatedSigner() });
    bluetooth(client);
    expect(() => bluetooth(client, { valueEncoding: 'base64' })).toThrow(
      /bluetooth: Expected `options` to be the options this client's bluetooth was first made with/,
    );
  });
});

describe('value codecs', () => {
  it('round-trips bytes through every built-in codec', () => {
    const bytes = Uint8Array.of(0, 1, 127, 128, 255);
    for (const codec of Object.values(VALUE_CODECS)) expect(codec.decode(codec.encode(bytes))).toEqual(bytes);
  });

  it('writes binary as eight 0/1 digits per byte', () => {
    expect(VALUE_CODECS.binary.encode(Uint8Array.of(5, 255))).toBe('0000010111111111');
    expect(VALUE_CODECS.binary.decode('0101')).toBeUndefined();
  });

  it('accepts base64 without padding and rejects foreign characters', () => {
    expect(VALUE_CODECS.base64.decode('AEg')).toEqual(Uint8Array.of(0, 0x48));
    expect(VALUE_CODECS.base64.decode('AE*g')).toBeUndefined();
  });

  it('treats a missing wire value as empty and undecoded only when it is not valid', () => {
    expect(decodeValue(undefined, VALUE_CODECS.hex)).toEqual({
      value: new Uint8Array(0),
      raw: '',
      decoded: true,
    });
    expect(decodeValue('0', VALUE_CODECS.hex)).toMatchObject({ raw: '0', decoded: false });
  });
});
