import { describe, expect, it } from 'vitest';
import { AppError } from '../../db/app-error';
import { decodeCsvBytes, parseCsv, rawText, readLegacyFile, type LegacyFile } from '../../db/legacy/read-file';
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
  ])('detects %s', (encoding, bytes) => {
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(parseCsv(decoded.text).map((r) => r.map((f) => f.normalize('NFC')))).toEqual(expected);
  });

  it('detects TCVN3 and VNI bytes and converts them', () => {
    const lower = line.toLowerCase();
    expect(decodeCsvBytes(tcvn3Bytes(lower))).toEqual({ encoding: 'tcvn3', text: lower });
    const vni = Buffer.from([...encodeVni(line)].map((c) => c.charCodeAt(0)));
    expect(decodeCsvBytes(vni)).toEqual({ encoding: 'vni', text: line });
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
