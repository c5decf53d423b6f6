import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { citizenId } from '../../api/fields';
import { fold } from '../../core/fold';
import { categoryWeights } from '../../db/demo/catalog';
import { generateRecords, generatedOffices, GENERATOR_NODE, SIZES, type GeneratorInput } from '../../db/demo/generator';
import type { RecordLine } from '../../db/exchange/export';
import { isIsoDate, localDate } from '../../core/calendar';
import { categorySeed } from '../../db/seed/categories';
import { statutoryDaysOff } from '../../core/holidays';
import { defaultSettings } from '../../db/settings';

const NOW = Date.parse('2026-06-20T10:00:00+07:00');
const input = (seed: number, overrides: Partial<GeneratorInput> = {}): GeneratorInput => ({
  seed,
  offices: generatedOffices(2),
  from: '2025-06-21',
  to: '2026-06-20',
  now: NOW,
  holidays: statutoryDaysOff(2025, 2027),
  settings: defaultSettings,
  rates: SIZES.demo,
  ...overrides,
});

function sha256(lines: Iterable<RecordLine>): string {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(JSON.stringify(line)).update('\n');
  return hash.digest('hex');
}

const lines = [...generateRecords(input(42))];
const rows = (table: string) => lines.filter((line) => line.t === table).map((line) => line.r);

