/**
 * The mini-program extras as data: plugins the newest upsdk.js has beyond
 * spec §6, whose parameters are known from UnionPay's mini-program docs and
 * demos. Where nothing about a plugin's parameters or answer is public, the
 * wire type is {@link AppletParams} / `unknown`: passed through, not invented.
 */
import type { PluginTable } from '../define.js';
import { field, toText } from '../payload.js';
import { USER_WAIT_TIMEOUT } from '../../client/user-wait.js';
import type { AppletParams, AppletPluginMap } from '../../client/wire/applet.js';
import {
  anyText,
  bool,
  fields,
  flag,
  httpUrl,
  matching,
  maybe,
  oneOf,
  optional,
  record,
  text,
} from '../../shared/validate.js';

/** A gradient title bar: the app applies it only when all three are given. */
export interface TitleGradient {
  readonly orient: 'top' | 'bottom' | 'left' | 'right';
  /** `0xAARRGGBB`. */
  readonly startColor: string;
  /** `0xAARRGGBB`. */
  readonly endColor: string;
}

/** Input of `setTitleStyle`; each setting is independent and stays until changed. */
export interface TitleStyleInput {
  /** Bar background `0xAARRGGBB` (alpha first), this page only. */
  readonly navBackgroundColor?: string | undefined;
  /** Theme of the capsule, title, back button (and iOS status bar). */
  readonly appletStyle?: 'black' | 'white' | undefined;
  /** Show the back button (default shown). */
  readonly backBtnVisible?: boolean | undefined;
  /** Show the title bar (default shown). */
  readonly appletTitleBarVisible?: boolean | undefined;
  /** Gradient; wins over `navBackgroundColor`. */
  readonly gradient?: TitleGradient | undefined;
}

/** Input of `openApplet`. */
export interface OpenAppletInput {
  /** The mini-program's appId. */
  readonly appId: string;
  /** Query appended to its home page URL: `'k1=v1&k2=v2'` or an object of strings. */
  readonly param?: string | Readonly<Record<string, string>> | undefined;
  /** Close the current page. Default false. */
  readonly isFinish?: boolean | undefined;
  /** Open this page of it instead of the home page (unencoded URL in its domains; app ≥ 9.0). */
  readonly toLink?: string | undefined;
}

/** Input of `createWebView`. */
export interface CreateWebViewInput {
  /** Absolute http(s) URL to open in a new web view. */
  readonly url: string;
  readonly title?: string | undefined;
  /** Close the current window. Default false. */
  readonly isFinish?: boolean | undefined;
}

const color = (name: string, value: unknown): string =>
  matching(name, value, /^0x[0-9a-f]{8}$/i, 'a colour 0xAARRGGBB');

/** An extra whose params and answer are not public: any object in, the raw answer out. */
const loose = {
  toParams_: (input: AppletParams): AppletParams => record('params', input),
  toResult_: (raw: unknown): unknown => raw,
};

function titleStyle(input: TitleStyleInput): AppletPluginMap['setTitleStyle']['params'] {
  const gradient = optional('gradient', input.gradient, record);
  return {
    ...fields(input, {
      navBackgroundColor: maybe(color),
      appletStyle: maybe((name, value) => oneOf(name, value, ['black', 'white'])),
      backBtnVisible: maybe(flag),
      appletTitleBarVisible: maybe(flag),
    }),
    appletTitleGradientOrient:
      gradient && oneOf('gradient.orient', gradient.orient, ['top', 'bottom', 'left', 'right']),
    appletTitleGradientStartColor: gradient && color('gradient.startColor', gradient.startColor),
    appletTitleGradientEndColor: gradient && color('gradient.endColor', gradient.endColor),
  };
}

function appletQuery(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  const entries = Object.entries(record(name, value)).map(([key, item]) => [
    key,
    anyText(`${name}.${key}`, item),
  ]);
  return new URLSearchParams(entries).toString();
}

const key = (input: { readonly key: string }) => fields(input, { key: text });

/** The extras as data, by plugin name. */
export const appletPlugins = {
  setTitleStyle: { toParams_: titleStyle },
  openApplet: {
    toParams_: (input: OpenAppletInput) =>
      fields(input, {
        appId: text,
        param: maybe(appletQuery),
        isFinish: maybe(flag),
        toLink: maybe(httpUrl),
      }),
  },
  createWebView: {
    toParams_: (input: CreateWebViewInput) =>
      fields(input, { url: httpUrl, title: maybe(anyText), isFinish: maybe(flag) }),
  },
  navigateTo: loose,
  navigateBack: loose,
  redirectTo: loose,
  reLaunch: loose,
  switchTab: loose,
  getSystemInfo: loose,
  vibrate: loose,
  saveData: {
    toParams_: (input: { readonly key: string; readonly value: string }) =>
      fields(input, { key: text, value: anyText }),
  },
  queryData: {
    toParams_: key,
    toResult_: (raw): string | undefined => {
      const value = field(raw, 'value');
      return typeof value === 'string' ? value : undefined;
    },
  },
  deleteData: { toParams_: key },
  getAllKeys: { toResult_: loose.toResult_ },
  appletAuth: {
    toResult_: (raw): string => toText(field(raw, 'code'), 'the auth code'),
    timeout: USER_WAIT_TIMEOUT,
  },
  collectCurrentApplet: { timeout: USER_WAIT_TIMEOUT },
  addCommonApp: {
    toParams_: (input: { readonly url: string }) => fields(input, { url: httpUrl }),
    toResult_: (raw): { readonly replaced: boolean } => ({ replaced: field(raw, 'code') === '01' }),
    timeout: USER_WAIT_TIMEOUT,
  },
  getUserLogoutDate: {
    toResult_: (raw): Date | undefined => {
      const value = field(raw, 'userLogoutDate');
      return value === undefined || value === ''
        ? undefined
        : new Date(Number(toText(value, 'userLogoutDate')));
    },
  },
  changeScreenShot: {
    toParams_: (input: { readonly forbid: boolean }) => ({ switch: bool('forbid', input.forbid) }),
  },
  removeScreenShot: {},
} satisfies PluginTable;
