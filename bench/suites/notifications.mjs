// Notifications under load: 2,000 valid signed notifications at 200 concurrency against each
// family's handler (open platform §5.3.2 JSON POST, pre-order seed-002 form POST) behind
// createNodeServer on loopback, with the memory store and a real redis-server, once and with
// every notification delivered twice (the copies back to back, so most overlap in flight).
// Counted in the server: callback runs per notification (must be exactly 1). Counted here:
// errors (network failures and any answer but the family's success), p50/p99 latency, req/s.
// The server is forked from this file (`--serve <family> <store> [redisUrl]`) and pinned to CPU 0.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath, URLSearchParams } from 'node:url';

export const name = 'notifications';

const SELF = fileURLToPath(import.meta.url);
const COUNT = 2_000;
const CONCURRENCY = 200;
const APP_ID = 'fb707efe0000000000004c3a9e06d85a';
const MCH_KEY = 'bench-merchant-key';

const sorted = (fields, keep) =>
  Object.keys(fields)
    .filter((key) => keep(key, fields[key]))
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('&');

/** The messages of one family, signed as the documents say, and how each is sent and judged. */
function messages(family, privateKey) {
  const list = [];
  const stamp = String(Math.floor(Date.now() / 1000));
  const timeEnd = new Date(Date.now() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
  for (let i = 0; i < COUNT; i++) {
    if (family === 'open-platform') {
      const fields = {
        appId: APP_ID,
        timestamp: stamp,
        nonceStr: `n${i}`,
        openId: '42q4vi0Ae+8oe0R0dx0SMSYF2HCjVHWSp5qN5DukLHxhc9uRqTOD4swVOlhc86M4',
        bizOrderId: `B${i}`,
        merchantId: '474919534200503',
        bizType: '4h',
        transNo: `T${i}`,
      };
      const signature = sign('sha256', Buffer.from(sorted(fields, (k, v) => v.trim() !== '')), privateKey);
      list.push({
        type: 'application/json',
        body: JSON.stringify({ ...fields, signature: signature.toString('base64') }),
      });
    } else {
      const fields = {
        state: 'SUCCESS',
        result_code: 'SUCCESS',
        pay_result: '0',
        mch_id: '00000001',
        out_trade_no: `N${i}`,
        transaction_id: `TX${i}`,
        total_fee: '1200',
        time_end: timeEnd,
        trade_type: 'pay.weixin.jspay',
        nonce_str: `n${i}`,
      };
      const signValue = createHash('md5')
        .update(`${sorted(fields, (k, v) => v !== '')}&key=${MCH_KEY}`)
        .digest('hex')
        .toUpperCase();
      list.push({
        type: 'application/x-www-form-urlencoded',
        body: new URLSearchParams({ ...fields, sign: signValue }).toString(),
      });
    }
  }
  return list;
}

const succeeded = (family, status, body) =>
  status === 200 && (family === 'open-platform' ? body === '{"resp":"00"}' : body === 'success');

/**
 * Time from each request's arrival at the server (its `request` event, so after accept and header
 * parsing) to its answer's last byte handed to the socket, in ms; reset at each `stats` message.
 * Set against the client's latency it tells handler time from time spent waiting to be accepted or read.
 */
function serverLatencies(http) {
  let latencies = [];
  http.prependListener('request', (req, res) => {
    const started = performance.now();
    res.once('finish', () => latencies.push(performance.now() - started));
  });
  return () => {
    const taken = latencies.sort((a, b) => a - b);
    latencies = [];
    return taken.length === 0
      ? 0
      : Number(taken[Math.min(taken.length - 1, Math.floor(0.99 * taken.length))].toFixed(1));
  };
}

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

async function serveBench(family, storeKind, redisUrl, publicKeyB64) {
  const server = {
    ...(await import('../../dist/server.js')),
    ...(await import('../../dist/server-open-platform.js')),
    ...(await import('../../dist/server-preorder.js')),
  };
  if (family === 'bare') {
    // The baseline: node:http reading the body and answering `success`, through the same harness.
    const { createServer } = await import('node:http');
    const http = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('success'));
    });
    const serverP99 = serverLatencies(http);
    await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
    process.send({ port: http.address().port });
    process.on('message', (message) => {
      if (message === 'stats')
        process.send({
          notifications: COUNT,
          runs: COUNT,
          most: 1,
          cpu: cpuMicros(),
          serverP99: serverP99(),
        });
      if (message === 'stop') {
        http.closeAllConnections();
        http.close(() => process.exit(0));
      }
    });
    return;
  }
  const runs = new Map();
  const onNotification = (event) => {
    const id = family === 'open-platform' ? event.transNo : event.outTradeNo;
    runs.set(id, (runs.get(id) ?? 0) + 1);
  };
  let store;
  let client;
  if (storeKind === 'redis') {
    const { createClient } = await import('redis');
    client = createClient({ url: redisUrl });
    client.on('error', () => undefined);
    await client.connect();
    store = server.createRedisStore(client, { prefix: `bench-${process.pid}-${Date.now()}:` });
  } else {
    store = server.createMemoryStore();
  }
  const handler =
    family === 'open-platform'
      ? server.createNotificationHandler({ upPublicKey: publicKeyB64, appId: APP_ID, store, onNotification })
      : server.createPreOrderNotificationHandler({ key: MCH_KEY, store, onNotification });
  const http = server.createNodeServer({ '/notify': handler });
  const serverP99 = serverLatencies(http);
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  process.send({ port: http.address().port });
  process.on('message', async (message) => {
    if (message === 'stats') {
      const counts = [...runs.values()];
      process.send({
        notifications: runs.size,
        runs: counts.reduce((a, b) => a + b, 0),
        most: Math.max(0, ...counts),
        cpu: cpuMicros(),
        serverP99: serverP99(),
      });
    }
    if (message === 'stop') {
      http.closeAllConnections();
      await client?.close().catch(() => undefined);
      http.close(() => process.exit(0));
    }
  });
}

