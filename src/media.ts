/**
 * `upsdk-kit/media`: album files, recordings and face-check media read in
 * chunks (spec §6.15–§6.18) as async iterators, streams or blobs; and the
 * base64 codec they use.
 */
export { chooseFileFromAlbum, readAlbumFile } from './plugins/media/album.js';
export type { AlbumFile, AlbumSourceType, ChooseFileOptions } from './plugins/media/album.js';
export { readAudioRecording, readVideoRecording, readFaceVideo, readFaceImage } from './plugins/media/api.js';
export { startAudioRecording, startVideoRecording } from './plugins/media/recordings.js';
export type { AudioRecording, VideoRecording, RecordingOptions } from './plugins/media/recordings.js';
export type { ChunkSource } from './streams/chunk-source.js';
export type { ReadOptions, ReadProgress } from './streams/read-options.js';
export { MAX_CHUNK_SIZE } from './streams/read-options.js';
export { decodeBase64, encodeBase64, Base64Error } from './streams/base64.js';
