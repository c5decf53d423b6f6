import { translate, type MessageKey, type Params } from '../i18n';

/**
 * The fixed Vietnamese text of printed documents. Official documents are always Vietnamese, whatever
 * language the interface is in, so this text lives here and not in the i18n catalogs. Labels of
 * stored codes (kinds, channels, statuses…) are written as a record is worded on paper.
 */

/** The interface's Vietnamese catalog, for what a document shares with its page (errors, "quá hạn 2 ngày"). */
export const tVi = (key: MessageKey, params?: Params) => translate('vi', key, params);

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export const screenText = {
  print: 'In / Lưu PDF',
  back: 'Quay lại',
  toolbar: 'Công cụ in',
  loading: 'Đang tải…',
  loadingCount: (done: number, total: number, step?: string) => `Đang tải ${step ? `${step} ` : ''}${done}/${total}`,
  failed: 'Không tải được văn bản để in.',
  retry: 'Thử lại',
  unknownDocument: 'Không có văn bản in ở địa chỉ này.',
  badPeriod: 'Khoảng thời gian không hợp lệ: cần từ ngày và đến ngày dạng YYYY-MM-DD, từ ngày không sau đến ngày.',
  badQuery: 'Điều kiện lọc của danh sách in không hợp lệ. Hãy quay lại trang danh sách và bấm nút in.',
  documentName: 'Văn bản in',
  signer: 'Người ký',
  chiefSigns: (name: string) => `Trưởng Công an${name ? `: ${name}` : ''}`,
  deputySigns: (name: string) => `KT. Trưởng – Phó trưởng: ${name}`,
} as const;

/** Titles break where a typist would break them (a line feed; the title keeps line feeds). */
const crimeTitle = 'BIÊN BẢN TIẾP NHẬN\nTỐ GIÁC, TIN BÁO VỀ TỘI PHẠM, KIẾN NGHỊ KHỞI TỐ';
const incidentTitle = 'BIÊN BẢN TIẾP NHẬN THÔNG TIN VỤ VIỆC';

/** Report kinds that are sources of information about crime (Criminal Procedure Code 2015, art. 144). */
const crimeKinds: ReadonlySet<string> = new Set(['crime_report', 'denunciation', 'prosecution_request']);

export const receiptText = {
  title: (kind: string) => (crimeKinds.has(kind) ? crimeTitle : incidentTitle),
  /** What the officer received, after "Tiến hành tiếp nhận …". */
  received: (kind: string) => (crimeKinds.has(kind) ? 'tố giác, tin báo về tội phạm, kiến nghị khởi tố' : 'thông tin vụ việc'),
  symbol: 'BB',
  at: 'Vào hồi',
  place: 'tại trụ sở',
  weAre: 'Người tiếp nhận:',
  rank: 'Cấp bậc',
  position: 'Chức vụ',
  unit: 'Đơn vị',
  proceed: (kind: string) => `Tiến hành tiếp nhận ${receiptText.received(kind)} của:`,
  reporter: 'Người báo tin',
  address: 'Địa chỉ',
  contact: 'Số điện thoại, liên hệ',
  anonymous: 'Người báo tin đề nghị giữ bí mật họ tên, địa chỉ, bút tích của mình.',
  noReporter: 'Không có người báo tin trực tiếp (nguồn tin: {channel}).',
  channel: 'Hình thức tiếp nhận',
  content: 'Nội dung sự việc:',
  category: 'Phân loại',
  occurred: 'Thời gian xảy ra',
  occurredPlace: 'Địa điểm xảy ra',
  persons: 'Những người có liên quan được nêu trong tin báo:',
  noPersons: 'Không nêu người có liên quan.',
  number: 'Số tiếp nhận',
  /** The book the number belongs to, after the number. */
  book: (kind: string) => (crimeKinds.has(kind) ? ' (Sổ tiếp nhận tố giác, tin báo về tội phạm và kiến nghị khởi tố)' : ''),
  closing:
    'Biên bản kết thúc vào hồi ...... giờ ...... phút cùng ngày, đã đọc lại cho những người có tên trên cùng nghe, công nhận đúng và ký tên dưới đây.',
  reporterSigns: 'NGƯỜI BÁO TIN',
  officerSigns: 'NGƯỜI LẬP BIÊN BẢN',
  signHint: '(Ký, ghi rõ họ tên)',
  blank: '................................................',
} as const;

