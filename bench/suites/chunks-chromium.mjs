// The chunked-read path in real Chromium (Debian's, driven by playwright-core), where pages really run:
// base64 decode throughput of decodeBase64 against the best native decoder the browser has, and the peak
// JS heap of a 100 MB album read through our iterator against the naive callback loop.
/* global window, performance, atob, btoa, gc -- decodeInPage and readInPage run in the page. */
// The built modules (dist/) are served from a loopback HTTP server and imported by the page as they are.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from '../../build/chromium.mjs';

export const name = 'chunks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILE_MB = 100;
const CHUNK = 524_288;
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html' };

const PAGE = `<!doctype html><meta charset="utf-8"><title>chunks bench</title>
<script type="importmap">{"imports":{"eventemitter3":"/node_modules/eventemitter3/index.mjs"}}</script>`;

/** Serve the bench page, dist/ and eventemitter3 on a random loopback port. */
async function serve() {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      return;
    }
    const file = path.join(root, path.normalize(url.pathname));
    const allowed = ['dist', 'node_modules/eventemitter3'].some((dir) =>
      file.startsWith(path.join(root, dir)),
    );
    try {
      if (!allowed) throw new Error('outside');
      const body = await readFile(file);
      response
        .writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** In the page: MB/s of each decoder over the same 512 KiB base64 strings (median of interleaved rounds). */
async function decodeInPage(chunk) {
  const { decodeBase64 } = await import('/dist/streams/base64.js');
  const strings = Array.from({ length: 8 }, (_, i) => {
    const bytes = new Uint8Array(chunk).map((_, j) => (j * 31 + i * 7) ^ (j >> 5));
    let binary = '';
    for (let j = 0; j < bytes.length; j += 8192)
      binary += String.fromCharCode(...bytes.subarray(j, j + 8192));
    return btoa(binary);
  });
  const native = Uint8Array.fromBase64;
  const atobLoop = (text) => {
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  };
  const variants = { ours: decodeBase64, atob: atobLoop };
  if (native) variants.fromBase64 = (text) => native(text);
  // Our fallback path, as on a webview without Uint8Array.fromBase64: the native is hidden around each call.
  variants.oursFallback = (text) => {
    const saved = Uint8Array.fromBase64;
    delete Uint8Array.fromBase64;
    try {
      return decodeBase64(text);
    } finally {
      if (saved) Uint8Array.fromBase64 = saved;
    }
  };
  const samples = Object.fromEntries(Object.keys(variants).map((key) => [key, []]));
  const keys = Object.keys(variants);
  for (let round = 0; round < 21; round++) {
    // Rotate the order so no variant always runs right after another's garbage.
    for (const key of [...keys.slice(round % keys.length), ...keys.slice(0, round % keys.length)]) {
      const decode = variants[key];
      const started = performance.now();
      for (let pass = 0; pass < 2; pass++) for (const text of strings) decode(text);
      samples[key].push((chunk * strings.length * 2) / 1e6 / ((performance.now() - started) / 1000));
    }
  }
  const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
  return {
    hasFromBase64: Boolean(native),
    mbps: Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, median(values)])),
  };
}

/** In the page: peak JS heap (after a forced GC at each chunk) of a 100 MB read, ours or the naive loop. */
async function readInPage({ variant, fileMb, chunk }) {
  const { createClient } = await import('/dist/index.js');
  const { readAlbumFile } = await import('/dist/media.js');
  const { installSimulator, createSimulatedSigner } = await import('/dist/simulator.js');
  const sim = installSimulator({ window, latency: 0 });
  const client = createClient({ window, signer: createSimulatedSigner() });
  await client.ready();
  const file = sim.files.addAlbumFile({ size: fileMb * 1024 * 1024, name: 'big.mp4' });
  const used = () => performance.memory.usedJSHeapSize;
  gc();
  const baseline = used();
  let peak = 0;
  let total = 0;
  const sample = () => {
    gc();
    peak = Math.max(peak, used() - baseline);
  };
  const started = performance.now();
  if (variant === 'ours') {
    for await (const bytes of readAlbumFile(client, file.url)) {
      total += bytes.length;
      sample();
    }
  } else {
    // What users write today: base64 strings glued together, decoded at the end (a multiple of 3 bytes per call).
    const size = chunk - (chunk % 3);
    total = await new Promise((resolve, reject) => {
      let all = '';
      let offset = 0;
      const step = () =>
        window.upsdk.readAlbumData({
          url: file.url,
          bufferSize: String(size),
          fromOffset: String(offset),
          success: (answer) => {
            all += answer.data;
            offset += size;
            sample();
            if (answer.isFinished !== '1') return step();
            const binary = atob(all);
            sample();
            const bytes = new Uint8Array(binary.length);
            for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
            sample();
            resolve(bytes.length);
          },
          fail: reject,
        });
      step();
    });
  }
  return { peak, total, ms: performance.now() - started };
}

export async function run() {
  const { server, url } = await serve();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(['--js-flags=--expose-gc', '--enable-precise-memory-info']),
  });
  try {
    const open = async () => {
      const page = await browser.newPage();
      await page.goto(url);
      return page;
    };
    const decode = await (await open()).evaluate(decodeInPage, CHUNK);
    const ours = await (
      await open()
    ).evaluate(readInPage, { variant: 'ours', fileMb: FILE_MB, chunk: CHUNK });
    const naive = await (
      await open()
    ).evaluate(readInPage, { variant: 'naive', fileMb: FILE_MB, chunk: CHUNK });
    const bestNative = Math.max(decode.mbps.fromBase64 ?? 0, decode.mbps.atob);
    const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
    const rows = [
      ...Object.entries(decode.mbps).map(([variant, mbps]) => ({
        case: 'Chromium: base64 decode, 512 KiB chunks',
        variant,
        MBps: Math.round(mbps),
      })),
      ...[
        ['iterator (ours)', ours],
        ['naive callback loop', naive],
      ].map(([variant, result]) => ({
        case: `Chromium: read ${FILE_MB} MB`,
        variant,
        MBps: Math.round(FILE_MB / (result.ms / 1000)),
        peakJsHeapMB: mb(result.peak),
        bytes: result.total,
      })),
    ];
    const ratios = [
      {
        ratio: 'Chromium decode, ours / best native (fromBase64 or atob loop)',
        value: round(decode.mbps.ours / bestNative),
        target: '≥ 0.9',
      },
      {
        ratio: 'Chromium decode, ours without fromBase64 / atob loop',
        value: round(decode.mbps.oursFallback / decode.mbps.atob),
        target: '—',
      },
      {
        ratio: 'Chromium peak JS heap, iterator / naive',
        value: round(ours.peak / naive.peak, 3),
        target: '≤ 0.1',
      },
    ];
    const notes = [
      `Chromium ${browser.version()}; Uint8Array.fromBase64 ${decode.hasFromBase64 ? 'present' : 'absent'}.`,
      'oursFallback: decodeBase64 with Uint8Array.fromBase64 hidden, as on an older webview.',
      'peakJsHeapMB: performance.memory.usedJSHeapSize above the idle baseline after a forced GC at each chunk; ArrayBuffer backing stores are outside the JS heap, which only makes the naive loop look smaller (its 100 MB result is not counted).',
    ];
    return { rows, ratios, notes };
  } finally {
    await browser.close();
    server.close();
  }
}
