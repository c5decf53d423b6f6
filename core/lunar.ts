import type { IsoDate } from './calendar';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for Vietnam's time zone, UTC+7
 * (docs/domain.md, "The lunar calendar"). Chinese calendars use UTC+8, so a new moon between 16:00 and
 * 17:00 UTC starts a month one day earlier in Vietnam: Tết 2007 and 2030 differ that way.
 *
 * The rules: a month begins on the local day of a new moon; the 11th month is the one holding the
 * December solstice; when 13 months lie between two 11th months, the first of them (after the 11th)
 * that holds no major solar term (sun's longitude a multiple of 30°) is the leap month and takes the
 * previous month's number. New moons follow Meeus, Astronomical Algorithms (2nd ed.), ch. 49 (with its
 * periodic and planetary terms); the sun's longitude ch. 25 (low accuracy, about 0.01°); ΔT the
 * Espenak–Meeus polynomials. Pure: no clock, no I/O.
 */

const RAD = Math.PI / 180;
const SYNODIC = 29.530588861;

/** ΔT (TT − UT) in seconds, Espenak–Meeus (NASA eclipse site) polynomials for 1900–2150. */
function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u - 0.5628 * (2150 - year);
}

function sin(degrees: number): number {
  return Math.sin(degrees * RAD);
}

/** Julian Ephemeris Day of the k-th new moon after that of 6 January 2000 (Meeus ch. 49). */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const e = 1 - 0.002516 * t - 0.0000074 * t * t;
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t * t - 0.00000011 * t ** 3;
  const mm = 201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t ** 3 - 0.000000058 * t ** 4;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t ** 3 + 0.000000011 * t ** 4;
  const omega = 124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t ** 3;
  let jde = 2451550.09766 + SYNODIC * k + 0.00015437 * t * t - 0.00000015 * t ** 3 + 0.00000000073 * t ** 4;
  jde +=
    -0.4072 * sin(mm) +
    0.17241 * e * sin(m) +
    0.01608 * sin(2 * mm) +
    0.01039 * sin(2 * f) +
    0.00739 * e * sin(mm - m) -
    0.00514 * e * sin(mm + m) +
    0.00208 * e * e * sin(2 * m) -
    0.00111 * sin(mm - 2 * f) -
    0.00057 * sin(mm + 2 * f) +
    0.00056 * e * sin(2 * mm + m) -
    0.00042 * sin(3 * mm) +
    0.00042 * e * sin(m + 2 * f) +
    0.00038 * e * sin(m - 2 * f) -
    0.00024 * e * sin(2 * mm - m) -
    0.00017 * sin(omega) -
    0.00007 * sin(mm + 2 * m) +
    0.00004 * sin(2 * mm - 2 * f) +
    0.00004 * sin(3 * m) +
    0.00003 * sin(mm + m - 2 * f) +
    0.00003 * sin(2 * mm + 2 * f) -
    0.00003 * sin(mm + m + 2 * f) +
    0.00003 * sin(mm - m + 2 * f) -
    0.00002 * sin(mm - m - 2 * f) -
    0.00002 * sin(3 * mm + m) +
    0.00002 * sin(4 * mm);
  const planetary: readonly (readonly [number, number, number])[] = [
    [0.000325, 299.77 + 0.107408 * k - 0.009173 * t * t, 0],
    [0.000165, 251.88, 0.016321],
    [0.000164, 251.83, 26.651886],
    [0.000126, 349.42, 36.412478],
    [0.00011, 84.66, 18.206239],
    [0.000062, 141.74, 53.303771],
    [0.00006, 207.14, 2.453732],
    [0.000056, 154.84, 7.30686],
    [0.000047, 34.52, 27.261239],
    [0.000042, 207.19, 0.121824],
    [0.00004, 291.34, 1.844379],
    [0.000037, 161.72, 24.198154],
    [0.000035, 239.56, 25.513099],
    [0.000023, 331.55, 3.592518],
  ];
  for (const [coefficient, base, rate] of planetary) jde += coefficient * sin(base + rate * k);
  return jde;
}

/** Universal time (as a Julian Day) from a Julian Ephemeris Day. */
function toUniversal(jde: number): number {
  const year = 2000 + (jde - 2451545) / 365.25;
  return jde - deltaTSeconds(year) / 86400;
}

/** The sun's apparent longitude in degrees [0, 360) at a Julian Ephemeris Day (Meeus ch. 25). */
export function sunLongitude(jde: number): number {
  const t = (jde - 2451545) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) + (0.019993 - 0.000101 * t) * sin(2 * m) + 0.000289 * sin(3 * m);
  const omega = 125.04 - 1934.136 * t;
  const apparent = l0 + c - 0.00569 - 0.00478 * sin(omega);
  return ((apparent % 360) + 360) % 360;
}

/** Julian Day Number of a Gregorian date. */
export function dayNumber(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86400000) + 2440588;
}

/** The Gregorian date of a Julian Day Number. */
export function dateOfDay(day: number): IsoDate {
  return new Date((day - 2440588) * 86400000).toISOString().slice(0, 10);
}

export interface LunarMonth {
  /** 1–12. */
  readonly month: number;
  readonly leap: boolean;
  /** The Julian Day Number of its first day (the local day of the new moon). */
  readonly start: number;
}


export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

