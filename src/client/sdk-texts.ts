/**
 * The vendor SDK's fixed failure texts. upsdk.js's `pay` wrapper (and any
 * plugin whose failure arrives as a bare sentence) keeps only a message, so
 * the SDK's own codes can only be recovered from these texts
 * (BRIDGE-FACTS.md "Calls and results"). The simulator's model of upsdk.js
 * produces the same texts from this table; a test checks that
 * {@link codeFromText} reads each of them back.
 */

/** Text upsdk.js uses for each SDK code it raises itself. */
export const SDK_TEXTS = {
  /** A plugin was called before any `config` succeeded. */
  c05: 'config执行成功以后才能调用插件方法',
  /** cordova reported ILLEGAL_ACCESS_EXCEPTION: no permission for this plugin. */
  c02: 'ILLEGAL_ACCESS_EXCEPTION',
  /** cordova reported INVALID_ACTION: no such action, or the app is too old. */
  c03: 'INVALID_ACTION_EXCEPTION',
  /** cordova reported CLASS_NOT_FOUND_EXCEPTION: plugin not implemented. */
  c04: 'CLASS_NOT_FOUND_EXCEPTION',
} as const;

// Regular expressions rather than the table above: the core then ships the
// Chinese text as UTF-8 (bundlers escape string literals to \uXXXX, twice the bytes).
const C05 = /config执行成功以后才能调用插件方法/;
/** Groups 1–3 are c02–c04, in the order of the codes. */
const CORDOVA = /^(?:(ILLEGAL_ACCESS)|(INVALID_ACTION)|(CLASS_NOT_FOUND))_EXCEPTION/;
/**
 * Words of a user cancel in a message-only failure. Our guess: the app's
 * texts are not public beyond "用户取消…"; English builds may say "cancel".
 */
const CANCELLED = /用户取消|已取消|取消支付|cancel/i;

/**
 * The code a message-only failure stands for: `c05` from its fixed text
 * anywhere, `c02`/`c03`/`c04` from the cordova status it starts with,
 * `cancel` when the user cancelled; undefined when the text says nothing we know.
 *
 * @example
 * ```ts
 * codeFromText('config执行成功以后才能调用插件方法'); // 'c05'
 * ```
 */
export function codeFromText(msg: string): string | undefined {
  if (C05.test(msg)) return 'c05';
  const cordova = CORDOVA.exec(msg);
  if (cordova) return `c0${cordova.findIndex((group, index) => index > 0 && group) + 1}`;
  return CANCELLED.test(msg) ? 'cancel' : undefined;
}
