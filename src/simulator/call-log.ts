/** The simulator's record of what the page sent. */

/** One call the page made on `upsdk`. */
export interface RawCall {
  /** Plugin name, or `config`. */
  readonly plugin: string;
  /** The options the page passed, minus functions, copied at call time (before upsdk.js rewrote them). */
  readonly params: Readonly<Record<string, unknown>>;
  /** True when the call hit a no-op stub (bridge not ready yet). */
  readonly dropped: boolean;
  /**
   * What upsdk.js handed to native for this call, after its own rewrites and
   * its plain-object check (`{}` for an object from another realm); absent
   * when nothing reached native.
   */
  readonly native?: Readonly<Record<string, unknown>> | undefined;
}
