/**
 * Typed plugins as data. A plugin is a {@link PluginSpec} (plugin name →
 * param converter → result normalizer → timeout → whether the call waits its
 * turn in the device queue); {@link runPlugin} runs one on a client, so a
 * flat family's function (`pay(client, …)`) is one line over it, and
 * {@link bindPlugins} turns a table into a namespace's methods (`bluetooth`,
 * `hce`, `applet`). No family writes its own call, validation, queueing or
 * error plumbing.
 */
import type { UpsdkClient } from '../client/client.js';
import type { PluginName, PluginParams, PluginResult } from '../client/plugin-map.js';
import type { SerialQueue } from '../shared/serial-queue.js';
import { validated } from '../shared/validate.js';
import type { UntypedCall } from '../client/untyped-call.js';

/** Per-call controls every typed plugin method takes last. */
export interface CallControl {
  /** Milliseconds to wait for the answer. Default: the plugin's own (10 minutes when it waits on the user), else the client's. */
  readonly timeout?: number | undefined;
  /** Aborts the call (or takes it out of the device queue if it has not started); the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * The per-call options of the Bluetooth and HCE methods: the same as {@link CallControl}.
 *
 * @example
 * ```ts
 * const options: OperationOptions = { timeout: 10_000, signal };
 * await bluetooth(client).connect(deviceId, options);
 * ```
 */
export type OperationOptions = CallControl;

/**
 * How one typed method maps onto raw plugin `K`. Fields ending in `_` are internal
 * (build/private-property.mjs), so the IIFE shortens their names.
 */
export interface PluginSpec<K extends PluginName, Input, Output> {
  readonly plugin: K;
  /**
   * Natural input → the exact params the bridge gets; a failed check throws
   * `invalid_param` naming the plugin (see `validated`). A missing
   * input arrives as `{}`. Left out for plugins that take no input.
   */
  readonly toParams_?: ((input: Input) => PluginParams<K>) | undefined;
  /**
   * Raw success payload (and the caller's input, for context) → normalized
   * result; a strict reader throws `invalid_result` (see `badResult`), or it
   * throws a typed error of its own. Default: resolve with nothing.
   */
  readonly toResult_?: ((raw: PluginResult<K>, input: Input, plugin: K) => Output) | undefined;
  /** Default timeout, for plugins that wait on the user (see `PLUGIN_TIMEOUTS`). */
  readonly timeout?: number | undefined;
  /** Whether the call waits for the device queue (operations the native side cannot overlap). */
  readonly queued_?: boolean | undefined;
}

/**
 * The method a spec becomes: no input → `(options?)`; an input that may be
 * left out (possibly `undefined`, or an object whose fields are all optional)
 * → `(input?, options?)`; else `(input, options?)`.
 */
export type PluginMethod<Input, Output> = [Input] extends [void]
  ? (options?: CallControl) => Promise<Output>
  : undefined extends Input
    ? (input?: Input, options?: CallControl) => Promise<Output>
    : Record<never, never> extends Input
      ? (input?: Input, options?: CallControl) => Promise<Output>
      : (input: Input, options?: CallControl) => Promise<Output>;

/**
 * A spec in a table keyed by plugin name: `plugin` is the key. Its types
 * come from the table entry itself (see {@link PluginTable}).
 */
export type TableSpec<K extends PluginName> = Omit<PluginSpec<K, never, unknown>, 'plugin'>;

/**
 * Specs by plugin name, for {@link bindPlugins}: the key names the plugin and
 * the method. Check a table with `satisfies PluginTable` so that each entry
 * keeps its own input and result types.
 *
 * @example
 * ```ts
 * const table = { deleteData: { toParams_: (input: { key: string }) => fields(input, { key: text }) } } satisfies PluginTable;
 * ```
 */
export type PluginTable = { readonly [K in PluginName]?: TableSpec<K> };

/** The input of a spec: what its `toParams_` takes, or nothing. */
type InputOf<Spec> = 'toParams_' extends keyof Spec
  ? Spec extends { readonly toParams_?: ((input: infer Input) => unknown) | undefined }
    ? Input
    : void
  : void;
/** The result of a spec: what its `toResult_` gives, or nothing. */
type OutputOf<Spec> = 'toResult_' extends keyof Spec
  ? Spec extends { readonly toResult_?: ((...args: never[]) => infer Output) | undefined }
    ? Output
    : void
  : void;

/** The methods of a table of specs (made with {@link definePlugin}, or keyed by plugin name). */
export type PluginMethods<Table> = {
  readonly [Name in keyof Table]: PluginMethod<InputOf<Table[Name]>, OutputOf<Table[Name]>>;
};

/** A spec with its types erased, as the runner handles it (`plugin` defaults to the table key). */
interface ErasedSpec {
  readonly plugin?: PluginName | undefined;
  readonly toParams_?: ((input: never) => object) | undefined;
  readonly toResult_?: ((raw: never, input: never, plugin: never) => unknown) | undefined;
  readonly timeout?: number | undefined;
  readonly queued_?: boolean | undefined;
}

/**
 * Declare one typed plugin (the identity at run time; it fixes the types:
 * `Input` from `toParams_`, `Output` from `toResult_`). Call sites mark the call
 * `@__PURE__` so that bundlers drop the specs of functions a page does not import.
 *
 * @example
 * ```ts
 * const pay = definePlugin({ plugin: 'pay', toParams_: (input: { tn: string }) => ({ tn: text('tn', input.tn) }) });
 * const connect = definePlugin({ plugin: 'connectBLEDevice', toParams_: toDeviceParams, queued_: true });
 * ```
 */
export function definePlugin<K extends PluginName, Input = void, Output = void>(
  spec: PluginSpec<K, Input, Output>,
): PluginSpec<K, Input, Output> {
  return spec;
}

/**
 * Call the plugin `spec` describes on `client`: convert and check the input
 * (a bad value rejects before anything is queued or sent), call, normalize
 * the answer. Every typed family function is one line over this.
 *
 * @param client - the client, or a view of it whose `call` waits for a device queue (see {@link bindPlugins}).
 * @example
 * ```ts
 * export const pay = (client: UpsdkClient, input: PayInput, control?: CallControl): Promise<void> =>
 *   runPlugin(client, PAY, input, control);
 * ```
 */
export async function runPlugin<K extends PluginName, Input, Output>(
  client: Pick<UpsdkClient, 'call'>,
  spec: PluginSpec<K, Input, Output>,
  input?: Input,
  control?: CallControl,
): Promise<Output> {
  const {
    plugin,
    toParams_: toParams,
    toResult_: toResult,
  } = spec as unknown as ErasedSpec & { readonly plugin: PluginName };
  const given = input ?? {};
  const params = toParams ? validated(plugin, () => (toParams as (input: unknown) => object)(given)) : {};
  // The core gives plugins that wait on the user their long default itself (`USER_WAIT_PLUGINS`, which
  // a test keeps equal to the specs' `timeout`), so the caller's control goes through as is.
  // Specs are typed against their own plugin; here the name is data, so call untyped.
  const raw = await (client.call as unknown as UntypedCall)(plugin, params, control);
  return (toResult &&
    validated(
      plugin,
      () => (toResult as (raw: unknown, input: unknown, plugin: string) => Output)(raw, given, plugin),
      raw,
    )) as Output;
}

/**
 * Methods for every spec of `table`, each a thin call of the one runner
 * (a spec without `plugin` calls the plugin its key names).
 * Specs marked `queued_` run one at a time through `queue` (needed when the
 * table has any): on a view of `core` whose `call` waits its turn, so a bad
 * input still rejects before it queues.
 *
 * @example
 * ```ts
 * const ble = bindPlugins(core, { connect: definePlugin({ plugin: 'connectBLEDevice', toParams_: toParams, queued_: true }) }, serialQueue());
 * await ble.connect({ deviceId }, { timeout: 10_000 });
 * ```
 */
export function bindPlugins<Table extends Readonly<Record<string, ErasedSpec>>>(
  core: UpsdkClient,
  table: Table,
  queue?: Pick<SerialQueue, 'run'>,
): PluginMethods<Table> {
  const call = core.call.bind(core) as unknown as UntypedCall;
  const queued = {
    call: ((plugin, params, control) =>
      queue!.run(() => call(plugin, params, control), { signal: control?.signal })) as UntypedCall,
  } as unknown as Pick<UpsdkClient, 'call'>;
  const methods: Record<string, unknown> = {};
  for (const [name, erased] of Object.entries(table)) {
    const spec = { plugin: name, ...erased } as unknown as PluginSpec<PluginName, unknown, unknown>;
    // At bind time, so a family that forgot its queue fails when it is made, not on its first device call.
    if (spec.queued_ && !queue) throw new TypeError(`${name} is queued: bindPlugins needs a queue`);
    const client = spec.queued_ ? queued : core;
    methods[name] = spec.toParams_
      ? (input?: unknown, control?: CallControl) => runPlugin(client, spec, input, control)
      : (control?: CallControl) => runPlugin(client, spec, undefined, control);
  }
  return methods as PluginMethods<Table>;
}

/** The `timeout` of every spec that has one, by plugin name. */
export function timeoutsOf(
  ...tables: readonly Readonly<Record<string, ErasedSpec>>[]
): Record<string, number> {
  const timeouts: Record<string, number> = {};
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table))
      if (spec.timeout !== undefined) timeouts[spec.plugin ?? name] = spec.timeout;
  }
  return timeouts;
}