export const registerText = {
  title: 'TRÍCH SỔ TIẾP NHẬN TỐ GIÁC, TIN BÁO VỀ TỘI PHẠM VÀ KIẾN NGHỊ KHỞI TỐ',
  period: (from: string, to: string) => `Từ ngày ${from} đến ngày ${to}`,
  symbol: 'TS',
  caption: 'Trích sổ tiếp nhận',
  columns: {
    number: 'Số',
    receivedAt: 'Ngày giờ tiếp nhận',
    reporter: 'Người báo tin / nguồn',
    summary: 'Nội dung tóm tắt',
    category: 'Phân loại',
    officer: 'Cán bộ thụ lý',
    result: 'Kết quả giải quyết',
  },
  anonymous: 'Giữ bí mật',
  voided: 'Đã hủy',
  empty: 'Không có tin báo nào trong khoảng thời gian này.',
  count: (n: number) => `Tổng số: ${n} tin báo, vụ việc.`,
  recipients: ['Lưu: VT, hồ sơ.'],
} as const;

export const campaignText = {
  title: (name: string) => `BÁO CÁO KẾT QUẢ\n${name}`,
  symbol: 'BC',
  caption: 'Kết quả thực hiện chỉ tiêu',
  intro: (office: string, decision: string, from: string, to: string) =>
    `${decision}${office} đã triển khai đợt cao điểm từ ngày ${from} đến ngày ${to}. Kết quả thực hiện các chỉ tiêu như sau:`,
  decision: (no: string, date: string) => `Thực hiện ${no ? `Kế hoạch, Quyết định số ${no}` : 'kế hoạch của cấp trên'}${date ? ` ngày ${date}` : ''}, `,
  columns: { measure: 'Chỉ tiêu', unit: 'Đơn vị', target: 'Chỉ tiêu giao', result: 'Kết quả', percent: 'Tỷ lệ', lastYear: 'Cùng kỳ năm trước' },
  noTarget: '-',
  empty: 'Chưa có chỉ tiêu hay kết quả.',
  operations: (n: number) => `Tổng số đợt ra quân: ${n}.`,
  operationKinds: (parts: readonly string[]) => (parts.length > 0 ? ` Trong đó: ${parts.join(', ')}.` : ''),
  adjusted: 'Có số liệu điều chỉnh thủ công:',
  forces: (forces: string) => `Lực lượng tham gia: ${forces}`,
  closing: 'Trên đây là báo cáo kết quả thực hiện đợt cao điểm.',
  recipients: (parent: string) => [`${parent} (để báo cáo);`, 'Lưu: VT, hồ sơ.'],
  up: (n: string, p: string) => `tăng ${n} (${p}%)`,
  down: (n: string, p: string) => `giảm ${n} (${p}%)`,
  same: 'bằng cùng kỳ',
  noData: 'chưa có số liệu',
} as const;

export const operationKindLabels: Readonly<Record<string, string>> = {
  raid: 'đột kích',
  sweep: 'truy quét',
  patrol: 'tuần tra',
  checkpoint: 'lập chốt',
  inspection: 'kiểm tra',
};

export const recipientsTitle = 'Nơi nhận:';

export const kindLabels: Readonly<Record<string, string>> = {
  crime_report: 'Tin báo về tội phạm',
  denunciation: 'Tố giác về tội phạm',
  prosecution_request: 'Kiến nghị khởi tố',
  administrative_violation: 'Vi phạm hành chính',
  traffic_accident: 'Tai nạn giao thông',
  fire_explosion: 'Cháy, nổ',
  dispute_mediation: 'Tranh chấp, hòa giải',
  other_incident: 'Vụ việc khác',
};

