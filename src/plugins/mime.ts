/**
 * MIME types by file extension, for Blobs of album files and chosen photos.
 * Images and videos are separate tables so that a page choosing photos
 * (`upsdk-kit/device`) does not ship the video types of the album readers.
 */

/** Photo types (what `chooseImage` and the album answer). */
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  bmp: 'image/bmp',
};

/** Video types (album videos, face videos). */
const VIDEO_TYPES: Readonly<Record<string, string>> = {
  mp4: 'video/mp4',
  m4v: 'video/x-m4v',
  mov: 'video/quicktime',
  '3gp': 'video/3gpp',
  avi: 'video/x-msvideo',
  webm: 'video/webm',
};

/** Fallback for unknown content. */
export const OCTET_STREAM = 'application/octet-stream';

/** The MIME type of a photo's extension (`'jpg'`, any case), or `application/octet-stream`. */
export function imageMimeType(extension: string): string {
  return IMAGE_TYPES[extension.toLowerCase()] ?? OCTET_STREAM;
}

/** The MIME type a file name's extension suggests (photo or video), or `application/octet-stream`. */
export function mimeTypeOf(name: string): string {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return name.includes('.') ? (VIDEO_TYPES[extension] ?? imageMimeType(extension)) : OCTET_STREAM;
}
