import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { random } from '../random';

/**
 * The bench's old crime-report register (tests/bench/cases/legacy.ts), made in a process of its own so
 * that the workbook exceljs builds in memory does not count in the import's peak:
 * `node --import tsx tests/bench/cases/legacy-file.ts OUT.xlsx ROWS`.
 */

const places = ['thôn Đông', 'thôn Tây', 'xóm Chợ', 'khu phố 3', 'chợ Quảng Hưng', 'quán karaoke Hoa Mai', 'bến xe', 'trường THCS'];
const deeds = ['trộm cắp xe máy', 'gây rối trật tự công cộng', 'đánh nhau gây thương tích', 'mất trộm gà', 'đánh bạc ăn tiền', 'lừa đảo qua mạng', 'tai nạn giao thông', 'tranh chấp đất đai'];
const names = ['Nguyễn Văn Hùng', 'Lê Thị Hoa', 'Trần Văn Bình', 'Phạm Văn Tư', 'Đỗ Thị Mai', 'Hoàng Văn Nam', 'Bùi Thị Lan', 'Vũ Văn An'];
const results = ['đã giải quyết', 'chuyển công an huyện', 'hòa giải thành', 'khởi tố', 'không khởi tố', 'xử phạt hành chính'];

/** A register of `rows` rows over ten years, as an office would have typed it (Unicode, dates as text), written to `out` by exceljs's streaming writer. */
export async function writeRegisterFile(out: string, rows: number): Promise<void> {
  const next = random(22);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('So tin bao');
  sheet.addRow(['SỔ TIẾP NHẬN TIN BÁO, TỐ GIÁC TỘI PHẠM']).commit();
  sheet.addRow(['Số', 'Ngày tiếp nhận', 'Người báo tin', 'Địa chỉ', 'Nội dung', 'Kết quả giải quyết']).commit();
  const perYear = Math.ceil(rows / 10);
  for (let i = 0; i < rows; i += 1) {
    const year = 2015 + Math.floor(i / perYear);
    const no = (i % perYear) + 1;
    const day = 1 + Math.floor((no / perYear) * 364);
    const date = new Date(Date.UTC(year, 0, day));
    const text = `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${year}`;
    sheet.addRow([no, text, pick(names), pick(places), `${pick(deeds)} tại ${pick(places)}`, pick(results)]).commit();
  }
  sheet.commit();
  await workbook.commit();
}

const [out, rows] = process.argv.slice(2);
if (out !== undefined && rows !== undefined && process.argv[1]?.endsWith('legacy-file.ts')) {
  await writeRegisterFile(out, Number(rows));
  writeFileSync(`${out}.done`, '');
}
