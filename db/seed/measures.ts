import type { MeasuresTable } from '../schema';

/**
 * What a peak campaign targets and reports (docs/domain.md, "Hotspots, campaigns and the movement"): measures
 * counted from the records, and seized items with a unit so they add up. Reference data: an administrator
 * adds others.
 */
export const measureSeed: readonly (readonly [code: string, vi: string, en: string, unit: string, source: MeasuresTable['source']])[] = [
  ['reports_detected', 'Vụ việc phát hiện', 'Cases detected', 'vụ', 'reports_detected'],
  ['cases_solved', 'Vụ việc đã giải quyết', 'Cases resolved', 'vụ', 'cases_solved'],
  ['persons_handled', 'Người bị bắt, xử lý', 'Persons arrested or sanctioned', 'người', 'persons_handled'],
  ['hotspots_cleared', 'Tụ điểm triệt xóa', 'Hotspots cleared', 'tụ điểm', 'hotspots_cleared'],
  ['operations', 'Đợt ra quân', 'Operations', 'đợt', 'operations'],
  ['heroin', 'Heroin thu giữ', 'Heroin seized', 'gam', 'seizure'],
  ['synthetic_drugs', 'Ma túy tổng hợp thu giữ', 'Synthetic drugs seized', 'gam', 'seizure'],
  ['cannabis', 'Cần sa thu giữ', 'Cannabis seized', 'gam', 'seizure'],
  ['money', 'Tiền thu giữ', 'Money seized', 'đồng', 'seizure'],
  ['weapons', 'Vũ khí, công cụ hỗ trợ thu giữ', 'Weapons seized', 'chiếc', 'seizure'],
  ['vehicles', 'Phương tiện thu giữ', 'Vehicles seized', 'chiếc', 'seizure'],
];
