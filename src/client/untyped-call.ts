/**
 * `core.call` for plugins named by data (tables, event specs, core views):
 * the typed `call` checks params against one literal plugin name, which a
 * name held in a variable cannot satisfy, so these callers use this form.
 */
import type { CallOptions, UpsdkCore } from './client.js';

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
export function untypedCall(core: UpsdkCore): UntypedCall {
  return (core.call as unknown as UntypedCall).bind(core);
}
