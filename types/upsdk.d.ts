/**
 * Ambient types of the vendor's own callback API, for pages that call the
 * `upsdk` global directly:
 *
 * ```ts
 * /// <reference types="upsdk-kit/upsdk" />
 * upsdk.ready(() => upsdk.pay({ tn, success() {}, fail(err) {} }));
 * ```
 */

declare namespace UpsdkRaw {
  /** Options of `upsdk.config` (spec §6.2). */
  interface ConfigOptions {
    appId: string;
    /** Seconds since the epoch, as a string. */
    timestamp: string;
    nonceStr: string;
    signature: string;
    /** Toast diagnostics. Deleted from the object by `config`. */
    debug?: boolean;
    /** Must equal `location.href` without `#…` when given. */
    url?: string;
  }

  /** The failure payload shapes seen from the bridge. */
  type Failure =
    | { errcode: string; errmsg: string }
    | { code: string; msg: string }
    | { msg: string }
    | string
    | undefined;

  /** Callbacks most plugins take. */
  interface Callbacks<T = void> {
    success?: (result: T) => void;
    fail?: (error: Failure) => void;
    cancel?: (error: Failure) => void;
  }

  interface Upsdk {
    config(options: ConfigOptions): void;
    ready(callback: () => void): void;
    error(callback: (error: Failure) => void): void;
    pluginReady(callback: () => void): void;
    pay(options: { tn: string } & Callbacks): void;
    [plugin: string]: unknown;
  }
}

declare const upsdk: UpsdkRaw.Upsdk;