export interface LunarCalendar {
  monthsAround(year: number): readonly LunarMonth[];
  fromLunar(year: number, month: number, day: number, leap?: boolean): IsoDate;
  lunarNewYear(year: number): IsoDate;
  toLunar(date: IsoDate): LunarDate;
}

/**
 * The lunar calendar kept in a time zone of `zoneHours` east of UTC: 7 for Vietnam; 8 gives the Chinese
 * calendar, kept here only so the tests can show where the two differ.
 */
export function lunarCalendar(zoneHours: number): LunarCalendar {
  const zoneDays = zoneHours / 24;
  const yearCache = new Map<number, readonly LunarMonth[]>();

  /** Julian Day Number of the local civil day an instant (Julian Day, UT) falls on. */
  function localDay(jdUniversal: number): number {
    return Math.floor(jdUniversal + 0.5 + zoneDays);
  }

  /** The local day a lunation k begins on. */
  function monthStart(k: number): number {
    return localDay(toUniversal(newMoonJde(k)));
  }

  /** The lunation whose month holds the given local day: its start is on or before the day. */
  function lunationOn(day: number): number {
    let k = Math.floor((day - 2451550.6) / SYNODIC);
    while (monthStart(k + 1) <= day) k += 1;
    while (monthStart(k) > day) k -= 1;
    return k;
  }

  /** The Julian Ephemeris Day at which the sun's apparent longitude reaches `target` degrees, near `guess`. */
  function sunReaches(target: number, guess: number): number {
    let jde = guess;
    for (let i = 0; i < 8; i++) {
      const difference = ((target - sunLongitude(jde) + 540) % 360) - 180;
      jde += difference * (365.2422 / 360);
      if (Math.abs(difference) < 1e-6) break;
    }
    return jde;
  }

  /** The local day of the December solstice of a Gregorian year. */
  function solsticeDay(year: number): number {
    return localDay(toUniversal(sunReaches(270, dayNumber(`${year}-12-21`))));
  }

  /** Whether the month starting at lunation k holds a major solar term (longitude a multiple of 30°). */
  function holdsMajorTerm(k: number): boolean {
    const start = monthStart(k);
    const end = monthStart(k + 1);
    // The sun moves about 29.1–30.6° in a lunation: the term after the longitude at the month's start.
    const startJde = start - 0.5 - zoneDays;
    const nextTerm = (Math.floor(sunLongitude(startJde) / 30) + 1) * 30;
    const termDay = localDay(toUniversal(sunReaches(nextTerm % 360, startJde + 15)));
    return termDay >= start && termDay < end;
  }

  /**
   * The months from the 11th month of the lunar year before `year` up to the 11th month that holds the
   * December solstice of `year`, exclusive: so months 11 and 12 of the previous lunar year and 1–10 of
   * lunar year `year` (with a leap month where there is one), each with its first day.
   */
  function monthsAround(year: number): readonly LunarMonth[] {
    const cached = yearCache.get(year);
    if (cached) return cached;
    const first = lunationOn(solsticeDay(year - 1));
    const next = lunationOn(solsticeDay(year));
    const count = next - first;
    let leapAt = -1;
    if (count === 13) {
      for (let i = 1; i < 13; i++) {
        if (!holdsMajorTerm(first + i)) {
          leapAt = i;
          break;
        }
      }
    }
    const months: LunarMonth[] = [];
    let number = 11;
    for (let i = 0; i < count; i++) {
      const leap = i === leapAt;
      if (i > 0 && !leap) number = (number % 12) + 1;
      months.push({ month: number, leap, start: monthStart(first + i) });
    }
    yearCache.set(year, months);
    return months;
  }

  /** The Gregorian date of a day of lunar year `year` (the year whose 1st month begins in Gregorian `year`). */
  function fromLunar(year: number, month: number, day: number, leap = false): IsoDate {
    const months = monthsAround(year);
    // Months 11 and 12 at the head belong to the previous lunar year.
    const index = months.findIndex((m, i) => m.month === month && m.leap === leap && (month >= 11 ? i < 3 : i >= 1));
    if (index < 0 || day < 1 || day > 30) throw new RangeError(`no lunar date ${day}/${month}${leap ? ' leap' : ''}/${year}`);
    return dateOfDay(months[index]!.start + day - 1);
  }

  /** The lunar New Year's Day (Tết Nguyên đán, 1st day of the 1st month) of a Gregorian year. */
  function lunarNewYear(year: number): IsoDate {
    return fromLunar(year, 1, 1);
  }

  /** The Vietnamese lunar date of a Gregorian date. */
  function toLunar(date: IsoDate): LunarDate {
    const day = dayNumber(date);
    const gregorianYear = Number(date.slice(0, 4));
    for (const year of [gregorianYear + 1, gregorianYear]) {
      const months = monthsAround(year);
      for (let i = months.length - 1; i >= 0; i--) {
        const month = months[i]!;
        if (month.start <= day) {
          const lunarYear = month.month >= 11 && i < 3 ? year - 1 : year;
          return { year: lunarYear, month: month.month, day: day - month.start + 1, leap: month.leap };
        }
      }
    }
    throw new RangeError(`no lunar date for ${date}`);
  }

  return { monthsAround, fromLunar, lunarNewYear, toLunar };
}

/** The Vietnamese calendar (UTC+7): the one every rule of the program uses. */
export const vietnameseCalendar = lunarCalendar(7);
export const { monthsAround, fromLunar, lunarNewYear, toLunar } = vietnameseCalendar;
