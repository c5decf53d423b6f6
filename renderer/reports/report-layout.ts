import { reportKinds, reportStatuses } from '../../api/calls/register';
import { share } from '../../api/compare';
import type { ComparedSpans, FigureKey, PeriodicFigures } from '../../api/views';
import { translate, type Lang } from '../i18n';

/**
 * How the periodic report lays out its figures: sections of rows, each row a figure for every compared
 * range, labelled in the interface's language (the printed report always asks for Vietnamese). The
 * screen table, the printed tables, the .xlsx sheets and the narrative draft all read this one layout.
 */

export type RangeName = keyof ComparedSpans;
export const RANGE_NAMES: readonly RangeName[] = ['current', 'lastYear', 'previous', 'yearToDate', 'yearToDateLastYear'];

/** count: whole things; quantity: measured (grams, pills); money: đồng; percent: a rate, compared in points. */
export type FigureFormat = 'count' | 'quantity' | 'money' | 'percent';

export interface FigureRow {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly format: FigureFormat;
  /** null: not computable for that range (a rate with nothing to divide). */
  readonly values: Readonly<Record<RangeName, number | null>>;
  /** Indented under the row before it. */
  readonly detail?: boolean;
}

export interface FigureSection {
  readonly code: string;
  readonly title: string;
  readonly rows: readonly FigureRow[];
}

type Bi = readonly [vi: string, en: string];

const TEXT = {
  reports: ['Tin báo, tố giác, kiến nghị khởi tố và tin báo vụ việc', 'Reports received'],
  reportsTotal: ['Tổng số tin tiếp nhận', 'Reports received'],
  crimeReceived: ['Tin báo, tố giác về tội phạm, kiến nghị khởi tố', 'Crime reports received'],
  crimeSolved: ['Đã giải quyết', 'Solved'],
  clearance: ['Tỷ lệ giải quyết', 'Clearance rate'],
  byKind: ['Theo loại tin', 'By kind'],
  groups: ['Tình hình theo lĩnh vực', 'By group'],
  noCategory: ['Chưa phân loại', 'Not classified'],
  traffic: ['Tai nạn giao thông', 'Traffic accidents'],
  accidents: ['Số vụ', 'Accidents'],
  deaths: ['Số người chết', 'Deaths'],
  injuries: ['Số người bị thương', 'Injuries'],
  fire: ['Cháy, nổ', 'Fires and explosions'],
  fires: ['Số vụ', 'Fires and explosions'],
  damage: ['Thiệt hại ước tính', 'Estimated damage'],
  administrative: ['Vi phạm hành chính', 'Administrative violations'],
  violations: ['Số vụ vi phạm', 'Violations'],
  fines: ['Tiền phạt', 'Fines'],
  resolution: ['Kết quả giải quyết tin báo', 'How reports were resolved'],
  operations: ['Tấn công, trấn áp tội phạm', 'Operations against crime'],
  operationsCount: ['Số đợt tuần tra, truy quét, kiểm tra', 'Operations'],
  arrested: ['Số đối tượng bị bắt', 'Persons arrested'],
  sanctioned: ['Số đối tượng bị xử lý', 'Persons sanctioned'],
  hotspots: ['Tụ điểm phức tạp', 'Hotspots'],
  hotspotsFound: ['Phát hiện mới', 'Found'],
  hotspotsCleared: ['Đã triệt xóa', 'Cleared'],
  hotspotsRelapsed: ['Hoạt động trở lại', 'Relapsed'],
  hotspotsActive: ['Còn đang theo dõi (cuối kỳ)', 'Still watched (at the end)'],
  programs: ['Người thuộc diện quản lý', 'People under management'],
  programsActive: ['Đang quản lý (cuối kỳ)', 'Under management (at the end)'],
  programsStarted: ['Đưa vào quản lý trong kỳ', 'Taken under management'],
  programsEnded: ['Kết thúc quản lý trong kỳ', 'Ended'],
  movement: ['Phong trào toàn dân bảo vệ an ninh Tổ quốc', 'The all-people security movement'],
  teams: ['Tổ bảo vệ an ninh, trật tự ở cơ sở', 'Grassroots security teams'],
  members: ['Thành viên các tổ', 'Team members'],
  activities: ['Lượt hoạt động của các tổ', 'Team activities'],
  models: ['Mô hình tự phòng, tự quản, tự bảo vệ, tự hòa giải', 'Self-management models'],
  villagesRecognised: ['Thôn, tổ dân phố được công nhận đạt chuẩn "An toàn về an ninh, trật tự" (trong năm)', 'Villages recognised safe on security and order (that year)'],
  villages: ['Tổng số thôn, tổ dân phố', 'Villages in all'],
  unitsRecognised: ['Cơ quan, doanh nghiệp, nhà trường được công nhận (trong năm)', 'Agencies, enterprises and schools recognised (that year)'],
} as const satisfies Record<string, Bi>;

