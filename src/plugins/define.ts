/**
 * Typed plugin methods as data. A family is a table of {@link PluginSpec}s
 * (plugin name → param converter → result normalizer → timeout) and
 * {@link bindPlugins} turns the table into methods on top of `core.call`;
 * no family writes its own call, validation or error plumbing.
 */
import type { CallOptions, UpsdkCore } from '../client/client.js';
import type { PluginName, PluginParams, PluginResult } from '../client/plugin-map.js';
import { InvalidResult, invalidResult } from './payload.js';
import { validated } from './validate.js';

/** Per-call controls every typed plugin method takes last. */
export interface CallControl {
  /** Milliseconds to wait for the answer. Default: the plugin's own (10 minutes when it waits on the user), else the client's. */
  readonly timeout?: number;
  /** Aborts the call; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** How one typed method maps onto raw plugin `K`. */
export interface PluginSpec<K extends PluginName, Input, Output> {
  readonly plugin: K;
  /**
   * Natural input → the exact params the bridge gets; throws `InvalidField`
   * for bad values. Left out for plugins that take no input.
   */
  readonly toParams?: (input: Input) => PluginParams<K>;
  /** Raw success payload → normalized result; throws `InvalidResult`. Default: resolve with nothing. */
  readonly toResult?: (raw: PluginResult<K>) => Output;
  /** Default timeout, for plugins that wait on the user (see `PLUGIN_TIMEOUTS`). */
  readonly timeout?: number;
}

/**
 * The method a spec becomes: no input → `(options?)`; an input whose fields
 * are all optional → `(input?, options?)`; else `(input, options?)`.
 */
export type PluginMethod<Input, Output> = [Input] extends [void]
  ? (options?: CallControl) => Promise<Output>
  : Record<never, never> extends Input
    ? (input?: Input, options?: CallControl) => Promise<Output>
    : (input: Input, options?: CallControl) => Promise<Output>;

/** The methods of a table of specs. */
export type PluginMethods<Table> = {
  [Name in keyof Table]: Table[Name] extends PluginSpec<PluginName, infer Input, infer Output>
    ? PluginMethod<Input, Output>
    : never;
};

/** A spec with its types erased, as the runner handles it. */
interface ErasedSpec {
  readonly plugin: PluginName;
  readonly toParams?: (input: never) => object;
  readonly toResult?: (raw: never) => unknown;
  readonly timeout?: number;
}

type UntypedCall = (plugin: string, params: object, options?: CallOptions) => Promise<unknown>;

/**
 * Declare one typed plugin (the identity at run time; it fixes the types).
 *
 * @example
 * ```ts
 * const pay = definePlugin({ plugin: 'pay', toParams: (input: { tn: string }) => ({ tn: text('tn', input.tn) }) });
 * ```
 */
export function definePlugin<K extends PluginName, Input = void, Output = void>(
  spec: PluginSpec<K, Input, Output>,
): PluginSpec<K, Input, Output> {
  return spec;
}

/**
 * Call the plugin a spec describes: convert and check the input (a bad value
 * rejects before the bridge is touched), call, normalize the answer.
 */
export async function runPlugin(
  core: UpsdkCore,
  spec: ErasedSpec,
  input: unknown,
  control: CallControl = {},
): Promise<unknown> {
  const params = spec.toParams
    ? validated(spec.plugin, () => (spec.toParams as (input: unknown) => object)(input ?? {}))
    : {};
  // Specs are typed against their own plugin; here the name is data, so call untyped.
  const raw = await (core.call as unknown as UntypedCall)(spec.plugin, params, {
    timeout: control.timeout,
    signal: control.signal,
  });
  if (!spec.toResult) return undefined;
  try {
    return (spec.toResult as (raw: unknown) => unknown)(raw);
  } catch (error) {
    throw error instanceof InvalidResult ? invalidResult(spec.plugin, error, raw) : error;
  }
}

/**
 * Methods for every spec of `table`, each a thin call of {@link runPlugin}.
 *
 * @example
 * ```ts
 * const payment = bindPlugins(core, { pay: definePlugin({ plugin: 'pay', toParams: toPayParams }) });
 * await payment.pay({ tn });
 * ```
 */
export function bindPlugins<Table extends Readonly<Record<string, ErasedSpec>>>(
  core: UpsdkCore,
  table: Table,
): PluginMethods<Table> {
  const methods: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) {
    methods[name] = spec.toParams
      ? (input?: unknown, control?: CallControl) => runPlugin(core, spec, input, control)
      : (control?: CallControl) => runPlugin(core, spec, undefined, control);
  }
  return methods as PluginMethods<Table>;
}

/** The `timeout` of every spec that has one, by plugin name. */
export function timeoutsOf(
  ...tables: readonly Readonly<Record<string, ErasedSpec>>[]
): Record<string, number> {
  const timeouts: Record<string, number> = {};
  for (const table of tables) {
    for (const spec of Object.values(table))
      if (spec.timeout !== undefined) timeouts[spec.plugin] = spec.timeout;
  }
  return timeouts;
}
