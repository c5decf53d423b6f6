import { fold } from '../../core/fold';
import type { Settings } from '../../api/views';
import type { Decision, ReportStatus } from '../../api/vocabulary';
import { formatVersion } from '../clock';
import type { RecordLine } from '../exchange/export';
import { localityKindOf } from '../office';
import { deadlineColumns } from '../register/deadline-columns';
import { addDays, addMonths, endOfDay, localDate, startOfDay, type DaysOff, type IsoDate } from '../../core/calendar';
import { computeDeadlines } from '../../core/legal-clock';
import { nextDue, programEnd, programKindSeed } from '../../core/programs';
import { measureSeed } from '../seed/measures';
import type { RecordTable } from '../schema';
import {
  campaignTemplates,
  categoryWeights,
  decidedMonths,
  fallbackSummaries,
  hotspotPlaces,
  hotspotTypes,
  kindFor,
  programKinds,
  summaries,
  summerFactor,
  tetDays,
  tetFactor,
  things,
} from './catalog';
import { address, citizenIdFor, communeName, officerName, personName, villageNames, type Gender } from './names';
import { deriveSeed, Random, weights, type WeightTable } from './random';

/** The clock node of generated versions: recognisably not a PC's random node. */
export const GENERATOR_NODE = 'de000000000000de';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;

/** How much each office records per year. */
export interface GeneratorRates {
  readonly reportsPerYear: number;
  readonly personsPerYear: number;
  readonly hotspotsPerYear: number;
  readonly programsPerYear: number;
  readonly campaignsPerYear: number;
  readonly operationsPerCampaign: number;
  /** The share of reports voided with a reason (programs: half of it). */
  readonly voidShare: number;
}

/**
 * Province: 100 offices over 10 years give about 1M reports, 200k persons, 10k hotspots, 50k programs,
 * 500 campaigns and 20k operations. Demo: one commune's year at a glance.
 */
export const SIZES = {
  province: { reportsPerYear: 1000, personsPerYear: 200, hotspotsPerYear: 10, programsPerYear: 50, campaignsPerYear: 0.5, operationsPerCampaign: 40, voidShare: 0.01 },
  demo: { reportsPerYear: 320, personsPerYear: 100, hotspotsPerYear: 20, programsPerYear: 40, campaignsPerYear: 3, operationsPerCampaign: 8, voidShare: 0.01 },
} as const satisfies Record<string, GeneratorRates>;

export interface GeneratorOffice {
  /** The national 5-digit commune code: the office's id. */
  readonly code: string;
  readonly name: string;
  readonly parentCode: string;
  readonly parentName: string;
  /** Village names; generated when empty. */
  readonly localities: readonly string[];
  /** Users of the office named as officers on records (none for another office's records). */
  readonly officerIds?: readonly string[];
}

export interface GeneratorInput {
  readonly seed: number;
  readonly offices: readonly GeneratorOffice[];
  /** The span, first and last day (Vietnam dates); nothing happens after `now`. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly now: number;
  /** The store's holiday list and settings, for the deadline columns. */
  readonly holidays: DaysOff;
  readonly settings: Settings;
  readonly rates?: GeneratorRates;
  /** The store's own office: set up already, so it gets no offices row. */
  readonly ownOfficeCode?: string | null;
  /** The CCCD province code most people were born in (038: Thanh Hóa). */
  readonly birthProvince?: number;
}

type Table = RecordTable;

/** `count` generated communes of one province: codes, names, villages made from the seed. */
export function generatedOffices(count: number, options: { parentCode?: string; parentName?: string } = {}): GeneratorOffice[] {
  return Array.from({ length: count }, (_, index) => ({
    code: String(15_000 + index * 7),
    name: `Công an xã ${communeName(index)}`,
    parentCode: options.parentCode ?? '38',
    parentName: options.parentName ?? 'Công an tỉnh Thanh Hóa',
    localities: [],
  }));
}

/** The span of `years` years up to the day of `now`: from the day after the same date `years` ago. */
export function yearsUpTo(now: number, years: number): { from: IsoDate; to: IsoDate } {
  const to = localDate(now);
  return { from: addDays(addMonths(to, -12 * years), 1), to };
}

/**
 * Complete record states for every office in the span, parents before children, as the bulk path
 * (db/exchange/import.ts `writeRecords`) takes them. The offices advance together a month at a time,
 * as a higher office's store grows (every commune's month, then the next month), so the writes land
 * near the end of the store's time-ordered indexes. The same input gives the same lines, ids and
 * versions included: everything random comes from the seed.
 */
export function* generateRecords(input: GeneratorInput): Generator<RecordLine> {
  const offices = input.offices.map((office) => new OfficeGenerator(input, office));
  const last = offices[0]?.today ?? input.to;
  let from = input.from;
  do {
    const month = addDays(addMonths(from, 1), -1);
    const until = month < last ? month : last;
    for (const office of offices) yield* office.advance(until);
    from = addDays(until, 1);
  } while (from <= last);
}

interface Person {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  drug: boolean;
}

interface Report {
  readonly id: string;
  readonly at: number;
}

interface Hotspot {
  readonly id: string;
  readonly name: string;
  readonly foundAt: number;
  readonly localityId: string;
}