describe('the demo data generator', () => {
  it('is deterministic: the same seed gives the same lines, another seed other lines', () => {
    expect(sha256(generateRecords(input(42)))).toBe(sha256(lines));
    expect(sha256(generateRecords(input(43)))).not.toBe(sha256(lines));
  });

  it('stamps every record with the record columns of a record made when it happened', () => {
    for (const { t, r } of lines) {
      // An office's id is its national code.
      if (t === 'offices') continue;
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt((r.id as string).replace(/-/g, '').slice(0, 12), 16)).toBe(r.created_at);
      expect(r.version).toMatch(new RegExp(`^\\d{13}-\\d{5}-${GENERATOR_NODE}$`));
      expect(r.base_version).toBeNull();
      expect(r.updated_at as number).toBeGreaterThanOrEqual(r.created_at as number);
      expect(r.updated_at as number).toBeLessThanOrEqual(NOW);
      expect(r.deleted_at === null).toBe(r.void_reason === null);
    }
    expect(new Set(lines.map((line) => line.r.id)).size).toBe(lines.length);
  });

  it('puts parents before children', () => {
    const seen = new Set<string>();
    const parents: Record<string, string[]> = {
      report_persons: ['report_id', 'person_id'],
      person_links: ['person_id', 'other_id'],
      programs: ['person_id'],
      program_checkins: ['program_id'],
      hotspot_history: ['hotspot_id'],
      hotspot_persons: ['hotspot_id', 'person_id'],
      hotspot_checks: ['hotspot_id'],
      campaign_targets: ['campaign_id'],
      campaign_categories: ['campaign_id'],
      operations: ['campaign_id'],
      operation_seizures: ['operation_id'],
      operation_hotspots: ['operation_id', 'hotspot_id'],
      operation_reports: ['operation_id', 'report_id'],
    };
    for (const { t, r } of lines) {
      for (const column of parents[t] ?? []) expect(seen.has(r[column] as string), `${t}.${column}`).toBe(true);
      seen.add(r.id as string);
    }
  });

  it('gives every person a Vietnamese name with its diacritics, in NFC, and a valid citizen ID unique in the store', () => {
    const persons = rows('persons');
    expect(persons.length).toBeGreaterThan(100);
    const ids = persons.map((p) => p.citizen_id).filter((id) => id !== null) as string[];
    for (const id of ids) expect(citizenId.safeParse(id).success, id).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of persons) {
      const name = p.full_name as string;
      expect(name).toBe(name.normalize('NFC'));
      expect(name.split(' ').length).toBeGreaterThanOrEqual(3);
      expect(p.name_fold).toBe(fold(name));
      const id = p.citizen_id as string | null;
      if (id) {
        // Century and gender digit, then the birth year.
        expect(Number(id[3])).toBe((Number(p.birth_year) >= 2000 ? 2 : 0) + (p.gender === 'female' ? 1 : 0));
        expect(id.slice(4, 6)).toBe(String(Number(p.birth_year) % 100).padStart(2, '0'));
      }
    }
    const withMarks = persons.filter((p) => fold(p.full_name as string) !== (p.full_name as string).toLowerCase());
    expect(withMarks.length / persons.length).toBeGreaterThan(0.9);
    const nguyen = persons.filter((p) => (p.full_name as string).startsWith('Nguyễn ')).length / persons.length;
    expect(nguyen).toBeGreaterThan(0.25);
    expect(nguyen).toBeLessThan(0.5);
  });

  it('dates every event on a real day within the span', () => {
    const inSpan = (date: unknown) => {
      expect(isIsoDate(date as string), String(date)).toBe(true);
      expect(date as string >= '2025-06-21' && (date as string) <= '2026-06-20', String(date)).toBe(true);
    };
    for (const r of rows('reports')) {
      inSpan(localDate(r.received_at as number));
      inSpan(r.occurred_on);
    }
    for (const r of rows('programs')) inSpan(r.start_date);
    for (const r of rows('program_checkins')) inSpan(r.date);
    for (const r of rows('hotspots')) inSpan(r.found_on);
    for (const r of rows('hotspot_history')) inSpan(r.on_date);
    for (const r of rows('hotspot_checks')) inSpan(r.date);
    for (const r of rows('operations')) inSpan(localDate(r.started_at as number));
    for (const r of rows('persons')) if (r.birth_date !== null) expect(isIsoDate(r.birth_date as string)).toBe(true);
  });

  it('numbers each office’s register per year 1..n without gaps, in receipt order', () => {
    const byBook = new Map<string, { no: number; at: number }[]>();
    for (const r of rows('reports')) {
      const key = `${r.office_id}/${r.register_year}`;
      byBook.set(key, [...(byBook.get(key) ?? []), { no: r.register_no as number, at: r.received_at as number }]);
      expect(r.register_year).toBe(Number(localDate(r.received_at as number).slice(0, 4)));
    }
    expect(byBook.size).toBe(4);
    for (const entries of byBook.values()) {
      expect(entries.map((e) => e.no)).toEqual(entries.map((_, i) => i + 1));
      const times = entries.map((e) => e.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('draws categories from the seed in realistic proportions, theft the most frequent', () => {
    const codes = new Set(categorySeed.flatMap((group) => group.types.map(([code]) => code)));
    for (const [code] of categoryWeights.entries) if (code !== null) expect(codes.has(code), code).toBe(true);
    const reports = [...generateRecords(input(7, { offices: generatedOffices(1), from: '2016-06-21', rates: SIZES.province }))].filter((line) => line.t === 'reports');
    expect(reports.length).toBeGreaterThan(9000);
    expect(reports.length).toBeLessThan(11_500);
    const counts = new Map<string, number>();
    for (const { r } of reports) counts.set(String(r.category_code), (counts.get(String(r.category_code)) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]![0]).toBe('theft');
    const theftWeight = categoryWeights.entries.find(([code]) => code === 'theft')![1] / categoryWeights.total;
    expect(Math.abs(counts.get('theft')! / reports.length - theftWeight)).toBeLessThan(0.03);
    // More reports around Tết than in an ordinary stretch of the same length.
    const between = (from: string, to: string) => reports.filter(({ r }) => localDate(r.received_at as number) >= from && localDate(r.received_at as number) <= to).length;
    expect(between('2026-01-27', '2026-02-24')).toBeGreaterThan(between('2025-10-01', '2025-10-29'));
  });

  it('fills the tables of a commune’s work: people in several reports, drug users in programs, hotspot histories, campaigns with operations', () => {
    const links = rows('report_persons');
    const perPerson = new Map<string, number>();
    for (const link of links) perPerson.set(link.person_id as string, (perPerson.get(link.person_id as string) ?? 0) + 1);
    expect([...perPerson.values()].filter((n) => n >= 2).length).toBeGreaterThan(10);
    // A repeat offender, not one person in every tenth report.
    expect(Math.max(...perPerson.values())).toBeLessThan(links.length / 40);
    expect(rows('programs').filter((p) => p.kind_code === 'drug_user').length).toBeGreaterThan(10);
    const history = rows('hotspot_history');
    expect(history.length).toBeGreaterThan(rows('hotspots').length);
    expect(new Set(history.map((h) => h.status)).size).toBeGreaterThanOrEqual(4);
    expect(rows('campaigns').length).toBe(6);
    expect(rows('operations').length).toBeGreaterThan(10);
    expect(rows('operation_seizures').length).toBeGreaterThan(0);
    const traffic = rows('reports').filter((r) => r.kind === 'traffic_accident');
    expect(traffic.every((r) => r.injuries !== null && r.deaths !== null)).toBe(true);
    expect(rows('reports').filter((r) => r.kind === 'fire_explosion').every((r) => (r.damage as number) > 0)).toBe(true);
    expect(rows('offices').map((o) => o.id)).toEqual(['15000', '15007']);
    expect([...generateRecords(input(42, { ownOfficeCode: '15000' }))].filter((line) => line.t === 'offices').map((line) => line.r.id)).toEqual(['15007']);
  });

  it('settles reports within the legal time: a report older than the longest extension (4 months) is rarely still open', () => {
    const clocked = rows('reports').filter((r) => ['crime_report', 'denunciation', 'prosecution_request'].includes(r.kind as string));
    const age = (r: Record<string, unknown>) => (NOW - (r.received_at as number)) / 86_400_000;
    const open = (r: Record<string, unknown>) => ['received', 'checking', 'commune_handling'].includes(r.status as string);
    const share = (list: Record<string, unknown>[], test: (r: Record<string, unknown>) => boolean) => list.filter(test).length / list.length;
    const old = clocked.filter((r) => age(r) > 150);
    const recent = clocked.filter((r) => age(r) > 20 && age(r) < 110);
    expect(old.length).toBeGreaterThan(200);
    // Open ones among recent reports (being checked, extended), a few forgotten among old ones.
    expect(share(recent, open)).toBeGreaterThan(0.03);
    expect(share(old, open)).toBeLessThan(0.01);
    expect(share(old, (r) => r.notice_sent_at === null)).toBeLessThan(0.01);
  });
});
