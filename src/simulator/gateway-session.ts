/**
 * The fake gateway's mini-program login (seed 002, "小程序用户code登录",
 * `POST /Open/WXA_Code2Session`): codes the test issues as `wx.login()`
 * would, each good once, answered with the buyer's openid and a session
 * key; `expires_in` is a JSON number as in the seed's sample. Guess: an
 * unknown or used code answers state FAIL, code 20004.
 */
import { encodeBase64 } from '../streams/base64.js';
import { fakeNonce } from './spec-signing.js';

interface Grant {
  readonly appId: string;
  readonly openId: string;
}

/** The mini-program login part of a fake gateway. */
export function createGatewaySessions() {
  const codes = new Map<string, Grant>();
  return {
    /** A `wx.login()` code for the buyer `openId` (default a fresh one) of mini-program `appId`. */
    issueJsCode(
      appId: string,
      openId = `o${fakeNonce(27)}`,
    ): { readonly jsCode: string; readonly openId: string } {
      const jsCode = fakeNonce(32);
      codes.set(jsCode, { appId, openId });
      return { jsCode, openId };
    },
    /** The answer's fields for a code2session request, or the refusal. */
    exchange(
      fields: Readonly<Record<string, string>>,
    ): { readonly answer: Record<string, string> } | { readonly code: string; readonly msg: string } {
      const grant = codes.get(fields.js_code ?? '');
      if (!grant || grant.appId !== fields.appid) return { code: '20004', msg: '参数错误: js_code' };
      codes.delete(fields.js_code!);
      const answer = {
        state: 'SUCCESS',
        code: '10000',
        msg: 'SUCCESS',
        openid: grant.openId,
        session_key: encodeBase64(globalThis.crypto.getRandomValues(new Uint8Array(16))),
        expires_in: '7200',
      };
      return { answer };
    },
  };
}
