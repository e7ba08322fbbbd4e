/**
 * Wire shapes of the file and recording plugins (spec §6.15–§6.18), exactly as the bridge
 * takes and gives them: numbers as strings, flags as '0'/'1'.
 */

/** One answer of a chunked reader. */
export interface ChunkAnswer {
  /** The chunk's bytes, base64. */
  readonly data: string;
  /** '1' when this was the last chunk ('0'/'1' per the spec; 0/1 and booleans are tolerated). */
  readonly isFinished: '0' | '1' | 0 | 1 | boolean;
}

/** Which part of the file one call reads. */
export interface ChunkWindow {
  /** Bytes to read, at most '524288'. */
  readonly bufferSize: string;
  /** k × bufferSize. */
  readonly fromOffset: string;
}

/** `sourceType` of `chooseFileFromAlbum`: 00 videos, 01 images, 02 both. */
export type AlbumSourceCode = '00' | '01' | '02';

/** The raw plugins of the file and recording family, merged into `UpsdkPluginMap`. */
export interface MediaPluginMap {
  chooseFileFromAlbum: {
    params: { maxSize: string; sourceType: AlbumSourceCode };
    result: { url: string; size: string | number; filename: string };
  };
  readAlbumData: { params: ChunkWindow & { url: string }; result: ChunkAnswer };
  startAudioRecording: { params: { maxTime: string }; result: void };
  stopAudioRecording: { params: Record<string, never>; result: void };
  readAudioRecordingData: { params: ChunkWindow; result: ChunkAnswer };
  startVideoRecording: { params: { maxTime: string }; result: void };
  readVideoRecordingData: { params: ChunkWindow; result: ChunkAnswer };
  /** The spec lists no params; apps in the field send bufferSize and fromOffset as for the others. */
  readFaceVideoData: { params: Partial<ChunkWindow>; result: ChunkAnswer };
  readFaceImageData: { params: Partial<ChunkWindow>; result: ChunkAnswer };
}
