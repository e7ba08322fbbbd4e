/**
 * Plugins that wait on the user (paying, scanning, picking a photo, typing a
 * password, choosing a navigation app): `call` gives them 10 minutes instead
 * of the client's `timeout`. The core keeps this short list itself so that it
 * imports no family; a test checks it against the families' own timeouts.
 */

/** Default timeout of plugins that wait on the user: 10 minutes rather than the client's 15 s. */
export const USER_WAIT_TIMEOUT = 600_000;

/** The plugins whose default timeout is {@link USER_WAIT_TIMEOUT}. */
export const USER_WAIT_PLUGINS: ReadonlySet<string> = new Set([
  'pay',
  'verifyPayPwd',
  'addBankCard',
  'scanQRCode',
  'chooseImage',
  'navi',
  'chooseFileFromAlbum',
  'appletAuth',
  'collectCurrentApplet',
  'addCommonApp',
]);