const channelWeights = weights<string>([
  ['in_person', 40],
  ['phone', 25],
  ['petition', 10],
  ['transferred', 5],
  ['found_by_officers', 15],
  ['media_online', 5],
]);
const hourWeights = weights<number>(Array.from({ length: 24 }, (_, hour) => [hour, hour < 6 ? 1 : hour < 8 ? 3 : hour < 18 ? 6 : hour < 22 ? 5 : 2] as const));
const decisionWeights = weights<'prosecute' | 'not_prosecute' | 'suspend'>([
  ['prosecute', 45],
  ['not_prosecute', 40],
  ['suspend', 15],
]);
const voidReasons = ['Nhập trùng với tin báo đã tiếp nhận', 'Nhập nhầm thông tin, đã lập lại', 'Tiếp nhận nhầm đơn vị'] as const;
const endReasonWeights = weights<string>([
  ['addict', 30],
  ['facility', 25],
  ['imprisoned', 20],
  ['moved', 15],
  ['died', 5],
  ['missing', 5],
]);
const operationKinds = weights<'raid' | 'sweep' | 'patrol' | 'checkpoint' | 'inspection'>([
  ['raid', 25],
  ['patrol', 35],
  ['sweep', 15],
  ['checkpoint', 15],
  ['inspection', 10],
]);
const seizureMeasures = new Set(measureSeed.filter((measure) => measure.at(4) === 'seizure').map((measure) => measure[0]));
const programKindsByCode = new Map(programKindSeed.map((kind) => [kind.code, kind]));
const drugKinds = new Set(['drug_user', 'post_rehab_voluntary', 'post_rehab_methadone', 'post_rehab_adult', 'post_rehab_minor', 'community_rehab']);
const drugCategories = new Set(['drug_trafficking', 'drug_possession', 'drug_use_organising', 'drug_use']);
const victimCategories = new Set(['theft', 'robbery', 'snatching', 'assault', 'fraud', 'online_fraud', 'sexual', 'usury', 'murder', 'traffic_accident', 'protection_racket']);
const groupCategories = new Set(['gambling', 'illegal_lottery', 'football_betting', 'drug_use_organising', 'armed_gangs']);
const hotspotRoles: Readonly<Record<string, readonly ('organiser' | 'dealer' | 'user' | 'lookout' | 'frequenter')[]>> = {
  drug_dealing: ['dealer', 'dealer', 'lookout', 'user'],
  drug_use: ['user', 'user', 'organiser'],
  gambling: ['organiser', 'frequenter', 'frequenter', 'lookout'],
  illegal_lottery: ['organiser', 'frequenter'],
  football_betting: ['organiser', 'frequenter'],
  prostitution: ['organiser', 'frequenter'],
  other: ['frequenter'],
};

/**
 * One office's records, kept in the order they were made: a record is made after the records it
 * refers to (a person before the report naming them, a report before its people), so that order is
 * parents before children, and a report and its people land in the same chunk of the bulk path.
 */
class OfficeGenerator {
  private readonly random: Random;
  private made: RecordLine[] = [];
  private readonly start: number;
  private readonly end: number;
  private readonly years: number;
  private readonly rates: GeneratorRates;
  private readonly commune: string;
  private readonly localities: { id: string; name: string }[] = [];
  private readonly persons: Person[] = [];
  private readonly citizenIds = new Set<string>();
  private readonly reports: Report[] = [];
  private readonly hotspots: Hotspot[] = [];
  readonly today: IsoDate;
  /** Where the office stands: the next day to make reports for, and what is planned but not made yet. */
  private cursor: IsoDate;
  private started = false;
  private readonly numbers = new Map<number, number>();
  private readonly plan: { programs: number[]; hotspots: number[]; campaigns: { start: IsoDate; end: IsoDate; template: (typeof campaignTemplates)[number]; year: number }[] };
  private readonly categoryTables: { normal: WeightTable<string | null>; tet: WeightTable<string | null>; summer: WeightTable<string | null> };
  private seq = 0;

  constructor(
    private readonly input: GeneratorInput,
    private readonly office: GeneratorOffice,
  ) {
    this.random = new Random(deriveSeed(input.seed, office.code));
    this.start = startOfDay(input.from);
    this.end = Math.min(input.now, endOfDay(input.to) - 1);
    this.today = localDate(this.end);
    this.years = Math.max(0, this.end - this.start) / YEAR;
    this.rates = input.rates ?? SIZES.province;
    this.commune = office.name.replace(/^Công an\s+/u, '');
    const scaled = (factors: Readonly<Record<string, number>>) =>
      weights(categoryWeights.entries.map(([code, weight]) => [code, code === null ? weight : weight * (factors[code] ?? 1)] as const));
    this.categoryTables = { normal: categoryWeights, tet: scaled(tetFactor), summer: scaled(summerFactor) };
    this.cursor = input.from;
    const starts = (perYear: number) => Array.from({ length: this.count(perYear) }, () => this.instant()).sort((a, b) => a - b);
    this.plan = { programs: starts(this.rates.programsPerYear), hotspots: starts(this.rates.hotspotsPerYear), campaigns: this.planCampaigns() };
  }

