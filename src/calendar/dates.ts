/**
 * Calendar dates and local times in Vietnam (ICT, UTC+7, no daylight saving since 1975).
 * Dates are day numbers (days since 1970-01-01) internally and ISO strings at the edges;
 * a moment is a day number plus minutes since local midnight. Pure arithmetic, no time
 * zone database.
 */

/** Offset of Vietnam's time (ICT) from UTC, in minutes. */
export const ICT_OFFSET_MINUTES = 7 * 60;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a Gregorian date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The Gregorian date of a day number. */
export function ymd(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO date (YYYY-MM-DD) of a day number. */
export function isoDate(day: number): string {
  const { year, month, day: d } = ymd(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day number of an ISO date (YYYY-MM-DD); throws a RangeError on anything else. */
export function parseIsoDate(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (m === null) throw new RangeError(`not a date (YYYY-MM-DD): ${text}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayNumber(year, month, day);
  const back = ymd(n);
  if (back.month !== month || back.day !== day) throw new RangeError(`no such date: ${text}`);
  return n;
}

/** Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Names of the days of the week as the holiday registry spells them. */
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/**
 * A moment in Vietnam's local time: a day and the minutes since midnight, with the seconds
 * when they matter ("sau 15 giờ" means strictly after 15:00:00, so 15:00:30 is after it).
 */
export interface LocalMoment {
  day: number;
  minutes: number;
  /** Seconds past the minute (0–59); absent means 0. */
  seconds?: number;
}

/**
 * Reads a moment: an ISO date-time with an offset or "Z" ("2026-02-13T15:30:00+07:00"), a
 * local date-time without offset, read as Vietnam time ("2026-02-13T15:30"), or a date alone
 * (midnight). Throws a RangeError on anything else.
 *
 * @example
 * parseMoment('2026-02-13T15:30') // { day: 20497, minutes: 930 }: Vietnam time
 * parseMoment('2026-02-13T08:30:00Z') // the same moment, given in UTC
 */
export function parseMoment(text: string): LocalMoment {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/u.exec(text.trim());
  if (m === null) throw new RangeError(`not a date-time: ${text}`);
  const day = parseIsoDate(m[1] as string);
  if (m[2] === undefined) return { day, minutes: 0 };
  const hours = Number(m[2]);
  const mins = Number(m[3]);
  if (hours > 23 || mins > 59) throw new RangeError(`no such time: ${text}`);
  const seconds = m[4] === undefined ? 0 : Number(m[4]);
  if (seconds > 59) throw new RangeError(`no such time: ${text}`);
  let minutes = hours * 60 + mins;
  const zone = m[5];
  if (zone !== undefined) {
    const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
    minutes += ICT_OFFSET_MINUTES - offset;
  }
  const shift = Math.floor(minutes / 1440);
  const moment: LocalMoment = { day: day + shift, minutes: minutes - shift * 1440 };
  if (seconds > 0) moment.seconds = seconds;
  return moment;
}

/** The local moment of a JavaScript Date. */
export function momentOf(date: Date): LocalMoment {
  const ms = date.getTime() + ICT_OFFSET_MINUTES * 60_000;
  const day = Math.floor(ms / MS_PER_DAY);
  const inDay = ms - day * MS_PER_DAY;
  const moment: LocalMoment = { day, minutes: Math.floor(inDay / 60_000) };
  const seconds = Math.floor((inDay % 60_000) / 1000);
  if (seconds > 0) moment.seconds = seconds;
  return moment;
}

/**
 * ISO text of a local moment, with the +07:00 offset.
 *
 * @example
 * formatMoment(parseMoment('2026-02-13T15:30')) // '2026-02-13T15:30:00+07:00'
 */
export function formatMoment(m: LocalMoment): string {
  const h = Math.floor(m.minutes / 60);
  const min = m.minutes % 60;
  return `${isoDate(m.day)}T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}:${String(m.seconds ?? 0).padStart(2, '0')}+07:00`;
}

/** A date as Vietnamese readers write it: dd/mm/yyyy. */
export function viDate(day: number): string {
  const { year, month, day: d } = ymd(day);
  return `${String(d).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** A moment as Vietnamese readers write it: "17:00 ngày 26/11/2026" (vi) or "26/11/2026 17:00" (en keeps the same date order). */
export function viMoment(m: LocalMoment, lang: 'vi' | 'en' = 'vi'): string {
  const clock = `${String(Math.floor(m.minutes / 60)).padStart(2, '0')}:${String(m.minutes % 60).padStart(2, '0')}`;
  return lang === 'vi' ? `${clock} ngày ${viDate(m.day)}` : `${viDate(m.day)} ${clock}`;
}

/** Minutes since midnight of "HH:MM"; throws a RangeError on anything else. */
export function parseClock(text: string): number {
  const m = /^(\d{2}):(\d{2})$/u.exec(text);
  if (m === null || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`not a time (HH:MM): ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
