import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../api/result';
import { importReasons, type FileChunk, type UploadView } from '../../api/views';
import { qrPath } from '../../renderer/components/qr-code';
import { downloadInChunks, percentOf, uploadInChunks, type ChunkProgress, type UploadPiece } from '../../renderer/data/chunks';
import { translate } from '../../renderer/i18n';
import { fingerprintGroups, missingBundles, reasonKeys, reasonLabel, tableLabel } from '../../renderer/pages/exchange/exchange-labels';
import { keyCardQrText } from '../../renderer/print/key-card';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');
const tVi = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('vi', key, params);
const tEn = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);

describe('downloadInChunks', () => {
  it('asks for each piece at the bytes received so far until the backend says done, and joins them', async () => {
    const file = [1, 2, 3, 4, 5, 6, 7];
    const asked: number[] = [];
    const progress: ChunkProgress[] = [];
    const result = await downloadInChunks(
      async (offset) => {
        asked.push(offset);
        const piece = file.slice(offset, offset + 3);
        return ok<FileChunk>({ dataBase64: b64(piece), offset, size: file.length, done: offset + piece.length >= file.length });
      },
      (p) => progress.push(p),
    );
    expect(result.ok && [...result.value]).toEqual(file);
    expect(asked).toEqual([0, 3, 6]);
    expect(progress).toEqual([
      { done: 3, total: 7 },
      { done: 6, total: 7 },
      { done: 7, total: 7 },
    ]);
  });

  it('stops at the first failure and returns it', async () => {
    let calls = 0;
    const result = await downloadInChunks(
      async (offset) => {
        calls += 1;
        if (offset > 0) return { ok: false, error: { code: 'record.not_found', message: 'gone' } };
        return ok<FileChunk>({ dataBase64: b64([1, 2]), offset, size: 4, done: false });
      },
      () => undefined,
    );
    expect(result).toEqual({ ok: false, error: { code: 'record.not_found', message: 'gone' } });
    expect(calls).toBe(2);
  });

  it('ends on an empty piece rather than looping forever', async () => {
    const result = await downloadInChunks(async (offset) => ok<FileChunk>({ dataBase64: '', offset, size: 10, done: false }), () => undefined);
    expect(result.ok && result.value.length).toBe(0);
  });
});

describe('uploadInChunks', () => {
  const file = Uint8Array.from({ length: 10 }, (_, i) => i);
  const read = async (start: number, end: number) => file.subarray(start, end);

  it('sends the first piece without an upload id, then the returned id at the bytes sent so far', async () => {
    const pieces: UploadPiece[] = [];
    const progress: number[] = [];
    const result = await uploadInChunks(
      file.length,
      read,
      async (piece) => {
        pieces.push(piece);
        return ok<UploadView>({ uploadId: 'u-1', size: piece.offset + Buffer.from(piece.dataBase64, 'base64').length });
      },
      (p) => progress.push(p.done),
      4,
    );
    expect(result).toEqual(ok({ uploadId: 'u-1', size: 10 }));
    expect(pieces.map((p) => [p.uploadId, p.offset, [...Buffer.from(p.dataBase64, 'base64')]])).toEqual([
      [null, 0, [0, 1, 2, 3]],
      ['u-1', 4, [4, 5, 6, 7]],
      ['u-1', 8, [8, 9]],
    ]);
    expect(progress).toEqual([4, 8, 10]);
  });

  it('sends an empty file as one empty piece (the backend then says what is wrong with it)', async () => {
    const pieces: UploadPiece[] = [];
    const result = await uploadInChunks(0, read, async (piece) => (pieces.push(piece), ok<UploadView>({ uploadId: 'u-2', size: 0 })), () => undefined, 4);
    expect(result.ok).toBe(true);
    expect(pieces).toEqual([{ uploadId: null, offset: 0, dataBase64: '' }]);
  });

  it('stops at a refused piece', async () => {
    let sent = 0;
    const result = await uploadInChunks(
      file.length,
      read,
      async () => {
        sent += 1;
        return sent === 2 ? { ok: false, error: { code: 'validation', message: 'bad offset' } } : ok<UploadView>({ uploadId: 'u-3', size: 4 });
      },
      () => undefined,
      4,
    );
    expect(result.ok).toBe(false);
    expect(sent).toBe(2);
  });

  it('reports whole percents', () => {
    expect(percentOf({ done: 1, total: 3 })).toBe(33);
    expect(percentOf({ done: 0, total: 0 })).toBe(100);
  });
});

describe('exchange labels', () => {
  it('has a Vietnamese and an English reason for every import reason', () => {
    for (const reason of importReasons) {
      expect(reasonKeys[reason]).toBe(`x.${reason}`);
      expect(reasonLabel(tVi, reason)).toMatch(/\S/);
      expect(reasonLabel(tEn, reason)).toMatch(/\S/);
    }
    expect(reasonLabel(tVi, 'older')).toBe('Ở đây đã có bản mới hơn.');
    expect(reasonLabel(tVi, null)).toBe('');
  });

  it('names tables in Vietnamese, and shows an unknown table by its code', () => {
    expect(tableLabel(tVi, 'reports')).toBe('Tin báo');
    expect(tableLabel(tVi, 'persons')).toBe('Đối tượng');
    expect(tableLabel(tEn, 'reports')).toBe('Reports');
    expect(tableLabel(tVi, 'something_new')).toBe('something_new');
  });

  it('splits a fingerprint into its groups and names the bundles a gap leaves out', () => {
    expect(fingerprintGroups('12345 67890  00001')).toEqual(['12345', '67890', '00001']);
    expect(missingBundles({ expected: 4, got: 5 })).toBe('4');
    expect(missingBundles({ expected: 4, got: 7 })).toBe('4–6');
    expect(missingBundles({ expected: 4, got: 4 })).toBeNull();
  });
});

describe('the key card QR code', () => {
  it('holds the key id and the fingerprint digits', () => {
    expect(keyCardQrText({ keyId: '0123456789abcdef', fingerprint: '12345 67890 11111 22222 33333 44444 55555 66666' })).toBe(
      'SOANTT-KEY:0123456789abcdef:1234567890111112222233333444445555566666',
    );
  });

  it('draws one square per dark module, inside the quiet zone', () => {
    const { modules } = create('SOANTT-KEY:0123456789abcdef:1234567890', { errorCorrectionLevel: 'M' });
    const path = qrPath(modules, 4);
    const squares = path.match(/M\d+ \d+h1v1h-1z/g) ?? [];
    let dark = 0;
    for (let r = 0; r < modules.size; r += 1) for (let c = 0; c < modules.size; c += 1) if (modules.get(r, c)) dark += 1;
    expect(squares.length).toBe(dark);
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true); // the finder pattern's corner
    const coords = squares.map((s) => s.slice(1, s.indexOf('h')).split(' ').map(Number));
    expect(Math.min(...coords.flat())).toBe(4);
    expect(Math.max(...coords.flat())).toBe(modules.size + 3);
  });
});
