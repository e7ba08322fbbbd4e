/** Test harness: a simulator on the jsdom window and a client signing for it. */
import { afterEach, vi } from 'vitest';
import { createClient, type ClientOptions, type UpsdkClient } from '../../src/index.js';
import {
  createSimulatedSigner,
  installSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../src/simulator/index.js';
import type { SignerFunction } from '../../src/client/signer-source.js';

const installed: Simulator[] = [];

afterEach(() => {
  for (const sim of installed.splice(0)) sim.uninstall();
  window.history.replaceState(null, '', '/');
  document.head.querySelectorAll('script').forEach((script) => script.remove());
});

export interface Harness {
  readonly sim: Simulator;
  readonly client: UpsdkClient;
  /** The signer the client uses, spied on. */
  readonly signer: ReturnType<typeof vi.fn<SignerFunction>>;
}

/** Install a simulator and create a client that signs for it. */
export function setup(
  simOptions: SimulatorOptions = {},
  clientOptions: Partial<ClientOptions> = {},
): Harness {
  const sim = installSimulator(simOptions);
  installed.push(sim);
  const signer = vi.fn<SignerFunction>(createSimulatedSigner());
  const client = createClient({ signer, ...clientOptions });
  return { sim, client, signer };
}

/** Let every pending zero-delay timer and microtask run (real timers). */
export const flush = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
