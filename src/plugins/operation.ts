/**
 * Plugin families as data: each method is a row (plugin name, input →
 * params converter, raw → result normalizer, timeout, whether it waits its
 * turn in the device queue) and one generic binder turns the rows into
 * promise methods on top of `core.call`.
 */
import type { CallOptions, UpsdkCore } from '../client/client.js';
import type { PluginName, PluginParams } from '../client/plugin-map.js';
import { SerialQueue } from '../shared/serial-queue.js';

/** Per-call options of every family method. */
export interface OperationOptions {
  /** Milliseconds to wait for the bridge once the call is dispatched. Default: the method's own, else the client's. */
  readonly timeout?: number;
  /** Aborts the call, or removes it from the device queue if it has not started yet. */
  readonly signal?: AbortSignal;
}

/** One row of a family table. */
export interface OperationSpec<K extends PluginName, I, R> {
  /** The vendor plugin. */
  readonly plugin: K;
  /** Checks and converts the caller's input (throws `invalid_param`). Absent: the method takes no input. */
  params?(input: I): PluginParams<K>;
  /**
   * Turns the raw success payload into the result (given the caller's input for context);
   * may throw a typed error for failure codes inside success.
   */
  result?(raw: unknown, input: I, plugin: K): R;
  /** Default timeout of this method, ms. */
  readonly timeout?: number;
  /** Whether the call waits for the device queue (operations the native side cannot overlap). */
  readonly queued?: boolean;
}

/** The method generated from a row: `(options?)` without input, else `(input, options?)`. */
export type Operation<I, R> = [I] extends [void]
  ? (options?: OperationOptions) => Promise<R>
  : undefined extends I
    ? (input?: I, options?: OperationOptions) => Promise<R>
    : (input: I, options?: OperationOptions) => Promise<R>;

/** A family table: method name → row. */
export type OperationTable = Readonly<Record<string, OperationSpec<PluginName, never, unknown>>>;

/** The methods generated from a table. */
export type Operations<T extends OperationTable> = {
  readonly [N in keyof T]: T[N] extends OperationSpec<PluginName, infer I, infer R> ? Operation<I, R> : never;
};

/**
 * Declare one row with its types inferred (`I` from `params`, `R` from `result`).
 *
 * @example
 * ```ts
 * const connect = operation({ plugin: 'connectBLEDevice', params: (id: string) => ({ deviceId: id }), queued: true });
 * ```
 */
export function operation<K extends PluginName, I = void, R = void>(
  spec: OperationSpec<K, I, R>,
): OperationSpec<K, I, R> {
  return spec;
}

type UntypedCall = (plugin: string, params: object, options?: CallOptions) => Promise<unknown>;

/**
 * Generate the methods of a table. Input is validated before anything is
 * queued or sent, so bad input rejects without touching the bridge. Rows
 * marked `queued` share `queue` (default: one queue for this table).
 *
 * @example
 * ```ts
 * const methods = bindOperations(core, { open: operation({ plugin: 'openBluetoothAdapter' }) }, queue);
 * await methods.open({ timeout: 5000 });
 * ```
 */
export function bindOperations<T extends OperationTable>(
  core: UpsdkCore,
  table: T,
  queue: SerialQueue = new SerialQueue(),
): Operations<T> {
  const call = (core.call as unknown as UntypedCall).bind(core);
  const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [name, row] of Object.entries(table)) {
    const spec = row as OperationSpec<PluginName, unknown, unknown>;
    methods[name] = async (...args: unknown[]) => {
      const [input, options = {}] = (spec.params ? args : [undefined, args[0]]) as [
        unknown,
        OperationOptions?,
      ];
      const params = spec.params ? spec.params(input) : {};
      const send = (): Promise<unknown> =>
        call(spec.plugin, params, { timeout: options.timeout ?? spec.timeout, signal: options.signal });
      const raw = spec.queued ? await queue.run(send, { signal: options.signal }) : await send();
      return spec.result ? spec.result(raw, input, spec.plugin) : undefined;
    };
  }
  return methods as Operations<T>;
}
