// Chunked reads in Node + jsdom: our iterator vs the callback loop users write today, prefetch vs none, and
// base64 decoding. The same read and decode in real Chromium: chunks-chromium.mjs (suite `chunks`).
// The parent (`run`) starts one child process per measurement (this same file, with a mode argument), so
// heaps and JIT state never mix; children run with --expose-gc and print one JSON line.
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const name = 'chunks-node';

const FILE_MB = 100;
const CHUNK = 524_288;
const here = fileURLToPath(import.meta.url);

/** Run one measurement in a fresh process. */
function child(mode, nodeFlags = []) {
  const out = execFileSync(process.execPath, ['--expose-gc', ...nodeFlags, here, mode], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop());
}

const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function run() {
  const ours = child('read-ours');
  const naive = child('read-naive');
  const oursLive = child('live-ours');
  const naiveLive = child('live-naive');
  const sequential = child('pace-0');
  const prefetched = child('pace-1');
  const decode = child('decode');
  const rows = [
    {
      case: `read ${FILE_MB} MB, 0 ms latency`,
      variant: 'iterator (ours)',
      MBps: round(ours.mbps, 1),
      peakLiveMB: mb(oursLive.peakLive),
      peakHeapMB: mb(ours.peakHeap),
      ok: oursLive.ok,
    },
    {
      case: `read ${FILE_MB} MB, 0 ms latency`,
      variant: 'naive callback loop',
      MBps: round(naive.mbps, 1),
      peakLiveMB: mb(naiveLive.peakLive),
      peakHeapMB: mb(naive.peakHeap),
      ok: naiveLive.ok,
    },
    {
      case: '5 ms bridge + 5 ms consumer per chunk',
      variant: 'prefetch 0',
      wallMs: Math.round(sequential.ms),
      chunks: sequential.chunks,
    },
    {
      case: '5 ms bridge + 5 ms consumer per chunk',
      variant: 'prefetch 1',
      wallMs: Math.round(prefetched.ms),
      chunks: prefetched.chunks,
    },
    {
      case: 'base64 decode, 512 KiB chunks',
      variant: `decodeBase64 (${decode.path})`,
      MBps: Math.round(decode.ours),
    },
    {
      case: 'base64 decode, 512 KiB chunks',
      variant: "Buffer.from(s, 'base64')",
      MBps: Math.round(decode.node),
    },
  ];
  const ratios = [
    {
      ratio: 'peak live memory, iterator / naive',
      value: round(oursLive.peakLive / naiveLive.peakLive, 3),
      target: '≤ 0.1',
    },
    { ratio: 'throughput, iterator / naive', value: round(ours.mbps / naive.mbps), target: '—' },
    {
      ratio: 'wall time, prefetch 1 / prefetch 0',
      value: round(prefetched.ms / sequential.ms),
      target: '≤ 0.6',
    },
    { ratio: 'decode, ours / Buffer.from', value: round(decode.ours / decode.node), target: '—' },
  ];
  const notes = [
    'peakLiveMB: most memory (heapUsed + external, above the idle baseline) still reachable at any chunk, sampled after a forced GC.',
    'peakHeapMB: the same sampled without forcing GC (includes garbage the collector had not reclaimed yet).',
    'naive loop: raw upsdk.readAlbumData callbacks, base64 strings concatenated, atob + charCodeAt at the end (524286-byte chunks: glued padded base64 is invalid).',
    'decode: median of interleaved rounds on the same strings (Node 20 has no Uint8Array.fromBase64: the atob path).',
  ];
  return { rows, ratios, notes };
}

// ---- child side ----

async function host(latency = 0) {
  const { JSDOM } = await import('jsdom');
  const dist = new URL('../../dist/', import.meta.url);
  const { createClient } = await import(new URL('index.js', dist).href);
  const { readAlbumFile } = await import(new URL('media.js', dist).href);
  const { installSimulator, createSimulatedSigner } = await import(new URL('simulator.js', dist).href);
  const dom = new JSDOM('<!doctype html><title>bench</title>', { url: 'https://shop.example/upload' });
  const sim = installSimulator({ window: dom.window, latency });
  const client = createClient({ window: dom.window, signer: createSimulatedSigner() });
  await client.ready();
  return { sim, client, readAlbumFile, upsdk: dom.window.upsdk };
}

const usage = () => {
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};

/** Tracks the peak of `usage()` above a baseline taken now; `live` forces a GC before each sample. */
function meter(live) {
  globalThis.gc();
  const baseline = usage();
  let peak = 0;
  return {
    sample() {
      if (live) globalThis.gc();
      peak = Math.max(peak, usage() - baseline);
    },
    get peak() {
      return peak;
    },
  };
}

