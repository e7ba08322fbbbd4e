/** What every playground section gets. */
import type { UpsdkClient } from '../../src/index.js';
import type { Simulator } from '../../src/simulator/index.js';

export interface PlaygroundContext {
  readonly client: UpsdkClient;
  /** Present in simulator mode (outside the app). */
  readonly sim: Simulator | undefined;
  readonly mode: 'app' | 'simulator';
}

/** A section renders itself once; it may keep live elements updated. */
export type Section = (context: PlaygroundContext) => HTMLElement;
