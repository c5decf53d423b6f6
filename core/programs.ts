import { addDays, addMonths, type IsoDate } from './calendar';

/**
 * Management programs for people an office follows, with their legal sources. Durations that the law
 * fixes are here; where the duration comes from a decision or a judgment, `months` is null and the end
 * date is typed from that decision. These are seeds: an administrator edits them and adds kinds, and a
 * higher office can send its own set down (Drug Prevention Law 120/2025, in force 1 July 2026, may
 * change the drug durations: not yet confirmed).
 */
export interface ProgramKindSeed {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
  /** Length in months from the start date; null when set by the decision itself. */
  readonly months: number | null;
  /** Days between check-ins the office plans (practice, not law). */
  readonly checkinDays: number;
  /** Days between drug tests, for drug programs; null when none. */
  readonly drugTestDays: number | null;
  readonly source: string;
}

export const programKindSeed: readonly ProgramKindSeed[] = [
  {
    code: 'drug_user',
    vi: 'Quản lý người sử dụng trái phép chất ma túy',
    en: 'Illegal drug user under management',
    months: 12,
    checkinDays: 30,
    drugTestDays: 90,
    source: 'Luật Phòng, chống ma túy 73/2021/QH14, Điều 23; Nghị định 105/2021/NĐ-CP',
  },
  {
    code: 'post_rehab_voluntary',
    vi: 'Quản lý sau cai nghiện (cai nghiện tự nguyện)',
    en: 'Post-rehabilitation (voluntary rehab)',
    months: 12,
    checkinDays: 30,
    drugTestDays: 90,
    source: 'Luật Phòng, chống ma túy 73/2021/QH14, Điều 40',
  },
  {
    code: 'post_rehab_methadone',
    vi: 'Quản lý sau cai nghiện (điều trị thay thế)',
    en: 'Post-rehabilitation (substitution treatment)',
    months: 12,
    checkinDays: 30,
    drugTestDays: 90,
    source: 'Luật Phòng, chống ma túy 73/2021/QH14, Điều 40',
  },
  {
    code: 'post_rehab_minor',
    vi: 'Quản lý sau cai nghiện bắt buộc (người dưới 18 tuổi)',
    en: 'Post-rehabilitation (compulsory rehab, minor)',
    months: 12,
    checkinDays: 30,
    drugTestDays: 90,
    source: 'Luật Phòng, chống ma túy 73/2021/QH14, Điều 40',
  },
  {
    code: 'post_rehab_adult',
    vi: 'Quản lý sau cai nghiện bắt buộc (người từ đủ 18 tuổi)',
    en: 'Post-rehabilitation (compulsory rehab, adult)',
    months: 24,
    checkinDays: 30,
    drugTestDays: 90,
    source: 'Luật Phòng, chống ma túy 73/2021/QH14, Điều 40',
  },
  {
    code: 'community_rehab',
    vi: 'Cai nghiện ma túy tự nguyện tại gia đình, cộng đồng',
    en: 'Voluntary rehabilitation at home or in the community',
    months: null,
    checkinDays: 15,
    drugTestDays: 30,
    source: 'Luật Phòng, chống ma túy 73/2021/QH14, Điều 30; Nghị định 116/2021/NĐ-CP',
  },
  {
    code: 'released_prisoner',
    vi: 'Người chấp hành xong án phạt tù về địa phương',
    en: 'Person back from prison',
    months: null,
    checkinDays: 30,
    drugTestDays: null,
    source: 'Luật Thi hành án hình sự 2019',
  },
  {
    code: 'suspended_sentence',
    vi: 'Người được hưởng án treo',
    en: 'Suspended sentence',
    months: null,
    checkinDays: 30,
    drugTestDays: null,
    source: 'Luật Thi hành án hình sự 2019, Chương V (thời gian thử thách theo bản án)',
  },
  {
    code: 'commune_education',
    vi: 'Giáo dục tại xã, phường, thị trấn',
    en: 'Education at commune',
    months: null,
    checkinDays: 30,
    drugTestDays: null,
    source: 'Luật Xử lý vi phạm hành chính 2012, Điều 90 (03 đến 06 tháng theo quyết định)',
  },
  {
    code: 'wanted',
    vi: 'Đối tượng truy nã',
    en: 'Wanted person',
    months: null,
    checkinDays: 30,
    drugTestDays: null,
    source: 'Bộ luật Tố tụng hình sự 2015, Điều 231',
  },
];

/**
 * The last day of a program of `months` months "from" the decision date `start`. As for legal limits
 * (Civil Code 2015 art. 147–148; the same `countFromNextDay` rule as core/legal-clock.ts): the
 * decision day itself is not counted, so the period ends at the end of the corresponding date that
 * many months later, or that month's last day when it has no such date. A 1-year program decided on
 * 15/03/2026 runs to 15/03/2027. With `countFromNextDay` false, the decision day counts: 14/03/2027.
 */
export function programEnd(start: IsoDate, months: number, countFromNextDay = true): IsoDate {
  const corresponding = addMonths(start, months);
  return countFromNextDay ? corresponding : addDays(corresponding, -1);
}

/** Early ends of a program (Law 73/2021 art. 23(3) for drug users; the others by analogy). */
export const endReasons = ['completed', 'addict', 'facility', 'imprisoned', 'died', 'missing', 'moved', 'other'] as const;
export type EndReason = (typeof endReasons)[number];

/** The next date something is due after `last`, every `days` days. */
export function nextDue(last: IsoDate, days: number | null): IsoDate | null {
  return days === null ? null : addDays(last, days);
}
