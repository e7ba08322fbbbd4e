/**
 * The playground page. Inside the UnionPay app it uses the real bridge and
 * the dev server's signer; elsewhere it installs the simulator, says so in a
 * banner, and still signs through the dev server (which embeds a fake open
 * platform) so the whole chain runs.
 */
import { createClient, detectEnvironment } from '../../src/index.js';
import { installSimulator, type Simulator } from '../../src/simulator/index.js';
import type { PlaygroundContext, Section } from './context.js';
import { h } from './dom.js';
import { watchBridgeEvents } from './report.js';
import { basicsSection } from './sections/basics.js';
import { reportSection } from './sections/report.js';
import { simulatorSection } from './sections/simulator-controls.js';

const SECTIONS: readonly Section[] = [basicsSection, simulatorSection, reportSection];

async function frontTokenFromDevServer(): Promise<string> {
  const response = await fetch('/__dev/front-token');
  if (!response.ok) throw new Error(`dev server has no front token (${response.status})`);
  return ((await response.json()) as { frontToken: string }).frontToken;
}

function boot(): void {
  const inApp = detectEnvironment(navigator.userAgent).inApp;
  let sim: Simulator | undefined;
  if (!inApp) {
    sim = installSimulator({ window, latency: 150, frontToken: frontTokenFromDevServer });
    const banner = document.getElementById('banner')!;
    banner.hidden = false;
    banner.textContent = 'Simulator mode: not inside the UnionPay app — every plugin answers from the simulator.';
  }
  const context: PlaygroundContext = {
    client: createClient({ signer: '/upsdk/signature' }),
    sim,
    mode: inApp ? 'app' : 'simulator',
  };
  watchBridgeEvents();
  const main = document.getElementById('sections')!;
  for (const render of SECTIONS) main.append(render(context));
  main.append(h('section', { id: 'log-section' }, h('h2', {}, 'Log'), h('ol', { id: 'log', class: 'log' })));
  if (new URLSearchParams(location.search).get('debug') === '1') {
    // The on-device console is loaded only on request, never in the default path.
    void import('eruda').then(({ default: eruda }) => eruda.init());
  }
}

boot();
