/** MIME types by file extension, for Blobs of album files and chosen photos. */

const BY_EXTENSION: Readonly<Record<string, string>> = {
  mp4: 'video/mp4',
  m4v: 'video/x-m4v',
  mov: 'video/quicktime',
  '3gp': 'video/3gpp',
  avi: 'video/x-msvideo',
  webm: 'video/webm',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  bmp: 'image/bmp',
};

/** Fallback for unknown content. */
export const OCTET_STREAM = 'application/octet-stream';

/** The MIME type of a file extension (`'jpg'`, any case), or `application/octet-stream`. */
export function mimeTypeOfExtension(extension: string): string {
  return BY_EXTENSION[extension.toLowerCase()] ?? OCTET_STREAM;
}

/** The MIME type a file name's extension suggests, or `application/octet-stream`. */
export function mimeTypeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? mimeTypeOfExtension(name.slice(dot + 1)) : OCTET_STREAM;
}
