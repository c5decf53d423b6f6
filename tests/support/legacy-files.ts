import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/**
 * Files of old registers, made by the tests themselves: workbooks in each legacy encoding with the fonts
 * an office used, CSVs in each byte encoding, and hostile or damaged files.
 */

export interface SheetSpec {
  name: string;
  hidden?: boolean;
  /** Rows from row 1; a cell is a value or a value with its font. */
  rows: (string | number | Date | null | { value: ExcelJS.CellValue; font?: string })[][];
  merges?: string[];
  /** The font of every text cell without its own. */
  font?: string;
}

export async function workbookBytes(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, spec.hidden ? { state: 'hidden' } : {});
    spec.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === null) return;
        const target = sheet.getCell(r + 1, c + 1);
        if (typeof cell === 'object' && !(cell instanceof Date)) {
          target.value = cell.value;
          const font = cell.font ?? spec.font;
          if (font) target.font = { name: font };
        } else {
          target.value = cell;
          if (typeof cell === 'string' && spec.font) target.font = { name: spec.font };
        }
      });
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip of stored entries as given (deflated), with honest sizes and CRCs: for the bomb and damaged-file tests. */
export function zipOf(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const packed = deflateRawSync(entry.data, { level: 9 });
    const name = Buffer.from(entry.name);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** UTF-16 little-endian bytes with or without the BOM. */
export function utf16le(text: string, bom = true): Buffer {
  return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
}

/** Windows-1258 bytes: Vietnamese decomposed into base letters and combining tones, as that code page has it. */
export function cp1258Bytes(text: string): Buffer {
  const special: Record<string, number> = {
    'Ă': 0xc3, 'ă': 0xe3, 'Â': 0xc2, 'â': 0xe2, 'Ê': 0xca, 'ê': 0xea, 'Ô': 0xd4, 'ô': 0xf4, 'Ơ': 0xd5, 'ơ': 0xf5,
    'Ư': 0xdd, 'ư': 0xfd, 'Đ': 0xd0, 'đ': 0xf0, '\u0300': 0xcc, '\u0301': 0xec, '\u0303': 0xde, '\u0309': 0xd2, '\u0323': 0xf2,
  };
  const out: number[] = [];
  // Decompose the tone only: the vowel with its hat or horn stays one character, as in the code page.
  for (const char of text.normalize('NFD').normalize('NFC')) {
    const parts = [...char.normalize('NFD')];
    const tone = parts.find((p) => ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].includes(p));
    const base = tone ? parts.filter((p) => p !== tone).join('').normalize('NFC') : char;
    for (const c of [base, ...(tone ? [tone] : [])]) {
      const code = special[c] ?? c.charCodeAt(0);
      if (code > 0xff) throw new Error(`not in Windows-1258: ${c}`);
      out.push(code);
    }
  }
  return Buffer.from(out);
}

/** Sends a file through legacy.upload in pieces, as the import page does; the upload id. */
export async function uploadLegacy(
  call: (name: 'legacy.upload', input: { uploadId: string | null; fileName: string; offset: number; dataBase64: string }) => Promise<{ ok: true; value: { uploadId: string } } | { ok: false; error: { code: string; message: string } }>,
  fileName: string,
  bytes: Buffer,
  piece = 4 * 1024 * 1024,
): Promise<string> {
  let uploadId: string | null = null;
  for (let offset = 0; offset === 0 || offset < bytes.length; offset += piece) {
    const result = await call('legacy.upload', { uploadId, fileName, offset, dataBase64: bytes.subarray(offset, offset + piece).toString('base64') });
    if (!result.ok) throw new Error(`upload refused: ${result.error.code} ${result.error.message}`);
    uploadId = result.value.uploadId;
  }
  return uploadId!;
}

