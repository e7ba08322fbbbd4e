/** The §6.24 promise methods as data. Every answer's code is checked here (`getHCEState` maps it instead). */
import { definePlugin } from '../define.js';
import { hex, nonEmptyList } from '../../shared/validate.js';
import { decodeValue, toBytes, type ValueCodec } from '../value-codec.js';
import { checkAnswer, toHceState } from './codes.js';
import { messageData } from './messages.js';

/** AIDs are 10–32 hex digits (sent upper-case) joined by commas. */
function aidList(aids: readonly string[]): { aidList: string } {
  const checked = nonEmptyList('aids', aids, (name, aid) =>
    hex(name, aid, { min: 10, max: 32 }).toUpperCase(),
  );
  return { aidList: checked.join(',') };
}

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
    state: /* @__PURE__ */ definePlugin({ plugin: 'getHCEState', toResult: toHceState }),
    start: /* @__PURE__ */ definePlugin({
      plugin: 'startHCE',
      toParams: aidList,
      toResult: (raw, _aids, plugin) => checkAnswer(raw, plugin),
    }),
    stop: /* @__PURE__ */ definePlugin({
      plugin: 'stopHCE',
      toResult: (raw, _input, plugin) => checkAnswer(raw, plugin),
    }),
    send: /* @__PURE__ */ definePlugin({
      plugin: 'sendHCEMessage',
      toParams: (data: Uint8Array | ArrayBuffer | DataView | string) => ({
        data: codec.encode(toBytes('sendHCEMessage', 'data', data)),
      }),
      toResult: (raw, _data, plugin) => {
        checkAnswer(raw, plugin);
        return decodeValue(messageData(raw) ?? '', codec);
      },
    }),
    openSettings: /* @__PURE__ */ definePlugin({
      plugin: 'openNFCSetting',
      toResult: (raw, _input, plugin) => checkAnswer(raw, plugin),
    }),
  };
}
