import { change } from '../../api/compare';
import { periodName } from '../../api/period-title';
import type { FigureKey, PeriodicFigures } from '../../api/views';
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

const isText = (part: string | null): part is string => part !== null;

const joinList = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('; ')} và ${items[items.length - 1]}`);

/**
 * The draft: the reports received, crime by field, incidents, operations, hotspots, people under
 * management, campaigns and the movement. A figure that is zero with nothing to compare (zero a year
 * ago too) is left out, and so is a paragraph with nothing left to say.
 */
export function draftNarrative(report: PeriodicFigures): string {
  const now = (key: FigureKey) => report.figures.current[key] ?? 0;
  const before = (key: FigureKey) => report.figures.lastYear[key] ?? 0;
  const against = sameTimeLastYear(report);
  const short = (key: FigureKey, unit: string) => `${figure(now(key))} ${unit} (${shortComparison(now(key), before(key), unit)})`;
  // A figure that is zero now and was zero a year ago says nothing ("làm chết 0 người (bằng cùng kỳ)"): left out.
  const told = (key: FigureKey, verb: string, unit: string, what = '') =>
    now(key) || before(key) ? `${verb} ${figure(now(key))} ${unit}${what} (${shortComparison(now(key), before(key), unit)})` : null;
  // A count of this period alone, left out when zero ("phát hiện mới 0").
  const nonZero = (key: FigureKey, verb: string, what = '') => (now(key) ? `${verb} ${figure(now(key))}${what}` : null);
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
    const harm = [told('traffic.deaths', 'làm chết', 'người'), told('traffic.injuries', 'bị thương', 'người')].filter(isText);
    incidents.push(`Tai nạn giao thông xảy ra ${[short('traffic.accidents', 'vụ'), ...harm].join(', ')}.`);
  }
  if (now('fire.count') || before('fire.count')) {
    let fire = `Cháy, nổ xảy ra ${short('fire.count', 'vụ')}`;
    if (now('fire.deaths')) fire += `, làm chết ${figure(now('fire.deaths'))} người`;
    if (now('fire.injuries')) fire += `, bị thương ${figure(now('fire.injuries'))} người`;
    if (now('fire.damage')) fire += `, thiệt hại ước tính ${figure(now('fire.damage'))} đồng`;
    incidents.push(`${fire}.`);
  }
  if (now('administrative.count') || before('administrative.count') || now('administrative.fines')) {
    const fines = now('administrative.fines') ? `, phạt tiền ${figure(now('administrative.fines'))} đồng` : '';
    incidents.push(`Phát hiện, xử lý ${short('administrative.count', 'vụ')} vi phạm hành chính${fines}.`);
  }
  if (incidents.length > 0) paragraphs.push(incidents.join(' '));

  const seized = report.measures.filter((m) => now(`seized.${m.code}`) !== 0).map((m) => `${figure(now(`seized.${m.code}`))} ${m.unit} ${m.vi.replace(/ thu giữ$/u, '').toLocaleLowerCase('vi')}`);
  const operations = [
    told('operations.count', 'tổ chức', 'đợt', ' tuần tra, truy quét, kiểm tra'),
    told('persons.arrested', 'bắt', 'đối tượng'),
    told('persons.sanctioned', 'xử lý', 'đối tượng'),
    seized.length > 0 ? `thu giữ ${joinList(seized)}` : null,
  ].filter(isText);
  if (operations.length > 0) paragraphs.push(`Công tác tấn công, trấn áp tội phạm: ${operations.join('; ')}.`);

  const hotspotChanges = [nonZero('hotspots.found', 'phát hiện mới'), nonZero('hotspots.cleared', 'triệt xóa'), nonZero('hotspots.relapsed', 'hoạt động trở lại')].filter(isText);
  const hotspotsActive = now('hotspots.active') || before('hotspots.active') ? `đến cuối kỳ còn ${short('hotspots.active', 'tụ điểm')} đang theo dõi` : null;
  const hotspots = [hotspotChanges.length > 0 ? hotspotChanges.join(', ') : null, hotspotsActive].filter(isText);
  if (hotspots.length > 0) paragraphs.push(`Tụ điểm phức tạp: ${hotspots.join('; ')}.`);

  const kinds = report.programKinds.filter((k) => now(`programs.active.${k.code}`) !== 0).map((k) => `${k.vi.toLocaleLowerCase('vi')} ${figure(now(`programs.active.${k.code}`))}`);
  const programMoves = [nonZero('programs.started', 'đưa vào quản lý', ' người'), nonZero('programs.ended', 'kết thúc quản lý', ' người')].filter(isText);
  const programs = [
    now('programs.active') ? `đến cuối kỳ đang quản lý ${figure(now('programs.active'))} người${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}` : null,
    programMoves.length > 0 ? `trong kỳ ${programMoves.join(', ')}` : null,
  ].filter(isText);
  if (programs.length > 0) paragraphs.push(`Quản lý đối tượng: ${programs.join('; ')}.`);

  for (const campaign of report.campaigns) {
    const results = campaign.results.map((r) => `${r.measure.vi.toLocaleLowerCase('vi')} ${figure(r.result)}/${figure(r.target)} ${r.measure.unit}${r.percent === null ? '' : ` (đạt ${figure(r.percent)}%)`}`);
    paragraphs.push(
      `Thực hiện đợt cao điểm "${campaign.name}" (từ ngày ${dmy(campaign.startDate)} đến ngày ${dmy(campaign.endDate)})` + (results.length > 0 ? `: ${joinList(results)}.` : '.'),
    );
  }

  const teams = now('teams.count') ? `duy trì ${figure(now('teams.count'))} tổ bảo vệ an ninh, trật tự ở cơ sở${now('teams.members') ? ` với ${figure(now('teams.members'))} thành viên` : ''}` : null;
  const movement = [
    teams,
    nonZero('teams.activities', 'trong kỳ có', ' lượt hoạt động'),
    nonZero('models.count', 'có', ' mô hình tự phòng, tự quản, tự bảo vệ, tự hòa giải'),
    now('safety.villagesRecognised') > 0 ? `${figure(now('safety.villagesRecognised'))}/${figure(now('safety.villages'))} thôn, tổ dân phố được công nhận đạt chuẩn "An toàn về an ninh, trật tự"` : null,
  ].filter(isText);
  if (movement.length > 0) paragraphs.push(`Phong trào toàn dân bảo vệ an ninh Tổ quốc: ${movement.join('; ')}.`);
  return paragraphs.join('\n\n');
}