  /**
   * The records made from where the office stands up to the end of `until` (reports day by day,
   * programs, hotspots and campaigns as their time comes), in the order they were made.
   */
  advance(until: IsoDate): RecordLine[] {
    this.made = [];
    if (!this.started) {
      this.makeOfficeAndLocalities();
      this.started = true;
    }
    const last = until < this.today ? until : this.today;
    for (let date = this.cursor; date <= last; date = addDays(date, 1)) this.reportsOn(date);
    const limit = endOfDay(last);
    while (this.plan.programs.length > 0 && this.plan.programs[0]! < limit) this.program(this.plan.programs.shift()!);
    while (this.plan.hotspots.length > 0 && this.plan.hotspots[0]! < limit) this.hotspot(this.plan.hotspots.shift()!);
    // A campaign is made once it is over (or today), so its operations find the reports of its days.
    while (this.plan.campaigns.length > 0 && (this.plan.campaigns[0]!.end <= last || last === this.today)) {
      const campaign = this.plan.campaigns.shift()!;
      this.campaign(campaign.start, campaign.template, campaign.year);
    }
    this.cursor = addDays(last, 1);
    // Only recent reports are looked up again (by operations); older ones are let go, so memory stays flat.
    const keepFrom = limit - 200 * DAY;
    const old = this.reports.findIndex((report) => report.at >= keepFrom);
    this.reports.splice(0, old < 0 ? this.reports.length : old);
    const made = this.made;
    this.made = [];
    return made;
  }

  // ---- helpers ----

  private add(table: Table, at: number, fields: Record<string, unknown>, options: { updatedAt?: number; deletedAt?: number | null; voidReason?: string | null; id?: string } = {}): RecordLine {
    const updatedAt = Math.max(at, options.updatedAt ?? at, options.deletedAt ?? at);
    this.seq += 1;
    const line: RecordLine = {
      t: table,
      r: {
        id: options.id ?? this.random.uuid(at),
        office_id: this.office.code,
        version: formatVersion({ wall: updatedAt, counter: 0 }, GENERATOR_NODE),
        base_version: null,
        seq: this.seq,
        created_at: at,
        created_by: null,
        updated_at: updatedAt,
        updated_by: null,
        deleted_at: options.deletedAt ?? null,
        void_reason: options.deletedAt ? (options.voidReason ?? this.random.pick(voidReasons)) : null,
        ...fields,
      },
    };
    this.made.push(line);
    return line;
  }

  /** An instant in the span, uniformly. */
  private instant(from = this.start, to = this.end): number {
    return Math.floor(from + this.random.next() * Math.max(0, to - from));
  }

  /** An instant on a day, at a plausible hour. */
  private timeOn(date: IsoDate): number {
    return startOfDay(date) + this.random.weighted(hourWeights) * HOUR + this.random.int(0, HOUR - 1);
  }

  private officer(): string | null {
    const ids = this.office.officerIds ?? [];
    return ids.length === 0 ? null : this.random.pick(ids);
  }

  private locality(): { id: string; name: string } {
    return this.random.pick(this.localities);
  }

  private count(perYear: number): number {
    const expected = perYear * this.years;
    return Math.floor(expected) + (this.random.chance(expected - Math.floor(expected)) ? 1 : 0);
  }

  private phone(): string {
    return `0${this.random.pick(['9', '8', '3', '7'])}${String(this.random.int(0, 99_999_999)).padStart(8, '0')}`;
  }

  // ---- offices and villages ----

  private makeOfficeAndLocalities(): void {
    const at = this.start - 30 * DAY;
    if (this.input.ownOfficeCode !== this.office.code) {
      this.add(
        'offices',
        at,
        { code: this.office.code, name: this.office.name, level: 'commune', parent_code: this.office.parentCode, parent_name: this.office.parentName, demo: 0 },
        { id: this.office.code },
      );
    }
    const names = this.office.localities.length > 0 ? this.office.localities : villageNames(this.random, this.random.int(6, 14));
    names.forEach((name, index) => {
      const line = this.add('localities', at + index * 60_000, { name, kind: localityKindOf(name) });
      this.localities.push({ id: line.r.id as string, name });
    });
  }

  // ---- persons ----

  /**
   * A person for a record made at `at`: a new one while the office is behind its yearly number of
   * persons, else one already known (the earliest known come back most: people appear in several
   * reports).
   */
  private person(at: number, options: { minAge?: number; maxAge?: number; gender?: Gender; fresh?: boolean } = {}): Person {
    const target = 3 + (this.rates.personsPerYear * (at - this.start)) / YEAR;
    if (this.persons.length > 0 && this.persons.length >= target && !options.fresh) {
      // Mostly someone seen lately: a person turns up in a few reports around the same time, a repeat
      // offender in a few dozen over ten years (taking the earliest ones first put one person of each
      // commune in 600 reports).
      const u = this.random.next();
      return this.persons[this.persons.length - 1 - Math.floor(u * u * this.persons.length)]!;
    }
    const gender = options.gender ?? (this.random.chance(0.72) ? 'male' : 'female');
    const year = Number(localDate(at).slice(0, 4));
    const birthYear = year - this.random.int(options.minAge ?? 16, options.maxAge ?? 65);
    const birthDate = addDays(`${birthYear}-01-01`, this.random.int(0, 364));
    const village = this.locality();
    const name = personName(this.random, gender);
    const province = this.random.chance(0.85) ? (this.input.birthProvince ?? 38) : this.random.int(1, 96);
    const line = this.add('persons', at, {
      full_name: name,
      name_fold: fold(name),
      other_names: this.random.chance(0.05) ? `${this.random.pick(['Tí', 'Tèo', 'Bin', 'Béo', 'Còi', 'Đen'])}` : '',
      gender,
      birth_date: this.random.chance(0.9) ? birthDate : null,
      birth_year: birthYear,
      citizen_id: this.random.chance(0.88) ? citizenIdFor(this.random, province, gender, birthYear, this.citizenIds) : null,
      permanent_address: address(this.random, village.name, this.commune),
      temporary_address: this.random.chance(0.1) ? address(this.random, this.locality().name, this.commune) : '',
      locality_id: village.id,
      notes: '',
      merged_into: null,
      moved_to: '',
      moved_on: null,
    });
    const person: Person = { id: line.r.id as string, name, createdAt: at, drug: false };
    this.persons.push(person);
    return person;
  }

