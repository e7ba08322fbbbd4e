// ACP throughput on one core: one consume (request signed, reply parsed and verified —
// certificate chain from the per-certificate cache) plus one notification through the handler
// (form parsed, verified, deduplicated), per second, against node:crypto doing only the
// cryptography of the same work directly (sign the request digest, verify the reply and the
// notification signatures) in the same run. No HTTP: the client's fetch answers a canned signed
// reply, so the numbers measure the ACP code, not sockets. The runner forks this file pinned to
// CPU 0 (taskset) with `--measure`; rounds alternate the two variants, bounded in time.
/* global Buffer, URLSearchParams, Request, Response, performance */
import { spawn } from 'node:child_process';
import { createHash, createPrivateKey, sign, verify, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const name = 'acp';

const SELF = fileURLToPath(import.meta.url);
const ROUNDS = 5;
const ROUND_MS = 1500;

const signingText = (fields) =>
  Object.keys(fields)
    .filter((key) => key !== 'signature')
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('&');
const digest = (text) => Buffer.from(createHash('sha256').update(text).digest('hex'));

async function setUp() {
  const acpEntry = await import('../../dist/server-acp.js');
  const sim = await import('../../dist/simulator-acp.js');
  const ca = sim.createAcpTestCa();
  const gatewayKey = createPrivateKey(ca.gatewaySigner.keyPem);
  const signed = (fields) => {
    const withCert = { ...fields, signPubKeyCert: ca.gatewaySigner.certPem };
    return {
      ...withCert,
      signature: sign('sha256', digest(signingText(withCert)), gatewayKey).toString('base64'),
    };
  };
  const merId = '777290058110097';
  const reply = signed({
    version: '5.1.0',
    merId,
    respCode: '00',
    respMsg: 'ok',
    tn: '201602141008032671528',
  });
  const replyText = Object.entries(reply)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const notification = signed({
    version: '5.1.0',
    merId,
    txnType: '01',
    txnSubType: '01',
    bizType: '000201',
    orderId: 'B20261205000001',
    txnTime: new Date(Date.now() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14),
    txnAmt: '100',
    queryId: '202612050000000000001',
    respCode: '00',
    respMsg: 'Success!',
    signMethod: '01',
  });
  const notificationBody = new URLSearchParams(notification).toString();
  const acp = await acpEntry.createAcpClient({
    merId,
    signing: { key: ca.merchant.keyPem, cert: ca.merchant.certPem },
    gateway: 'http://bench.invalid/gateway/api/',
    rootCert: ca.rootPem,
    middleCert: ca.middlePem,
    backUrl: 'http://127.0.0.1:9/notify',
    fetch: async () => new Response(replyText),
  });
  const handler = acpEntry.createAcpNotificationHandler({
    merId,
    rootCert: ca.rootPem,
    middleCert: ca.middlePem,
    onNotification: () => undefined,
  });
  let serial = 0;
  const library = async () => {
    const order = await acp.consume({ orderId: `B${String(++serial).padStart(14, '0')}`, txnAmt: 100 });
    if (order.outcome !== 'ok') throw new Error('consume failed');
    const answer = await handler(
      new Request('http://shop.invalid/notify', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: notificationBody,
      }),
    );
    if ((await answer.text()) !== 'success') throw new Error('notification refused');
  };
  // The same cryptography, directly: what any ACP integration must at least spend.
  const merchantKey = createPrivateKey(ca.merchant.keyPem);
  const unionPayKey = new X509Certificate(ca.gatewaySigner.certPem).publicKey;
  const request = { version: '5.1.0', encoding: 'UTF-8', merId, orderId: 'B00000000000001', txnAmt: '100' };
  const replySignature = Buffer.from(reply.signature, 'base64');
  const notificationSignature = Buffer.from(notification.signature, 'base64');
  const baseline = async () => {
    sign('sha256', digest(signingText(request)), merchantKey);
    if (!verify('sha256', digest(signingText(reply)), unionPayKey, replySignature)) throw new Error('reply');
    if (!verify('sha256', digest(signingText(notification)), unionPayKey, notificationSignature))
      throw new Error('notification');
  };
  // The same cryptography plus the same web plumbing a Node integration cannot avoid (a fetch
  // Response for the reply, a Request and a URLSearchParams parse for the notification), with none
  // of the ACP checks: what remains between this and `library` is the ACP code itself.
  const plumbed = async () => {
    const body = new URLSearchParams({
      ...request,
      signature: sign('sha256', digest(signingText(request)), merchantKey).toString('base64'),
    }).toString();
    const text = await (await new Response(replyText)).text();
    if (
      !verify('sha256', digest(signingText(reply)), unionPayKey, replySignature) ||
      text.length === 0 ||
      body.length === 0
    )
      throw new Error('reply');
    const incoming = new Request('http://shop.invalid/notify', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: notificationBody,
    });
    const fields = Object.fromEntries(new URLSearchParams(await incoming.text()));
    if (!verify('sha256', digest(signingText(fields)), unionPayKey, Buffer.from(fields.signature, 'base64')))
      throw new Error('notification');
    await new Response('success').text();
  };
  return { library, baseline, plumbed };
}

