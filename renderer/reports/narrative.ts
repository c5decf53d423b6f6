import { change } from '../../api/compare';
import { periodName } from '../../api/period-title';
import type { PeriodicFigures } from '../../api/views';
import { formatNumber } from '../format';
import { groupSeries } from './report-layout';

/**
 * The draft of a periodic report's text, in the words offices use ("Trong kỳ, tiếp nhận 15 tin báo,
 * tăng 3 tin (25%) so với cùng kỳ năm 2025"), filled from the figures. The chief edits it before
 * issuing; what is issued is the edited text. Always Vietnamese: it is the official document.
 */

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A number as written in a report: dots between thousands, a comma before at most two decimals. */
export function figure(value: number): string {
  return formatNumber(value, Number.isInteger(value) ? 0 : Number.isInteger(value * 10) ? 1 : 2);
}

/**
 * "tăng 3 tin (25%) so với cùng kỳ năm 2025", "giảm 1 vụ (50%) ...", "bằng cùng kỳ năm 2025", or
 * "cùng kỳ năm 2025 không có" when there is nothing to compare with.
 */
export function comparison(current: number, base: number, unit: string, against: string): string {
  const c = change(current, base);
  if (c.noBase) return `${against} không có`;
  if (c.direction === 'same') return `bằng ${against}`;
  const word = c.direction === 'up' ? 'tăng' : 'giảm';
  return `${word} ${figure(Math.abs(c.diff))} ${unit} (${figure(Math.abs(c.percent!))}%) so với ${against}`;
}

/** The short form inside parentheses: "tăng 1 vụ", "giảm 2 người", "bằng cùng kỳ", "cùng kỳ không có". */
export function shortComparison(current: number, base: number, unit: string): string {
  const c = change(current, base);
  if (c.noBase) return 'cùng kỳ không có';
  if (c.direction === 'same') return 'bằng cùng kỳ';
  return `${c.direction === 'up' ? 'tăng' : 'giảm'} ${figure(Math.abs(c.diff))} ${unit}`;
}

/** "cùng kỳ năm 2025": the same period a year before, named by its year. */
export function sameTimeLastYear(report: PeriodicFigures): string {
  return `cùng kỳ năm ${report.period.kind === 'custom' ? report.ranges.lastYear.end.slice(0, 4) : report.period.year - 1}`;
}

