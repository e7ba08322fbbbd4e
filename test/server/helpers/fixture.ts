/**
 * Per-test setup shared by the signer suites: the fake platform over HTTP on
 * a controllable clock, a recorded event log, and signers wired to both.
 */
import { afterEach, beforeEach } from 'vitest';
import {
  createSigner,
  type Signer,
  type SignerEvent,
  type SignerOptions,
} from '../../../src/server/index.js';
import {
  SIMULATED_APP_ID,
  SIMULATED_SECRET,
  type FakeOpenPlatformOptions,
} from '../../../src/simulator/index.js';
import { servePlatform, type ServedPlatform } from './serve.js';

/** State of the running test. */
export interface SignerFixture {
  /** The clock shared by the platform and the signers; tests move it. */
  now: number;
  /** Events logged by signers from {@link SignerFixture.signerWith}, this test only. */
  readonly events: SignerEvent[];
  /** This test's platform. */
  readonly served: ServedPlatform;
  /** A signer for `m.example.com` pages against this test's platform. */
  signerWith(options?: Partial<SignerOptions>): Signer;
  /** Replace the platform with one built from `options`, on the same clock. */
  replacePlatform(options: FakeOpenPlatformOptions): Promise<void>;
}

/** Register the per-test setup; `start` gives the clock's initial time. */
export function useSignerFixture(start: () => number, defaults: Partial<SignerOptions> = {}): SignerFixture {
  let served: ServedPlatform | undefined;
  const clock = (): number => fixture.now;
  const fixture: SignerFixture = {
    now: 0,
    events: [],
    get served() {
      if (!served) throw new Error('the platform runs only inside a test');
      return served;
    },
    signerWith: (options = {}) =>
      createSigner({
        appId: SIMULATED_APP_ID,
        secret: SIMULATED_SECRET,
        allowedOrigins: ['m.example.com'],
        baseUrl: fixture.served.url,
        clock,
        log: (event) => fixture.events.push(event),
        ...defaults,
        ...options,
      }),
    async replacePlatform(options) {
      await served?.close();
      served = await servePlatform({ clock, ...options });
    },
  };
  beforeEach(async () => {
    fixture.now = start();
    fixture.events.length = 0;
    served = await servePlatform({ clock });
  });
  afterEach(async () => {
    await served?.close();
    served = undefined;
  });
  return fixture;
}