async function readOurs(readAlbumFile, client, url, sample, onBytes) {
  for await (const bytes of readAlbumFile(client, url)) {
    onBytes(bytes);
    sample();
  }
}

/**
 * What users write today: one callback per chunk, base64 strings glued together, decoded at the end.
 * Glued padded chunks are not valid base64, so a working version of this loop reads a multiple of 3 bytes
 * per call (524286); with 524288 its final atob throws.
 */
const NAIVE_CHUNK = CHUNK - (CHUNK % 3);
function readNaive(upsdk, url, sample) {
  return new Promise((resolve, reject) => {
    let all = '';
    let offset = 0;
    const step = () =>
      upsdk.readAlbumData({
        url,
        bufferSize: String(NAIVE_CHUNK),
        fromOffset: String(offset),
        success: (answer) => {
          all += answer.data;
          offset += NAIVE_CHUNK;
          sample();
          if (answer.isFinished !== '1') return step();
          const binary = globalThis.atob(all);
          sample();
          const bytes = new Uint8Array(binary.length);
          for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
          sample();
          resolve(bytes);
        },
        fail: reject,
      });
    step();
  });
}

async function readRun(variant, live) {
  const { sim, client, readAlbumFile, upsdk } = await host();
  const file = sim.files.addAlbumFile({ size: FILE_MB * 1024 * 1024, name: 'big.mp4' });
  const hash = createHash('sha256');
  const m = meter(live);
  const started = performance.now();
  if (variant === 'ours') {
    await readOurs(readAlbumFile, client, file.url, m.sample, (bytes) => live && hash.update(bytes));
  } else {
    const bytes = await readNaive(upsdk, file.url, m.sample);
    if (live) hash.update(bytes);
  }
  const seconds = (performance.now() - started) / 1000;
  const result = { mbps: FILE_MB / seconds, peakHeap: m.peak, peakLive: m.peak };
  if (live) {
    // Check the bytes against the simulator's content, after the measurement.
    const expected = createHash('sha256');
    for (let offset = 0; offset < file.size; offset += 1 << 22)
      expected.update(sim.files.contentOf(file, offset, 1 << 22));
    result.ok = hash.digest('hex') === expected.digest('hex');
  }
  return result;
}

/** Wall time of a 60-chunk read with 5 ms bridge latency and 5 ms of consumer work per chunk (median of 3). */
async function paceRun(prefetch) {
  const { sim, client, readAlbumFile } = await host(5);
  const file = sim.files.addAlbumFile({ size: 60 * 65_536 });
  const times = [];
  let chunks = 0;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    chunks = 0;
    for await (const bytes of readAlbumFile(client, file.url, { chunkSize: 65_536, prefetch })) {
      chunks += bytes.length > 0 ? 1 : 0;
      await delay(5); // the consumer's work, e.g. an upload
    }
    times.push(performance.now() - started);
  }
  return { ms: times.sort((a, b) => a - b)[1], chunks };
}

async function decodeRun() {
  const { decodeBase64 } = await import(new URL('../../dist/media.js', import.meta.url).href);
  const strings = Array.from({ length: 8 }, (_, i) => {
    const bytes = new Uint8Array(CHUNK).map((_, j) => (j * 31 + i * 7) ^ (j >> 5));
    return JSON.parse(JSON.stringify(Buffer.from(bytes).toString('base64'))); // a plain heap string, as the bridge gives
  });
  const time = (fn) => {
    const started = performance.now();
    for (let round = 0; round < 4; round++) for (const s of strings) fn(s);
    return (CHUNK * strings.length * 4) / 1e6 / ((performance.now() - started) / 1000);
  };
  const ours = [];
  const node = [];
  for (let round = 0; round < 25; round++) {
    ours.push(time(decodeBase64));
    node.push(time((s) => Buffer.from(s, 'base64')));
  }
  const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
  return {
    ours: median(ours),
    node: median(node),
    path: typeof Uint8Array.fromBase64 === 'function' ? 'fromBase64' : 'atob',
  };
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const mode = process.argv[2];
  const jobs = {
    'read-ours': () => readRun('ours', false),
    'read-naive': () => readRun('naive', false),
    'live-ours': () => readRun('ours', true),
    'live-naive': () => readRun('naive', true),
    'pace-0': () => paceRun(0),
    'pace-1': () => paceRun(1),
    decode: decodeRun,
  };
  const result = await jobs[mode]();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
