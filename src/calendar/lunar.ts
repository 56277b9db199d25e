import { dayNumber } from './dates.js';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for Vietnam's time zone (UTC+7):
 * months start on the local day of the astronomical new moon; month 11 contains the winter
 * solstice; in a year of 13 months the first month without a major solar term (trung khí)
 * is the leap month. New moons and the sun's longitude use the low-precision series of
 * J. Meeus, *Astronomical Algorithms* (2nd ed., ch. 25 and 49), accurate to minutes, which
 * is enough to place the day.
 *
 * This is the *fallback* for years the holiday table does not list (Labour Code 2019 art.
 * 112: Tết and the Hùng Kings day follow the lunar calendar; the days actually off are fixed
 * each year by the Prime Minister and belong in procedures/registry/holidays.yaml).
 */

const RAD = Math.PI / 180;
/** Julian day number of 1970-01-01 (our day number 0). */
const JDN_EPOCH = 2_440_588;
const SYNODIC_MONTH = 29.530588861;
/** TT − UT around 2000–2030, in days (about 69 s); only matters within a minute of midnight. */
const DELTA_T = 69 / 86_400;
const LOCAL_OFFSET = 7 / 24;

function sin(deg: number): number {
  return Math.sin(deg * RAD);
}

/** Julian ephemeris day of the k-th new moon after the one of 2000-01-06 (Meeus ch. 49). */
function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const e = 1 - 0.002516 * t - 0.0000074 * t * t;
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t * t;
  const mp = 201.5643 + 385.81693528 * k + 0.0107582 * t * t;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t * t;
  const om = 124.7746 - 1.56375588 * k + 0.0020672 * t * t;
  const mean = 2_451_550.09766 + SYNODIC_MONTH * k + 0.00015437 * t * t;
  const correction =
    -0.4072 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) + 0.01039 * sin(2 * f) +
    0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) + 0.00208 * e * e * sin(2 * m) -
    0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m) -
    0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f) -
    0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(om) - 0.00007 * sin(mp + 2 * m) +
    0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f) +
    0.00003 * sin(2 * mp + 2 * f) - 0.00003 * sin(mp + m + 2 * f) + 0.00003 * sin(mp - m + 2 * f) -
    0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp);
  return mean + correction;
}

/** Local (UTC+7) day number on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  const jdUt = newMoonJde(k) - DELTA_T;
  return Math.floor(jdUt + 0.5 + LOCAL_OFFSET) - JDN_EPOCH;
}

/** The sun's apparent longitude in degrees [0, 360) at a Julian day (UT) (Meeus ch. 25). */
function sunLongitude(jd: number): number {
  const t = (jd - 2_451_545) / 36_525;
  const l0 = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t;
  const m = 357.52911 + 35_999.05029 * t - 0.0001537 * t * t;
  const c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) + (0.019993 - 0.000101 * t) * sin(2 * m) + 0.000289 * sin(3 * m);
  const omega = 125.04 - 1934.136 * t;
  const lambda = l0 + c - 0.00569 - 0.00478 * sin(omega);
  return ((lambda % 360) + 360) % 360;
}

/** Which 30° sector the sun is in at the local midnight starting a day (9 = from the winter solstice). */
function sunSector(day: number): number {
  const jdMidnight = day + JDN_EPOCH - 0.5 - LOCAL_OFFSET;
  return Math.floor(sunLongitude(jdMidnight) / 30);
}

/** Index k of the last new moon that falls on or before a local day. */
function newMoonIndexOnOrBefore(day: number): number {
  const jd = day + JDN_EPOCH;
  let k = Math.floor((jd - 2_451_550.1) / SYNODIC_MONTH);
  while (newMoonDay(k + 1) <= day) k++;
  while (newMoonDay(k) > day) k--;
  return k;
}

/** Index of the new moon that starts month 11 of lunar year `year` (the month of the winter solstice). */
function month11Index(year: number): number {
  const k = newMoonIndexOnOrBefore(dayNumber(year, 12, 31));
  return sunSector(newMoonDay(k)) >= 9 ? k - 1 : k;
}

/** A lunar month: its first day, its number (1–12) and whether it is a leap month (tháng nhuận). */
export interface LunarMonth {
  start: number;
  month: number;
  leap: boolean;
}

const windowCache = new Map<number, LunarMonth[]>();

/** The months from month 11 of lunar year `year` to the month before month 11 of the next year. */
function monthsFromMonth11(year: number): LunarMonth[] {
  const cached = windowCache.get(year);
  if (cached !== undefined) return cached;
  const k0 = month11Index(year);
  const k1 = month11Index(year + 1);
  const count = k1 - k0;
  const starts = Array.from({ length: count + 1 }, (_, i) => newMoonDay(k0 + i));
  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count; i++) {
      if (sunSector(starts[i] as number) === sunSector(starts[i + 1] as number)) {
        leapIndex = i;
        break;
      }
    }
  }
  const months: LunarMonth[] = [];
  for (let i = 0; i < count; i++) {
    const base = leapIndex >= 0 && i >= leapIndex ? i - 1 : i;
    months.push({ start: starts[i] as number, month: ((10 + base) % 12) + 1, leap: i === leapIndex });
  }
  windowCache.set(year, months);
  return months;
}

/** Day number of a lunar date of lunar year `year` (the year whose Tết falls in Gregorian `year`). */
export function lunarToDay(year: number, month: number, day: number, leap = false): number {
  const window = month >= 11 ? monthsFromMonth11(year) : monthsFromMonth11(year - 1);
  const found = window.find((m) => m.month === month && m.leap === leap);
  if (found === undefined) throw new RangeError(`lunar year ${year} has no ${leap ? 'leap ' : ''}month ${month}`);
  return found.start + day - 1;
}

/**
 * Tết Nguyên Đán (mùng 1 tháng Giêng) of a Gregorian year, as a day number.
 *
 * @example
 * isoDate(lunarNewYear(2026)) // '2026-02-17'
 */
export function lunarNewYear(year: number): number {
  return lunarToDay(year, 1, 1);
}

/**
 * Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch) of a Gregorian year, as a day number.
 *
 * @example
 * isoDate(hungKingsDay(2026)) // '2026-04-26'
 */
export function hungKingsDay(year: number): number {
  return lunarToDay(year, 3, 10);
}

/** The lunar date of a day: year (of its Tết), month, day, leap flag. */
export function dayToLunar(day: number): { year: number; month: number; day: number; leap: boolean } {
  const { year } = { year: new Date(day * 86_400_000).getUTCFullYear() };
  for (const y of [year, year - 1]) {
    const window = monthsFromMonth11(y);
    for (let i = window.length - 1; i >= 0; i--) {
      const m = window[i] as LunarMonth;
      if (m.start <= day) {
        const next = window[i + 1]?.start ?? monthsFromMonth11(y + 1)[0]?.start ?? Number.POSITIVE_INFINITY;
        if (day < next) return { year: m.month >= 11 ? y : y + 1, month: m.month, day: day - m.start + 1, leap: m.leap };
      }
    }
  }
  throw new RangeError(`day ${day} is outside the computed lunar calendar`);
}
