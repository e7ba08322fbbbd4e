/** Fault injection for simulated plugin calls. */
import { VENDOR_TEXTS } from './vendor-texts.js';

/** The failure payload shapes real upsdk.js versions use. */
export type FailureShape = 'errcode' | 'code' | 'msg' | 'string' | 'none';

/**
 * What to do instead of the normal answer:
 * - `drop`: never call back;
 * - `double`: call `success` twice;
 * - `sync`: answer synchronously, inside the plugin call;
 * - `cancel`: call `cancel`;
 * - `{fail}`: call `fail` with a payload of that shape (code and msg optional);
 * - `{status}`: fail with that cordova status in `errorRetStatus`, which upsdk.js
 *   reports as `c02` (ILLEGAL_ACCESS_EXCEPTION), `c03` (INVALID_ACTION) or
 *   `c04` (CLASS_NOT_FOUND_EXCEPTION).
 */
export type Fault =
  | 'drop'
  | 'double'
  | 'sync'
  | 'cancel'
  | { readonly fail: FailureShape; readonly code?: string; readonly msg?: string }
  | { readonly status: 'ILLEGAL_ACCESS_EXCEPTION' | 'INVALID_ACTION' | 'CLASS_NOT_FOUND_EXCEPTION' };

/**
 * A failure payload of the given shape. Without a message, an SDK code gets
 * the SDK's own text (so `{fail: 'msg', code: 'c05'}` reads as upsdk.js's c05).
 */
export function failurePayload(
  shape: FailureShape,
  code = '04',
  msg: string = VENDOR_TEXTS[code as keyof typeof VENDOR_TEXTS] ?? 'simulated failure',
): unknown {
  switch (shape) {
    case 'errcode':
      return { errcode: code, errmsg: msg };
    case 'code':
      return { code, msg };
    case 'msg':
      return { msg };
    case 'string':
      return code;
    case 'none':
      return undefined;
  }
}

interface Armed {
  readonly fault: Fault;
  remaining: number;
}

/** Faults armed per plugin, each for a number of calls. */
export class FaultTable {
  private readonly armed = new Map<string, Armed[]>();

  /** Arm `fault` for the next `times` calls of `plugin` (default every call until cleared). */
  add(plugin: string, fault: Fault, times = Infinity): void {
    const list = this.armed.get(plugin) ?? [];
    list.push({ fault, remaining: times });
    this.armed.set(plugin, list);
  }

  /** The fault for this call of `plugin`, if one is armed; consumes one use. */
  take(plugin: string): Fault | undefined {
    const list = this.armed.get(plugin);
    const head = list?.[0];
    if (!list || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) list.shift();
    return head.fault;
  }

  clear(plugin?: string): void {
    if (plugin === undefined) this.armed.clear();
    else this.armed.delete(plugin);
  }
}
