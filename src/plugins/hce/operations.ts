/** The §6.24 promise methods as data. Every answer's code is checked here (`getHCEState` maps it instead). */
import { operation } from '../operation.js';
import { hex, nonEmptyList, validated } from '../validate.js';
import { decodeValue, toBytes, type ValueCodec } from '../value-codec.js';
import { checkAnswer, toHceState } from './codes.js';
import { messageData } from './messages.js';

/** AIDs are 10–32 hex digits (sent upper-case) joined by commas. */
function aidList(aids: readonly string[]): { aidList: string } {
  const checked = validated('startHCE', () =>
    nonEmptyList('aids', aids, (name, aid) => hex(name, aid, { min: 10, max: 32 }).toUpperCase()),
  );
  return { aidList: checked.join(',') };
}

/**
 * The table of HCE methods for one data codec.
 *
 * @example
 * ```ts
 * const methods = bindOperations(core, hceOperations(VALUE_CODECS.hex));
 * ```
 */
export function hceOperations(codec: ValueCodec) {
  return {
    state: operation({ plugin: 'getHCEState', result: toHceState }),
    start: operation({
      plugin: 'startHCE',
      params: aidList,
      result: (raw, _aids, plugin) => void checkAnswer(raw, plugin),
    }),
    stop: operation({ plugin: 'stopHCE', result: (raw, _input, plugin) => void checkAnswer(raw, plugin) }),
    send: operation({
      plugin: 'sendHCEMessage',
      params: (data: Uint8Array | ArrayBuffer | DataView | string) => ({
        data: codec.encode(toBytes('sendHCEMessage', 'data', data)),
      }),
      result: (raw, _data, plugin) => {
        checkAnswer(raw, plugin);
        return decodeValue(messageData(raw) ?? '', codec);
      },
    }),
    openSettings: operation({
      plugin: 'openNFCSetting',
      result: (raw, _input, plugin) => void checkAnswer(raw, plugin),
    }),
  };
}