  // ---- reports ----

  private readonly tetWindows = new Map<number, readonly [IsoDate, IsoDate]>();

  private season(date: IsoDate): 'tet' | 'summer' | 'normal' {
    const year = Number(date.slice(0, 4));
    let window = this.tetWindows.get(year);
    if (!window) {
      const tet = tetDays[year] ?? `${year}-02-05`;
      this.tetWindows.set(year, (window = [addDays(tet, -21), addDays(tet, 7)]));
    }
    if (date >= window[0] && date <= window[1]) return 'tet';
    const month = Number(date.slice(5, 7));
    return month >= 6 && month <= 8 ? 'summer' : 'normal';
  }

  private reportsOn(date: IsoDate): void {
    const season = this.season(date);
    const count = this.random.poisson((this.rates.reportsPerYear / 365.25) * (season === 'tet' ? 1.35 : season === 'summer' ? 1.12 : 0.95));
    const times = Array.from({ length: count }, () => this.timeOn(date))
      .filter((at) => at <= this.end)
      .sort((a, b) => a - b);
    for (const at of times) {
      const year = Number(date.slice(0, 4));
      const no = (this.numbers.get(year) ?? 0) + 1;
      this.numbers.set(year, no);
      this.report(at, year, no, this.random.weighted(this.categoryTables[season]));
    }
  }