/** A crime-report register as a commune typed it in the .VnTime fonts: a title, a group header over two rows, dates in every style. */
export function tcvn3Register(encode: (text: string, capitals?: boolean) => string): SheetSpec {
  // TCVN3's normal fonts have no capitals with tones: a typist wrote those in lower case.
  const typable = (text: string) => [...text].map((c) => (c.charCodeAt(0) > 0x7f && !'ĂÂÊÔƠƯĐ'.includes(c) ? c.toLowerCase() : c)).join('');
  const vn = (text: string) => ({ value: encode(typable(text)), font: '.VnTime' });
  const caps = (text: string) => ({ value: encode(text, true), font: '.VnTimeH' });
  return {
    name: 'So tin bao',
    rows: [
      [caps('SỔ TIẾP NHẬN TIN BÁO, TỐ GIÁC TỘI PHẠM')],
      [vn('Số'), vn('Ngày tiếp nhận'), vn('Người báo'), null, vn('Nội dung'), vn('Ngày xảy ra'), vn('Kết quả giải quyết')],
      [null, null, vn('Họ tên'), vn('Địa chỉ'), null, null, null],
      ['1/2019', new Date(Date.UTC(2019, 0, 5)), vn('nguyễn văn hùng'), vn('thôn đông'), vn('trộm cắp xe máy honda wave'), '3/1/2019', vn('đã giải quyết')],
      [2, vn('ngày 7 tháng 2 năm 2019'), vn('lê thị hoa'), vn('thôn tây'), vn('gây rối trật tự công cộng tại quán karaoke'), vn('đầu tháng 2'), vn('chuyển công an huyện')],
      [3, '15.03.19', vn('trần văn bình'), vn('thôn đông'), vn('đánh nhau gây thương tích'), '', vn('hoà giải thành')],
      [4, vn('không rõ'), vn('phạm văn tư'), '', vn('mất trộm gà'), '', vn('đã giải quyết')],
      [5, '20-04-2019', vn('đỗ thị mai'), '', '', '', vn('đã giải quyết')],
      [1, '12/01/2020', vn('hoàng văn nam'), vn('thôn tây'), vn('tàng trữ trái phép chất ma tuý'), '', vn('khởi tố')],
      ['2', 44000, vn('bùi thị lan'), '', '=1+1', '', vn('đang xác minh')],
    ],
    merges: ['A1:G1', 'C2:D2', 'A2:A3', 'B2:B3', 'E2:E3', 'F2:F3', 'G2:G3'],
  };
}

/** TCVN3's normal fonts have no capitals with tones: a typist wrote those in lower case. */
const typable = (text: string) => [...text].map((c) => (c.charCodeAt(0) > 0x7f && !'ĂÂÊÔƠƯĐ'.includes(c) ? c.toLowerCase() : c)).join('');

/**
 * A register of persons under management as a commune typed it in .VnTime: a title, the header row,
 * birth as a year or a date, citizen IDs as text and an old nine-digit ID card, the office's words for
 * the kind of management, rows that must be refused.
 */
export function tcvn3PersonsRegister(encode: (text: string, capitals?: boolean) => string): SheetSpec {
  const vn = (text: string) => ({ value: encode(typable(text)), font: '.VnTime' });
  const caps = (text: string) => ({ value: encode(text, true), font: '.VnTimeH' });
  return {
    name: 'Doi tuong',
    rows: [
      [caps('DANH SÁCH NGƯỜI ĐƯỢC QUẢN LÝ TẠI CỘNG ĐỒNG')],
      [vn('STT'), vn('Họ và tên'), vn('Năm sinh'), vn('Số CCCD'), vn('Nơi thường trú'), vn('Diện quản lý'), vn('Ngày bắt đầu'), vn('Ngày kết thúc'), vn('Ghi chú')],
      [1, vn('nguyễn văn hùng'), 1985, '001085012345', vn('thôn đông'), vn('nghiện ma tuý'), '10/01/2025', '', ''],
      [2, vn('lê văn tám'), '15/06/1990', '', vn('thôn tây'), vn('sau cai'), '01/03/2026', '', ''],
      [3, vn('trần văn bình'), 1979, '123456789', vn('thôn đông'), vn('tù về'), '05/02/2024', '05/02/2027', vn('hay đi làm xa')],
      [4, vn('phạm văn tư'), 1988, '079088001234', '', vn('án treo'), '', '', ''],
      [5, '', 1990, '', vn('thôn tây'), vn('nghiện'), '1/1/2025', '', ''],
      [6, vn('đỗ văn mạnh'), 1992, '001092000111', '', vn('đi học'), '1/1/2025', '', ''],
    ],
    merges: ['A1:I1'],
  };
}

/** A watchlist of hotspots typed in VNI-Times: the office's words for kinds, statuses and risks. */
export function vniHotspotList(encode: (text: string) => string): SheetSpec {
  const vni = (text: string) => ({ value: encode(text), font: 'VNI-Times' });
  return {
    name: 'Tu diem',
    rows: [
      [vni('STT'), vni('Tên tụ điểm'), vni('Loại'), vni('Địa chỉ'), vni('Ngày phát hiện'), vni('Tình trạng'), vni('Mức độ')],
      [1, vni('Quán nước bà Tư'), vni('lô đề'), vni('Thôn Đông'), '12/05/2024', vni('đã xoá'), vni('thấp')],
      [2, vni('Bãi đất trống ven đê'), vni('ma tuý'), vni('Thôn Tây'), '3/3/2025', vni('đang hoạt động'), vni('cao')],
      [3, vni('Nhà ông Ba'), vni('đá gà'), vni('Thôn Đông'), '2026-01-01', '', ''],
      [4, '', vni('cờ bạc'), vni('Thôn Tây'), '1/1/2025', '', ''],
      [5, vni('Quán karaoke Hoa Mai'), vni('hát'), vni('Thôn Tây'), '1/1/2025', '', ''],
    ],
  };
}
