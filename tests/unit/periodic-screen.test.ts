import { describe, expect, it } from 'vitest';
import type { PeriodicFigures } from '../../api/views';
import { translate } from '../../renderer/i18n';
import { changeText, formatFigure } from '../../renderer/reports/figure-format';
import { changeLines, defaultRecipients, issuedNumber, narrativeParagraphs, recipientsOf } from '../../renderer/reports/issued-text';
import { initialPeriodValues, toPeriodInput, withKind } from '../../renderer/reports/period-values';

/** The periodic report's screen and print helpers (issue #6): cells, comparisons, issued text, the period chooser. */

const vi = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('vi', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);

describe('a figure in a cell', () => {
  it('is written with dot thousands, a decimal comma and a percent sign as its format asks', () => {
    expect(formatFigure(1234, 'count')).toBe('1.234');
    expect(formatFigure(12_500_000, 'money')).toBe('12.500.000');
    expect(formatFigure(45.5, 'quantity')).toBe('45,5');
    expect(formatFigure(66.7, 'percent')).toBe('66,7%');
    expect(formatFigure(null, 'percent')).toBe('—');
  });

  it('is compared with last year in number and percent, or says there is nothing to compare with', () => {
    expect(changeText(vi, 3, 2, 'count')).toBe('tăng 1 (50%)');
    expect(changeText(vi, 2, 3, 'count')).toBe('giảm 1 (33,3%)');
    expect(changeText(vi, 4, 0, 'count')).toBe('cùng kỳ không có');
    expect(changeText(vi, 5, 5, 'count')).toBe('bằng cùng kỳ');
    expect(changeText(vi, 1_500_000, 1_000_000, 'money')).toBe('tăng 500.000 (50%)');
    expect(changeText(vi, 12.5, 10, 'quantity')).toBe('tăng 2,5 (25%)');
    expect(changeText(en, 3, 2, 'count')).toBe('up 1 (50%)');
  });

  it('compares a rate in points, never as a percentage of a percentage', () => {
    expect(changeText(vi, 80, 75, 'percent')).toBe('tăng 5 điểm %');
    expect(changeText(vi, 62.5, 75, 'percent')).toBe('giảm 12,5 điểm %');
    expect(changeText(vi, 50, 0, 'percent')).toBe('tăng 50 điểm %');
    expect(changeText(vi, 50, null, 'percent')).toBe('—');
  });
});

describe('an issued report', () => {
  it('is numbered with two digits and its symbol', () => {
    expect(issuedNumber({ number: 5, symbol: 'BC-CAX' })).toBe('05/BC-CAX');
    expect(issuedNumber({ number: 112, symbol: 'BC-CAP' })).toBe('112/BC-CAP');
  });

  it('has a paragraph for every line of its text that is not blank', () => {
    expect(narrativeParagraphs('Một.\n\nHai.\r\n  \nBa.\nBốn.  ')).toEqual(['Một.', 'Hai.', 'Ba.', 'Bốn.']);
  });

  it('lists its recipients one a line, without a typed dash', () => {
    expect(recipientsOf(defaultRecipients('Công an tỉnh Thanh Hóa'))).toEqual(['Công an tỉnh Thanh Hóa (để báo cáo);', 'Lưu: VT, hồ sơ.']);
    expect(recipientsOf('- Đảng ủy xã;\n\n– UBND xã;\n')).toEqual(['Đảng ủy xã;', 'UBND xã;']);
  });

  it('names the figures that changed since it was issued, in the order the report shows them', () => {
    const span = { start: '2026-06-15', end: '2026-12-14' };
    const report: PeriodicFigures = {
      period: { kind: 'half', year: 2026, index: 2 },
      officeId: '12345',
      breakdown: [],
      cutoffDay: 15,
      ranges: { current: span, lastYear: span, previous: span, yearToDate: span, yearToDateLastYear: span },
      figures: { current: {}, lastYear: {}, previous: {}, yearToDate: {}, yearToDateLastYear: {} },
      groups: [{ code: 'social_order', vi: 'Tội phạm về trật tự xã hội', en: 'Crimes against social order' }],
      programKinds: [],
      measures: [],
      campaigns: [],
      trend: [],
      policeYear: 2026,
    };
    const changes = [
      { range: 'current', key: 'group.social_order', issued: 1, now: 2 },
      { range: 'lastYear', key: 'reports.total', issued: 2, now: 3 },
      { range: 'current', key: 'reports.total', issued: 1234, now: 1235 },
      { range: 'current', key: 'reports.solved', issued: 0, now: 1 },
      { range: 'current', key: 'fire.deaths', issued: 0, now: 1 },
      { range: 'current', key: 'traffic.deaths', issued: 1, now: 2 },
    ] as const;
    expect(changeLines({ report, changes }, 'vi', vi)).toEqual([
      'Tổng số tin tiếp nhận: 1.234 → 1.235',
      'Tổng số tin tiếp nhận (cùng kỳ năm trước): 2 → 3',
      'Tội phạm về trật tự xã hội: 1 → 2',
      'Tai nạn giao thông: số vụ – Số người chết: 1 → 2',
      'Cháy, nổ: số vụ – Số người chết: 0 → 1',
    ]);
  });
});

describe('the period chooser', () => {
  it('opens on the police month that today falls in', () => {
    expect(initialPeriodValues('2026-11-25', 15).period).toMatchObject({ kind: 'month', year: '2026', index: '12' });
  });

  it('keeps the year and a valid index when the kind changes', () => {
    const month = initialPeriodValues('2026-11-25', 15);
    expect(withKind(month, 'half').period).toMatchObject({ kind: 'half', year: '2026', index: '1' });
    expect(withKind({ period: { ...month.period, index: '2' } }, 'quarter').period.index).toBe('2');
  });

  it('makes the input of the call from what was typed', () => {
    const values = initialPeriodValues('2026-11-25', 15);
    expect(toPeriodInput(withKind(values, 'half'))).toEqual({ period: { kind: 'half', year: 2026, index: 1 } });
    expect(toPeriodInput(withKind(values, 'year'))).toEqual({ period: { kind: 'year', year: 2026 } });
    expect(toPeriodInput({ period: { ...values.period, kind: 'custom', start: '2026-01-01', end: '2026-03-31' } })).toEqual({
      period: { kind: 'custom', start: '2026-01-01', end: '2026-03-31' },
    });
    expect(toPeriodInput({ period: { ...values.period, kind: 'quarter', year: 'x' } }).period).toMatchObject({ kind: 'quarter', year: Number.NaN });
  });
});
