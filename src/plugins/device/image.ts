/** The photo `chooseImage` returns, with its bytes on demand. */
import { decodeBase64 } from '../../streams/base64.js';
import { imageMimeType } from '../mime.js';
import { field, parseIfJson, toText } from '../payload.js';
import { badResult } from '../../shared/validate.js';

/**
 * A chosen photo: the base64 the app sent and the file type it reported,
 * plus the decoded bytes, a `Blob` and a `data:` URL, computed when asked.
 *
 * @example
 * ```ts
 * const image = await chooseImage(client, { sourceType: 'album' });
 * img.src = image.dataUrl();
 * await fetch('/upload', { method: 'POST', body: image.blob() });
 * ```
 */
export class ChosenImage {
  /** The image as standard base64, without line breaks or a `data:` prefix (the URL-safe alphabet is converted). */
  readonly base64: string;
  /** The file type the app reported (`jpg`, `png`, `gif`, …); `jpg` when it gave none. */
  readonly type: string;

  constructor(base64: string, type: string) {
    this.base64 = base64;
    this.type = type;
  }

  /** MIME type for {@link ChosenImage.type}; `application/octet-stream` when unknown. */
  get mimeType(): string {
    return imageMimeType(this.type);
  }

  /** The decoded bytes (a new array each call). */
  bytes(): Uint8Array<ArrayBuffer> {
    return decodeBase64(this.base64);
  }

  /** The bytes as a `Blob` of {@link ChosenImage.mimeType}. */
  blob(): Blob {
    return new Blob([this.bytes()], { type: this.mimeType });
  }

  /** A `data:` URL for `<img src>`. */
  dataUrl(): string {
    return `data:${this.mimeType};base64,${this.base64}`;
  }
}

/** Base64 without line breaks, in the standard alphabet; throws when it is not base64. */
function cleanBase64(base64: string): string {
  const clean = base64.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) {
    badResult('the image is not valid base64');
  }
  return clean;
}

/** `{base64, type}` (upsdk.js's shape; a JSON string or a `data:` URL are accepted too) → {@link ChosenImage}. */
export function toChosenImage(raw: unknown): ChosenImage {
  const payload = parseIfJson(raw);
  let base64 = toText(field(payload, 'base64'), 'base64');
  let type = field(payload, 'type');
  const dataUrl = /^data:image\/([\w+.-]+);base64,/i.exec(base64);
  if (dataUrl) {
    base64 = base64.slice(dataUrl[0].length);
    type ??= dataUrl[1];
  }
  return new ChosenImage(
    cleanBase64(base64),
    typeof type === 'string' && type !== '' ? type.toLowerCase() : 'jpg',
  );
}
