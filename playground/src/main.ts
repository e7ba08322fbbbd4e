/**
 * The playground page. Inside the UnionPay app it uses the real bridge and
 * the dev server's signer; elsewhere it installs the simulator and says so.
 */
import { createClient, UpsdkError, detectEnvironment } from '../../src/index.js';
import { createSimulatedSigner, installSimulator } from '../../src/simulator/index.js';

const inApp = detectEnvironment(navigator.userAgent).inApp;
if (!inApp) {
  installSimulator({ window, latency: 150 });
  const banner = document.getElementById('banner')!;
  banner.hidden = false;
  banner.textContent = 'Simulator mode: not inside the UnionPay app, every plugin answers from the simulator.';
}

const client = createClient({ signer: inApp ? '/upsdk/signature' : createSimulatedSigner() });

/** Append one line to the log panel (textContent only: no HTML from the bridge or the user). */
function log(kind: 'ok' | 'error', text: string): void {
  const item = document.createElement('li');
  item.className = kind;
  item.textContent = text;
  document.getElementById('log')!.prepend(item);
}

async function run(label: string, action: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  try {
    const result = await action();
    log('ok', `${label} → ${JSON.stringify(result) ?? 'done'} (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    const text = error instanceof UpsdkError ? `${error.name} ${error.code}: ${error.msg}` : String(error);
    log('error', `${label} ✗ ${text} (${Math.round(performance.now() - started)} ms)`);
  }
}

document.getElementById('pay-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const tn = new FormData(event.target as HTMLFormElement).get('tn');
  void run('pay', () => client.call('pay', { tn: String(tn ?? '') }));
});
