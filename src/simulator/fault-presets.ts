/**
 * Native failures worth trying on any plugin, named after what happens in the
 * app, each with what upsdk.js then hands the page (BRIDGE-FACTS.md "SDK error
 * codes", "Calls and results"). The simulator answers them through its model of
 * upsdk.js, so `pay` gets `{msg}` only, as from the real script. The playground's
 * fault menu is this list; a test checks every entry on every plugin family.
 */
import { SDK_TEXTS } from '../client/sdk-texts.js';
import type { Fault } from './faults.js';

/** One named native failure. */
export interface FaultPreset {
  /** Short name, as in a menu. */
  readonly name: string;
  /** What to arm with `sim.fault(plugin, preset.fault, 1)`. */
  readonly fault: Fault;
  /** What the page then gets from upsdk.js, for plugins in general and for `pay`. */
  readonly page: string;
}

/**
 * The presets. Their messages avoid the words the client reads as a user cancel
 * (用户取消, 取消支付, "cancel"): a generic failure must not look like one.
 *
 * @example
 * ```ts
 * import { FAULT_PRESETS, installSimulator } from 'upsdk-kit/simulator';
 * const sim = installSimulator();
 * const internal = FAULT_PRESETS.find((preset) => preset.name === 'native error 01')!;
 * sim.fault('getLocationCity', internal.fault, 1); // the next call fails with code '01'
 * ```
 */
export const FAULT_PRESETS: readonly FaultPreset[] = [
  {
    name: 'no permission (c02)',
    fault: { status: 'ILLEGAL_ACCESS_EXCEPTION' },
    page: `{errcode: 'c02'}; pay: {msg: '${SDK_TEXTS.c02}: …'}, which the client reads back as c02`,
  },
  {
    name: 'plugin missing (c04)',
    fault: { status: 'CLASS_NOT_FOUND_EXCEPTION' },
    page: `{errcode: 'c04'}; pay: {msg: '${SDK_TEXTS.c04}: …'}, read back as c04`,
  },
  {
    name: 'native error 01',
    fault: { fail: 'code', code: '01', msg: '内部错误 (simulated internal error)' },
    page: "{code: '01', msg}; pay keeps only the message: {msg}, so code unknown with the text in msg",
  },
  {
    name: 'message only',
    fault: { fail: 'msg', msg: '操作失败 (simulated failure, no code)' },
    page: '{msg}: code unknown with the text in msg, on every plugin',
  },
  {
    name: 'cancel',
    fault: 'cancel',
    page: "the user cancels: the plugin's cancel (or fail) callback, code cancel; pay: {msg: '用户取消…'}, read back as cancel",
  },
  {
    name: 'drop (never answers)',
    fault: 'drop',
    page: 'nothing at all: the call ends by its timeout (code timeout) or its abort signal',
  },
];
