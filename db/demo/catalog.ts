import type { ReportKind } from '../../api/calls/register';
import { weights } from './random';

/**
 * What generated records are made of: how often each category is reported (theft the most common,
 * then disputes, assault, fraud, gambling, drugs, traffic …), which kind of report each is, and how its
 * summary reads. Codes are those of db/seed/categories.ts; the test checks every code exists there.
 */
export const categoryWeights = weights<string | null>([
  ['theft', 24],
  ['dispute', 11],
  ['assault', 8],
  ['fraud', 6],
  ['online_fraud', 5],
  ['gambling', 5],
  ['traffic_accident', 5],
  ['drug_use', 4],
  ['public_disorder', 4],
  ['drug_possession', 3],
  ['traffic_order', 3],
  ['administrative', 3],
  ['other', 3],
  ['illegal_lottery', 2],
  ['snatching', 1.5],
  ['drug_trafficking', 1.5],
  ['football_betting', 1.5],
  ['fire', 1.5],
  ['urban_order', 1.5],
  ['usury', 1],
  ['robbery', 0.8],
  ['counterfeit', 0.6],
  ['drug_use_organising', 0.5],
  ['sexual', 0.5],
  ['prostitution', 0.5],
  ['illegal_mining', 0.5],
  ['smuggling', 0.4],
  ['pollution', 0.4],
  ['food_safety', 0.4],
  ['protection_racket', 0.4],
  ['armed_gangs', 0.3],
  ['mass_complaint', 0.3],
  ['explosion', 0.2],
  ['murder', 0.15],
  ['corruption', 0.1],
  ['strike', 0.1],
  [null, 1.5],
]);

/** How much more often a category is reported around Tết (the weeks before and the days after). */
export const tetFactor: Readonly<Record<string, number>> = { theft: 1.6, gambling: 2.8, illegal_lottery: 1.5, traffic_accident: 1.8, fire: 1.6, explosion: 2, public_disorder: 1.4, assault: 1.3 };
/** … and in summer (June–August): fights, drowning-season disorder, football betting with the tournaments. */
export const summerFactor: Readonly<Record<string, number>> = { assault: 1.3, public_disorder: 1.3, football_betting: 1.8, dispute: 1.1, drug_use: 1.2 };

const crimes = new Set([
  'theft', 'robbery', 'snatching', 'assault', 'murder', 'sexual', 'fraud', 'armed_gangs', 'protection_racket', 'usury', 'corruption', 'smuggling',
  'counterfeit', 'drug_trafficking', 'drug_possession', 'drug_use_organising', 'illegal_mining', 'pollution', 'online_fraud',
]);
const administrative = new Set(['drug_use', 'public_disorder', 'prostitution', 'food_safety', 'administrative', 'traffic_order', 'urban_order']);

/** The kind of report a category usually comes as. */
export function kindFor(category: string | null, roll: number): ReportKind {
  if (category === null) return roll < 0.5 ? 'other_incident' : 'crime_report';
  if (crimes.has(category)) return roll < 0.8 ? 'crime_report' : roll < 0.97 ? 'denunciation' : 'prosecution_request';
  if (['gambling', 'illegal_lottery', 'football_betting'].includes(category)) return roll < 0.45 ? 'crime_report' : 'administrative_violation';
  if (administrative.has(category)) return 'administrative_violation';
  if (category === 'traffic_accident') return 'traffic_accident';
  if (category === 'fire' || category === 'explosion') return 'fire_explosion';
  if (category === 'dispute') return 'dispute_mediation';
  return 'other_incident';
}