  private report(at: number, year: number, no: number, category: string | null): void {
    const random = this.random;
    const kind = kindFor(category, random.next());
    const village = this.locality();
    const ageDays = (this.end - at) / DAY;
    const clocked = kind === 'crime_report' || kind === 'denunciation' || kind === 'prosecution_request';
    const place = village.name;
    const summary = random
      .pick(category ? (summaries[category] ?? fallbackSummaries) : fallbackSummaries)
      .replace('{place}', place)
      .replace('{thing}', random.pick(things));

    // People named in it.
    const links: { person: Person; role: string }[] = [];
    const link = (person: Person, role: string) => {
      if (!links.some((l) => l.person.id === person.id)) links.push({ person, role });
    };
    if (category && victimCategories.has(category) && random.chance(0.85)) link(this.person(at, { minAge: 18, maxAge: 75 }), 'victim');
    const suspects =
      category === null
        ? 0
        : drugCategories.has(category)
          ? random.int(1, 3)
          : groupCategories.has(category)
            ? random.int(2, 5)
            : category === 'assault' || category === 'public_disorder'
              ? random.int(1, 2)
              : kind === 'administrative_violation'
                ? 1
                : random.chance(0.35)
                  ? 1
                  : 0;
    for (let i = 0; i < suspects; i += 1) {
      const person = this.person(at, { minAge: 16, maxAge: 55 });
      if (category && drugCategories.has(category)) person.drug = true;
      link(person, category === 'dispute' || category === 'traffic_accident' ? 'involved' : 'suspect');
    }
    if (category === 'dispute' || category === 'traffic_accident') link(this.person(at, { minAge: 18, maxAge: 75 }), 'involved');
    if (random.chance(0.1)) link(this.person(at, { minAge: 18, maxAge: 70 }), 'witness');
    const victim = links.find((l) => l.role === 'victim');
    const reporterName = victim?.person.name ?? (random.chance(0.7) ? personName(random, random.chance(0.6) ? 'male' : 'female') : '');
    const anonymous = reporterName === '' && random.chance(0.3);

    // Casualties and damage.
    const traffic = kind === 'traffic_accident';
    const fire = kind === 'fire_explosion';
    const deaths = traffic ? (random.chance(0.12) ? random.int(1, 2) : 0) : fire ? (random.chance(0.03) ? 1 : 0) : category === 'murder' ? 1 : null;
    const injuries = traffic ? random.int(0, 3) : fire ? (random.chance(0.15) ? random.int(1, 2) : 0) : category === 'assault' ? random.int(1, 2) : null;
    const damage = fire ? random.int(5, 800) * 1_000_000 : traffic ? random.int(1, 60) * 500_000 : null;

    // Where it stands, by its age.
    const status = { value: 'received' as ReportStatus, complex: 0, transferredAt: null as number | null, transferredTo: '', noticeAt: null as number | null };
    const decision = { value: null as Decision | null, at: null as number | null, no: '' };
    let extendedUntil: IsoDate | null = null;
    let extensionNo = '';
    let resolution = '';
    let sanction = '';
    let fine: number | null = null;
    const upTo = (offset: number) => Math.min(at + offset, this.end);
    const roll = random.next();
    if (clocked) {
      if (ageDays < 1) status.value = roll < 0.6 ? 'received' : 'checking';
      else if (ageDays < 20) status.value = roll < 0.15 ? 'checking' : roll < 0.55 ? 'transferred' : roll < 0.75 ? 'commune_handling' : roll < 0.9 ? 'decided' : 'resolved_admin';
      else {
        // Past the longest time the law allows (4 months with an extension) a report is settled; a few
        // were forgotten, and are the overdue rows of the deadlines view.
        const open = ageDays < 120 ? 0.07 : 0.002;
        status.value = roll < open * 0.4 ? 'checking' : roll < open ? 'commune_handling' : roll < 0.35 ? 'transferred' : roll < 0.88 ? 'decided' : 'resolved_admin';
      }
      if (ageDays >= 20 && (status.value === 'commune_handling' || status.value === 'checking') && random.chance(0.6)) status.complex = 1;
      if (status.complex === 1 && ageDays > 60 && random.chance(0.5)) {
        const due = computeDeadlines({ receivedAt: at, remoteCommune: this.input.settings.remoteCommune, complex: true, extendedUntil: null }, this.input.holidays);
        const candidate = addDays(localDate(due.decisionDueAt - 1), random.int(10, 55));
        extendedUntil = candidate < due.extensionLimit ? candidate : due.extensionLimit;
        extensionNo = `${random.int(1, 150)}/QĐ-GHTH`;
      }
      if (status.value === 'transferred' || (status.value === 'decided' && random.chance(0.6))) {
        status.transferredAt = upTo(random.int(2, 20) * HOUR);
        status.transferredTo = `Cơ quan Cảnh sát điều tra ${this.office.parentName}`;
      }
      if (status.value === 'decided') {
        decision.value = random.weighted(decisionWeights);
        decision.at = upTo(random.int(4, 19) * DAY + random.int(0, 8) * HOUR);
        decision.no = `${random.int(1, 400)}/QĐ-${decision.value === 'prosecute' ? 'KTVA' : decision.value === 'suspend' ? 'TĐGQ' : 'KKTVA'}`;
      }
      if (status.value === 'resolved_admin') resolution = 'Không có dấu hiệu tội phạm, chuyển xử lý vi phạm hành chính';
      // The notice to the reporter is late now and then, and missing for a few old reports only.
      const noticeChance = ageDays >= 30 ? 0.998 : ageDays >= 3 ? 0.93 : 0.5;
      if (ageDays >= 0.5 && random.chance(noticeChance)) status.noticeAt = upTo(random.int(1, 3) * DAY);
    } else if (kind === 'administrative_violation') {
      status.value = ageDays < 2 ? (roll < 0.5 ? 'received' : 'checking') : 'resolved_admin';
      if (status.value === 'resolved_admin') {
        sanction = `${random.int(1, 500)}/QĐ-XPVPHC`;
        fine = random.pick([750_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000, 5_000_000, 7_500_000]);
        resolution = 'Đã ra quyết định xử phạt vi phạm hành chính';
      }
    } else if (traffic || fire) {
      if (ageDays < 3) status.value = roll < 0.5 ? 'received' : 'checking';
      else if (deaths) {
        status.value = 'transferred';
        status.transferredAt = upTo(random.int(2, 12) * HOUR);
        status.transferredTo = `Cơ quan Cảnh sát điều tra ${this.office.parentName}`;
      } else status.value = roll < 0.7 ? 'resolved_admin' : 'resolved_mediation';
      if (status.value.startsWith('resolved')) resolution = status.value === 'resolved_admin' ? 'Đã lập hồ sơ, xử lý theo quy định' : 'Các bên đã thỏa thuận bồi thường';
    } else if (kind === 'dispute_mediation') {
      status.value = ageDays < 5 ? (roll < 0.5 ? 'received' : 'checking') : roll < 0.9 ? 'resolved_mediation' : 'resolved_admin';
      if (status.value === 'resolved_mediation') resolution = 'Hòa giải thành tại Tổ hòa giải thôn';
    } else {
      status.value = ageDays < 3 ? 'received' : roll < 0.7 ? 'resolved_admin' : 'resolved_mediation';
      if (status.value.startsWith('resolved')) resolution = 'Đã xác minh, giải quyết xong';
    }
    const voided = random.chance(this.rates.voidShare);
    const deletedAt = voided ? upTo(random.int(1, 72) * HOUR) : null;
    const updatedAt = Math.max(at, status.transferredAt ?? at, status.noticeAt ?? at, decision.at ?? at);
    const occurred = localDate(at - random.int(0, 3) * DAY * (random.chance(0.5) ? 1 : 0));
    const base = {
      kind,
      received_at: at,
      complex: status.complex,
      extended_until: extendedUntil,
      status: status.value,
      notice_sent_at: status.noticeAt,
      deleted_at: deletedAt,
    };
    const line = this.add(
      'reports',
      at,
      {
        register_year: year,
        register_no: no,
        occurred_on: occurred < this.input.from ? this.input.from : occurred,
        occurred_note: '',
        channel: kind === 'administrative_violation' && random.chance(0.6) ? 'found_by_officers' : random.weighted(channelWeights),
        category_code: category,
        locality_id: village.id,
        address: address(random, village.name, this.commune),
        latitude: null,
        longitude: null,
        reporter_name: anonymous ? '' : reporterName,
        reporter_contact: reporterName && !anonymous ? this.phone() : '',
        reporter_address: reporterName && !anonymous ? address(random, this.locality().name, this.commune) : '',
        reporter_anonymous: anonymous ? 1 : 0,
        summary,
        description: `${summary}. Tiếp nhận lúc ${new Date(at + 7 * HOUR).toISOString().slice(11, 16)} ngày ${localDate(at).split('-').reverse().join('/')}.`,
        deaths,
        injuries,
        damage,
        sanction_decision: sanction,
        fine,
        officer_id: this.officer(),
        transferred_at: status.transferredAt,
        transferred_to: status.transferredTo,
        decision: decision.value,
        decision_at: decision.at,
        decision_no: decision.no,
        extension_no: extensionNo,
        resolution_note: resolution,
        ...base,
        ...deadlineColumns(base, this.input.holidays, this.input.settings),
      },
      { updatedAt, deletedAt },
    );
    const id = line.r.id as string;
    this.reports.push({ id, at });
    for (const { person, role } of links) this.add('report_persons', at, { report_id: id, person_id: person.id, role });
    // Co-suspects of one case know each other.
    const together = links.filter((l) => l.role === 'suspect');
    if (together.length >= 2 && random.chance(0.4)) {
      this.add('person_links', at, {
        person_id: together[0]!.person.id,
        other_id: together[1]!.person.id,
        kind: category && (drugCategories.has(category) || groupCategories.has(category)) ? 'same_ring' : 'associate',
        note: `Cùng tham gia vụ ${no}/${year}`,
      });
    }
    const involved = links.filter((l) => l.role === 'involved');
    if (category === 'dispute' && involved.length >= 2 && random.chance(0.3)) {
      this.add('person_links', at, { person_id: involved[0]!.person.id, other_id: involved[1]!.person.id, kind: 'family', note: 'Anh em trong gia đình' });
    }
  }