async function opsPerSecond(op) {
  const until = performance.now() + ROUND_MS;
  let count = 0;
  const started = performance.now();
  while (performance.now() < until && count < 1_000_000) {
    await op();
    count += 1;
  }
  return (count * 1000) / (performance.now() - started);
}

async function measure() {
  const { library, baseline, plumbed } = await setUp();
  for (let i = 0; i < 300; i++) {
    await plumbed();
    // Warm up: the JIT, and the certificate cache.
    await library();
    await baseline();
  }
  const rounds = { library: [], baseline: [], plumbed: [] };
  for (let round = 0; round < ROUNDS; round++) {
    rounds.library.push(await opsPerSecond(library));
    rounds.baseline.push(await opsPerSecond(baseline));
    rounds.plumbed.push(await opsPerSecond(plumbed));
  }
  process.stdout.write(JSON.stringify(rounds));
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

export async function run() {
  const pin = existsSync('/usr/bin/taskset');
  const argv = [SELF, '--measure'];
  const child = pin
    ? spawn('/usr/bin/taskset', ['-c', '0', process.execPath, ...argv], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
    : spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`acp bench exited with ${code}`);
  const rounds = JSON.parse(out);
  const library = median(rounds.library);
  const baseline = median(rounds.baseline);
  const plumbed = median(rounds.plumbed);
  const row = (variant, list) => ({
    variant,
    'ops/s': Math.round(median(list)),
    rounds: list.map(Math.round).join(' '),
  });
  return {
    rows: [
      row('upsdk-kit ACP: consume + notification', rounds.library),
      row('node:crypto directly: sign + 2 verifies', rounds.baseline),
      row('node:crypto + the same Request/Response plumbing', rounds.plumbed),
    ],
    ratios: [
      {
        ratio: 'upsdk-kit / node:crypto directly',
        value: Number((library / baseline).toFixed(3)),
        target: '≥ 0.9',
      },
      {
        ratio: 'upsdk-kit / node:crypto + plumbing',
        value: Number((library / plumbed).toFixed(3)),
        target: '≥ 0.9',
      },
    ],
    notes: [
      `one core${pin ? ' (taskset -c 0)' : ' (taskset not found: not pinned)'}, ${ROUNDS} alternating rounds of ${ROUND_MS} ms, medians`,
      'RSA-2048 TEST keys; the certificate chain is verified once per certificate and cached, dates checked per message',
    ],
  };
}

if (process.argv.includes('--measure')) await measure();
if (process.argv.includes('--profile')) {
  const { library } = await setUp();
  for (let i = 0; i < 3000; i++) await library();
}
