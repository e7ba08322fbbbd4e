// Soak: 10 s of signing against the signer behind createNodeServer (its default limits), once
// alone and once with 500 slow-loris sockets open beside it (each sends a partial request and
// then one header byte a second, and reconnects when the server drops it). Reported: req/s and
// p99 of the signing load in both runs, as ratios. Loopback only; the attack is bounded to
// SOCKETS sockets and stops with the run. Server pinned to CPU 0 (see signer.mjs).
import { connect } from 'node:net';
import { clearInterval, setInterval, setTimeout } from 'node:timers';
import { setTimeout as delay } from 'node:timers/promises';
import { burst, load, median, startServer } from './signer.mjs';

export const name = 'soak';

const DURATION = 10;
const SOCKETS = 500;

/** Keep `count` slow-loris sockets open against `url` until `stop()`; counts the server's drops. */
function slowLoris(url, count) {
  const { hostname, port } = new URL(url);
  const sockets = new Set();
  let running = true;
  let dropped = 0;
  let opened = 0;
  const open = () => {
    if (!running) return;
    opened += 1;
    const socket = connect(Number(port), hostname);
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    socket.once('connect', () => socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
    const trickle = setInterval(() => socket.write('a'), 1_000);
    socket.once('close', () => {
      clearInterval(trickle);
      sockets.delete(socket);
      if (!running) return;
      dropped += 1;
      // Reconnect as an attacker would, a little later so a refusing server is not hammered.
      setTimeout(open, 100);
    });
  };
  for (let i = 0; i < count; i++) open();
  return {
    stats: () => ({ open: sockets.size, opened, dropped }),
    stop() {
      running = false;
      for (const socket of sockets) socket.destroy();
    },
  };
}

const ROUNDS = 3; // odd, so the median is a measured round

/** One measured run against `server`: autocannon's figures and the server's CPU time per answer. */
async function measure(server) {
  const { result, cpuPerRequest } = await burst(server, DURATION);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
    cpu: cpuPerRequest,
  };
}

/** One run beside the slow-loris sockets, and how the server dealt with them. */
async function measureAttacked(server) {
  const attack = slowLoris(server.url, SOCKETS);
  try {
    // Let the sockets connect before measuring.
    for (let i = 0; i < 100 && attack.stats().open < SOCKETS; i++) await delay(20);
    const openAtStart = attack.stats().open;
    const startedAt = Date.now();
    const figures = await measure(server);
    const during = attack.stats().dropped;
    // The first sockets are due at headersTimeout (10 s): give the server 5 s more to drop them all.
    for (let i = 0; i < 250 && attack.stats().dropped < SOCKETS; i++) await delay(20);
    const droppedAll = attack.stats().dropped >= SOCKETS;
    return { ...figures, openAtStart, during, droppedAll, after: (Date.now() - startedAt) / 1000 };
  } finally {
    attack.stop();
  }
}

export async function run() {
  const server = await startServer('hardened');
  const alone = [];
  const attacked = [];
  try {
    await load(server.url, 1); // warm-up: JIT and the cold token fetch
    // Alternate, so that load from elsewhere on the machine hits both alike.
    for (let round = 0; round < ROUNDS; round++) {
      alone.push(await measure(server));
      attacked.push(await measureAttacked(server));
    }
  } finally {
    await server.stop();
  }
  const row = (label, list) => ({
    run: label,
    'req/s': Math.round(median(list.map((r) => r.rps))),
    'p50 ms': median(list.map((r) => r.p50)),
    'p99 ms': median(list.map((r) => r.p99)),
    'server CPU µs/req': Number(median(list.map((r) => r.cpu)).toFixed(1)),
    'non-2xx+errors': list.reduce((sum, r) => sum + r.non2xx, 0),
  });
  const aloneRow = row('signing alone', alone);
  const attackedRow = row(`signing beside ${SOCKETS} slow-loris sockets`, attacked);
  const rpsRatio = attackedRow['req/s'] / aloneRow['req/s'];
  const p99Ratio = attackedRow['p99 ms'] / Math.max(1, aloneRow['p99 ms']);
  const cpuRatio = attackedRow['server CPU µs/req'] / aloneRow['server CPU µs/req'];
  return {
    rows: [aloneRow, attackedRow],
    ratios: [
      {
        comparison: 'req/s with slow-loris ÷ alone',
        ratio: Number(rpsRatio.toFixed(3)),
        target: '≥ 0.8',
        met: rpsRatio >= 0.8,
      },
      {
        comparison: 'p99 with slow-loris ÷ alone',
        ratio: Number(p99Ratio.toFixed(3)),
        target: '≤ 1.5',
        met: p99Ratio <= 1.5,
      },
      {
        comparison: 'server CPU/req with slow-loris ÷ alone',
        ratio: Number(cpuRatio.toFixed(3)),
        target: 'info',
        met: '-',
      },
      ...alone.map((r, i) => ({
        comparison: `round ${i + 1}: req/s ratio, p99 ratio`,
        ratio: `${(attacked[i].rps / r.rps).toFixed(3)}, ${(attacked[i].p99 / Math.max(1, r.p99)).toFixed(3)}`,
        target: 'info',
        met: '-',
      })),
    ],
    notes: [
      `${ROUNDS} alternating rounds of ${DURATION} s per run (medians), 50 signing connections (autocannon) after a 1 s warm-up; server: createNodeServer defaults (headersTimeout 10 s, requestTimeout 30 s, maxConnections 1000), ${server.pinned ? 'pinned to CPU 0' : 'not pinned (no taskset)'}.`,
      ...attacked.map(
        (r, i) =>
          `round ${i + 1} slow-loris: ${r.openAtStart} sockets open when the run started, ${r.during} dropped within the run; ${r.droppedAll ? `all ${SOCKETS} dropped (headersTimeout) ${r.after.toFixed(1)} s after it started` : 'NOT all dropped within 15 s'}; a dropped socket reconnects 100 ms later.`,
      ),
    ],
  };
}
