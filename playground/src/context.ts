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
  /**
   * The simulated host wallet changed (simulator mode): outside UnionPay there is no `upsdk`, so the
   * banner and the sections that need it must say so instead of failing silently.
   */
  readonly hostChanged: (host: 'unionpay' | 'wechat' | 'alipay') => void;
}

/** A section renders itself once; it may keep live elements updated. */
export type Section = (context: PlaygroundContext) => HTMLElement;
