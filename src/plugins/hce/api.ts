/** The `hce(client)` namespace: its documented contract. */
import type { IterateOptions, NativeEvents } from '../../events/native-events.js';
import type { CallControl } from '../define.js';
import type { BinaryInput, DecodedValue, ValueCodec, ValueEncoding } from '../value-codec.js';
import type { HceState } from './codes.js';
import type { HceEvents, HceMessage } from './messages.js';

/** Options of the HCE family, given as `hce(client, options)`. */
export interface HceOptions {
  /**
   * How command and response bytes travel over the bridge. Default `'hex'`.
   * The spec calls `data` "a string of 0s and 1s" (`'binary'`); confirm on a device.
   */
  readonly dataEncoding?: ValueEncoding | ValueCodec | undefined;
}

/**
 * NFC host card emulation (spec §6.24). Methods reject with an `HceError`
 * (code + documented meaning) when the app answers a code other than `0000`.
 *
 * @example
 * ```ts
 * if ((await hce(client).state()).ok) {
 *   await hce(client).start(['A000000010']);
 *   for await (const command of hce(client).messages({ signal })) await hce(client).send(reply(command.value));
 * }
 * ```
 */
export interface Hce {
  /**
   * Whether HCE is usable (`getHCEState`); codes 1001–1004 are states, not errors.
   * @example `const { ok, reason } = await hce(client).state(); // reason: 'disabled' → hce(client).openSettings()`
   */
  state(options?: CallControl): Promise<HceState>;
  /**
   * Register AIDs and start emulation (`startHCE`). Each AID must be 10–32
   * hex digits; bad input rejects with `invalid_param` before the bridge is called.
   * @example `await hce(client).start(['A000000010', 'A123456789']);`
   */
  start(aids: readonly string[], options?: CallControl): Promise<void>;
  /**
   * Stop emulation (`stopHCE`).
   * @example `await hce(client).stop();`
   */
  stop(options?: CallControl): Promise<void>;
  /**
   * Send response data (`sendHCEMessage`): bytes or a hex string.
   * @returns the chip's answer, if the app sent one (`raw` is `''` otherwise).
   * @example `const answer = await hce(client).send('9000');`
   */
  send(data: BinaryInput, options?: CallControl): Promise<DecodedValue>;
  /**
   * Open the phone's NFC settings (`openNFCSetting`).
   * @example `await hce(client).openSettings();`
   */
  openSettings(options?: CallControl): Promise<void>;
  /**
   * `message` events from the reader (`onHCEMessage`, after `start`); failures (`1301`) go to `error`.
   * @example `hce(client).events.on('message', ({ value }) => handle(value));`
   */
  readonly events: NativeEvents<HceEvents>;
  /**
   * Iterate the reader's commands; the listener is released when the loop ends.
   * @example
   * ```ts
   * for await (const { value, raw } of hce(client).messages({ signal })) console.log(raw);
   * ```
   */
  messages(options?: IterateOptions): AsyncGenerator<HceMessage, void, undefined>;
}
