/** Default timeouts shared by the plugin tables. */

/**
 * Default timeout of plugins that wait on the user (paying, scanning, picking
 * a photo, typing a password): 10 minutes rather than the client's 15 s.
 */
export const USER_WAIT_TIMEOUT = 600_000;
