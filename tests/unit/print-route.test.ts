import { describe, expect, it } from 'vitest';
import type { Result } from '../../api/result';
import { loadAllPages, loadEach, PAGE_SIZE } from '../../renderer/print/load-all';
import { roman } from '../../renderer/print/print-list-text';
import { deadlinesPath, hotspotsPath, keyCardPath, parsePrintPath, periodicPath, programsPath } from '../../renderer/print/print-route';

/** The print routes of the lists (issue #6): built from a page's filters, read back, bad ones refused. */

const LOCALITY = '0190a0b0-0000-7000-8000-000000000001';
const OFFICER = '0190a0b0-0000-7000-8000-000000000002';

describe('the deadlines route', () => {
  it('carries the horizon in days', () => {
    expect(deadlinesPath(7)).toBe('/print/deadlines?within=7');
    expect(parsePrintPath(deadlinesPath(7))).toEqual({ kind: 'deadlines', withinDays: 7 });
    expect(parsePrintPath(deadlinesPath(0))).toEqual({ kind: 'deadlines', withinDays: 0 });
    expect(parsePrintPath('/print/deadlines')).toEqual({ kind: 'deadlines', withinDays: 3 });
    expect(parsePrintPath('/print/deadlines?within=')).toEqual({ kind: 'deadlines', withinDays: 3 });
  });

  it('refuses a horizon that is not a whole number of days from 0 to 60', () => {
    for (const within of ['61', '-1', '1.5', 'abc', '3x', '1e1', '007']) {
      expect(parsePrintPath(`/print/deadlines?within=${within}`), within).toEqual({ kind: 'bad-query' });
    }
  });
});

describe('the hotspots route', () => {
  it('carries the hotspots page filters and order, leaving out what is not set', () => {
    const path = hotspotsPath({ q: ' Bến đò ', type: 'gambling', status: '', localityId: LOCALITY, sort: 'name', direction: 'desc' });
    expect(path.startsWith('/print/hotspots?')).toBe(true);
    expect(path).not.toContain('status=');
    expect(parsePrintPath(path)).toEqual({
      kind: 'hotspots',
      query: { q: 'Bến đò', type: 'gambling', status: null, localityId: LOCALITY, sort: 'name', direction: 'desc' },
    });
  });

  it('reads a bare route as the whole list in the default order', () => {
    expect(hotspotsPath({})).toBe('/print/hotspots');
    expect(parsePrintPath('/print/hotspots')).toEqual({
      kind: 'hotspots',
      query: { q: '', type: null, status: null, localityId: null, sort: 'next_review_on', direction: 'asc' },
    });
  });

  it('refuses values the hotspot list does not know', () => {
    for (const query of ['type=casino', 'status=closed', 'localityId=thon-1', 'sort=address', 'direction=up', `q=${'x'.repeat(201)}`]) {
      expect(parsePrintPath(`/print/hotspots?${query}`), query).toEqual({ kind: 'bad-query' });
    }
  });
});

describe('the programs route', () => {
  it('carries the programs page filters', () => {
    const path = programsPath({ q: 'Ngọc', kindCode: 'drug_user', status: 'ended', officerId: OFFICER });
    expect(parsePrintPath(path)).toEqual({ kind: 'programs', query: { q: 'Ngọc', kindCode: 'drug_user', status: 'ended', officerId: OFFICER } });
  });

  it('writes "all" for every status, and reads a missing status as the list default (active)', () => {
    expect(programsPath({ status: '' })).toBe('/print/programs?status=all');
    expect(parsePrintPath(programsPath({ status: '' }))).toEqual({ kind: 'programs', query: { q: '', kindCode: null, status: null, officerId: null } });
    expect(parsePrintPath('/print/programs')).toEqual({ kind: 'programs', query: { q: '', kindCode: null, status: 'active', officerId: null } });
    expect(parsePrintPath(programsPath({ status: 'active' }))).toEqual({ kind: 'programs', query: { q: '', kindCode: null, status: 'active', officerId: null } });
  });

  it('refuses values the program list does not know', () => {
    for (const query of ['status=paused', 'officerId=42', `kindCode=${'k'.repeat(61)}`]) {
      expect(parsePrintPath(`/print/programs?${query}`), query).toEqual({ kind: 'bad-query' });
    }
  });
});

