/**
 * The yearly "safe on security and order" evaluation (Circular 124/2021/TT-BCA). A village, agency,
 * enterprise or school is recognised when every criterion listed for its kind passes. The commune's own
 * result (docs/domain.md, "Hotspots, campaigns and the movement"): at least one working model of the
 * movement, at least 70% of its villages recognised, and no serious incident in the year. The criteria themselves are editable reference data.
 */
export const VILLAGE_SHARE = 0.7;

export interface CommuneInput {
  readonly workingModels: number;
  readonly villagesRecognised: number;
  readonly villagesTotal: number;
  readonly seriousIncidents: number;
}

export type CommuneShortfall = 'no_working_model' | 'too_few_villages' | 'serious_incident';

export interface CommuneResult {
  readonly passed: boolean;
  readonly villageShare: number | null;
  readonly shortfalls: readonly CommuneShortfall[];
}

export function communeResult(input: CommuneInput): CommuneResult {
  const share = input.villagesTotal === 0 ? null : input.villagesRecognised / input.villagesTotal;
  const shortfalls: CommuneShortfall[] = [];
  if (input.workingModels < 1) shortfalls.push('no_working_model');
  if (share === null || share < VILLAGE_SHARE) shortfalls.push('too_few_villages');
  if (input.seriousIncidents > 0) shortfalls.push('serious_incident');
  return { passed: shortfalls.length === 0, villageShare: share, shortfalls };
}

/** A unit is recognised when it was evaluated on every criterion of its kind and passed them all. */
export function unitRecognised(criteria: readonly string[], results: ReadonlyMap<string, boolean>): boolean {
  return criteria.length > 0 && criteria.every((code) => results.get(code) === true);
}

/** Criteria to start from, by unit kind: short forms of the circular's headings; edit them to its text. */
export const safetyCriteriaSeed: readonly (readonly [kind: 'village' | 'agency' | 'enterprise' | 'school', code: string, text: string])[] = [
  ['village', 'village_no_serious_crime', 'Không để xảy ra tội phạm nghiêm trọng trở lên; vụ việc phức tạp được giải quyết kịp thời'],
  ['village', 'village_social_evils', 'Kiềm chế, làm giảm tệ nạn xã hội; không phát sinh tụ điểm ma túy, cờ bạc, số đề'],
  ['village', 'village_model', 'Có mô hình tự quản, tự phòng hoạt động hiệu quả; Tổ bảo vệ an ninh, trật tự hoạt động thường xuyên'],
  ['village', 'village_mediation', 'Mâu thuẫn, tranh chấp được hòa giải tại cơ sở, không để phát sinh khiếu kiện đông người'],
  ['agency', 'agency_security', 'Chấp hành tốt quy định bảo vệ bí mật nhà nước, phòng cháy, chữa cháy, bảo vệ tài sản'],
  ['agency', 'agency_no_violation', 'Không có cán bộ, nhân viên vi phạm pháp luật phải xử lý hình sự'],
  ['enterprise', 'enterprise_order', 'Không để xảy ra đình công, lãn công trái pháp luật; bảo đảm an ninh, trật tự nội bộ'],
  ['enterprise', 'enterprise_fire', 'Chấp hành quy định phòng cháy, chữa cháy; không để xảy ra cháy, nổ nghiêm trọng'],
  ['school', 'school_no_violence', 'Không có học sinh, sinh viên phạm tội, vi phạm nghiêm trọng; không bạo lực học đường'],
  ['school', 'school_drugs', 'Không có học sinh, sinh viên sử dụng trái phép chất ma túy'],
];

/**
 * What counts as a serious incident for the commune's evaluation: a report of these categories, or any
 * report with a death. A first reading, to be confirmed against the circular's annex and kept editable.
 */
export const seriousCategories: readonly string[] = ['murder', 'robbery', 'armed_gangs', 'protection_racket', 'mass_complaint'];
