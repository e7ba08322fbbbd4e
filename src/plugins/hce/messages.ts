/**
 * Incoming HCE messages (`onHCEMessage`, spec §6.24.4). The plugin is
 * listener-like but its callback is `success`, and whether the app calls it
 * once per message or once per `onHCEMessage` call is not public. So the
 * native events get a core whose `onHCEMessage` call re-arms itself after
 * every message while someone listens: with a one-shot bridge that keeps
 * messages flowing, and with a repeating bridge the re-registration replaces
 * the previous callback (one listener per event), so nothing is doubled.
 * Answers without data are acknowledgements and are skipped; failure codes
 * (`1301`) go to `error` listeners.
 */
import type { CallOptions, UpsdkClient } from '../../client/client.js';
import { vendorError } from '../../client/errors.js';
import type { NativeEventSpecs, NativeEvents } from '../../events/native-events.js';
import { fieldsOf, text } from '../payload.js';
import { reportTo } from '../../events/report.js';
import { decodeValue, type DecodedValue, type ValueCodec } from '../value-codec.js';
import { checkAnswer } from './codes.js';
import { untypedCall } from '../../client/untyped-call.js';

/** A command the reader sent: bytes and the raw wire string. */
export type HceMessage = DecodedValue;

/** Event name → payload of `hce.events`. */
export type HceEvents = {
  message: HceMessage;
};

const PLUGIN = 'onHCEMessage';

/** The command string of an answer: a bare non-JSON string, or its `data` (or `message`/`apdu`) field. */
export function messageData(raw: unknown): string | undefined {
  if (typeof raw === 'string' && !raw.trimStart().startsWith('{')) return raw === '' ? undefined : raw;
  const field = fieldsOf(raw);
  const data = text(field('data') ?? field('message') ?? field('apdu'));
  return data === '' ? undefined : data;
}

/**
 * The `message` event spec.
 *
 * @example
 * ```ts
 * new NativeEvents<HceEvents>(messageCore(core, () => events), hceEventSpecs(codec));
 * ```
 */
export function hceEventSpecs(codec: ValueCodec): NativeEventSpecs<HceEvents> {
  return {
    // No cancel plugin exists: after the last listener leaves, messages are simply not passed on.
    message: {
      register: PLUGIN,
      listenerKey: 'success',
      expectAnswer: false,
      normalize: (raw) => decodeValue(messageData(raw) ?? '', codec),
    },
  };
}

/**
 * The call the `message` events register with: `onHCEMessage` re-armed after each message while
 * `events()` has listeners; acknowledgements are skipped and failures reported.
 */
export function messageCore(
  core: UpsdkClient,
  events: () => NativeEvents<HceEvents>,
): Pick<UpsdkClient, 'call'> {
  const call = untypedCall(core);
  const listening = (): boolean => events().listenerCount('message') > 0;
  const report = (error: unknown): void => {
    if (listening()) reportTo(events(), error, 'message');
  };

  // The events' only plugin is `onHCEMessage`, registered with its `success` listener.
  const register = (_plugin: string, _params: object, options: CallOptions = {}): Promise<unknown> => {
    const deliver = options.listeners?.success;
    const arm = (): Promise<unknown> =>
      call(PLUGIN, {}, { ...options, listeners: { success: onAnswer, fail: onFail } });
    const rearm = (): void => {
      if (listening()) arm().catch(report);
    };
    function onAnswer(raw?: unknown): void {
      try {
        checkAnswer(raw, PLUGIN);
      } catch (error) {
        report(error);
        return rearm();
      }
      if (messageData(raw) === undefined) return; // an acknowledgement, not a message
      deliver?.(raw);
      rearm();
    }
    function onFail(raw?: unknown): void {
      report(vendorError(PLUGIN, raw));
    }
    return arm();
  };

  return { call: register as UpsdkClient['call'] };
}