const joinList = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('; ')} và ${items[items.length - 1]}`);

export function draftNarrative(report: PeriodicFigures): string {
  const now = (key: string) => report.figures.current[key] ?? 0;
  const before = (key: string) => report.figures.lastYear[key] ?? 0;
  const against = sameTimeLastYear(report);
  const short = (key: string, unit: string) => `${figure(now(key))} ${unit} (${shortComparison(now(key), before(key), unit)})`;
  const paragraphs: string[] = [];

  const { start, end } = report.ranges.current;
  paragraphs.push(
    `Trong kỳ, tiếp nhận ${figure(now('reports.total'))} tin báo, ${comparison(now('reports.total'), before('reports.total'), 'tin', against)}` +
      ` (kỳ báo cáo ${periodName(report.period)}, từ ngày ${dmy(start)} đến ngày ${dmy(end)}).`,
  );

  const crime = now('crime.received');
  const solved = now('crime.solved');
  let crimeText = `Về tội phạm: tiếp nhận ${figure(crime)} tin báo, tố giác về tội phạm và kiến nghị khởi tố, ${comparison(crime, before('crime.received'), 'tin', against)}`;
  if (crime > 0) crimeText += `; đã giải quyết ${figure(solved)} tin, đạt tỷ lệ ${figure(Math.round((solved / crime) * 1000) / 10)}%`;
  const groups = groupSeries(report, 'vi')
    .filter((g) => !['traffic', 'fire', 'administrative'].includes(g.code) && (g.current !== 0 || g.lastYear !== 0))
    .map((g) => `${g.label.charAt(0).toLocaleLowerCase('vi')}${g.label.slice(1)} ${figure(g.current)} vụ (${shortComparison(g.current, g.lastYear, 'vụ')})`);
  if (groups.length > 0) crimeText += `. Theo lĩnh vực: ${joinList(groups)}`;
  paragraphs.push(`${crimeText}.`);

  const incidents: string[] = [];
  if (now('traffic.accidents') || before('traffic.accidents')) {
    incidents.push(
      `Tai nạn giao thông xảy ra ${short('traffic.accidents', 'vụ')}, làm chết ${short('traffic.deaths', 'người')}, bị thương ${short('traffic.injuries', 'người')}.`,
    );
  }
  if (now('fire.count') || before('fire.count')) {
    let fire = `Cháy, nổ xảy ra ${short('fire.count', 'vụ')}`;
    if (now('fire.deaths') || now('fire.injuries')) fire += `, làm chết ${figure(now('fire.deaths'))} người, bị thương ${figure(now('fire.injuries'))} người`;
    if (now('fire.damage')) fire += `, thiệt hại ước tính ${figure(now('fire.damage'))} đồng`;
    incidents.push(`${fire}.`);
  }
  if (now('administrative.count') || before('administrative.count') || now('administrative.fines')) {
    incidents.push(`Phát hiện, xử lý ${short('administrative.count', 'vụ')} vi phạm hành chính, phạt tiền ${figure(now('administrative.fines'))} đồng.`);
  }
  if (incidents.length > 0) paragraphs.push(incidents.join(' '));

  const seized = report.measures.filter((m) => now(`seized.${m.code}`) !== 0).map((m) => `${figure(now(`seized.${m.code}`))} ${m.unit} ${m.vi.replace(/ thu giữ$/u, '').toLocaleLowerCase('vi')}`);
  let operations =
    `Công tác tấn công, trấn áp tội phạm: tổ chức ${short('operations.count', 'đợt')} tuần tra, truy quét, kiểm tra; ` +
    `bắt ${short('persons.arrested', 'đối tượng')}, xử lý ${short('persons.sanctioned', 'đối tượng')}`;
  if (seized.length > 0) operations += `; thu giữ ${joinList(seized)}`;
  paragraphs.push(`${operations}.`);

  paragraphs.push(
    `Tụ điểm phức tạp: phát hiện mới ${figure(now('hotspots.found'))}, triệt xóa ${figure(now('hotspots.cleared'))}, hoạt động trở lại ${figure(now('hotspots.relapsed'))}; ` +
      `đến cuối kỳ còn ${figure(now('hotspots.active'))} tụ điểm đang theo dõi (${shortComparison(now('hotspots.active'), before('hotspots.active'), 'tụ điểm')}).`,
  );

  const kinds = report.programKinds.filter((k) => now(`programs.active.${k.code}`) !== 0).map((k) => `${k.vi.toLocaleLowerCase('vi')} ${figure(now(`programs.active.${k.code}`))}`);
  paragraphs.push(
    `Quản lý đối tượng: đến cuối kỳ đang quản lý ${figure(now('programs.active'))} người${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}; ` +
      `trong kỳ đưa vào quản lý ${figure(now('programs.started'))} người, kết thúc quản lý ${figure(now('programs.ended'))} người.`,
  );

  for (const campaign of report.campaigns) {
    const results = campaign.results.map((r) => `${r.measure.vi.toLocaleLowerCase('vi')} ${figure(r.result)}/${figure(r.target)} ${r.measure.unit}${r.percent === null ? '' : ` (đạt ${figure(r.percent)}%)`}`);
    paragraphs.push(
      `Thực hiện đợt cao điểm "${campaign.name}" (từ ngày ${dmy(campaign.startDate)} đến ngày ${dmy(campaign.endDate)})` + (results.length > 0 ? `: ${joinList(results)}.` : '.'),
    );
  }

  paragraphs.push(
    `Phong trào toàn dân bảo vệ an ninh Tổ quốc: duy trì ${figure(now('teams.count'))} tổ bảo vệ an ninh, trật tự ở cơ sở với ${figure(now('teams.members'))} thành viên, ` +
      `trong kỳ có ${figure(now('teams.activities'))} lượt hoạt động; có ${figure(now('models.count'))} mô hình tự phòng, tự quản, tự bảo vệ, tự hòa giải` +
      (now('safety.villagesRecognised') > 0
        ? `; ${figure(now('safety.villagesRecognised'))}/${figure(now('safety.villages'))} thôn, tổ dân phố được công nhận đạt chuẩn "An toàn về an ninh, trật tự".`
        : '.'),
  );
  return paragraphs.join('\n\n');
}