const UNITS = {
  report: ['tin', 'reports'],
  case: ['vụ', 'cases'],
  person: ['người', 'persons'],
  subject: ['đối tượng', 'persons'],
  times: ['lượt', 'times'],
  operation: ['đợt', 'operations'],
  hotspot: ['tụ điểm', 'hotspots'],
  team: ['tổ', 'teams'],
  model: ['mô hình', 'models'],
  village: ['thôn, tổ', 'villages'],
  unit: ['đơn vị', 'units'],
  money: ['đồng', 'VND'],
  percent: ['%', '%'],
} as const satisfies Record<string, Bi>;

export type UnitName = keyof typeof UNITS;

export function unitText(unit: UnitName, lang: Lang): string {
  return UNITS[unit][lang === 'vi' ? 0 : 1];
}

/** The layout, for one language. */
export function reportSections(report: PeriodicFigures, lang: Lang): FigureSection[] {
  const pickText = (text: Bi) => text[lang === 'vi' ? 0 : 1];
  const name = (item: { vi: string; en: string }) => (lang === 'vi' ? item.vi : item.en);
  const values = (key: FigureKey): Record<RangeName, number> =>
    Object.fromEntries(RANGE_NAMES.map((range) => [range, report.figures[range][key] ?? 0])) as Record<RangeName, number>;
  const row = (key: FigureKey, label: string, unit: UnitName | string, format: FigureFormat = 'count', detail = false): FigureRow => ({
    key,
    label,
    unit: unit in UNITS ? unitText(unit as UnitName, lang) : unit,
    format,
    values: values(key),
    detail,
  });
  const clearance: FigureRow = {
    key: 'crime.clearance',
    label: pickText(TEXT.clearance),
    unit: '%',
    format: 'percent',
    values: Object.fromEntries(RANGE_NAMES.map((range) => [range, share(report.figures[range]['crime.solved'] ?? 0, report.figures[range]['crime.received'] ?? 0)])) as Record<
      RangeName,
      number | null
    >,
    detail: true,
  };
  const hasData = (key: FigureKey) => RANGE_NAMES.some((range) => (report.figures[range][key] ?? 0) !== 0);

  const detailedGroups = new Set(['traffic', 'fire', 'administrative']);
  const groupRows = [...report.groups.filter((g) => !detailedGroups.has(g.code)), { code: 'none', vi: TEXT.noCategory[0], en: TEXT.noCategory[1] }]
    .filter((g) => g.code !== 'none' || hasData('group.none'))
    .map((g) => row(`group.${g.code}`, name(g), 'case'));

  return [
    {
      code: 'reports',
      title: pickText(TEXT.reports),
      rows: [
        row('reports.total', pickText(TEXT.reportsTotal), 'report'),
        row('crime.received', pickText(TEXT.crimeReceived), 'report'),
        row('crime.solved', pickText(TEXT.crimeSolved), 'report', 'count', true),
        clearance,
        ...reportKinds.filter((kind) => hasData(`reports.kind.${kind}`)).map((kind) => row(`reports.kind.${kind}`, translate(lang, `kind.${kind}`), 'report', 'count', true)),
      ],
    },
    {
      code: 'groups',
      title: pickText(TEXT.groups),
      rows: [
        ...groupRows,
        row('traffic.accidents', `${pickText(TEXT.traffic)}: ${pickText(TEXT.accidents).toLocaleLowerCase(lang)}`, 'case'),
        row('traffic.deaths', pickText(TEXT.deaths), 'person', 'count', true),
        row('traffic.injuries', pickText(TEXT.injuries), 'person', 'count', true),
        row('fire.count', `${pickText(TEXT.fire)}: ${pickText(TEXT.fires).toLocaleLowerCase(lang)}`, 'case'),
        row('fire.deaths', pickText(TEXT.deaths), 'person', 'count', true),
        row('fire.injuries', pickText(TEXT.injuries), 'person', 'count', true),
        row('fire.damage', pickText(TEXT.damage), 'money', 'money', true),
        row('administrative.count', `${pickText(TEXT.administrative)}: ${pickText(TEXT.violations).toLocaleLowerCase(lang)}`, 'case'),
        row('administrative.fines', pickText(TEXT.fines), 'money', 'money', true),
      ],
    },
    {
      code: 'resolution',
      title: pickText(TEXT.resolution),
      rows: reportStatuses.map((status) => row(`reports.status.${status}`, translate(lang, `reportStatus.${status}`), 'report')),
    },
    {
      code: 'operations',
      title: pickText(TEXT.operations),
      rows: [
        row('operations.count', pickText(TEXT.operationsCount), 'operation'),
        row('persons.arrested', pickText(TEXT.arrested), 'subject'),
        row('persons.sanctioned', pickText(TEXT.sanctioned), 'subject'),
        ...report.measures
          .filter((m) => hasData(`seized.${m.code}`))
          .map((m) => row(`seized.${m.code}`, name(m), m.unit, m.unit === 'đồng' ? 'money' : 'quantity')),
      ],
    },
    {
      code: 'hotspots',
      title: pickText(TEXT.hotspots),
      rows: [
        row('hotspots.found', pickText(TEXT.hotspotsFound), 'hotspot'),
        row('hotspots.cleared', pickText(TEXT.hotspotsCleared), 'hotspot'),
        row('hotspots.relapsed', pickText(TEXT.hotspotsRelapsed), 'hotspot'),
        row('hotspots.active', pickText(TEXT.hotspotsActive), 'hotspot'),
      ],
    },
    {
      code: 'programs',
      title: pickText(TEXT.programs),
      rows: [
        row('programs.active', pickText(TEXT.programsActive), 'person'),
        ...report.programKinds.filter((k) => hasData(`programs.active.${k.code}`)).map((k) => row(`programs.active.${k.code}`, name(k), 'person', 'count', true)),
        row('programs.started', pickText(TEXT.programsStarted), 'person'),
        row('programs.ended', pickText(TEXT.programsEnded), 'person'),
      ],
    },
    {
      code: 'movement',
      title: pickText(TEXT.movement),
      rows: [
        row('teams.count', pickText(TEXT.teams), 'team'),
        row('teams.members', pickText(TEXT.members), 'person', 'count', true),
        row('teams.activities', pickText(TEXT.activities), 'times', 'count', true),
        row('models.count', pickText(TEXT.models), 'model'),
        row('safety.villagesRecognised', pickText(TEXT.villagesRecognised), 'village'),
        row('safety.villages', pickText(TEXT.villages), 'village', 'count', true),
        row('safety.unitsRecognised', pickText(TEXT.unitsRecognised), 'unit'),
      ],
    },
  ];
}

