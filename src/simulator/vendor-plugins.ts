/**
 * What the newest upsdk.js does around each plugin's native call
 * (BRIDGE-FACTS.md "Calls and results"): the rewrites of the caller's
 * object before the call, the success transforms (scanQRCode unwraps
 * `{value}`, chooseImage parses a JSON string, getLocationCity picks
 * `cityCd`), the one failure normalizer (a bare string becomes `{msg}`,
 * cordova statuses become c02/c03/c04) and pay's fail transform, which
 * keeps only a message.
 */
import { VENDOR_TEXTS } from './vendor-texts.js';
import { CALLBACK_STATUS, type FakeCordova } from './native-layer.js';

type Params = Record<string, unknown>;

/** upsdk.js's wrapper of one plugin. */
interface PluginWrapper {
  /** Rewrites the caller's own object before it is copied for native (the vendor mutates it). */
  readonly before?: ((options: Params, win: Window) => void) | undefined;
  /** Params added to the native copy only. */
  readonly extra?: Readonly<Params> | undefined;
  /** Turns native's success payload into what the page's `success` gets. */
  readonly success?: ((payload: unknown) => unknown) | undefined;
  /** Turns a normalized failure into what the page's `fail` gets. */
  readonly fail?: ((failure: unknown) => unknown) | undefined;
}

/** pay's text when native gave none (our guess at the wording). */
const PAY_DEFAULT_TEXT = '支付失败';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** pay keeps only a message: native `desc`, `msg` or `errmsg`, a bare string, or a default text. */
function payFailure(failure: unknown): { msg: string } {
  const record = (typeof failure === 'object' && failure !== null ? failure : {}) as Params;
  return {
    msg: text(record.desc) ?? text(record.msg) ?? text(record.errmsg) ?? text(failure) ?? PAY_DEFAULT_TEXT,
  };
}

const parseIfString = (payload: unknown): unknown => {
  if (typeof payload !== 'string') return payload;
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return payload;
  }
};

const field = (name: string) => (payload: unknown) =>
  typeof payload === 'object' && payload !== null && name in payload ? (payload as Params)[name] : payload;

const WRAPPERS: Readonly<Record<string, PluginWrapper>> = {
  pay: {
    before: (options) => {
      delete options.merchantId; // upsdk.js drops it and adds the environment's mode
      options.mode = '00';
    },
    fail: payFailure,
  },
  addBankCard: { before: (options) => void (options.scene ??= '10007') },
  showSharePopup: {
    before: (options, win) => {
      options.title ??= '';
      options.desc ??= '';
      options.picUrl ??= 'https://base.95516.com/s/wl/web/402/images/common/logo.png';
      options.shareUrl ??= win.location.href;
    },
  },
  chooseImage: {
    before: (options) => {
      // Unless both sizes are given, both fall back to 500×1000, written onto the caller's object.
      if (!(options.maxWidth && options.maxHeight)) {
        options.maxWidth = 500;
        options.maxHeight = 1000;
      }
      options.sourceType ||= '3';
    },
    success: parseIfString,
  },
  scanQRCode: { success: field('value') },
  getLocationCity: { extra: { type: '0' }, success: field('cityCd') },
  getLocationGps: { extra: { type: '1' } },
};

/** The wrapper of `plugin` (most plugins have none). */
export const wrapperOf = (plugin: string): PluginWrapper => WRAPPERS[plugin] ?? {};

/**
 * upsdk.js's failure normalizer: a cordova status in `errorRetStatus`
 * becomes `c02`/`c03`/`c04` (with the status name leading the message, the
 * only trace pay keeps), a bare string becomes `{msg}`.
 */
export function normalizeNativeFailure(payload: unknown, cordova: FakeCordova | undefined): unknown {
  const status = cordova?.errorRetStatus;
  const code =
    status === CALLBACK_STATUS.ILLEGAL_ACCESS_EXCEPTION
      ? 'c02'
      : status === CALLBACK_STATUS.INVALID_ACTION
        ? 'c03'
        : status === CALLBACK_STATUS.CLASS_NOT_FOUND_EXCEPTION
          ? 'c04'
          : undefined;
  if (code) return { errcode: code, errmsg: `${VENDOR_TEXTS[code]}: ${text(payload) ?? ''}` };
  return typeof payload === 'string' ? { msg: payload } : payload;
}