  // ---- programs ----

  private program(at: number): void {
    const random = this.random;
    const kindCode = random.weighted(programKinds);
    const kind = programKindsByCode.get(kindCode)!;
    const start = localDate(at);
    const known = drugKinds.has(kindCode) ? this.persons.filter((p) => p.drug && p.createdAt <= at) : [];
    const person = known.length > 0 && random.chance(0.7) ? random.pick(known) : this.person(at, { minAge: kindCode === 'post_rehab_minor' ? 14 : 18, maxAge: kindCode === 'post_rehab_minor' ? 17 : 55, fresh: kindCode === 'post_rehab_minor' });
    if (drugKinds.has(kindCode)) person.drug = true;
    const [min, max] = decidedMonths[kindCode] ?? [12, 12];
    const endDate = kind.months !== null ? programEnd(start, kind.months) : programEnd(start, random.int(min, max));
    let endedOn: IsoDate | null = null;
    let endReason: string | null = null;
    if (endDate < this.today) {
      endedOn = endDate;
      endReason = 'completed';
    }
    if (random.chance(endedOn ? 0.12 : 0.05)) {
      const early = addDays(start, random.int(30, 300));
      if (early < endDate && early <= this.today) {
        endedOn = early;
        endReason = random.weighted(endReasonWeights);
      }
    }
    const officer = this.officer();
    const voided = random.chance(this.rates.voidShare / 2);
    const programId = random.uuid(at);
    // Check-ins every `checkin_days` (a few days late at times), a drug test when one is due.
    const checkins: { date: IsoDate; test: boolean }[] = [];
    const last = endedOn ?? this.today;
    let lastTest: IsoDate | null = null;
    for (let date = addDays(start, kind.checkinDays + random.int(-3, 5)); date <= last && checkins.length < 60; date = addDays(date, kind.checkinDays + random.int(-3, 5))) {
      const test = kind.drugTestDays !== null && addDays(lastTest ?? start, kind.drugTestDays) <= addDays(date, 3);
      if (test) lastTest = date;
      checkins.push({ date, test });
    }
    const lastCheckin = checkins.at(-1)?.date ?? null;
    const active = endedOn === null;
    const events = [at, ...checkins.map((c) => this.timeOn(c.date)), endedOn ? this.timeOn(endedOn) : at].map((t) => Math.min(t, this.end));
    this.add(
      'programs',
      at,
      {
        person_id: person.id,
        kind_code: kindCode,
        decision_no: `${random.int(1, 300)}/QĐ-UBND`,
        decision_date: start,
        start_date: start,
        end_date: endDate,
        end_override_reason: '',
        officer_id: officer,
        status: active ? 'active' : 'ended',
        ended_on: endedOn,
        end_reason: endReason,
        end_note: endReason && endReason !== 'completed' ? 'Kết thúc trước thời hạn theo quy định' : '',
        last_checkin_on: lastCheckin,
        next_checkin_on: active ? nextDue(lastCheckin ?? start, kind.checkinDays) : null,
        next_test_on: active ? nextDue(lastTest ?? start, kind.drugTestDays) : null,
      },
      { id: programId, updatedAt: Math.max(...events), deletedAt: voided ? Math.min(at + DAY, this.end) : null },
    );
    for (const checkin of checkins) {
      const positive = checkin.test && random.chance(0.08);
      this.add('program_checkins', Math.min(this.timeOn(checkin.date), this.end), {
        program_id: programId,
        date: checkin.date,
        officer_id: officer,
        result: positive ? 'Có mặt; kết quả xét nghiệm dương tính, đã lập biên bản' : random.pick(['Có mặt, chấp hành tốt', 'Có mặt đúng hẹn', 'Gặp tại nhà, chấp hành tốt', 'Làm việc tại trụ sở']),
        drug_test: checkin.test ? 1 : 0,
        drug_test_result: checkin.test ? (positive ? 'positive' : random.chance(0.02) ? 'refused' : 'negative') : null,
      });
    }
  }