export interface BreakdownColumn {
  readonly key: FigureKey;
  readonly label: string;
  readonly unit: string;
  readonly format: FigureFormat;
}

export interface BreakdownTable {
  readonly columns: readonly BreakdownColumn[];
  readonly rows: readonly { readonly officeId: string; readonly name: string; readonly values: Readonly<Record<string, number>> }[];
  /** Each column summed over the offices: the report's own figure for the whole store. */
  readonly total: Readonly<Record<string, number>>;
}

/**
 * A report of every office broken down by office ("Chia theo đơn vị"): the main figures of the current
 * range, one row an office, and each seized item that any office seized. Null for a report of one office.
 */
export function breakdownTable(report: PeriodicFigures, lang: Lang): BreakdownTable | null {
  const breakdown = report.breakdown ?? [];
  if (breakdown.length === 0) return null;
  const pickText = (text: Bi) => text[lang === 'vi' ? 0 : 1];
  const fixed: BreakdownColumn[] = [
    { key: 'reports.total', label: pickText(TEXT.reportsTotal), unit: unitText('report', lang), format: 'count' },
    { key: 'crime.received', label: pickText(TEXT.crimeReceived), unit: unitText('report', lang), format: 'count' },
    { key: 'crime.solved', label: pickText(TEXT.crimeSolved), unit: unitText('report', lang), format: 'count' },
    { key: 'operations.count', label: pickText(TEXT.operationsCount), unit: unitText('operation', lang), format: 'count' },
    { key: 'persons.arrested', label: pickText(TEXT.arrested), unit: unitText('subject', lang), format: 'count' },
    { key: 'hotspots.cleared', label: `${pickText(TEXT.hotspots)}: ${pickText(TEXT.hotspotsCleared).toLocaleLowerCase(lang)}`, unit: unitText('hotspot', lang), format: 'count' },
    { key: 'programs.active', label: `${pickText(TEXT.programs)}: ${pickText(TEXT.programsActive).toLocaleLowerCase(lang)}`, unit: unitText('person', lang), format: 'count' },
  ];
  const seized = report.measures
    .filter((m) => breakdown.some((office) => (office.figures[`seized.${m.code}`] ?? 0) !== 0))
    .map((m): BreakdownColumn => ({ key: `seized.${m.code}`, label: lang === 'vi' ? m.vi : m.en, unit: m.unit, format: m.unit === 'đồng' ? 'money' : 'quantity' }));
  const columns = [...fixed, ...seized];
  const rows = breakdown.map((office) => ({
    officeId: office.officeId,
    name: office.name,
    values: Object.fromEntries(columns.map((column) => [column.key, office.figures[column.key] ?? 0])),
  }));
  const total = Object.fromEntries(columns.map((column) => [column.key, rows.reduce((sum, row) => sum + (row.values[column.key] ?? 0), 0)]));
  return { columns, rows, total };
}

/** The groups of the chart "by group": each group with its count in the period and a year before. */
export function groupSeries(report: PeriodicFigures, lang: Lang): { code: string; label: string; current: number; lastYear: number }[] {
  return report.groups.map((g) => ({
    code: g.code,
    label: lang === 'vi' ? g.vi : g.en,
    current: report.figures.current[`group.${g.code}`] ?? 0,
    lastYear: report.figures.lastYear[`group.${g.code}`] ?? 0,
  }));
}