export const channelLabels: Readonly<Record<string, string>> = {
  in_person: 'Trực tiếp tại trụ sở',
  phone: 'Qua điện thoại',
  petition: 'Bằng đơn',
  transferred: 'Cơ quan, tổ chức khác chuyển đến',
  found_by_officers: 'Lực lượng Công an phát hiện',
  media_online: 'Qua phương tiện thông tin đại chúng, mạng',
};

export const statusLabels: Readonly<Record<string, string>> = {
  received: 'Mới tiếp nhận',
  checking: 'Đang kiểm tra, xác minh',
  transferred: 'Đã chuyển cơ quan có thẩm quyền',
  commune_handling: 'Công an xã đang thụ lý',
  decided: 'Đã có quyết định',
  resolved_admin: 'Đã xử lý hành chính',
  resolved_mediation: 'Đã hòa giải',
};

export const decisionLabels: Readonly<Record<string, string>> = {
  prosecute: 'Quyết định khởi tố vụ án hình sự',
  not_prosecute: 'Quyết định không khởi tố vụ án hình sự',
  suspend: 'Quyết định tạm đình chỉ giải quyết',
};

export const roleLabels: Readonly<Record<string, string>> = {
  suspect: 'Người bị tố giác, báo tin',
  victim: 'Bị hại',
  witness: 'Người làm chứng',
  reporter: 'Người báo tin',
  involved: 'Người có liên quan',
};

/** A label from one of the tables above; an unknown code is printed as it is rather than hidden. */
export function label(table: Readonly<Record<string, string>>, code: string | null): string {
  if (code === null || code === '') return '';
  return table[code] ?? code;
}

/** The exchange key card: what an office hands, signed and stamped, to the offices it exchanges with. */
export const graphText = {
  title: 'SƠ ĐỒ LIÊN HỆ',
  symbol: 'SĐ',
  summary: (name: string) => `Các mối liên hệ của ${name}`,
  legend: 'Chú giải',
  shapes: { ellipse: 'hình tròn', diamond: 'hình thoi', 'round-rectangle': 'hình chữ nhật' } as Readonly<Record<string, string>>,
  canvas: (nodes: number, edges: number) => `Sơ đồ gồm ${nodes} đối tượng, tụ điểm, tin báo và ${edges} mối liên hệ`,
  count: (nodes: number, edges: number) => `Sơ đồ gồm ${nodes} nút và ${edges} mối liên hệ:`,
  caption: 'Các mối liên hệ',
  columns: { from: 'Từ', link: 'Quan hệ', to: 'Đến' },
  empty: 'Chưa có mối liên hệ nào.',
} as const;

export const keyCardText = {
  title: 'THẺ KHÓA TRAO ĐỔI DỮ LIỆU',
  summary: 'Dùng để đăng ký đơn vị trao đổi dữ liệu trên ứng dụng Sổ ANTT',
  symbol: 'TK',
  office: 'Đơn vị',
  code: 'Mã đơn vị hành chính',
  keyId: 'Mã khóa',
  fingerprint: 'DẤU VÂN TAY CỦA KHÓA',
  qr: 'Mã QR của dấu vân tay và mã khóa',
  howTo:
    'Đơn vị nhận tệp khóa công khai mở mục "Trao đổi dữ liệu", chọn "Đăng ký đơn vị", chọn tệp khóa rồi so từng nhóm số của dấu vân tay ứng dụng hiển thị với dấu vân tay in trên thẻ này. Chỉ đăng ký khi tất cả các nhóm số đều khớp; không khớp thì không đăng ký và báo lại cho đơn vị cấp thẻ.',
  keep: 'Thẻ khóa không chứa khóa bí mật; có thể gửi theo đường công văn cùng tệp khóa công khai.',
  signHint: '(Ký, ghi rõ họ tên, đóng dấu)',
  documentName: (code: string) => `Thẻ khóa trao đổi dữ liệu ${code}`,
} as const;
