import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BundleWriter, openBundle } from '../../db/exchange/bundle';
import { generateKeyPairs, keyIdOf } from '../../db/exchange/keys';
import { uuidv7 } from '../../db/ids';
import { cleanup, tempDir } from '../support/backend';

afterEach(cleanup);

/**
 * A payload written in these pieces (each a call of BundleWriter.text: a frame ends after a piece
 * once it holds 64 KiB), read back: its lines, and what `lines` hashed (every line but the last).
 */
function readBack(pieces: readonly string[]): { lines: string[]; hashed: string } {
  const from = generateKeyPairs();
  const to = generateKeyPairs();
  const toKey = keyIdOf(to.signPublic, to.boxPublic);
  const path = join(tempDir(), 'lines.soantt');
  const writer = new BundleWriter(
    path,
    {
      schemaVersion: 1,
      bundleId: uuidv7(),
      kind: 'records',
      mode: 'delta',
      createdAt: 0,
      sender: { officeId: '1', officeCode: '1', officeName: 'Xã Một', keyId: keyIdOf(from.signPublic, from.boxPublic) },
      referenceVersion: 0,
    },
    [{ keyId: toKey, officeId: '2', boxPublic: to.boxPublic, seq: 1, previousHash: null }],
    from.signPrivate,
  );
  for (const piece of pieces) writer.text(piece);
  writer.finish();
  const digest = createHash('sha256');
  const lines = [...openBundle(path, { keyId: toKey, boxPrivate: to.boxPrivate }, () => from.signPublic).lines(digest)];
  return { lines, hashed: digest.digest('hex') };
}

/** The lines of a text and the hash of every line but the last, each with its newline (what the import checks the manifest against). */
function expected(text: string): { lines: string[]; hashed: string } {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const digest = createHash('sha256');
  for (const line of lines.slice(0, -1)) digest.update(line).update('\n');
  return { lines, hashed: digest.digest('hex') };
}

describe('the lines of a bundle', () => {
  const record = (i: number) => `{"t":"reports","r":{"id":"${i}","summary":"Trộm cắp tài sản ở xóm Quỳnh Lưu, Nghệ An — lần ${i}"}}\n`;

  it('are read and hashed over several frames, the last line (the manifest) left out of the hash', () => {
    const pieces = [...Array.from({ length: 3000 }, (_, i) => record(i)), '{"manifest":{}}\n'];
    expect(readBack(pieces)).toEqual(expected(pieces.join('')));
  });

  it('are read whole when a line runs on into the next frame, and when the payload ends without a newline', () => {
    const pieces = [record(1), `{"t":"x","long":"${'ẫ'.repeat(30_000)}`, `ỹ"}\n${record(2)}`, '{"manifest":{}}'];
    const read = readBack(pieces);
    expect(read.lines).toHaveLength(4);
    expect(read).toEqual(expected(pieces.join('')));
  });

  it('leave the last line out of the hash when it ends a frame and the last frame is empty', () => {
    const pieces = [record(1), record(2), `{"manifest":"${'m'.repeat(70_000)}"}\n`];
    expect(readBack(pieces)).toEqual(expected(pieces.join('')));
  });
});
