/** What every playground section gets. */
import type { UpsdkClient } from '../../src/index.js';
import type { Simulator } from '../../src/simulator/index.js';

export interface PlaygroundContext {
  readonly client: UpsdkClient;
  /** Present in simulator mode (outside the app). */
  readonly sim: Simulator | undefined;
  readonly mode: 'app' | 'simulator';
  /** The browser's own user agent, read before the simulator replaced it with an in-app one. */
  readonly browserUserAgent: string;
}

/** A section renders itself once; it may keep live elements updated. */
export type Section = (context: PlaygroundContext) => HTMLElement;
