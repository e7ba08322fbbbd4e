/**
 * Raw NFC host-card-emulation plugins of spec §6.24. Each answers
 * `{code, msg}` inside `success`; any code but `0000` is a failure.
 */

/** The `{code, msg}` every HCE plugin answers with, plus any data. */
export interface WireHceAnswer {
  readonly code: string;
  readonly msg?: string | undefined;
  readonly data?: string | undefined;
}

/**
 * The §6.24 entries of `UpsdkPluginMap`.
 *
 * @example
 * ```ts
 * const { code } = await client.call('getHCEState'); // '0000', '1001', …
 * ```
 */
export interface HcePluginMap {
  getHCEState: { params: Record<string, never>; result: WireHceAnswer };
  /** `aidList`: AIDs joined by commas, each 10–32 chars of 0-9A-F. */
  startHCE: { params: { aidList: string }; result: WireHceAnswer };
  stopHCE: { params: Record<string, never>; result: WireHceAnswer };
  /** Listener-like: `success` fires with incoming messages. */
  onHCEMessage: { params: Record<string, never>; result: WireHceAnswer };
  sendHCEMessage: { params: { data: string }; result: WireHceAnswer };
  openNFCSetting: { params: Record<string, never>; result: WireHceAnswer | void };
}
