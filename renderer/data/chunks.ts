import { CHUNK_BYTES } from '../../api/calls/exchange';
import type { Result } from '../../api/result';
import type { FileChunk, UploadView } from '../../api/views';
import { fromBase64, toBase64 } from './files';

/**
 * Large files (exchange bundles) cross to and from the backend in pieces of at most 4 MiB, so a
 * bundle of any size passes IPC and HTTP alike, with progress shown as the pieces go.
 */

export interface ChunkProgress {
  /** Bytes moved so far. */
  readonly done: number;
  /** The file's size in bytes. */
  readonly total: number;
}

/** Fetches a file piece by piece from offset 0 until the backend says it is done; returns its bytes. */
export async function downloadInChunks(
  fetchChunk: (offset: number) => Promise<Result<FileChunk>>,
  onProgress: (progress: ChunkProgress) => void,
): Promise<Result<Uint8Array<ArrayBuffer>>> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (;;) {
    const result = await fetchChunk(offset);
    if (!result.ok) return result;
    const bytes = fromBase64(result.value.dataBase64);
    parts.push(bytes);
    offset += bytes.length;
    onProgress({ done: offset, total: result.value.size });
    // A piece with no bytes that is not the last would never end: treat it as the end.
    if (result.value.done || bytes.length === 0) break;
  }
  const whole = new Uint8Array(offset);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return { ok: true, value: whole };
}

export interface UploadPiece {
  readonly uploadId: string | null;
  readonly offset: number;
  readonly dataBase64: string;
}

/**
 * Sends a file of `size` bytes piece by piece: the first piece without an upload id, the rest with the
 * one the backend returned, each at the offset of the bytes sent so far. An empty file is one empty piece.
 */
export async function uploadInChunks(
  size: number,
  readPiece: (start: number, end: number) => Promise<Uint8Array>,
  send: (piece: UploadPiece) => Promise<Result<UploadView>>,
  onProgress: (progress: ChunkProgress) => void,
  chunkBytes: number = CHUNK_BYTES,
): Promise<Result<UploadView>> {
  let uploadId: string | null = null;
  let offset = 0;
  let last: Result<UploadView> | null = null;
  do {
    const bytes = await readPiece(offset, Math.min(offset + chunkBytes, size));
    last = await send({ uploadId, offset, dataBase64: toBase64(bytes) });
    if (!last.ok) return last;
    uploadId = last.value.uploadId;
    offset += bytes.length;
    onProgress({ done: offset, total: size });
    if (bytes.length === 0) break;
  } while (offset < size);
  return last;
}

/** A whole number of percent, for a progress line. */
export function percentOf(progress: ChunkProgress): number {
  if (progress.total <= 0) return 100;
  return Math.min(100, Math.floor((progress.done * 100) / progress.total));
}
