/**
 * The fixed Vietnamese text of the printed lists (deadlines report, hotspot watchlist, people under
 * management), worded as on paper; like print-text.ts, never translated.
 */

export const listText = {
  index: 'STT',
  asOf: (date: string) => `Tính đến ngày ${date}`,
  recipientsUp: (parent: string) => [`${parent} (để báo cáo);`, 'Lưu: VT, hồ sơ.'],
  none: 'Không có.',
  steps: { list: 'danh sách', hotspots: 'chi tiết tụ điểm', persons: 'nhân thân' },
} as const;

export const deadlinesText = {
  title: 'BÁO CÁO\nTIN BÁO, VỤ VIỆC QUÁ HẠN VÀ SẮP ĐẾN HẠN GIẢI QUYẾT',
  documentName: 'Báo cáo tin báo quá hạn và sắp đến hạn',
  symbol: 'BC',
  summary: (time: string, date: string) => `Tính đến ${time}, ${date}`,
  intro: (office: string, overdue: number, today: number, soon: number, within: number) =>
    `${office} có ${overdue} thời hạn giải quyết tin báo, vụ việc đã quá hạn, ${today} thời hạn đến hạn trong ngày và ${soon} thời hạn sắp đến hạn trong ${within} ngày tới, cụ thể như sau:`,
  caption: 'Thời hạn giải quyết tin báo, vụ việc',
  groups: {
    overdue: 'QUÁ HẠN',
    today: 'ĐẾN HẠN HÔM NAY',
    soon: (within: number) => `SẮP ĐẾN HẠN TRONG ${within} NGÀY TỚI`,
  },
  /** The board lists the most urgent deadlines only, up to its limit. */
  capped: (shown: number, count: number) => `chỉ in ${shown} thời hạn gần nhất trên tổng số ${count}`,
  columns: { number: 'Số tiếp nhận', summary: 'Nội dung tóm tắt', kind: 'Việc phải làm', due: 'Hạn cuối', state: 'Quá hạn / còn lại', officer: 'Cán bộ thụ lý' },
  unassigned: 'Chưa phân công',
  closing: 'Đề nghị cán bộ thụ lý khẩn trương giải quyết các tin báo, vụ việc đã quá hạn và sắp đến hạn nêu trên.',
  recipients: ['Cán bộ thụ lý (để thực hiện);', 'Lưu: VT, hồ sơ.'],
} as const;

export const deadlineKindLabels: Readonly<Record<string, string>> = {
  transfer: 'Chuyển cơ quan điều tra',
  notice: 'Thông báo bằng văn bản',
  decision: 'Ra quyết định giải quyết',
};

export const hotspotsText = {
  title: 'DANH SÁCH TỤ ĐIỂM THEO DÕI',
  documentName: 'Danh sách tụ điểm theo dõi',
  symbol: 'DS',
  caption: 'Danh sách tụ điểm',
  filters: {
    q: (q: string) => `tên có “${q}”`,
    type: (type: string) => `loại: ${type}`,
    status: (status: string) => `trạng thái: ${status}`,
    locality: (locality: string) => `địa bàn: ${locality}`,
  },
  columns: {
    name: 'Tên tụ điểm, địa chỉ',
    type: 'Loại',
    locality: 'Địa bàn',
    risk: 'Mức độ',
    status: 'Tình trạng',
    found: 'Ngày phát hiện',
    lastCheck: 'Kiểm tra lần cuối',
    nextReview: 'Hạn kiểm tra tiếp',
    persons: 'Số đối tượng',
  },
  neverChecked: 'Chưa kiểm tra',
  empty: 'Không có tụ điểm nào.',
  count: (n: number) => `Tổng số: ${n} tụ điểm.`,
} as const;

export const hotspotTypeLabels: Readonly<Record<string, string>> = {
  drug_dealing: 'Điểm mua bán trái phép chất ma túy',
  drug_use: 'Điểm sử dụng trái phép chất ma túy',
  gambling: 'Đánh bạc',
  illegal_lottery: 'Số đề',
  football_betting: 'Cá độ bóng đá',
  prostitution: 'Mại dâm',
  other: 'Khác',
};

export const hotspotStatusLabels: Readonly<Record<string, string>> = {
  suspected: 'Nghi vấn',
  active: 'Đang hoạt động',
  under_watch: 'Đang theo dõi',
  raided: 'Đã triệt phá',
  cleared: 'Đã triệt xóa',
  relapsed: 'Tái hoạt động',
};

export const riskLabels: Readonly<Record<string, string>> = { low: 'Thấp', medium: 'Trung bình', high: 'Cao' };

export const programsText = {
  title: 'DANH SÁCH\nNGƯỜI THUỘC DIỆN QUẢN LÝ THEO TỪNG DIỆN',
  documentName: 'Danh sách người thuộc diện quản lý',
  symbol: 'DS',
  caption: 'Danh sách người thuộc diện quản lý',
  filters: {
    q: (q: string) => `họ tên có “${q}”`,
    kind: (kind: string) => `diện: ${kind}`,
    active: 'đang quản lý',
    ended: 'đã kết thúc quản lý',
    all: 'đang và đã quản lý',
    officer: (name: string) => `cán bộ quản lý: ${name}`,
  },
  group: (kind: string, n: number) => `${kind} (${n} người)`,
  columns: {
    name: 'Họ và tên',
    born: 'Năm sinh',
    residence: 'Nơi cư trú',
    decision: 'Quyết định',
    start: 'Từ ngày',
    end: 'Đến ngày',
    officer: 'Cán bộ quản lý',
    note: 'Ghi chú',
  },
  decision: (no: string, date: string) => [no ? `Số ${no}` : '', date ? `ngày ${date}` : ''].filter(Boolean).join(' '),
  ended: (date: string, reason: string) => `Kết thúc ngày ${date}${reason ? ` (${reason})` : ''}`,
  temporary: (address: string) => `Tạm trú: ${address}`,
  empty: 'Không có người nào thuộc diện quản lý.',
  count: (cases: number, people: number) => (cases === people ? `Tổng số: ${people} người.` : `Tổng số: ${cases} trường hợp quản lý của ${people} người.`),
} as const;

export const endReasonLabels: Readonly<Record<string, string>> = {
  completed: 'hết thời hạn quản lý',
  addict: 'xác định là người nghiện',
  facility: 'đưa vào cơ sở',
  imprisoned: 'bị phạt tù',
  died: 'chết',
  missing: 'mất tích',
  moved: 'chuyển đi nơi khác',
  other: 'lý do khác',
};

const ROMAN: readonly (readonly [number, string])[] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Sections of a document are numbered I, II, III… (1 → "I", 14 → "XIV"). */
export function roman(n: number): string {
  let rest = Math.floor(n);
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}