  // ---- hotspots ----

  private hotspot(at: number): void {
    const random = this.random;
    const type = random.weighted(hotspotTypes);
    const village = this.locality();
    const name = random.pick(hotspotPlaces[type]!).replace('{place}', village.name);
    const foundOn = localDate(at);
    const reviewDays = random.pick([15, 30, 30, 30, 60]);
    // The path it took: found, confirmed, watched, raided, cleared, and sometimes back again.
    const history: { status: string; on: IsoDate; note: string }[] = [{ status: 'suspected', on: foundOn, note: 'Tiếp nhận thông tin, đưa vào theo dõi' }];
    const step = (status: string, minDays: number, maxDays: number, chance: number, note: string): boolean => {
      if (!random.chance(chance)) return false;
      const on = addDays(history.at(-1)!.on, random.int(minDays, maxDays));
      if (on > this.today) return false;
      history.push({ status, on, note });
      return true;
    };
    if (step('active', 5, 40, 0.8, 'Xác minh có hoạt động') && step('under_watch', 7, 60, 0.75, 'Phân công theo dõi, lập chuyên án') && step('raided', 10, 90, 0.7, 'Tổ chức kiểm tra, bắt quả tang')) {
      if (step('cleared', 5, 30, 0.8, 'Triệt xóa tụ điểm') && step('relapsed', 60, 300, 0.2, 'Phát hiện hoạt động trở lại') && step('raided', 10, 60, 0.8, 'Kiểm tra, xử lý lần hai')) {
        step('cleared', 5, 30, 0.8, 'Triệt xóa lần hai');
      }
    }
    let clearedOn: IsoDate | null = null;
    for (const event of history) clearedOn = event.status === 'cleared' ? event.on : event.status === 'relapsed' || event.status === 'active' ? null : clearedOn;
    const status = history.at(-1)!.status;
    // Checks: every review period while it is live, then every six months for two years after it was cleared.
    const checks: IsoDate[] = [];
    for (let date = addDays(foundOn, reviewDays + random.int(-3, 5)); date <= this.today && checks.length < 40; ) {
      checks.push(date);
      const cleared = history.filter((event) => event.on <= date).at(-1)?.status === 'cleared';
      if (cleared && clearedOn !== null && date > addDays(clearedOn, 730)) break;
      date = addDays(date, cleared ? 180 : reviewDays + random.int(-3, 5));
    }
    const lastCheck = checks.at(-1) ?? null;
    const id = random.uuid(at);
    const updatedAt = Math.min(this.end, Math.max(at, ...history.map((event) => this.timeOn(event.on)), ...checks.map((date) => this.timeOn(date))));
    this.add(
      'hotspots',
      at,
      {
        name,
        name_fold: fold(name),
        type,
        locality_id: village.id,
        address: address(random, village.name, this.commune),
        latitude: null,
        longitude: null,
        description: `Tụ điểm ${type === 'gambling' ? 'cờ bạc' : type.startsWith('drug') ? 'ma túy' : 'phức tạp về ANTT'} tại ${village.name}`,
        risk: random.weighted(weights<'low' | 'medium' | 'high'>([['low', 25], ['medium', 50], ['high', 25]])),
        status,
        found_on: foundOn,
        cleared_on: clearedOn,
        review_days: reviewDays,
        last_check_on: lastCheck,
        next_review_on: addDays(lastCheck ?? foundOn, reviewDays),
      },
      { id, updatedAt },
    );
    this.hotspots.push({ id, name, foundAt: at, localityId: village.id });
    for (const event of history) this.add('hotspot_history', Math.min(this.timeOn(event.on), this.end), { hotspot_id: id, status: event.status, on_date: event.on, note: event.note });
    const roles = hotspotRoles[type]!;
    const people = random.int(1, 4);
    const seen = new Set<string>();
    for (let i = 0; i < people; i += 1) {
      const person = this.person(at, { minAge: 18, maxAge: 55 });
      if (seen.has(person.id)) continue;
      seen.add(person.id);
      if (type.startsWith('drug')) person.drug = true;
      this.add('hotspot_persons', at, { hotspot_id: id, person_id: person.id, role: random.pick(roles) });
    }
    for (const date of checks) {
      const state = history.filter((event) => event.on <= date).at(-1)!.status;
      this.add('hotspot_checks', Math.min(this.timeOn(date), this.end), {
        hotspot_id: id,
        date,
        officers: [officerName(random), officerName(random)].join(', '),
        found:
          state === 'cleared'
            ? 'Không phát hiện hoạt động trở lại'
            : random.pick(['Phát hiện đối tượng tụ tập, đã nhắc nhở', 'Không phát hiện vi phạm', `Phát hiện ${random.int(2, 6)} đối tượng, đã lập biên bản`, 'Tiếp tục theo dõi']),
      });
    }
  }

  // ---- campaigns ----

