/** The money loop's demo order endpoint: orders, simulated pays, verdicts from query, the timeline; settings from the environment. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acpSettingsFromEnv, createAcpClient, createAcpDemoEndpoint } from '../../../src/server/acp/index.js';
import { createFakeAcpGateway } from '../../../src/simulator/acp/index.js';
import { later, served } from './rig.js';

async function demoRig() {
  const gateway = createFakeAcpGateway({ notifySchedule: [0, 50] });
  later(() => gateway.close());
  const settings = gateway.clientOptions();
  const demo = createAcpDemoEndpoint({
    ...settings,
    acp: await createAcpClient(settings),
    simulatedPay: (tn, outcome, options) => gateway.pay(tn, outcome, options),
  });
  const { url } = await served(
    async (request) => (await demo.handle(request)) ?? new Response('nf', { status: 404 }),
  );
  const call = async (route: string, body?: unknown) => {
    const response = await fetch(
      `${url}${route}`,
      body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) },
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { call };
}

describe('ACP demo endpoint', () => {
  it.each([
    ['success', 'paid'],
    ['fail', 'failed'],
    ['cancel', 'not paid'],
  ] as const)('a simulated %s gives the verdict %s from query', async (outcome, verdict) => {
    const { call } = await demoRig();
    const order = (await call('/acp/order', { txnAmt: 5 })).body;
    expect((await call('/acp/simulated-pay', { tn: order.tn, outcome })).status).toBe(200);
    expect((await call('/acp/query', { orderId: order.orderId, txnTime: order.txnTime })).body).toMatchObject(
      { verdict },
    );
  });

  it('answers a bad amount 400 invalid_param and an unknown tn 400, nothing thrown', async () => {
    const { call } = await demoRig();
    expect(await call('/acp/order', { txnAmt: 1.5 })).toMatchObject({
      status: 400,
      body: { error: 'invalid_param' },
    });
    expect((await call('/acp/simulated-pay', { tn: '1', outcome: 'success' })).status).toBe(400);
    expect(await call('/acp/timeline?orderId=nope')).toEqual({ status: 200, body: [] });
  });
});

describe('acpSettingsFromEnv', () => {
  it('is undefined without ACP_MER_ID, reads the files named by the variables, and names a missing one', () => {
    expect(acpSettingsFromEnv({})).toBeUndefined();
    const dir = mkdtempSync(path.join(tmpdir(), 'acp-env-'));
    try {
      for (const name of ['key.pem', 'cert.pem', 'root.cer', 'middle.cer'])
        writeFileSync(path.join(dir, name), name);
      const env = {
        ACP_MER_ID: '777290058110097',
        ACP_KEY: path.join(dir, 'key.pem'),
        ACP_CERT: path.join(dir, 'cert.pem'),
        ACP_ROOT_CERT: path.join(dir, 'root.cer'),
        ACP_MIDDLE_CERT: path.join(dir, 'middle.cer'),
      };
      const settings = acpSettingsFromEnv(env)!;
      expect(settings).toMatchObject({
        merId: '777290058110097',
        gateway: 'test',
        signing: { key: 'key.pem', cert: 'cert.pem' },
      });
      expect(Buffer.from(settings.rootCert).toString()).toBe('root.cer');
      expect(() => acpSettingsFromEnv({ ...env, ACP_MIDDLE_CERT: undefined })).toThrow(
        /ACP_MIDDLE_CERT is required/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
