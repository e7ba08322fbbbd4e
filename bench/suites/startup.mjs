// Start-up critical path: how long a cold first call waits before the plugin goes out, with
// simulated latencies — upsdk.js load 300 ms, signer 200 ms, native config answer 100 ms.
// "parallel" is the real client (dist/) against the simulator loading upsdk.js via a <script>;
// "sequential" is the order the client used before, in the same run against the same
// simulator: load the script, then sign, then config. Wall clock on timers, median of ROUNDS.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { JSDOM } from 'jsdom';
import { createClient } from '../../dist/index.js';
import { createSimulatedSigner, installSimulator } from '../../dist/simulator.js';

export const name = 'startup';

const SCRIPT_MS = 300;
const SIGNER_MS = 200;
const CONFIG_MS = 100;
const ROUNDS = 5;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A fresh page with the simulator installed; upsdk.js "loads" in SCRIPT_MS, config answers in CONFIG_MS. */
function page() {
  const { window } = new JSDOM('<!doctype html><head></head>', { url: 'https://m.example.com/pay' });
  const sim = installSimulator({
    window,
    installVia: 'script',
    latency: (step) => (step === 'script' ? SCRIPT_MS : step === 'config' ? CONFIG_MS : 0),
  });
  const signFast = createSimulatedSigner();
  const signer = async (url, context) => (await sleep(SIGNER_MS), signFast(url, context));
  return { window, sim, signer };
}

async function parallel() {
  const { window, sim, signer } = page();
  const started = performance.now();
  await createClient({ signer, window }).ready();
  const elapsed = performance.now() - started;
  sim.uninstall();
  window.close();
  return elapsed;
}

/** Script, then signature, then config: each step waits for the one before. */
async function sequential() {
  const { window, sim, signer } = page();
  const started = performance.now();
  const script = window.document.createElement('script');
  const loaded = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
  script.src = 'https://open.95516.com/s/open/js/upsdk.js';
  window.document.head.append(script);
  await loaded;
  const signature = await signer(window.location.href, {
    retry: false,
    signal: new window.AbortController().signal,
  });
  await new Promise((resolve, reject) => {
    window.upsdk.error(reject);
    window.upsdk.config({ ...signature, timestamp: String(signature.timestamp) });
    window.upsdk.ready(resolve);
  });
  const elapsed = performance.now() - started;
  sim.uninstall();
  window.close();
  return elapsed;
}

export async function run() {
  const times = { sequential: [], parallel: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    times.sequential.push(await sequential());
    times.parallel.push(await parallel());
  }
  const seq = median(times.sequential);
  const par = median(times.parallel);
  return {
    rows: [
      {
        variant: 'sequential (script → signer → config)',
        'median ms': Math.round(seq),
        'ideal ms': SCRIPT_MS + SIGNER_MS + CONFIG_MS,
      },
      {
        variant: 'parallel (client: signer during script, then config)',
        'median ms': Math.round(par),
        'ideal ms': Math.max(SCRIPT_MS, SIGNER_MS) + CONFIG_MS,
      },
    ],
    ratios: [{ 'parallel / sequential': Number((par / seq).toFixed(3)) }],
    notes: [
      `latencies: script ${SCRIPT_MS} ms, signer ${SIGNER_MS} ms, config ${CONFIG_MS} ms; ${ROUNDS} rounds, median`,
    ],
  };
}