function fork(args) {
  const pin = existsSync('/usr/bin/taskset');
  const argv = [SELF, '--serve', ...args];
  const child = pin
    ? spawn('/usr/bin/taskset', ['-c', '0', process.execPath, ...argv], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
    : spawn(process.execPath, argv, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () => new Promise((resolve) => child.once('message', resolve));
  return next().then(({ port }) => ({
    url: `http://127.0.0.1:${port}/notify`,
    stats: () => (child.send('stats'), next()),
    stop: () => new Promise((resolve) => child.once('exit', resolve).send('stop')),
  }));
}

async function freePort() {
  const server = createNetServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => child.once('exit', resolve).kill('SIGKILL')),
  };
}

/**
 * Whether a row runs: `BENCH_NOTIFICATIONS=preorder:redis:twice,open-platform:memory:once:warm`
 * (family[:store[:once|twice[:cold|warm|per-request]]]) runs only the rows matching one of its patterns (the
 * two bare baseline rows always run); unset, every row runs.
 */
function selected(family, storeKind, copies, connections) {
  const filter = process.env.BENCH_NOTIFICATIONS;
  if (!filter) return true;
  const row = [family, storeKind, copies === 1 ? 'once' : 'twice', connections.replace(' ', '-')];
  return filter.split(',').some((pattern) => pattern.split(':').every((part, i) => part === row[i]));
}

/**
 * Open `CONCURRENCY` keep-alive connections on `agent` before the clock starts, the way a provider's
 * connection pool is already open: one `GET` each, all in flight at once so each gets its own socket
 * (whatever the answer: a 405 or a refusal). Node accepts one new connection per event-loop turn
 * (libuv ≥ 1.45, libuv/libuv#3696), so when 200 connections open during the timed run their requests
 * wait behind every turn's work; the cold rows measure exactly that.
 */
async function openConnections(url, agent) {
  await Promise.all(
    Array.from(
      { length: CONCURRENCY },
      () =>
        new Promise((resolve, reject) => {
          request(url, { agent }, (res) => res.resume().on('end', resolve))
            .on('error', reject)
            .end();
        }),
    ),
  );
  const open = Object.values(agent.freeSockets).reduce((sum, list) => sum + list.length, 0);
  if (open !== CONCURRENCY) throw new Error(`warm-up opened ${open} connections, not ${CONCURRENCY}`);
}

/** Send `queue` on `agent` with `CONCURRENCY` requests in flight; latencies in ms, connections opened. */
async function send(url, queue, family, agent) {
  const latencies = [];
  let errors = 0;
  let opened = 0;
  let next = 0;
  const one = ({ type, body }) =>
    new Promise((resolve) => {
      const started = performance.now();
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': type, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => {
            latencies.push(performance.now() - started);
            if (!succeeded(family, res.statusCode, text)) errors += 1;
            resolve();
          });
        },
      );
      req.on('socket', () => {
        if (!req.reusedSocket) opened += 1;
      });
      req.on('error', () => {
        errors += 1;
        latencies.push(performance.now() - started);
        resolve();
      });
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < queue.length) await one(queue[next++]);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) =>
    Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1));
  return {
    requests: queue.length,
    errors,
    opened,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1) - 0,
    rps: Math.round(queue.length / seconds),
  };
}

/**
 * How the client connects: `warm` keeps 200 connections opened before the clock, `cold` opens them
 * during the run and keeps them, `per request` opens a new connection for each notification (a
 * provider without keep-alive).
 */
const CONNECTIONS = ['cold', 'warm', 'per request'];

/** One measured run on `server`, connecting as `connections` says. */
async function measure(server, queue, family, connections) {
  const agent = new Agent({ keepAlive: connections !== 'per request', maxSockets: CONCURRENCY });
  try {
    if (connections === 'warm') await openConnections(server.url, agent);
    const before = await server.stats();
    const result = await send(server.url, queue, family, agent);
    const after = await server.stats();
    return { result, after, cpu: Math.round((after.cpu - before.cpu) / queue.length) };
  } finally {
    agent.destroy();
  }
}