/** Summaries by category: `{place}` is the village, `{thing}` one of the things taken. */
export const summaries: Readonly<Record<string, readonly string[]>> = {
  theft: ['Trộm cắp xe máy tại {place}', 'Trộm cắp tài sản trong nhà dân tại {place}', 'Mất trộm {thing} tại {place}', 'Trộm cắp gia súc, gia cầm tại {place}', 'Trộm cắp điện thoại di động tại chợ {place}'],
  robbery: ['Cướp tài sản trên đường liên thôn {place}', 'Dùng dao khống chế cướp tài sản tại {place}'],
  snatching: ['Cướp giật túi xách của người đi đường tại {place}', 'Cướp giật điện thoại tại {place}'],
  assault: ['Đánh nhau gây thương tích tại {place}', 'Cố ý gây thương tích do mâu thuẫn cá nhân tại {place}', 'Xô xát sau khi uống rượu tại {place}'],
  murder: ['Giết người do mâu thuẫn gia đình tại {place}'],
  sexual: ['Tố giác hành vi xâm hại tình dục tại {place}'],
  fraud: ['Lừa đảo chiếm đoạt tiền góp hụi tại {place}', 'Lừa đảo vay mượn tiền rồi bỏ trốn tại {place}', 'Lừa đảo bán đất tại {place}'],
  armed_gangs: ['Nhóm thanh niên mang hung khí gây rối tại {place}'],
  protection_racket: ['Bảo kê, thu tiền của tiểu thương tại chợ {place}'],
  usury: ['Cho vay lãi nặng, đòi nợ thuê tại {place}'],
  public_disorder: ['Gây rối trật tự công cộng tại {place}', 'Tụ tập đua xe, gây ồn ào ban đêm tại {place}'],
  prostitution: ['Hoạt động mại dâm tại nhà nghỉ ở {place}'],
  corruption: ['Tố giác sai phạm trong quản lý tiền hỗ trợ tại {place}'],
  smuggling: ['Vận chuyển hàng lậu qua địa bàn {place}'],
  counterfeit: ['Kinh doanh hàng giả, hàng kém chất lượng tại {place}'],
  drug_trafficking: ['Mua bán trái phép chất ma túy tại {place}'],
  drug_possession: ['Tàng trữ trái phép chất ma túy tại {place}'],
  drug_use_organising: ['Tổ chức sử dụng trái phép chất ma túy tại {place}'],
  drug_use: ['Sử dụng trái phép chất ma túy tại {place}', 'Phát hiện nhóm đối tượng sử dụng ma túy tại {place}'],
  illegal_mining: ['Khai thác cát trái phép trên sông tại {place}', 'Khai thác đất trái phép tại {place}'],
  pollution: ['Xả thải gây ô nhiễm môi trường tại {place}'],
  food_safety: ['Kinh doanh thực phẩm không rõ nguồn gốc tại {place}'],
  online_fraud: ['Lừa đảo qua mạng xã hội chiếm đoạt tiền của người dân {place}', 'Giả danh công an gọi điện lừa đảo người dân {place}', 'Lừa đảo việc nhẹ lương cao qua mạng, nạn nhân ở {place}'],
  gambling: ['Đánh bạc dưới hình thức xóc đĩa tại {place}', 'Đánh bạc bằng hình thức đánh bài tại {place}', 'Tổ chức đánh bạc tại {place}'],
  illegal_lottery: ['Ghi số lô, số đề tại {place}'],
  football_betting: ['Cá độ bóng đá qua mạng tại {place}'],
  mass_complaint: ['Người dân tập trung khiếu kiện về đất đai tại {place}'],
  strike: ['Công nhân ngừng việc tập thể tại doanh nghiệp ở {place}'],
  traffic_accident: ['Tai nạn giao thông giữa xe máy và ô tô tại {place}', 'Tai nạn giao thông giữa hai xe máy tại {place}', 'Xe máy tự gây tai nạn tại {place}'],
  traffic_order: ['Vi phạm nồng độ cồn khi điều khiển xe máy tại {place}', 'Lấn chiếm lòng đường tại {place}'],
  urban_order: ['Lấn chiếm vỉa hè, xây dựng trái phép tại {place}'],
  fire: ['Cháy nhà dân tại {place}', 'Cháy kho chứa hàng tại {place}', 'Cháy rừng sản xuất tại {place}'],
  explosion: ['Nổ bình gas tại {place}', 'Đốt pháo nổ trái phép tại {place}'],
  administrative: ['Vi phạm quy định về đăng ký, quản lý cư trú tại {place}', 'Vi phạm hành chính về an ninh, trật tự tại {place}'],
  dispute: ['Tranh chấp ranh giới đất đai tại {place}', 'Mâu thuẫn gia đình cần hòa giải tại {place}', 'Tranh chấp lối đi chung tại {place}', 'Mâu thuẫn hàng xóm tại {place}'],
  other: ['Phát hiện người chết không rõ nguyên nhân tại {place}', 'Trình báo mất giấy tờ tại {place}', 'Vụ việc khác tại {place}'],
};
export const fallbackSummaries: readonly string[] = ['Tin báo vụ việc tại {place}', 'Trình báo sự việc tại {place}'];
export const things: readonly string[] = ['xe máy Honda Wave', 'xe máy Yamaha Sirius', 'điện thoại di động', 'tiền mặt', 'dây chuyền vàng', 'máy bơm nước', 'xe đạp điện', 'bình ắc quy'];

/** Where categories lead to people: drug cases name users and dealers, a theft names its victim and maybe a suspect. */
export const hotspotTypes = weights<'drug_dealing' | 'drug_use' | 'gambling' | 'illegal_lottery' | 'football_betting' | 'prostitution' | 'other'>([
  ['drug_use', 25],
  ['drug_dealing', 15],
  ['gambling', 25],
  ['illegal_lottery', 15],
  ['football_betting', 8],
  ['prostitution', 5],
  ['other', 7],
]);

