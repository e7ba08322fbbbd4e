// ACP cryptography per second on one core, compared fairly: our own functions (signedRequest signs
// a consume request; the verifier checks a reply and a notification, certificate chain from the
// per-certificate cache, dates checked per message) against node:crypto doing exactly the same
// signature and the same two verifications on the same signing strings directly, same run: the
// ratio (target ≥ 0.9) is what the ACP code adds over the cryptography. Our functions are bundled
// from src/ with esbuild (they are internal, not in dist's public entry). A separate row, without
// a ratio target, is the whole path: consume over the client (fetch answers a canned signed reply,
// so no sockets) plus one notification through the handler (Request body, form readings, verify,
// dedupe). The runner forks this file pinned to CPU 0 (taskset) with `--measure`; rounds alternate.
/* global Buffer, URLSearchParams, Request, Response, performance */
import { spawn } from 'node:child_process';
import { createHash, createPrivateKey, sign, verify, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** Our internal ACP functions, bundled from src/ into a temporary directory. */
async function internals() {
  const { build } = await import('esbuild');
  const root = path.resolve(path.dirname(SELF), '../..');
  const out = mkdtempSync(path.join(tmpdir(), 'acp-bench-'));
  try {
    await build({
      entryPoints: { internals: path.join(root, 'bench/suites/acp-internals.ts') },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outdir: out,
      logLevel: 'error',
    });
    return await import(pathToFileURL(path.join(out, 'internals.js')).href);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

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
  // Our functions: sign a consume request, verify the reply and the notification.
  const ours = await internals();
  const identity = await ours.signingIdentity({ key: ca.merchant.keyPem, cert: ca.merchant.certPem });
  const verifier = ours.createVerifier({
    root: new X509Certificate(ca.rootPem),
    middle: new X509Certificate(ca.middlePem),
    checkOwner: false,
    clock: Date.now,
  });
  const settings = { merId, identity, channelType: '07' };
  const orderFields = {
    orderId: 'B00000000000001',
    txnTime: notification.txnTime,
    txnAmt: '100',
    currencyCode: '156',
    backUrl: 'http://127.0.0.1:9/notify',
  };
  const functions = () => {
    const request = ours.signedRequest(settings, ours.TRANSACTIONS.consume, orderFields);
    verifier('consume', reply);
    verifier('notification', notification);
    return request;
  };
  // node:crypto doing the same signature and verifications on the same strings, directly.
  const merchantKey = createPrivateKey(ca.merchant.keyPem);
  const unionPayKey = new X509Certificate(ca.gatewaySigner.certPem).publicKey;
  const request = functions();
  const replySignature = Buffer.from(reply.signature, 'base64');
  const notificationSignature = Buffer.from(notification.signature, 'base64');
  const direct = () => {
    const signature = sign('sha256', digest(signingText(request)), merchantKey).toString('base64');
    if (signature !== request.signature) throw new Error('not the same signature');
    if (!verify('sha256', digest(signingText(reply)), unionPayKey, replySignature)) throw new Error('reply');
    if (!verify('sha256', digest(signingText(notification)), unionPayKey, notificationSignature))
      throw new Error('notification');
  };
  return { library, functions, direct };
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
  const { library, functions, direct } = await setUp();
  for (let i = 0; i < 300; i++) {
    // Warm up: the JIT, and the certificate cache.
    await library();
    functions();
    direct();
  }
  const rounds = { functions: [], direct: [], library: [] };
  for (let round = 0; round < ROUNDS; round++) {
    rounds.functions.push(await opsPerSecond(functions));
    rounds.direct.push(await opsPerSecond(direct));
    rounds.library.push(await opsPerSecond(library));
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
  const row = (variant, list) => ({
    variant,
    'ops/s': Math.round(median(list)),
    rounds: list.map(Math.round).join(' '),
  });
  return {
    rows: [
      row('upsdk-kit functions: sign consume + verify reply + verify notification', rounds.functions),
      row('node:crypto directly: the same sign + 2 verifies on the same strings', rounds.direct),
      row(
        'end to end, for scale (no ratio target): client consume + notification handler, in process',
        rounds.library,
      ),
    ],
    ratios: [
      {
        ratio: 'upsdk-kit functions / node:crypto directly',
        value: Number((median(rounds.functions) / median(rounds.direct)).toFixed(3)),
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
  const { functions } = await setUp();
  for (let i = 0; i < 3000; i++) functions();
}