  /** Which campaigns the office runs: templates by year, starting in the span. */
  private planCampaigns(): { start: IsoDate; end: IsoDate; template: (typeof campaignTemplates)[number]; year: number }[] {
    const candidates: { start: IsoDate; end: IsoDate; template: (typeof campaignTemplates)[number]; year: number }[] = [];
    const firstYear = Number(this.input.from.slice(0, 4));
    const lastYear = Number(this.today.slice(0, 4)) + 1;
    for (let year = firstYear; year <= lastYear; year += 1) {
      for (const template of campaignTemplates) {
        const start = template.start === 'tet' ? addDays(tetDays[year] ?? `${year}-02-05`, -45) : `${year}-${template.start}`;
        if (start >= this.input.from && start <= this.today) candidates.push({ start, end: addDays(start, template.days - 1), template, year });
      }
    }
    const wanted = Math.min(candidates.length, this.count(this.rates.campaignsPerYear));
    const chosen: typeof candidates = [];
    const pool = [...candidates];
    while (chosen.length < wanted) chosen.push(pool.splice(this.random.int(0, pool.length - 1), 1)[0]!);
    return chosen.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  }

  private campaign(start: IsoDate, template: (typeof campaignTemplates)[number], year: number): void {
    const random = this.random;
    const decisionDate = addDays(start, -random.int(3, 10));
    const at = Math.max(this.start, this.timeOn(decisionDate));
    const endDate = addDays(start, template.days - 1);
    const operations = Math.max(1, this.rates.operationsPerCampaign + Math.round(random.normal() * Math.sqrt(this.rates.operationsPerCampaign)));
    const id = random.uuid(at);
    this.add('campaigns', at, {
      name: template.name(year),
      decision_no: `${random.int(1, 300)}/KH-CAX`,
      decision_date: decisionDate < this.input.from ? this.input.from : decisionDate,
      start_date: start,
      end_date: endDate,
      scope_all: 1,
      forces: 'Công an xã; Tổ bảo vệ an ninh, trật tự ở cơ sở; Dân quân tự vệ',
      notes: '',
    }, { id });
    const targets: Readonly<Record<string, () => number>> = {
      reports_detected: () => random.int(10, 30),
      cases_solved: () => random.int(8, 25),
      persons_handled: () => random.int(5, 20),
      hotspots_cleared: () => random.int(1, 3),
      operations: () => operations,
      money: () => random.int(10, 50) * 1_000_000,
      heroin: () => random.int(5, 50),
      synthetic_drugs: () => random.int(10, 100),
      cannabis: () => random.int(10, 200),
      weapons: () => random.int(2, 10),
      vehicles: () => random.int(3, 20),
    };
    for (const measure of template.measures) this.add('campaign_targets', at, { campaign_id: id, measure_code: measure, target: targets[measure]?.() ?? 1 });
    for (const category of template.categories) this.add('campaign_categories', at, { campaign_id: id, category_code: category });
    const from = startOfDay(start);
    const to = Math.min(endOfDay(endDate) - 1, this.end);
    if (to <= from) return;
    const times = Array.from({ length: operations }, () => this.instant(from, to)).sort((a, b) => a - b);
    const seizable = template.measures.filter((measure) => seizureMeasures.has(measure));
    for (const started of times) {
      const kind = random.weighted(operationKinds);
      const hotspot = kind === 'raid' ? this.hotspots.filter((h) => h.foundAt <= started).at(-1 - random.int(0, 4)) : undefined;
      const village = this.locality();
      const arrested = kind === 'raid' ? random.int(0, 5) : kind === 'sweep' ? random.int(0, 2) : 0;
      const opId = random.uuid(started);
      this.add('operations', started, {
        campaign_id: id,
        kind,
        started_at: started,
        place: hotspot?.name ?? village.name,
        locality_id: hotspot?.localityId ?? village.id,
        forces: 'Công an xã phối hợp Tổ bảo vệ ANTT cơ sở',
        leader: officerName(random),
        persons_arrested: arrested,
        persons_sanctioned: kind === 'checkpoint' || kind === 'inspection' ? random.int(0, 8) : random.int(0, arrested + 2),
        notes: '',
      }, { id: opId });
      if ((kind === 'raid' || kind === 'sweep' || kind === 'checkpoint') && random.chance(0.6)) {
        const measures = seizable.length > 0 && random.chance(0.7) ? seizable : [...seizureMeasures];
        const measure = random.pick(measures);
        const quantity =
          measure === 'money' ? random.int(5, 500) * 100_000 : measure === 'weapons' || measure === 'vehicles' ? random.int(1, 4) : Math.round(random.next() * 5000) / 100 + 0.1;
        this.add('operation_seizures', started, { operation_id: opId, measure_code: measure, quantity });
      }
      if (hotspot) this.add('operation_hotspots', started, { operation_id: opId, hotspot_id: hotspot.id });
      const report = random.chance(0.3) ? this.reportAround(started) : undefined;
      if (report) this.add('operation_reports', started, { operation_id: opId, report_id: report.id });
    }
  }

  /** The first report received in the three days from `at`, if any. */
  private reportAround(at: number): Report | undefined {
    let low = 0;
    let high = this.reports.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.reports[mid]!.at < at) low = mid + 1;
      else high = mid;
    }
    const report = this.reports[low];
    return report && report.at <= at + 3 * DAY ? report : undefined;
  }
}
