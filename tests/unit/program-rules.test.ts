import { describe, expect, it } from 'vitest';
import { nextDue, programEnd, programKindSeed } from '../../core/programs';

describe('program durations', () => {
  it('a 12-month program from a decision runs to the corresponding date (the decision day not counted)', () => {
    expect(programEnd('2026-03-15', 12)).toBe('2027-03-15');
    expect(programEnd('2026-03-15', 12, false)).toBe('2027-03-14');
  });

  it('crosses month ends and leap years', () => {
    // No 29 February in 2029: the month's last day.
    expect(programEnd('2028-02-29', 12)).toBe('2029-02-28');
    expect(programEnd('2026-08-31', 24)).toBe('2028-08-31');
    expect(programEnd('2027-01-31', 1)).toBe('2027-02-28');
    // 2028 is a leap year.
    expect(programEnd('2027-12-31', 2)).toBe('2028-02-29');
    expect(programEnd('2027-12-31', 2, false)).toBe('2028-02-28');
  });

  it('the seed carries the law: drug users 1 year, post-rehab 1 year, adult compulsory 2 years', () => {
    const months = Object.fromEntries(programKindSeed.map((kind) => [kind.code, kind.months]));
    expect(months.drug_user).toBe(12);
    expect(months.post_rehab_voluntary).toBe(12);
    expect(months.post_rehab_methadone).toBe(12);
    expect(months.post_rehab_minor).toBe(12);
    expect(months.post_rehab_adult).toBe(24);
    for (const kind of programKindSeed) expect(kind.source, kind.code).toMatch(/\d/);
  });

  it('schedules the next check-in or test', () => {
    expect(nextDue('2026-12-20', 30)).toBe('2027-01-19');
    expect(nextDue('2026-12-20', null)).toBeNull();
  });
});
