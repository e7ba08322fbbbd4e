/**
 * A native resource (such as BLE discovery) shared by several holders: it is
 * started when the first holder acquires it and stopped after the last one
 * releases it. Start and stop steps run one after another, so a release
 * during a start is followed by a stop, never overtaken by it.
 */

/**
 * Reference-counted start/stop.
 *
 * @example
 * ```ts
 * const discovery = new SharedLease((opts) => startDiscovery(opts), () => stopDiscovery());
 * const release = await discovery.acquire({ services: [HEART_RATE] });
 * await release();
 * ```
 */
export class SharedLease<Arg> {
  private holders = 0;
  private active = false;
  private lastArg: Arg | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly start: (arg: Arg) => Promise<void>,
    private readonly stop: () => Promise<void>,
  ) {}

  /** Whether the resource is started now. */
  get isActive(): boolean {
    return this.active;
  }

  /**
   * Hold the resource, starting it (with `arg`) if nobody else holds it.
   *
   * @returns a release function (idempotent) that stops the resource when it was the last holder;
   *   it rejects if that stop fails.
   * @throws the start failure; the hold is dropped again then.
   */
  async acquire(arg: Arg): Promise<() => Promise<void>> {
    this.holders += 1;
    this.lastArg = arg;
    try {
      await this.reconcile();
    } catch (error) {
      this.holders -= 1;
      await this.reconcile().catch(() => undefined);
      throw error;
    }
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.holders -= 1;
      await this.reconcile();
    };
  }

  private reconcile(): Promise<void> {
    const step = this.chain.then(async () => {
      const wanted = this.holders > 0;
      if (wanted === this.active) return;
      if (wanted) {
        await this.start(this.lastArg as Arg);
        this.active = true;
      } else {
        this.active = false; // stopped or not, nobody holds it any more
        await this.stop();
      }
    });
    this.chain = step.catch(() => undefined);
    return step;
  }
}
