/** The fixed Vietnamese text of the printed periodic report; like print-text.ts, never translated. */
export const periodicText = {
  title: 'BÁO CÁO',
  appendix: 'PHỤ LỤC',
  appendixSubject: 'SỐ LIỆU TÌNH HÌNH AN NINH, TRẬT TỰ',
  appendixOf: (number: string, date: string, office: string) => `(Kèm theo Báo cáo số ${number} ngày ${date} của ${office})`,
  appendixNote: (from: string, to: string) => `Kỳ báo cáo từ ngày ${from} đến ngày ${to}; số liệu tại thời điểm ban hành.`,
  caption: 'Phụ lục số liệu',
  breakdown: 'Chia theo đơn vị',
  breakdownNote: (count: number) => `Số liệu kỳ này của ${count} đơn vị.`,
  breakdownOffice: 'Đơn vị',
  breakdownTotal: 'Tổng cộng',
  columns: { label: 'Chỉ tiêu', unit: 'Đơn vị', current: 'Kỳ này', lastYear: 'Cùng kỳ', change: 'Tăng/giảm', yearToDate: 'Lũy kế' },
  chart: (n: number, title: string) => `Biểu đồ ${n}. ${title}`,
  documentName: (number: string) => `Báo cáo ${number.replace(/\//g, '-')}`,
} as const;