describe('the periodic report route', () => {
  const ISSUED = '0190a0b0-0000-7000-8000-000000000003';

  it('carries the issued report', () => {
    expect(periodicPath(ISSUED)).toBe(`/print/periodic/${ISSUED}`);
    expect(parsePrintPath(periodicPath(ISSUED))).toEqual({ kind: 'periodic', reportId: ISSUED });
  });

  it('needs exactly one id', () => {
    expect(parsePrintPath('/print/periodic')).toEqual({ kind: 'unknown' });
    expect(parsePrintPath('/print/periodic/')).toEqual({ kind: 'unknown' });
    expect(parsePrintPath(`/print/periodic/${ISSUED}/extra`)).toEqual({ kind: 'unknown' });
  });
});

describe('the key card route', () => {
  it('carries no parameter', () => {
    expect(keyCardPath).toBe('/print/key-card');
    expect(parsePrintPath(keyCardPath)).toEqual({ kind: 'key-card' });
    expect(parsePrintPath('/print/key-card/extra')).toEqual({ kind: 'unknown' });
  });
});

describe('other paths', () => {
  it('are unknown documents', () => {
    expect(parsePrintPath('/print/hotspots/extra')).toEqual({ kind: 'unknown' });
    expect(parsePrintPath('/print/programs/1?status=all')).toEqual({ kind: 'unknown' });
    expect(parsePrintPath('/print/toString')).toEqual({ kind: 'unknown' });
    expect(parsePrintPath('/print/constructor?x=1')).toEqual({ kind: 'unknown' });
  });
});

describe('loading a whole list', () => {
  const never = () => false;
  const pages = (total: number) => (offset: number, limit: number) =>
    Promise.resolve<Result<{ total: number; rows: number[] }>>({
      ok: true,
      value: { total, rows: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i) },
    });

  it('reads page after page of 500 until the total, reporting each page', async () => {
    const seen: [number, number][] = [];
    const result = await loadAllPages(pages(1234), never, (_rows, done, total) => seen.push([done, total]));
    expect(result.ok && result.value.length).toBe(1234);
    expect(result.ok && result.value[1233]).toBe(1233);
    expect(seen).toEqual([
      [PAGE_SIZE, 1234],
      [2 * PAGE_SIZE, 1234],
      [1234, 1234],
    ]);
    const empty = await loadAllPages(pages(0), never);
    expect(empty).toEqual({ ok: true, value: [] });
  });

  it('stops at a failed page or when cancelled', async () => {
    const failing = (offset: number) =>
      Promise.resolve<Result<{ total: number; rows: number[] }>>(
        offset === 0 ? { ok: true, value: { total: 900, rows: Array.from({ length: PAGE_SIZE }, (_, i) => i) } } : { ok: false, error: { code: 'internal', message: 'boom' } },
      );
    expect(await loadAllPages(failing, never)).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
    const cancelled = await loadAllPages(pages(900), () => true);
    expect(cancelled.ok).toBe(false);
  });

  it('loads one item each a few at a time, keeping the order, and stops at the first failure', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const result = await loadEach(
      Array.from({ length: 25 }, (_, i) => i),
      async (n) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, (n * 7) % 5));
        running--;
        return { ok: true, value: n * 2 };
      },
      never,
      (n) => done.push(n),
    );
    expect(result).toEqual({ ok: true, value: Array.from({ length: 25 }, (_, i) => i * 2) });
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
    expect(done.at(-1)).toBe(25);

    const failed = await loadEach([1, 2, 3], (n) => Promise.resolve<Result<number>>(n === 2 ? { ok: false, error: { code: 'record.not_found', message: 'no' } } : { ok: true, value: n }), never);
    expect(failed).toEqual({ ok: false, error: { code: 'record.not_found', message: 'no' } });
    expect(await loadEach([], () => Promise.resolve<Result<number>>({ ok: true, value: 1 }), never)).toEqual({ ok: true, value: [] });
  });
});

describe('section numbers', () => {
  it('are Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 9, 10, 14, 40, 90].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'IX', 'X', 'XIV', 'XL', 'XC']);
  });
});
