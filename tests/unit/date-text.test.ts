import { describe, expect, it } from 'vitest';
import { parseTypedDate, parseTypedTime, showDate } from '../../renderer/components/date-text';

/** The app's date and time fields read dd/mm/yyyy and a 24-hour HH:mm whatever the browser's language. */
describe('parseTypedDate', () => {
  it('reads day first, with or without leading zeros and with / . or - between', () => {
    for (const typed of ['07/12/2026', '7/12/2026', '07.12.2026', '7-12-2026', ' 07122026 ', '2026-12-07']) expect(parseTypedDate(typed)).toBe('2026-12-07');
    expect(parseTypedDate('12/07/2026')).toBe('2026-07-12');
  });

  it('refuses what is not a whole, real date', () => {
    for (const typed of ['', '07/12', '07/12/26', '31/11/2026', '29/02/2025', '00/01/2026', '12/13/2026', 'hôm nay', '2026-12-7x']) expect(parseTypedDate(typed)).toBeNull();
    expect(parseTypedDate('29/02/2028')).toBe('2028-02-29');
  });

  it('shows an ISO date as dd/mm/yyyy and anything else as typed', () => {
    expect(showDate('2026-12-07')).toBe('07/12/2026');
    expect(showDate('07/12/20')).toBe('07/12/20');
    expect(showDate('')).toBe('');
  });
});

describe('parseTypedTime', () => {
  it('reads a 24-hour time', () => {
    expect(parseTypedTime('14:30')).toBe('14:30');
    expect(parseTypedTime('7:05')).toBe('07:05');
    expect(parseTypedTime('0705')).toBe('07:05');
    expect(parseTypedTime('19h30')).toBe('19:30');
    expect(parseTypedTime('23.59')).toBe('23:59');
  });

  it('refuses what is not a time of day', () => {
    for (const typed of ['', '24:00', '12:60', '2:30 PM', '1430x', '7']) expect(parseTypedTime(typed)).toBeNull();
  });
});
