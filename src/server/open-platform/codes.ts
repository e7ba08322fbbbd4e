/**
 * The platform's reply codes (spec §7.7), so a refusal can be matched by a
 * typed code and explained when the platform sent no message.
 */

/** Each documented `resp` code and what it means. */
export const OPEN_PLATFORM_CODES = {
  '94': 'face verification failed; try again tomorrow',
  '95': 'face verification failed',
  '96': 'the user has no face photo certification',
  a10: 'backendToken invalid or expired',
  a20: 'frontToken invalid or expired',
  a31: 'authorization code invalid or expired',
  BC2126: 'appId not in the cache',
  BC2127: 'backendToken not in the cache',
  BC2133: 'merchant information unavailable',
  N60005: 'cdhdUsrId is empty',
  N62100: 'appId is empty',
  N62101: 'backendToken is empty',
  N62102: 'frontToken is empty',
  N62103: 'scope is empty',
  N62104: 'signature is empty',
  N62105: 'responseType must be code',
  N62106: 'grantType must be authorization_code',
  N62107: 'nonceStr is empty',
  N62108: 'timestamp is empty',
  N62109: 'accessToken is empty',
  N62110: 'openId is empty',
  N62111: 'url is empty',
  N62112: 'code is empty',
  N62113: 'contractCode is empty',
  N62114: 'planId is empty',
  N62115: 'contractId is empty',
  N62116: 'content is empty',
  N62117: 'secret is empty',
  N62118: 'actionType is empty',
  N62119: 'channelNo is empty',
  N62120: 'region is empty',
  N62121: 'result is empty',
  N62122: 'bizOrderId is empty',
  N62123: 'bizType is empty',
  N62124: 'merchantId is empty',
  N62125: 'notifyUrl is empty',
  N62126: 'appId not in the cache',
  N62127: 'backendToken not in the cache',
  N62128: 'interface name is empty',
  N62129: 'relateId is empty',
  N62130: 'trId is empty',
  N62131: 'no permission for this interface (check the scope and your rights)',
  N62132: 'domain not allowed',
  N62133: 'merchant information unavailable',
  N62134: 'refund number (refundNo) is empty',
  N62135: 'the user gave no mobile number when authorizing',
  N62136: 'the user has no mobile number',
  N62137: 'contract merchant information unavailable',
  N62138: 'pay-password verification failed',
  N62142: 'cache key to update is empty',
  N62143: 'cache expiry to update is empty',
  S52131: 'no permission for this interface (check the scope and your rights)',
  S52136: 'the user has no mobile number',
  AM03051: 'lottery balance insufficient (§7.10)',
} as const;

/** A documented reply code. */
export type OpenPlatformCode = keyof typeof OPEN_PLATFORM_CODES;

/** Replies meaning "this backendToken is not (or no longer) valid": a10, and "not in the cache" (§7.7). */
export const TOKEN_REJECTED: ReadonlySet<string> = new Set(['a10', 'BC2127', 'N62127']);

/** What `code` means, when the spec says. */
export const describeCode = (code: string): string | undefined =>
  (OPEN_PLATFORM_CODES as Readonly<Record<string, string>>)[code];
