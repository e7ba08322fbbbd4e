// Signer throughput: requests/s and p50/p99 latency of the signature endpoint over node:http,
// pinned to one core, against a bare node:http server answering a constant JSON of exactly the
// signer's size and headers in the same run (so the ratio measures the signer, not the bytes).
// Load comes from autocannon in this process (loopback only, bounded duration). The signer
// starts cold, so the burst also counts upstream token calls (the fake platform, in-process).
// This file doubles as the server: the runner forks it with `--serve <bare|signer|hardened>`
// (`hardened`: the signer behind createNodeServer, for the soak suite).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

export const name = 'signer';

const SELF = fileURLToPath(import.meta.url);
const DURATION = 5;
const ROUNDS = 3;
const CONNECTIONS = 50;
const BODY = JSON.stringify({ url: 'https://m.example.com/pay?order=42#top' });

/** A constant answer shaped like the signer's: same fields, same lengths, same headers. */
const BARE_ANSWER = JSON.stringify({
  appId: 'a5949221470c4059b9b0b45a90c81527',
  timestamp: '1700000000',
  nonceStr: 'AAAAAAAAAAAAAAAA',
  signature: '0'.repeat(64),
  tokenId: '0'.repeat(16),
});
const BARE_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store', vary: 'Origin' };

async function serveBench(kind) {
  let handler;
  let http;
  let upstreamCalls = () => 0;
  if (kind === 'bare') {
    handler = (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, BARE_HEADERS);
        res.end(BARE_ANSWER);
      });
    };
  } else {
    const server = await import('../../dist/server.js');
    const simulator = await import('../../dist/simulator.js');
    const platform = simulator.createFakeOpenPlatform();
    const signer = server.createSigner({
      appId: simulator.SIMULATED_APP_ID,
      secret: simulator.SIMULATED_SECRET,
      allowedOrigins: ['m.example.com'],
      fetch: platform.fetch,
    });
    const endpoint = server.createSignatureHandler(signer);
    if (kind === 'hardened') http = server.createNodeServer({ '/': endpoint });
    else handler = server.toNodeHandler(endpoint);
    upstreamCalls = () => platform.requests.frontToken;
  }
  http ??= createServer(handler);
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  process.send({ port: http.address().port });
  process.on('message', (message) => {
    if (message === 'stats') {
      const { user, system } = process.cpuUsage();
      process.send({ upstreamCalls: upstreamCalls(), cpuMicros: user + system });
    }
    if (message === 'stop') {
      http.closeAllConnections();
      http.close(() => process.exit(0));
    }
  });
}

/** Fork this file as a server of `kind`, pinned to CPU 0 when taskset exists. */
export async function startServer(kind) {
  const pin = existsSync('/usr/bin/taskset');
  const argv = [SELF, '--serve', kind];
  const child = pin
    ? spawn('/usr/bin/taskset', ['-c', '0', process.execPath, ...argv], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
    : spawn(process.execPath, argv, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () => new Promise((resolve) => child.once('message', resolve));
  const { port } = await next();
  return {
    kind,
    url: `http://127.0.0.1:${port}/`,
    pinned: pin,
    stats: () => (child.send('stats'), next()),
    stop: () => new Promise((resolve) => child.once('exit', resolve).send('stop')),
  };
}

/** autocannon POSTing a signature request to `url` for `duration` s. */
export async function load(url, duration) {
  const { default: autocannon } = await import('autocannon');
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
    connections: CONNECTIONS,
    duration,
  });
}

/** One timed burst against `server`, with the server's CPU time per answered request. */
export async function burst(server, duration) {
  const before = await server.stats();
  const result = await load(server.url, duration);
  const after = await server.stats();
  return {
    result,
    cpuPerRequest: (after.cpuMicros - before.cpuMicros) / Math.max(1, result.requests.total),
    upstreamCalls: after.upstreamCalls,
  };
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run() {
  if (!existsSync(new URL('../../dist/server.js', import.meta.url)))
    throw new Error('run `npm run build` first');
  const bare = await startServer('bare');
  const signer = await startServer('signer');
  const rounds = { bare: [], signer: [] };
  let upstreamCalls = 0;
  try {
    // Warm-up: JIT, connection pools and, for the signer, the cold token fetch (counted below).
    for (const server of [bare, signer]) await load(server.url, 1);
    // Alternate the two servers so that load from elsewhere on the machine hits both alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const server of [bare, signer]) {
        const { result, cpuPerRequest, upstreamCalls: calls } = await burst(server, DURATION);
        rounds[server.kind].push({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          cpu: cpuPerRequest,
          non2xx: result.non2xx + result.errors,
          bytes: result.throughput.total / Math.max(1, result.requests.total),
        });
        if (server.kind === 'signer') upstreamCalls = calls;
      }
    }
  } finally {
    await Promise.all([bare.stop(), signer.stop()]);
  }
  const row = (label, list) => ({
    server: label,
    'req/s': Math.round(median(list.map((r) => r.rps))),
    'p50 ms': median(list.map((r) => r.p50)),
    'p99 ms': median(list.map((r) => r.p99)),
    'server CPU µs/req': Number(median(list.map((r) => r.cpu)).toFixed(1)),
    'non-2xx+errors': list.reduce((sum, r) => sum + r.non2xx, 0),
    'bytes/answer': Math.round(median(list.map((r) => r.bytes))),
  });
  const bareRow = row('bare node:http (constant JSON, same bytes)', rounds.bare);
  const signerRow = {
    ...row('signer (createSignatureHandler + toNodeHandler)', rounds.signer),
    'upstream calls': upstreamCalls,
  };
  const rpsRatio = bareRow['req/s'] ? signerRow['req/s'] / bareRow['req/s'] : 0;
  const cpuRatio = bareRow['server CPU µs/req'] / signerRow['server CPU µs/req'];
  return {
    rows: [bareRow, signerRow],
    ratios: [
      {
        comparison: 'signer req/s ÷ bare req/s (median of rounds)',
        ratio: Number(rpsRatio.toFixed(3)),
        target: '≥ 0.7',
        met: rpsRatio >= 0.7,
      },
      {
        comparison: 'bare CPU/req ÷ signer CPU/req',
        ratio: Number(cpuRatio.toFixed(3)),
        target: 'info',
        met: '-',
      },
      ...rounds.signer.map((r, i) => ({
        comparison: `round ${i + 1} req/s ratio`,
        ratio: Number((r.rps / rounds.bare[i].rps).toFixed(3)),
        target: 'info',
        met: '-',
      })),
    ],
    notes: [
      `${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION} s per server after a 1 s warm-up; servers pinned to CPU ${bare.pinned ? '0' : '(not pinned: no taskset)'}, autocannon in this process.`,
      `upstream frontToken calls from a cold cache through warm-up and every burst: ${upstreamCalls} (expected 1).`,
      `bytes per answer (status line, headers, body), bare vs signer: ${bareRow['bytes/answer']} vs ${signerRow['bytes/answer']}${bareRow['bytes/answer'] === signerRow['bytes/answer'] ? ' (equal)' : ' (DIFFERENT: the comparison is off)'}.`,
      "CPU µs/req is the server process's user+system time per answered request: less sensitive than req/s to other load on the machine.",
    ],
  };
}

if (process.argv[2] === '--serve') await serveBench(process.argv[3]);
