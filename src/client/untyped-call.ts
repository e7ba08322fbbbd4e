/**
 * `core.call` for plugins named by data (tables, event specs, core views):
 * the typed `call` checks params against one literal plugin name, which a
 * name held in a variable cannot satisfy, so these callers use this form.
 */
import type { CallOptions, UpsdkClient } from './client.js';

/** `core.call` with the plugin name as a plain string. */
export type UntypedCall = (plugin: string, params: object, options?: CallOptions) => Promise<unknown>;

/**
 * `core.call`, bound to `core`, typed for a plugin name held in a variable.
 *
 * @example
 * ```ts
 * const call = untypedCall(core);
 * await call(spec.register, {}, { expectAnswer: false });
 * ```
 */
export function untypedCall(core: UpsdkClient): UntypedCall {
  return (core.call as unknown as UntypedCall).bind(core);
}

/**
 * A view of `core` whose `call` is `call` and whose other members are
 * `core`'s: how a family reroutes one plugin (e.g. re-arming a listener)
 * for code that only knows the core, such as `NativeEvents`.
 *
 * @example
 * ```ts
 * const direct = untypedCall(core);
 * const view = withCall(core, (plugin, params, options) =>
 *   plugin === 'onHCEMessage' ? arm(options) : direct(plugin, params, options));
 * ```
 */
export function withCall(core: UpsdkClient, call: UntypedCall): UpsdkClient {
  return {
    call: call as UpsdkClient['call'],
    ready: (options) => core.ready(options),
    get jsApiList() {
      return core.jsApiList;
    },
  };
}
