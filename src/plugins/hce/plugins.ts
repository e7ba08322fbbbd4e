/** The §6.24 promise methods as data. Every answer's code is checked here (`getHCEState` maps it instead). */
import { definePlugin } from '../define.js';
import { matching, nonEmptyList } from '../../shared/validate.js';
import { decodeValue, toBytes, type ValueCodec } from '../value-codec.js';
import { checkAnswer, toHceState } from './codes.js';
import { messageData } from './messages.js';

/** AIDs are 10–32 hex digits (sent upper-case) joined by commas. */
function aidList(aids: readonly string[]): { aidList: string } {
  const checked = nonEmptyList('aids', aids, (name, aid) =>
    matching(name, aid, /^[\dA-Fa-f]{10,32}$/, '10–32 hex digits').toUpperCase(),
  );
  return { aidList: checked.join(',') };
}

/** A result reader that only checks the answer's code (`HceError` unless `0000`). */
const checkOnly = (raw: unknown, _input: unknown, plugin: string): void => checkAnswer(raw, plugin);

/**
 * The table of HCE methods for one data codec.
 *
 * @example
 * ```ts
 * const methods = bindPlugins(core, hcePlugins(VALUE_CODECS.hex));
 * ```
 */
export function hcePlugins(codec: ValueCodec) {
  return {
    state: /* @__PURE__ */ definePlugin({ plugin: 'getHCEState', toResult_: toHceState }),
    start: /* @__PURE__ */ definePlugin({
      plugin: 'startHCE',
      toParams_: aidList,
      toResult_: checkOnly,
    }),
    stop: /* @__PURE__ */ definePlugin({
      plugin: 'stopHCE',
      toResult_: checkOnly,
    }),
    send: /* @__PURE__ */ definePlugin({
      plugin: 'sendHCEMessage',
      toParams_: (data: Uint8Array | ArrayBuffer | DataView | string) => ({
        data: codec.encode(toBytes('sendHCEMessage', 'data', data)),
      }),
      toResult_: (raw, _data, plugin) => {
        checkAnswer(raw, plugin);
        return decodeValue(messageData(raw) ?? '', codec);
      },
    }),
    openSettings: /* @__PURE__ */ definePlugin({
      plugin: 'openNFCSetting',
      toResult_: checkOnly,
    }),
  };
}
