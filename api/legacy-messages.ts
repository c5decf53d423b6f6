import { fieldMessages } from './field-messages';

/**
 * Why a row of an old register is refused or flagged (issue 22), in both languages, for the places
 * outside the interface's dictionaries: the command line (web/legacy-cli.ts). The import page uses the
 * same keys through renderer/i18n.
 */
export const legacyReasonMessages = {
  vi: {
    'legacy.reason.required': 'trống (bắt buộc)',
    'legacy.reason.future': 'ngày ở tương lai',
    'legacy.reason.date_not_a_date': 'không phải ngày',
    'legacy.reason.date_no_such_day': 'không có ngày này',
    'legacy.reason.date_out_of_range': 'năm ngoài khoảng cho phép',
    'legacy.reason.date_empty': 'trống',
    'legacy.reason.date_kept_as_note': 'không phải ngày: giữ lại trong ghi chú',
    'legacy.reason.register_no': 'số vào sổ không hợp lệ',
    'legacy.reason.register_year': 'năm vào sổ không hợp lệ',
    'legacy.reason.year_mismatch': 'năm của số vào sổ khác năm tiếp nhận',
    'legacy.reason.duplicate_in_file': 'số vào sổ trùng trong tệp',
    'legacy.reason.unmapped': 'chưa ánh xạ sang giá trị của phần mềm',
    'legacy.reason.officer_kept_as_note': 'không có cán bộ tên này: giữ tên trong mô tả',
    'legacy.reason.too_long': 'quá dài',
    'legacy.reason.old_id_kept_as_note': 'số CMND cũ (9 chữ số): giữ lại trong ghi chú',
    'legacy.reason.end_required': 'loại quản lý này cần ngày kết thúc',
    'legacy.reason.end_before_start': 'ngày kết thúc trước ngày bắt đầu',
    'legacy.reason.merge_gone': 'hồ sơ đã chọn để gộp không còn hoặc không phải hồ sơ được đề xuất',
    'legacy.reason.program_exists': 'người này đã có diện quản lý này từ ngày đó: không nhập thêm',
    'legacy.reason.citizen_id_twice': 'số CCCD trùng với dòng khác trong tệp',
    'legacy.reason.hotspot_twice': 'tụ điểm trùng tên và địa chỉ với dòng khác trong tệp',
    'legacy.reason.birth_kept_as_note': 'không đọc được là ngày hoặc năm sinh (hoặc ở tương lai): giữ lại trong ghi chú',
    'legacy.reason.officer_kept_in_notes': 'không có cán bộ tên này: giữ tên trong ghi chú',
  },
  en: {
    'legacy.reason.required': 'empty (required)',
    'legacy.reason.future': 'a date in the future',
    'legacy.reason.date_not_a_date': 'not a date',
    'legacy.reason.date_no_such_day': 'no such day',
    'legacy.reason.date_out_of_range': 'a year out of range',
    'legacy.reason.date_empty': 'empty',
    'legacy.reason.date_kept_as_note': 'not a date: kept in a note',
    'legacy.reason.register_no': 'not a register number',
    'legacy.reason.register_year': 'not a register year',
    'legacy.reason.year_mismatch': 'the register number\'s year is not the year of receipt',
    'legacy.reason.duplicate_in_file': 'register number twice in the file',
    'legacy.reason.unmapped': 'not mapped to a value of the app',
    'legacy.reason.officer_kept_as_note': 'no officer of that name: the name kept in the description',
    'legacy.reason.too_long': 'too long',
    'legacy.reason.old_id_kept_as_note': 'an old nine-digit ID card number: kept in the notes',
    'legacy.reason.end_required': 'this kind of management needs an end date',
    'legacy.reason.end_before_start': 'the end is before the start',
    'legacy.reason.merge_gone': 'the record chosen to merge into is gone or was not one proposed',
    'legacy.reason.program_exists': 'this person already has this management from that day: nothing added',
    'legacy.reason.citizen_id_twice': 'citizen ID twice in the file',
    'legacy.reason.hotspot_twice': 'the same hotspot name and address twice in the file',
    'legacy.reason.birth_kept_as_note': 'not read as a birth date or year (or in the future): kept in the notes',
    'legacy.reason.officer_kept_in_notes': 'no officer of that name: the name kept in the notes',
  },
} as const;

/** Why a whole file is refused (the `file` field of the error). */
export const legacyFileMessages = {
  vi: {
    'legacy.xls': 'Tệp Excel 97–2003 (.xls) không đọc được: mở tệp trong Excel, chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx), rồi nhập tệp .xlsx.',
    'legacy.damaged': 'Tệp bị hỏng hoặc không phải tệp Excel.',
    'legacy.hostile': 'Tệp bất thường (giải nén ra quá lớn): không đọc.',
    'legacy.huge_cell': 'Có ô dài quá giới hạn của Excel: tệp không do Excel tạo, không đọc.',
    'legacy.too_big': 'Tệp quá lớn.',
    'legacy.too_many_rows': 'Trang tính có quá nhiều dòng.',
    'legacy.format': 'Chỉ nhập được tệp .xlsx hoặc .csv.',
    'legacy.empty': 'Tệp không có dữ liệu.',
    'legacy.mapping_incomplete': 'Cần chọn cột cho nội dung và ngày tiếp nhận.',
    'legacy.mapping_incomplete_persons': 'Cần chọn cột cho họ và tên.',
    'legacy.mapping_incomplete_hotspots': 'Cần chọn cột cho tên tụ điểm.',
    'legacy.mapped_twice': 'Một trường được chọn cho hai cột.',
    'legacy.not_this_register': 'Có trường không thuộc loại sổ này.',
    'legacy.cancelled': 'Đã dừng theo yêu cầu; chưa nhập gì.',
  },
  en: {
    'legacy.xls': 'An Excel 97–2003 (.xls) file cannot be read: open it in Excel, choose File › Save As › Excel Workbook (*.xlsx), then import the .xlsx file.',
    'legacy.damaged': 'The file is damaged or not an Excel file.',
    'legacy.hostile': 'An abnormal file (it unpacks to far too much): not read.',
    'legacy.huge_cell': 'A cell is longer than Excel allows: the file was not made by Excel and is not read.',
    'legacy.too_big': 'The file is too large.',
    'legacy.too_many_rows': 'The sheet has too many rows.',
    'legacy.format': 'Only .xlsx and .csv files can be imported.',
    'legacy.empty': 'The file holds no data.',
    'legacy.mapping_incomplete': 'Choose the columns of the summary and the date of receipt.',
    'legacy.mapping_incomplete_persons': 'Choose the column of the full name.',
    'legacy.mapping_incomplete_hotspots': 'Choose the column of the hotspot\'s name.',
    'legacy.mapped_twice': 'One field is chosen for two columns.',
    'legacy.not_this_register': 'A field does not belong to this kind of register.',
    'legacy.cancelled': 'Stopped as asked; nothing was imported.',
  },
} as const;

/** A row's reason: the import's own, else the rule of the create call the cell broke (api/field-messages.ts). */
export function legacyReason(lang: 'vi' | 'en', key: string): string {
  return (legacyReasonMessages[lang] as Record<string, string>)[key] ?? (fieldMessages[lang] as Record<string, string>)[key] ?? key;
}

export function legacyFileMessage(lang: 'vi' | 'en', key: string): string | null {
  return (legacyFileMessages[lang] as Record<string, string>)[key] ?? null;
}
