/**
 * Device plugins (spec §6.4, §6.7, §6.19, §6.20): the scanner, the camera or
 * album, screen brightness. Screenshots are a listener: see `ui-events.ts`.
 */
import type { UpsdkClient } from '../../client/client.js';
import { definePlugin, runPlugin, type CallControl } from '../define.js';
import { field, toNumber, unexpected, unwrap } from '../payload.js';
import { USER_WAIT_TIMEOUT } from '../../client/user-wait.js';
import type { ScanType } from '../../client/wire/device.js';
import { fields, listOf, maybe, oneOf, optional, positiveInteger, tenth } from '../../shared/validate.js';
import { toChosenImage, type ChosenImage } from './image.js';

/** Where `chooseImage` may take the photo from: 1 camera, 2 album, 3 either. */
export type ImageSource = 1 | 2 | 3 | 'camera' | 'album' | 'any';

/** Input of {@link chooseImage}. */
export interface ChooseImageInput {
  /**
   * Target width in px, a positive integer. upsdk.js replaces both sizes by
   * 500×1000 when either is missing, so when only one is given the other is
   * sent as that default (width 500, height 1000). Default 500.
   */
  readonly maxWidth?: number | undefined;
  /** Target height in px, a positive integer. Default 1000. */
  readonly maxHeight?: number | undefined;
  /** Camera, album, or let the user pick (default). */
  readonly sourceType?: ImageSource | undefined;
}

/** The {@link ImageSource}s: the bridge's `'1'`/`'2'`/`'3'` by number, then by name. */
const SOURCES = [1, 2, 3, 'camera', 'album', 'any'] as const;

/** An {@link ImageSource} as the bridge's `'1'`/`'2'`/`'3'`. */
const imageSource = (name: string, value: unknown): '1' | '2' | '3' =>
  String((SOURCES.indexOf(oneOf(name, value, SOURCES)) % 3) + 1) as '1' | '2' | '3';

/** The sizes as upsdk.js will really use them (see {@link ChooseImageInput.maxWidth}). */
function imageSizes(input: ChooseImageInput): { maxWidth?: string; maxHeight?: string } {
  const maxWidth = optional('maxWidth', input.maxWidth, positiveInteger);
  const maxHeight = optional('maxHeight', input.maxHeight, positiveInteger);
  if (maxWidth === undefined && maxHeight === undefined) return {};
  return { maxWidth: maxWidth ?? '500', maxHeight: maxHeight ?? '1000' };
}

/** upsdk.js unwraps `{value}` itself; older versions may not, so read both. */
function toScanText(raw: unknown): string {
  const value = typeof raw === 'string' ? raw : field(raw, 'value');
  return typeof value === 'string' ? value : unexpected('the scan result', 'a string', typeof raw);
}

const SCAN_QRCODE = /* @__PURE__ */ definePlugin({
  plugin: 'scanQRCode',
  toParams_: (input: { readonly scanType?: readonly ScanType[] | undefined }) =>
    fields(input, { scanType: maybe((name, value) => listOf(name, value, ['qrCode', 'barCode'])) }),
  toResult_: toScanText,
  timeout: USER_WAIT_TIMEOUT,
});

const CHOOSE_IMAGE = /* @__PURE__ */ definePlugin({
  plugin: 'chooseImage',
  toParams_: (input: ChooseImageInput) => ({
    ...imageSizes(input),
    sourceType: optional('sourceType', input.sourceType, imageSource),
  }),
  toResult_: toChosenImage,
  timeout: USER_WAIT_TIMEOUT,
});

const GET_SCREEN_BRIGHTNESS = /* @__PURE__ */ definePlugin({
  plugin: 'getScreenBrightness',
  toResult_: (raw): number => toNumber(unwrap(raw, 'brightness'), 'brightness'),
});

const SET_SCREEN_BRIGHTNESS = /* @__PURE__ */ definePlugin({
  plugin: 'setScreenBrightness',
  toParams_: (input: { readonly brightness: number }) => fields(input, { brightness: tenth }),
});

/** The device plugins as data (for checks over every family; bundlers drop it when unused). */
export const devicePlugins = {
  scanQRCode: SCAN_QRCODE,
  chooseImage: CHOOSE_IMAGE,
  getScreenBrightness: GET_SCREEN_BRIGHTNESS,
  setScreenBrightness: SET_SCREEN_BRIGHTNESS,
};

/**
 * Open the app's scanner (§6.7) and resolve with the decoded text.
 * Waits on the user: default timeout 10 minutes.
 *
 * @example
 * ```ts
 * const text = await scanQRCode(client, { scanType: ['qrCode'] });
 * ```
 */
export function scanQRCode(
  client: UpsdkClient,
  input?: { readonly scanType?: readonly ScanType[] | undefined },
  options?: CallControl,
): Promise<string> {
  return runPlugin(client, SCAN_QRCODE, input, options);
}

/**
 * Take a photo or pick one from the album (§6.4). Default timeout 10 minutes.
 *
 * @returns the image: `base64`, `type`, and `bytes()`, `blob()`, `dataUrl()`.
 * @example
 * ```ts
 * const image = await chooseImage(client, { maxWidth: 800, maxHeight: 800, sourceType: 'camera' });
 * ```
 */
export function chooseImage(
  client: UpsdkClient,
  input?: ChooseImageInput,
  options?: CallControl,
): Promise<ChosenImage> {
  return runPlugin(client, CHOOSE_IMAGE, input, options);
}

/**
 * The current screen brightness (§6.19), 0…1.
 *
 * @example
 * ```ts
 * const level = await getScreenBrightness(client); // 0.6
 * ```
 */
export function getScreenBrightness(client: UpsdkClient, options?: CallControl): Promise<number> {
  return runPlugin(client, GET_SCREEN_BRIGHTNESS, undefined, options);
}

/**
 * Set the screen brightness (§6.20): 0…1 with at most one decimal (sent as `'0.3'`).
 *
 * @example
 * ```ts
 * await setScreenBrightness(client, { brightness: 1 }); // e.g. while showing a payment code
 * ```
 */
export function setScreenBrightness(
  client: UpsdkClient,
  input: { readonly brightness: number },
  options?: CallControl,
): Promise<void> {
  return runPlugin(client, SET_SCREEN_BRIGHTNESS, input, options);
}
