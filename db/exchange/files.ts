import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_MAX_BYTES, CHUNK_BYTES } from '../../api/calls/exchange';
import type { FileChunk, UploadView } from '../../api/views';
import { AppError } from '../app-error';
import { uuidv7 } from '../ids';
import { bundleTooLarge } from './bundle';

/**
 * Where bundles wait on disk: `outbox/` holds the bundles this office wrote until they are fetched,
 * `inbox/` the bundles being received. Files are named by ids this code makes, never by a name a
 * caller sends, so no call can reach another path. Bundles are encrypted; these folders add nothing to
 * read. Files older than a week are removed.
 */
export function exchangeDirs(dataDir: string) {
  const root = join(dataDir, 'exchange');
  return { outbox: join(root, 'outbox'), inbox: join(root, 'inbox') };
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WEEK = 7 * 24 * 3600 * 1000;

function named(dir: string, id: string): string {
  if (!ID.test(id)) throw new AppError('record.not_found', 'no such bundle');
  return join(dir, `${id}.bundle`);
}

export function outboxPath(dataDir: string, bundleId: string): string {
  const { outbox } = exchangeDirs(dataDir);
  mkdirSync(outbox, { recursive: true });
  sweep(outbox);
  return named(outbox, bundleId);
}

export function inboxPath(dataDir: string, uploadId: string): string {
  return named(exchangeDirs(dataDir).inbox, uploadId);
}

/** One piece of a bundle in the outbox. */
export function readChunk(dataDir: string, bundleId: string, offset: number): FileChunk {
  const path = named(exchangeDirs(dataDir).outbox, bundleId);
  if (!existsSync(path)) throw new AppError('record.not_found', 'the bundle is no longer in the outbox: export it again');
  const fd = openSync(path, 'r');
  try {
    const size = statSync(path).size;
    const start = Math.min(offset, size);
    const bytes = Buffer.alloc(Math.min(CHUNK_BYTES, size - start));
    readSync(fd, bytes, 0, bytes.length, start);
    return { dataBase64: bytes.toString('base64'), offset: start, size, done: start + bytes.length >= size };
  } finally {
    closeSync(fd);
  }
}

/** Appends one piece of an incoming bundle; pieces must come in order. */
export function appendChunk(dataDir: string, uploadId: string | null, offset: number, bytes: Buffer): UploadView {
  const { inbox } = exchangeDirs(dataDir);
  mkdirSync(inbox, { recursive: true });
  if (uploadId === null) sweep(inbox);
  const id = uploadId ?? uuidv7();
  const path = named(inbox, id);
  const size = existsSync(path) ? statSync(path).size : 0;
  if (uploadId !== null && size === 0 && !existsSync(path)) throw new AppError('record.not_found', 'no such upload');
  if (offset !== size) throw new AppError('validation', `the piece starts at ${offset}, the file has ${size} bytes`, { fields: { offset: 'v.invalid' } });
  if (size + bytes.length > BUNDLE_MAX_BYTES) throw bundleTooLarge();
  const fd = openSync(path, 'a', 0o600);
  try {
    writeSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  return { uploadId: id, size: size + bytes.length };
}

/** Puts a file from disk into the inbox (the command line's way in); returns its upload id. Nothing is copied of a file over the limit. */
export function stageFile(dataDir: string, source: string): string {
  if (statSync(source).size > BUNDLE_MAX_BYTES) throw bundleTooLarge();
  const { inbox } = exchangeDirs(dataDir);
  mkdirSync(inbox, { recursive: true });
  const id = uuidv7();
  copyFileSync(source, named(inbox, id));
  return id;
}

export function removeStaged(dataDir: string, uploadId: string): void {
  rmSync(inboxPath(dataDir, uploadId), { force: true });
}

function sweep(dir: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > WEEK) rmSync(path, { force: true });
    } catch {
      // Another sweep got there first.
    }
  }
}
