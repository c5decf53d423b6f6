/**
 * Dates and times typed as Vietnamese offices write them, whatever the browser's language: the
 * browser's own date and time inputs follow its locale (an en-US Chromium shows 12/07/2026 for
 * 7 December and a 12-hour clock), so the app's date and time fields are text fields that read
 * dd/mm/yyyy and HH:mm (24-hour) and hand the form 'YYYY-MM-DD' and 'HH:mm'.
 */

const pad = (value: number) => String(value).padStart(2, '0');

function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * 'YYYY-MM-DD' of what was typed, or null when it is not a whole, real date: "7/12/2026",
 * "07/12/2026", "07.12.2026", "07-12-2026", "07122026" (day first), and 'YYYY-MM-DD' itself.
 */
export function parseTypedDate(text: string): string | null {
  const typed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(typed);
  const parts = iso ? [iso[3], iso[2], iso[1]] : dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : null;
  if (!parts) return null;
  const [day, month, year] = parts.map(Number) as [number, number, number];
  return realDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** 'YYYY-MM-DD' as dd/mm/yyyy; anything else (half-typed, empty) as it is. */
export function showDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/** 'HH:mm' (24-hour) of what was typed, or null: "7:05", "07:05", "0705", "7h05", "19.30". */
export function parseTypedTime(text: string): string | null {
  const match = /^(\d{1,2})\s*[:.hH]?\s*(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 23 && minutes <= 59 ? `${pad(hours)}:${pad(minutes)}` : null;
}