export const hotspotPlaces: Readonly<Record<string, readonly string[]>> = {
  drug_use: ['Khu nhà hoang cạnh {place}', 'Bãi đất trống ven đê {place}', 'Lán trại bỏ hoang ở {place}', 'Quán nước ven đường {place}'],
  drug_dealing: ['Nhà riêng của đối tượng ở {place}', 'Quán tạp hóa đầu {place}', 'Ki-ốt cuối chợ {place}'],
  gambling: ['Nhà văn hóa cũ {place}', 'Lán vườn keo {place}', 'Quán cà phê ở {place}', 'Nhà riêng ở {place}'],
  illegal_lottery: ['Quán tạp hóa ở {place}', 'Quán nước đầu {place}'],
  football_betting: ['Quán cà phê bóng đá ở {place}', 'Quán internet ở {place}'],
  prostitution: ['Nhà nghỉ ven quốc lộ {place}', 'Quán karaoke ở {place}'],
  other: ['Điểm tụ tập thanh thiếu niên ở {place}', 'Bãi xe tự phát ở {place}'],
};

/** Campaign templates: name, month-day it starts (with the Tết one anchored on Tết), length in days, categories. */
export interface CampaignTemplate {
  readonly name: (year: number) => string;
  readonly start: 'tet' | string;
  readonly days: number;
  readonly categories: readonly string[];
  readonly measures: readonly string[];
}

export const campaignTemplates: readonly CampaignTemplate[] = [
  {
    name: (year) => `Cao điểm tấn công, trấn áp tội phạm, bảo đảm ANTT dịp Tết Nguyên đán ${year}`,
    start: 'tet',
    days: 75,
    categories: ['theft', 'gambling', 'illegal_lottery', 'drug_trafficking', 'public_disorder'],
    measures: ['reports_detected', 'persons_handled', 'hotspots_cleared', 'operations', 'money'],
  },
  {
    name: (year) => `Tháng hành động phòng, chống ma túy năm ${year}`,
    start: '06-01',
    days: 30,
    categories: ['drug_trafficking', 'drug_possession', 'drug_use_organising', 'drug_use'],
    measures: ['reports_detected', 'persons_handled', 'hotspots_cleared', 'heroin', 'synthetic_drugs'],
  },
  {
    name: (year) => `Cao điểm trấn áp tội phạm cờ bạc, cá độ bóng đá năm ${year}`,
    start: '06-10',
    days: 60,
    categories: ['gambling', 'football_betting', 'illegal_lottery'],
    measures: ['reports_detected', 'persons_handled', 'hotspots_cleared', 'money', 'operations'],
  },
  {
    name: (year) => `Cao điểm bảo đảm ANTT dịp Quốc khánh 2/9 năm ${year}`,
    start: '08-15',
    days: 30,
    categories: ['theft', 'public_disorder', 'traffic_order'],
    measures: ['reports_detected', 'operations', 'vehicles', 'weapons'],
  },
  {
    name: (year) => `Đợt cao điểm tấn công tội phạm trộm cắp tài sản cuối năm ${year}`,
    start: '10-15',
    days: 45,
    categories: ['theft', 'robbery', 'snatching'],
    measures: ['reports_detected', 'cases_solved', 'persons_handled', 'vehicles'],
  },
];

/** Program kinds of core/programs.ts with how often an office manages each. */
export const programKinds = weights<string>([
  ['drug_user', 45],
  ['post_rehab_voluntary', 8],
  ['post_rehab_methadone', 5],
  ['post_rehab_adult', 5],
  ['post_rehab_minor', 1],
  ['community_rehab', 6],
  ['released_prisoner', 12],
  ['suspended_sentence', 12],
  ['commune_education', 5],
  ['wanted', 1],
]);

/** For kinds whose end the decision sets: months it usually runs (min, max). */
export const decidedMonths: Readonly<Record<string, readonly [number, number]>> = {
  community_rehab: [6, 12],
  released_prisoner: [6, 12],
  suspended_sentence: [12, 60],
  commune_education: [3, 6],
  wanted: [12, 36],
};

/**
 * Lunar New Year's day (Tết) by year, for the season of generated reports. From the Vietnamese lunar calendar
 * (UTC+7); docs/domain.md ("Crime reports and their legal clock") lists 2025–2030. Years outside the table
 * use 5 February.
 */
export const tetDays: Readonly<Record<number, string>> = {
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
};
