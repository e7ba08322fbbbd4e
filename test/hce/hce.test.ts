import { describe, expect, it } from 'vitest';
import { HCE_CODES, HceError } from '../../src/hce.js';
import { UpsdkError } from '../../src/index.js';
import { ok, type HceSimOptions } from '../../src/simulator/index.js';
import { setup } from '../helpers/harness.js';
import { hce } from '../../src/hce.js';

const hceSetup = (simOptions: HceSimOptions = {}, dataEncoding?: 'hex' | 'binary') => {
  const h = setup({ hce: simOptions });
  return { ...h, hce: hce(h.client, { dataEncoding }) };
};

describe('hce.state', () => {
  it.each([
    ['0000', true, 'ok'],
    ['1001', false, 'unsupported'],
    ['1002', false, 'disabled'],
    ['1003', false, 'no-hce'],
    ['1004', false, 'not-default'],
  ] as const)('maps %s to ok=%s, reason %s', async (code, expectedOk, reason) => {
    const { hce } = hceSetup({ state: code });
    await expect(hce.state()).resolves.toEqual({
      ok: expectedOk,
      code,
      reason,
      meaning: HCE_CODES[code]!.meaning,
    });
  });

  it('calls an undocumented code unknown rather than ok', async () => {
    const card = hce(setup({ plugins: { getHCEState: () => ok({ code: 9999, msg: '?' }) } }).client);
    await expect(card.state()).resolves.toEqual({
      ok: false,
      code: '9999',
      reason: 'unknown',
      meaning: 'undocumented HCE code 9999',
    });
  });

  it('calls an answer without a code unknown', async () => {
    const card = hce(setup({ plugins: { getHCEState: () => ok() } }).client);
    await expect(card.state()).resolves.toMatchObject({ ok: false, code: '', reason: 'unknown' });
  });
});

describe('hce answers', () => {
  it('rejects an answer whose code is not text as a failure, not as 0000', async () => {
    const card = hce(setup({ plugins: { stopHCE: () => ok({ code: { value: '0000' } }) } }).client);
    await expect(card.stop()).rejects.toMatchObject({ code: '{"value":"0000"}', plugin: 'stopHCE' });
  });
});

describe('hce.start', () => {
  it('joins the AIDs with commas, upper-case', async () => {
    const { sim, hce } = hceSetup();
    await hce.start(['A000000010', 'a123456789abcdef']);
    expect(sim.callsOf('startHCE')[0]?.params).toEqual({ aidList: 'A000000010,A123456789ABCDEF' });
    expect(sim.hce.aids).toEqual(['A000000010', 'A123456789ABCDEF']);
  });

  it.each([
    ['a 9-character AID', ['A00000001'], 'aids[0]'],
    ['a 33-character AID', ['A'.repeat(33)], 'aids[0]'],
    ['a non-hex AID', ['A000000010', 'G000000010'], 'aids[1]'],
    ['an AID with a comma', ['A000000010,A000000011'], 'aids[0]'],
    ['a non-string AID', [1234567890], 'aids[0]'],
    ['an empty list', [], 'aids'],
    ['a bare string', 'A000000010', 'aids'],
  ])('rejects %s without calling the bridge', async (_label, aids, field) => {
    const { sim, hce } = hceSetup();
    await expect(hce.start(aids as string[])).rejects.toMatchObject({
      code: 'invalid_param',
      plugin: 'startHCE',
      message: expect.stringContaining(`Expected \`${field}\``),
    });
    expect(sim.callsOf('startHCE')).toHaveLength(0);
  });

  it.each(['1101', '1102', '1103'] as const)(
    'rejects code %s inside success with an HceError',
    async (code) => {
      const { sim, hce } = hceSetup();
      sim.hce.answer('startHCE', code);
      const error = await hce.start(['A000000010']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HceError);
      expect(error).toBeInstanceOf(UpsdkError);
      expect(error).toMatchObject({ code, plugin: 'startHCE', meaning: HCE_CODES[code]!.meaning });
      expect(sim.hce.started).toBe(false);
    },
  );
});

describe('hce.stop, send and openSettings', () => {
  it('stops emulation', async () => {
    const { sim, hce } = hceSetup();
    await hce.start(['A000000010']);
    await hce.stop();
    expect(sim.hce.started).toBe(false);
  });

  it.each(['1401', '1402'] as const)('rejects stop code %s with an HceError', async (code) => {
    const { sim, hce } = hceSetup();
    sim.hce.answer('stopHCE', code);
    await expect(hce.stop()).rejects.toMatchObject({
      name: 'HceError',
      code,
      meaning: HCE_CODES[code]!.meaning,
    });
  });

  it('sends bytes as hex and resolves with the chip answer', async () => {
    const { sim, hce } = hceSetup({ reader: { respond: (data) => Uint8Array.of(data[0]!, 0x90, 0x00) } });
    await hce.start(['A000000010']);
    await expect(hce.send(Uint8Array.of(0x42))).resolves.toEqual({
      value: Uint8Array.of(0x42, 0x90, 0x00),
      raw: '429000',
      decoded: true,
    });
    expect(sim.callsOf('sendHCEMessage')[0]?.params).toEqual({ data: '42' });
  });

  it('sends "binary" data as 0/1 digits when configured', async () => {
    const { sim, hce } = hceSetup({ encoding: 'binary' }, 'binary');
    await hce.start(['A000000010']);
    await expect(hce.send('0F')).resolves.toMatchObject({
      raw: '1001000000000000',
      value: Uint8Array.of(0x90, 0),
    });
    expect(sim.callsOf('sendHCEMessage')[0]?.params).toEqual({ data: '00001111' });
    expect([...sim.hce.sent[0]!]).toEqual([0x0f]);
  });

  it('rejects code 1301 from send with its meaning', async () => {
    const { hce } = hceSetup();
    await expect(hce.send('00')).rejects.toMatchObject({
      code: '1301',
      meaning: 'sending the command failed',
    });
  });

  it('rejects empty data before the bridge', async () => {
    const { sim, hce } = hceSetup();
    await expect(hce.send('')).rejects.toMatchObject({ code: 'invalid_param', plugin: 'sendHCEMessage' });
    expect(sim.callsOf('sendHCEMessage')).toHaveLength(0);
  });

  it('opens the NFC settings', async () => {
    const { sim, hce } = hceSetup();
    await expect(hce.openSettings()).resolves.toBeUndefined();
    expect(sim.callsOf('openNFCSetting')).toHaveLength(1);
  });

  it('names an undocumented failure code as such', () => {
    const error = new HceError({ code: '7777', plugin: 'stopHCE', raw: {} });
    expect(error.meaning).toBe('undocumented HCE code 7777');
    expect(error.message).toBe('stopHCE: undocumented HCE code 7777 (code 7777)');
  });
});
