import { LEGACY_CHUNK_BYTES, LEGACY_FILE_MAX_BYTES } from '../../api/calls/legacy';
import type { LegacyUploadView } from '../../api/views';
import { AppError } from '../app-error';
import { uuidv7 } from '../ids';
import { sameStarter, type Starter } from './jobs';

/**
 * Register files being imported, held in the backend's memory only: an office's register is personal
 * data, and the store is the only place it is kept at rest (encrypted). An upload lives an hour after its
 * last use; at most a few at a time, whatever their size, so memory stays bounded. Each belongs to the
 * user that sent its first piece (db/legacy/jobs.ts, `Starter`): to anyone else it does not exist, with
 * the same answer as an upload that expired.
 */
interface Upload {
  readonly by: Starter;
  readonly fileName: string;
  readonly chunks: Buffer[];
  size: number;
  touched: number;
}

const HOUR = 3600 * 1000;
const MAX_UPLOADS = 4;
const uploadsOf = new WeakMap<object, Map<string, Upload>>();

function uploads(owner: object, now: number): Map<string, Upload> {
  let map = uploadsOf.get(owner);
  if (!map) {
    map = new Map();
    uploadsOf.set(owner, map);
  }
  for (const [id, upload] of map) if (now - upload.touched > HOUR) map.delete(id);
  return map;
}

/** Appends one piece; pieces come in order, the first without an id. */
const gone = () => new AppError('record.not_found', 'the file is no longer held: send it again');

/** The upload if `by` sent it. */
function uploadOf(map: Map<string, Upload>, uploadId: string, by: Starter): Upload | null {
  const upload = map.get(uploadId);
  return upload && sameStarter(upload.by, by) ? upload : null;
}

export function appendUpload(owner: object, by: Starter, input: { uploadId: string | null; fileName: string; offset: number; bytes: Buffer }, now: number): LegacyUploadView {
  const map = uploads(owner, now);
  if (input.bytes.length > LEGACY_CHUNK_BYTES) throw new AppError('validation', 'a piece is too large', { fields: { dataBase64: 'v.too_long' } });
  if (input.uploadId === null) {
    if (input.offset !== 0) throw new AppError('validation', 'the first piece starts at 0', { fields: { offset: 'v.invalid' } });
    // The oldest make room: a user who left one half-sent loses it, not the next import.
    while (map.size >= MAX_UPLOADS) map.delete(map.keys().next().value!);
    const uploadId = uuidv7(now);
    map.set(uploadId, { by, fileName: input.fileName, chunks: [input.bytes], size: input.bytes.length, touched: now });
    return { uploadId, size: input.bytes.length };
  }
  const upload = uploadOf(map, input.uploadId, by);
  if (!upload) throw gone();
  if (input.offset !== upload.size) throw new AppError('validation', 'pieces must come in order', { fields: { offset: 'v.invalid' } });
  if (upload.size + input.bytes.length > LEGACY_FILE_MAX_BYTES) {
    map.delete(input.uploadId);
    throw new AppError('validation', 'the file is too large', { fields: { file: 'legacy.too_big' }, params: { max: LEGACY_FILE_MAX_BYTES } });
  }
  upload.chunks.push(input.bytes);
  upload.size += input.bytes.length;
  upload.touched = now;
  return { uploadId: input.uploadId, size: upload.size };
}

/** The whole file of an upload. */
export function uploadedFile(owner: object, uploadId: string, by: Starter, now: number): { fileName: string; bytes: Buffer } {
  const upload = uploadOf(uploads(owner, now), uploadId, by);
  if (!upload) throw gone();
  upload.touched = now;
  return { fileName: upload.fileName, bytes: Buffer.concat(upload.chunks) };
}

export function forgetUpload(owner: object, uploadId: string, by: Starter): void {
  const map = uploadsOf.get(owner);
  if (map && uploadOf(map, uploadId, by)) map.delete(uploadId);
}
