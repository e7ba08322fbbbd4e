/** A signer function for tests and demos that signs exactly as a real signer would, with a known frontToken. */
import type { Signature, SignerFunction } from '../client/signer-source.js';
import { configSignature, createNonce, unixTimestamp } from '../shared/signature.js';
import { SIMULATED_APP_ID, SIMULATED_FRONT_TOKEN } from './open-platform.js';

/** Options of {@link createSimulatedSigner}. */
export interface SimulatedSignerOptions {
  readonly appId?: string | undefined;
  /** Default {@link SIMULATED_FRONT_TOKEN}, which the simulator accepts by default. */
  readonly frontToken?: string | undefined;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
}

/**
 * A `signer` for `createClient` that needs no server: it signs with the
 * simulator's frontToken. For tests and demos only — a real secret must never
 * reach a browser.
 *
 * @example
 * ```ts
 * installSimulator();
 * const client = createClient({ signer: createSimulatedSigner() });
 * ```
 */
export function createSimulatedSigner(options: SimulatedSignerOptions = {}): SignerFunction {
  const appId = options.appId ?? SIMULATED_APP_ID;
  const frontToken = options.frontToken ?? SIMULATED_FRONT_TOKEN;
  const clock = options.clock ?? Date.now;
  // eslint-disable-next-line @typescript-eslint/require-await -- async so a throw (clock, signing) arrives as a rejection, as from a real signer
  return async (url): Promise<Signature> => {
    const timestamp = unixTimestamp(clock());
    const nonceStr = createNonce();
    return {
      appId,
      timestamp,
      nonceStr,
      signature: configSignature({ appId, frontToken, nonceStr, timestamp, url }),
    };
  };
}
