/**
 * The fixed failure texts of the vendor's upsdk.js, as the simulator's model
 * of it produces them — copied from BRIDGE-FACTS.md ("Calls and results",
 * read from upsdk.js itself), not from the client's text table, so a client
 * that stopped recognising one of them fails against the simulator.
 */
export const VENDOR_TEXTS = {
  /** upsdk.js: a plugin called before any `config` succeeded. */
  c05: 'config执行成功以后才能调用插件方法',
  /** cordova `errorRetStatus` ILLEGAL_ACCESS_EXCEPTION, which upsdk.js reports as c02. */
  c02: 'ILLEGAL_ACCESS_EXCEPTION',
  /** cordova INVALID_ACTION, reported as c03. */
  c03: 'INVALID_ACTION_EXCEPTION',
  /** cordova CLASS_NOT_FOUND_EXCEPTION, reported as c04. */
  c04: 'CLASS_NOT_FOUND_EXCEPTION',
} as const;

/** A code upsdk.js raises with a fixed text. */
export type VendorTextCode = keyof typeof VENDOR_TEXTS;
