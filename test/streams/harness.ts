/** Shared set-up for the chunked-reader tests: the simulator plus a client signed for it. */
import { createHash } from 'node:crypto';
import { afterEach } from 'vitest';
import { createClient, type UpsdkClient } from '../../src/index.js';
import {
  createSimulatedSigner,
  installSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../src/simulator/index.js';

let current: Simulator | undefined;

afterEach(() => {
  current?.uninstall();
  current = undefined;
});

/** Install the simulator (uninstalled after the test) and create a client for it. */
export function setup(options: SimulatorOptions = {}): { sim: Simulator; client: UpsdkClient } {
  current?.uninstall();
  current = installSimulator(options);
  return { sim: current, client: createClient({ signer: createSimulatedSigner() }) };
}

/** Hex SHA-256, to compare large byte arrays cheaply and with readable failures. */
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Everything an async iterable yields, concatenated. */
export async function drain(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

/** Everything a stream yields, concatenated. */
export async function drainStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(parts);
    parts.push(value);
  }
}

/** A Blob's bytes. jsdom's Blob has no arrayBuffer(), so read it the way old webviews would. */
export function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
