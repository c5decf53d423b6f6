import { describe, expect, it } from 'vitest';
import { AppError } from '../../db/app-error';
import { rawText } from '../../db/legacy/cell-text';
import { decodeCsvBytes, parseCsv, readLegacyFile, type LegacyFile } from '../../db/legacy/read-file';
import { encodeTcvn3, encodeVni, tcvn3Bytes } from '../support/legacy-encode';
import { cp1258Bytes, utf16le, workbookBytes, zipOf } from '../support/legacy-files';

/** The field key of the refusal, e.g. 'legacy.xls'. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields?.file ?? (error as AppError).code;
  }
  throw new Error('the file was read');
}

const texts = (file: LegacyFile, sheet = 0) => file.sheets[sheet]!.rows.map((row) => row.cells.map(rawText));

describe('reading old register workbooks', () => {
  it('gives each text cell with its font, as typed (the import converts)', async () => {
    const bytes = await workbookBytes([
      {
        name: 'Sổ tin báo',
        rows: [
          [{ value: encodeTcvn3('Số'), font: '.VnTime' }, { value: encodeTcvn3('ngày', true), font: '.VnTimeH' }, { value: encodeVni('Nội dung'), font: 'VNI-Times' }],
          [1, new Date(Date.UTC(2019, 2, 15)), 'Unicode text'],
        ],
      },
    ]);
    const file = await readLegacyFile('so.xlsx', bytes);
    const header = file.sheets[0]!.rows[0]!.cells;
    expect(header.map((c) => (c?.value as readonly { font: string | null }[])[0]!.font)).toEqual(['.VnTime', '.VnTimeH', 'VNI-Times']);
    expect(rawText(header[0])).toBe(encodeTcvn3('Số'));
    const second = file.sheets[0]!.rows[1]!.cells;
    expect(second[0]!.value).toBe(1);
    expect(second[1]!.value).toEqual(new Date(Date.UTC(2019, 2, 15)));
  });

  it('lists hidden sheets as hidden, takes formulas\' cached results and never evaluates text that starts with "="', async () => {
    const bytes = await workbookBytes([
      { name: 'Visible', rows: [['a', 'b'], [{ value: { formula: 'A1&B1', result: 'ab' } }, '=1+1'], [{ value: { formula: 'SUM(1,2)', result: 3 } }, '=HYPERLINK("http://x","y")']] },
      { name: 'Old', hidden: true, rows: [['x']] },
    ]);
    const file = await readLegacyFile('so.xlsx', bytes);
    expect(file.sheets.map((s) => [s.name, s.hidden])).toEqual([['Visible', false], ['Old', true]]);
    expect(texts(file)).toEqual([['a', 'b'], ['ab', '=1+1'], ['3', '=HYPERLINK("http://x","y")']]);
    expect(file.sheets[0]!.rows[1]!.cells[0]!.formula).toBe(true);
    expect(file.sheets[0]!.rows[1]!.cells[1]!.formula).toBe(false);
  });

  it('gives a merged header cell\'s text to each column it spans', async () => {
    const bytes = await workbookBytes([{ name: 'S', rows: [['Số', 'Người báo', null, 'Nội dung'], ['', 'Họ tên', 'Địa chỉ', '']], merges: ['B1:C1', 'A1:A2', 'D1:D2'] }]);
    const file = await readLegacyFile('so.xlsx', bytes);
    expect(texts(file)[0]).toEqual(['Số', 'Người báo', 'Người báo', 'Nội dung']);
    expect(texts(file)[1]).toEqual(['Số', 'Họ tên', 'Địa chỉ', 'Nội dung']);
  });

  it('refuses an .xls with how to save it as .xlsx', async () => {
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await refusal(readLegacyFile('so-cu.xls', ole2))).toBe('legacy.xls');
    // By its bytes too, whatever its name.
    expect(await refusal(readLegacyFile('so-cu.xlsx', ole2))).toBe('legacy.xls');
  });

  it('refuses a damaged workbook, a zip bomb and a huge cell, clearly', async () => {
    const good = await workbookBytes([{ name: 'S', rows: [['a']] }]);
    expect(await refusal(readLegacyFile('x.xlsx', good.subarray(0, Math.floor(good.length / 2))))).toBe('legacy.damaged');
    expect(await refusal(readLegacyFile('x.xlsx', Buffer.from('not a zip at all')))).toBe('legacy.damaged');
    expect(await refusal(readLegacyFile('x.xlsx', zipOf([{ name: 'hello.txt', data: Buffer.from('hello') }])))).toBe('legacy.damaged');
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await refusal(readLegacyFile('bomb.xlsx', bomb))).toBe('legacy.hostile');
    const huge = await workbookBytes([{ name: 'S', rows: [['a'], ['x'.repeat(40_000)]] }]);
    expect(await refusal(readLegacyFile('huge.xlsx', huge))).toBe('legacy.huge_cell');
    expect(await refusal(readLegacyFile('huge.csv', Buffer.from(`a,b\n"${'x'.repeat(40_000)}",b\n`)))).toBe('legacy.huge_cell');
    expect(await refusal(readLegacyFile('x.pdf', Buffer.from('%PDF')))).toBe('legacy.format');
  });
});

describe('reading old register CSVs', () => {
  const line = 'Nguyễn Văn Đức;trộm cắp xe máy;ngày 7 tháng 12 năm 2026';
  const expected = [['Nguyễn Văn Đức', 'trộm cắp xe máy', 'ngày 7 tháng 12 năm 2026']];

  it.each([
    ['utf-8', Buffer.from(line)],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line)])],
    ['utf-16le', utf16le(line)],
    ['utf-16le', utf16le(line, false)],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(line, 'utf16le').swap16()])],
    ['windows-1258', cp1258Bytes(line)],
  ])('detects %s', async (encoding, bytes) => {
    const decoded = await decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(parseCsv(decoded.text).map((r) => r.map((f) => f.normalize('NFC')))).toEqual(expected);
  });

  it('detects TCVN3 and VNI bytes and converts them', async () => {
    const lower = line.toLowerCase();
    expect(await decodeCsvBytes(tcvn3Bytes(lower))).toEqual({ encoding: 'tcvn3', text: lower });
    const vni = Buffer.from([...encodeVni(line)].map((c) => c.charCodeAt(0)));
    expect(await decodeCsvBytes(vni)).toEqual({ encoding: 'vni', text: line });
  });

  it('parses quoted fields with delimiters, quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","d ""e""\nf"\r\n1,2,3\n')).toEqual([['a', 'b, c', 'd "e"\nf'], ['1', '2', '3']]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads a .csv file as one sheet, empty lines left out', async () => {
    const file = await readLegacyFile('so.csv', Buffer.from('Số,Nội dung\n\n1,"=1+1"\n'));
    expect(file.byteEncoding).toBe('utf-8');
    expect(texts(file)).toEqual([['Số', 'Nội dung'], ['1', '=1+1']]);
    expect(await refusal(readLegacyFile('bin.csv', Buffer.from([0x41, 0, 0, 0, 0x42, 0x43, 0, 1, 2, 3, 0x44, 0x45, 0x46, 0x47])))).toBe('legacy.damaged');
  });
});

describe('a large .csv is read as a stream, a piece of 1 MiB at a time', () => {
  const MiB = 1024 * 1024;

  /** Bytes built line by line, with filler lines to put the next line's chosen byte at an offset. */
  function builder(first: Buffer) {
    const parts: Buffer[] = [first];
    let size = first.length;
    const add = (bytes: Buffer) => {
      parts.push(bytes);
      size += bytes.length;
    };
    return {
      add,
      /** Filler rows of two columns up to `offset` exactly. */
      fillTo(offset: number) {
        while (offset - size > 1000) add(Buffer.from(`${'a'.repeat(500)},${'b'.repeat(400)}\n`));
        if (offset - size > 2) add(Buffer.from(`${'c'.repeat(offset - size - 2)},\n`));
        while (size < offset) add(Buffer.from('\n'));
        expect(size).toBe(offset);
      },
      get size() {
        return size;
      },
      bytes: () => Buffer.concat(parts),
    };
  }

  it('a character, a doubled quote and a line end cut between two pieces are read whole', async () => {
    const file = builder(Buffer.from('Số,Nội dung\r\n'));
    // 'Đ' is two bytes in UTF-8: the first piece ends between them.
    file.fillTo(MiB - 1 - Buffer.byteLength('1,Nguyễn Văn '));
    file.add(Buffer.from('1,Nguyễn Văn Đức\r\n'));
    // The doubled quote inside a quoted field: the second piece ends between its two quotes.
    file.fillTo(2 * MiB - 1 - Buffer.byteLength('2,"nói '));
    file.add(Buffer.from('2,"nói ""thôi"" nhé, anh"\r\n'));
    // A line's CR ends the third piece, its LF begins the fourth.
    file.fillTo(3 * MiB - 1 - Buffer.byteLength('3,trộm cắp xe máy'));
    file.add(Buffer.from('3,trộm cắp xe máy\r\n'));
    file.fillTo(3 * MiB + 5000);
    const bytes = file.bytes();
    const read = await readLegacyFile('so-lon.csv', bytes);
    expect(read.byteEncoding).toBe('utf-8');
    const rows = texts(read);
    expect(rows).toContainEqual(['1', 'Nguyễn Văn Đức']);
    expect(rows).toContainEqual(['2', 'nói "thôi" nhé, anh']);
    expect(rows).toContainEqual(['3', 'trộm cắp xe máy']);
    // The same records as the whole text parsed at once, empty lines left out.
    const whole = parseCsv(bytes.toString('utf8')).filter((r) => r.some((f) => f !== ''));
    expect(rows).toEqual(whole.map((r) => r.map((f) => f)));
    // And the same in UTF-16 with its BOM (each piece then starts 2 bytes further).
    const utf16 = await readLegacyFile('so-lon.csv', utf16le(bytes.toString('utf8')));
    expect(utf16.byteEncoding).toBe('utf-16le');
    expect(texts(utf16)).toEqual(rows);
  });

  it('a file that is plain ASCII for megabytes and TCVN3 or Windows-1258 after is read again as 8-bit and converted', async () => {
    const line = 'Nguyễn Văn Đức,trộm cắp xe máy ở chợ,ngày 7 tháng 12 năm 2026';
    for (const [encoding, encode] of [
      ['tcvn3', (t: string) => tcvn3Bytes(t.toLowerCase())],
      ['windows-1258', cp1258Bytes],
    ] as const) {
      const file = builder(Buffer.from('So,Ho ten,Noi dung\n'));
      file.fillTo(2 * MiB + 123);
      for (let i = 0; i < 50; i += 1) file.add(Buffer.concat([Buffer.from(`${i},`), encode(line), Buffer.from('\n')]));
      const read = await readLegacyFile('so-cu.csv', file.bytes());
      expect(read.byteEncoding).toBe(encoding);
      const rows = texts(read);
      const expected = (encoding === 'tcvn3' ? line.toLowerCase() : line).split(',');
      expect(rows.at(-1)).toEqual(['49', ...expected]);
      expect(rows[0]).toEqual(['So', 'Ho ten', 'Noi dung']);
    }
  });

  it('tells its progress piece by piece, and a cancel meanwhile stops the read', async () => {
    const file = builder(Buffer.from('Số,Nội dung\n'));
    file.fillTo(4 * MiB + 10);
    const shares: number[] = [];
    await readLegacyFile('so.csv', file.bytes(), (share) => void shares.push(share));
    expect(shares.length).toBe(5);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares.at(-1)).toBe(1);
    const cancelled = new AppError('validation', 'cancelled', { fields: { file: 'legacy.cancelled' } });
    let calls = 0;
    const stop = () => {
      calls += 1;
      if (calls === 2) throw cancelled;
    };
    expect(await refusal(readLegacyFile('so.csv', file.bytes(), stop))).toBe('legacy.cancelled');
    expect(calls).toBe(2);
  });

  it('a quote ending the file, and a file shorter than the delimiter sample', async () => {
    expect(parseCsv('a;"b ""c"""')).toEqual([['a', 'b "c"']]);
    expect(texts(await readLegacyFile('x.csv', Buffer.from('a\t"b"')))).toEqual([['a', 'b']]);
  });
});
