/**
 * What the exchange's refusals and warnings say, in both languages: one text for the exchange page
 * (renderer/i18n) and the command line (web/exchange-cli.ts). `{name}` is filled from the error's
 * params. Each cause has its own message: a bad signature, a frame that does not decrypt, a bad
 * manifest, a forged record, a future version and a replay are told apart.
 */
export const exchangeMessages = {
  vi: {
    'exchange.bad_key_file': 'Tệp khóa công khai không hợp lệ hoặc đã bị sửa.',
    'exchange.old_key_card':
      'Tệp khóa theo mẫu cũ: dấu vân tay của thẻ khóa cũ không bao gồm tên và mã đơn vị. Đề nghị đơn vị in lại thẻ khóa và gửi tệp khóa mới.',
    'exchange.fingerprint': 'Dấu vân tay không khớp với tệp khóa. Không đăng ký đơn vị này.',
    'exchange.own_key': 'Đây là khóa của chính máy này.',
    'exchange.not_bundle': 'Tệp không phải gói dữ liệu Sổ ANTT.',
    'exchange.too_large': 'Tệp lớn hơn 2 GiB, không phải gói dữ liệu Sổ ANTT có thể nhận. Không nhập gì.',
    'exchange.unknown_sender': 'Gói dữ liệu được ký bằng khóa {key}, khóa này chưa được đăng ký ở đây. Không nhập gì; hãy đăng ký khóa của đơn vị gửi trước.',
    'exchange.not_for_us': 'Gói dữ liệu này gửi cho đơn vị khác, không phải đơn vị này.',
    'exchange.tampered': 'Tệp bị hỏng hoặc bị cắt cụt, không còn nguyên gói đã ký. Không nhập gì.',
    'exchange.bad_signature': 'Chữ ký số không khớp với khóa đã đăng ký của đơn vị gửi: tệp đã bị sửa sau khi ký. Không nhập gì.',
    'exchange.undecryptable': 'Không giải mã được nội dung gói (khóa nội dung hoặc một phần của tệp bị hỏng). Không nhập gì.',
    'exchange.bad_manifest': 'Nội dung gói không khớp với bảng kê cuối gói (số bản ghi hoặc mã băm). Không nhập gì.',
    'exchange.forbidden_record':
      'Từ chối cả gói: {sender} gửi một bản ghi «{table}» (mã {id}) thuộc {owner}, là dữ liệu đơn vị gửi không được ghi. Không nhập gì; việc này đã được ghi vào nhật ký và trang Trao đổi dữ liệu.',
    'exchange.newer_schema': 'Gói dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cập nhật ứng dụng rồi nhập lại.',
    'exchange.wrong_kind': 'Không gửi được loại dữ liệu này cho đơn vị đã chọn (một gói gửi hoặc cho đơn vị cấp trên, hoặc cho các máy khác của đơn vị).',
    'exchange.no_recipient': 'Chọn ít nhất một đơn vị nhận đã đăng ký.',
    'exchange.replay': 'Gói này đã được nhập trước đây; nhập lại không thay đổi gì.',
    'exchange.clock_ahead': 'Máy của {office} đang để sai ngày giờ: {records} bản ghi mang thời điểm vượt quá giờ của máy này, muộn nhất tới {date}. Vẫn nhận vì chỉ đơn vị đó được sửa các bản ghi này; đề nghị đơn vị chỉnh lại đồng hồ máy.',
    'exchange.audit_rewritten':
      'Nhật ký thao tác của {office} đã bị sửa trong khoảng từ mục 1 đến mục {anchored} (mục đã được neo ở lần gửi trước; nay nhật ký tới mục {count}), hoặc máy đó đã khôi phục một bản sao lưu cũ. Cần kiểm tra máy của đơn vị này.',
  },
  en: {
    'exchange.bad_key_file': 'The public-key file is not valid or has been changed.',
    'exchange.old_key_card': 'A public-key file of the old format: the old key card’s fingerprint does not cover the office name and code. Ask the office to print a new card and send a new key file.',
    'exchange.fingerprint': 'The fingerprint does not match the key file. The office was not enrolled.',
    'exchange.own_key': 'This is this computer\'s own key.',
    'exchange.not_bundle': 'The file is not a Sổ ANTT bundle.',
    'exchange.too_large': 'The file is larger than 2 GiB: not a bundle this app accepts. Nothing was imported.',
    'exchange.unknown_sender': 'The bundle is signed with key {key}, which is not enrolled here. Nothing was imported; enrol the sending office’s key first.',
    'exchange.not_for_us': 'This bundle is addressed to another office, not this one.',
    'exchange.tampered': 'The file is damaged or truncated: it no longer holds a whole signed bundle. Nothing was imported.',
    'exchange.bad_signature': 'The signature does not match the sending office’s enrolled key: the file was changed after it was signed. Nothing was imported.',
    'exchange.undecryptable': 'The bundle’s content does not decrypt (its content key or a part of the file is damaged). Nothing was imported.',
    'exchange.bad_manifest': 'The bundle’s content does not match its manifest (record counts or hash). Nothing was imported.',
    'exchange.forbidden_record':
      'The whole bundle was refused: {sender} sent a record «{table}» (id {id}) of {owner}, which the sender may not write. Nothing was imported; this was recorded in the audit log and on the exchange page.',
    'exchange.newer_schema': 'The bundle was made by a newer version of the application. Update the application, then import again.',
    'exchange.wrong_kind': 'This kind of data cannot be sent to the chosen office (a bundle goes either to the higher office or to other PCs of this office).',
    'exchange.no_recipient': 'Choose at least one enrolled recipient.',
    'exchange.replay': 'This bundle was imported before; importing it again changes nothing.',
    'exchange.clock_ahead': 'The PC of {office} has a wrong date: {records} records are dated past this PC’s time, the latest at {date}. They were taken, since only that office writes them; ask the office to set its clock.',
    'exchange.audit_rewritten': 'The audit log of {office} was changed between entries 1 and {anchored} (anchored by an earlier bundle; the log now reaches entry {count}), or that PC restored an old backup. The office’s PC should be checked.',
  },
} as const;

export type ExchangeMessageKey = keyof (typeof exchangeMessages)['vi'];

/** The message in one language with its `{name}` values filled (the command line's; the page has its own i18n). */
export function exchangeMessage(language: 'vi' | 'en', key: ExchangeMessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return exchangeMessages[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isExchangeMessageKey(key: string): key is ExchangeMessageKey {
  return Object.prototype.hasOwnProperty.call(exchangeMessages.vi, key);
}