export async function run() {
  if (!existsSync(new URL('../../dist/server.js', import.meta.url)))
    throw new Error('run `npm run build` first');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKeyB64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const redis = await startRedis();
  const rows = [];
  const row = (handler, store, deliveries, connections, { result, after, cpu }, exactlyOnce) => ({
    handler,
    store,
    deliveries,
    connections,
    requests: result.requests,
    errors: result.errors,
    'new connections': result.opened,
    'callback runs': exactlyOnce ? after.runs : '-',
    'max runs/notification': exactlyOnce ? after.most : '-',
    'exactly once': exactlyOnce
      ? after.runs === COUNT && after.most === 1 && after.notifications === COUNT
      : '-',
    'p50 ms': result.p50,
    'p99 ms': result.p99,
    'max ms': result.max,
    'req/s': result.rps,
    'server p99 ms': after.serverP99,
    'server CPU µs/req': cpu,
  });
  try {
    for (const connections of CONNECTIONS) {
      const bare = await fork(['bare', 'none', '', '']);
      try {
        const measured = await measure(bare, messages('preorder', privateKey), 'preorder', connections);
        rows.push(row('bare node:http (baseline)', '-', 'once', connections, measured, false));
      } finally {
        await bare.stop();
      }
    }
    for (const family of ['open-platform', 'preorder']) {
      const list = messages(family, privateKey);
      for (const storeKind of ['memory', 'redis']) {
        for (const copies of [1, 2]) {
          for (const connections of CONNECTIONS) {
            if (!selected(family, storeKind, copies, connections)) continue;
            const server = await fork([family, storeKind, redis.url, publicKeyB64]);
            try {
              const queue = copies === 1 ? list : list.flatMap((message) => [message, message]);
              const measured = await measure(server, queue, family, connections);
              rows.push(row(family, storeKind, copies === 1 ? 'once' : 'twice', connections, measured, true));
            } finally {
              await server.stop();
            }
          }
        }
      }
    }
  } finally {
    await redis.stop();
  }
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    count: COUNT,
    concurrency: CONCURRENCY,
    rows,
  };
  await mkdir(new URL('../results/', import.meta.url), { recursive: true });
  await writeFile(
    new URL('../results/notifications.json', import.meta.url),
    JSON.stringify(results, null, 2),
  );
  const worst = (connections) =>
    Math.max(
      ...rows
        .filter((row) => row.store === 'memory' && row.connections === connections)
        .map((row) => row['p99 ms']),
    );
  const bare = (connections) => rows.find((row) => row.store === '-' && row.connections === connections);
  const cpu = Math.max(
    ...rows
      .filter((row) => row.store === 'memory' && row.connections === 'warm')
      .map((row) => row['server CPU µs/req']),
  );
  return {
    rows,
    ratios: [
      {
        comparison: 'worst p99 on the memory store, connections open before the run, ms',
        ratio: worst('warm'),
        target: '≤ 250',
        met: worst('warm') <= 250,
      },
      ...['per request', 'cold'].map((connections) => ({
        comparison: `worst p99 on the memory store, connections ${connections === 'cold' ? 'opened during the run and kept' : 'new for each notification'}, ms (bare node:http: ${bare(connections)['p99 ms']})`,
        ratio: worst(connections),
        target: 'info',
        met: '-',
      })),
      {
        comparison: 'bare node:http p99 with connections open before the run, ms (what the machine allows)',
        ratio: bare('warm')['p99 ms'],
        target: 'info',
        met: '-',
      },
      {
        comparison:
          'worst server CPU per request on the memory store ÷ bare node:http, connections open before the run',
        ratio: Number((cpu / bare('warm')['server CPU µs/req']).toFixed(2)),
        target: 'info',
        met: '-',
      },
    ],
    notes: [
      `${COUNT} notifications, ${CONCURRENCY} in flight, a fresh server (pinned to CPU 0) and store prefix per row; client in this process.`,
      "connections: warm = 200 keep-alive connections opened before the clock (a provider's pool); cold = opened during the run, set-up included, then kept; per request = a new connection for each notification (a provider without keep-alive). Node accepts one new connection per event-loop turn (libuv/libuv#3696), so cold requests wait behind every turn's work: the bare baseline shows what that costs on this machine.",
      "p50/p99/max: at the client; server p99: from the request event to the answer written, in the server (it includes the wait for the receiver's turn gate, two notifications per event-loop turn).",
      'errors: network failures and any answer other than the family success ({"resp":"00"} / success).',
      'written bench/results/notifications.json',
    ],
  };
}

if (process.argv[2] === '--serve')
  await serveBench(process.argv[3], process.argv[4], process.argv[5], process.argv[6]);
