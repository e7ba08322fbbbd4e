/**
 * The mini-program login through the provider (seed 002, "小程序用户code登录",
 * `POST /Open/WXA_Code2Session`): the code `wx.login()` gave the
 * mini-program becomes the buyer's openid, which a mini-program pre-order
 * (`miniProgram: true`, `is_minipg=1`) needs as `openId`.
 */
import { text } from '../../shared/validate.js';
import { PreOrderError } from './errors.js';
import { checked, type WireFields } from './orders.js';
import type { ProviderAnswer } from './transport.js';

/** Input of `code2Session`. */
export interface Code2SessionInput {
  /** The mini-program's AppId (`appid`). */
  readonly appId: string;
  /** The code from `wx.login()` in the mini-program (`js_code`); it works once. */
  readonly jsCode: string;
}

/** The buyer's session. Keep `sessionKey` on the server: it decrypts the user's data. */
export interface MiniProgramSession {
  /** The buyer's openid under `appId`: the `openId` of the mini-program pre-order. */
  readonly openId: string;
  readonly sessionKey: string;
  /** Seconds the session key stays valid. */
  readonly expiresIn: number | undefined;
  /** The user's unionid, when WeChat gives one. */
  readonly unionId: string | undefined;
  readonly raw: ProviderAnswer;
}

/** Wire fields of a code2session call. */
export const code2SessionFields = (input: Code2SessionInput): WireFields =>
  checked('WXA_Code2Session', () => ({
    appid: text('appId', input.appId),
    js_code: text('jsCode', input.jsCode),
  }));

/** Read the answer; one without `openid` or `session_key` is a bad reply. */
export function readSession(answer: ProviderAnswer): MiniProgramSession {
  if (!answer.openid || !answer.session_key) {
    throw new PreOrderError({
      code: 'upstream_bad_reply',
      msg: 'the answer lacks openid or session_key',
      plugin: 'WXA_Code2Session',
      raw: answer,
    });
  }
  const expiresIn = Number(answer.expires_in);
  return {
    openId: answer.openid,
    sessionKey: answer.session_key,
    expiresIn: Number.isSafeInteger(expiresIn) && expiresIn >= 0 ? expiresIn : undefined,
    unionId: answer.unionid || undefined,
    raw: answer,
  };
}
