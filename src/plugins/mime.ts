/**
 * MIME types by file extension, for Blobs of album files and chosen photos.
 * Images and videos are separate tables so that a page choosing photos
 * (`upsdk-kit/device`) does not ship the video types of the album readers.
 */

/** Photo extensions; each is `image/<extension>`, but `jpg` is `image/jpeg`. */
const IMAGES = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'heif', 'bmp'];

/** Video subtypes (`video/…`) by extension (album videos, face videos). */
const VIDEOS: Readonly<Record<string, string>> = {
  mp4: 'mp4',
  m4v: 'x-m4v',
  mov: 'quicktime',
  '3gp': '3gpp',
  avi: 'x-msvideo',
  webm: 'webm',
};

/** Fallback for unknown content. */
export const OCTET_STREAM = 'application/octet-stream';

/** The MIME type of a photo's extension (`'jpg'`, any case), or `application/octet-stream`. */
export function imageMimeType(extension: string): string {
  const lower = extension.toLowerCase();
  return IMAGES.includes(lower) ? `image/${lower === 'jpg' ? 'jpeg' : lower}` : OCTET_STREAM;
}

/** The MIME type a file name's extension suggests (photo or video), or `application/octet-stream`. */
export function mimeTypeOf(name: string): string {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const video = VIDEOS[extension];
  if (!name.includes('.')) return OCTET_STREAM;
  return video ? `video/${video}` : imageMimeType(extension);
}
