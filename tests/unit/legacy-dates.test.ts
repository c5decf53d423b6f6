import { describe, expect, it } from 'vitest';
import { excelSerialDate, parseLegacyDate, parseLegacyDateText, shownDate } from '../../core/legacy-dates';

const bounds = { currentYear: 2026 };
const date = (iso: string, time: string | null = null) => ({ kind: 'date', date: iso, time });

describe('legacy register dates', () => {
  it.each([
    ['7/12/2026', '2026-12-07'],
    ['07/12/2026', '2026-12-07'],
    ['07-12-2026', '2026-12-07'],
    ['7.12.2026', '2026-12-07'],
    ['7 / 12 / 2026', '2026-12-07'],
    ['ngày 7 tháng 12 năm 2026', '2026-12-07'],
    ['Ngày 07 tháng 12 năm 2026', '2026-12-07'],
    ['ngay 7 thang 12 nam 2026', '2026-12-07'],
    ['7 tháng 12 năm 2026', '2026-12-07'],
    ['ngày 7/12/2026', '2026-12-07'],
    ['29/2/2024', '2024-02-29'],
    ['2026-12-07', '2026-12-07'],
    ['31/12/1999', '1999-12-31'],
  ])('%s → %s', (text, iso) => {
    expect(parseLegacyDateText(text, bounds)).toEqual(date(iso));
  });

  it('reads two-digit years around the current year', () => {
    expect(parseLegacyDateText('7/12/26', bounds)).toEqual(date('2026-12-07'));
    expect(parseLegacyDateText('1/1/27', bounds)).toEqual(date('2027-01-01'));
    expect(parseLegacyDateText('15/3/98', bounds)).toEqual(date('1998-03-15'));
    expect(parseLegacyDateText('15-03-05', bounds)).toEqual(date('2005-03-15'));
    expect(parseLegacyDateText('ngày 2 tháng 9 năm 45', bounds)).toEqual(date('1945-09-02'));
  });

  it('keeps a time written beside the date', () => {
    expect(parseLegacyDateText('7/12/2026 14:30', bounds)).toEqual(date('2026-12-07', '14:30'));
    expect(parseLegacyDateText('14h30 ngày 7/12/2026', bounds)).toEqual(date('2026-12-07', '14:30'));
    expect(parseLegacyDateText('22 giờ ngày 7 tháng 12 năm 2026', bounds)).toEqual(date('2026-12-07', '22:00'));
  });

  it('reads Excel dates: serial numbers and the Dates a reader makes', () => {
    expect(excelSerialDate(46363, bounds)).toEqual(date('2026-12-07'));
    expect(excelSerialDate(46363.5, bounds)).toEqual(date('2026-12-07', '12:00'));
    expect(excelSerialDate(36526, bounds)).toEqual(date('2000-01-01'));
    expect(parseLegacyDate(new Date(Date.UTC(2026, 11, 7)), bounds)).toEqual(date('2026-12-07'));
    expect(parseLegacyDate(46363, bounds)).toEqual(date('2026-12-07'));
    expect(parseLegacyDate('46363', bounds)).toEqual(date('2026-12-07'));
  });

  it('turns what is not a date into a note, the text kept', () => {
    expect(parseLegacyDateText('chưa rõ', bounds)).toEqual({ kind: 'note', note: 'chưa rõ', reason: 'not-a-date' });
    expect(parseLegacyDateText('đầu tháng 12', bounds)).toMatchObject({ kind: 'note', reason: 'not-a-date' });
    expect(parseLegacyDateText('12/2026', bounds)).toMatchObject({ kind: 'note', note: '12/2026' });
    expect(parseLegacyDateText('31/2/2026', bounds)).toEqual({ kind: 'note', note: '31/2/2026', reason: 'no-such-day' });
    expect(parseLegacyDateText('7/13/2026', bounds)).toMatchObject({ kind: 'note', reason: 'no-such-day' });
    expect(parseLegacyDateText('7/12/2099', bounds)).toMatchObject({ kind: 'note', reason: 'out-of-range' });
    expect(parseLegacyDateText('7/12/1800', bounds)).toMatchObject({ kind: 'note', reason: 'out-of-range' });
    expect(parseLegacyDateText('   ', bounds)).toMatchObject({ kind: 'note', reason: 'empty' });
    expect(parseLegacyDate(null, bounds)).toMatchObject({ kind: 'note', reason: 'empty' });
    expect(parseLegacyDate(true, bounds)).toMatchObject({ kind: 'note', note: 'true' });
    expect(parseLegacyDate(-4, bounds)).toMatchObject({ kind: 'note' });
    expect(parseLegacyDateText('x'.repeat(500), bounds)).toMatchObject({ kind: 'note', reason: 'not-a-date' });
  });

  it('shows dates as dd/mm/yyyy', () => {
    expect(shownDate('2026-12-07')).toBe('07/12/2026');
  });
});
