import type { SpanBasis, WorkingCalendar } from './calendar.js';
import { dayNumber, formatMoment, parseClock, parseMoment, ymd, type LocalMoment } from './dates.js';

/**
 * Statutory periods (thời hạn giải quyết) turned into due moments.
 *
 * - A period starts the day after the event and, when its last day is a rest day, ends on
 *   the next working day (Civil Code 2015 arts. 147–148).
 * - Working days skip weekends, holidays and substitute days of the calendar; calendar days
 *   ("ngày") count every day but still end on a working day (art. 148).
 * - A same-day procedure with a cut-off ("sameDayCutoff: 15:00") is due the same day when
 *   received before the cut-off, otherwise the next working day (Decree 23/2015/NĐ-CP art. 7
 *   for certification; Law on Civil Status art. 5(3) for civil-status records).
 * - A dossier received outside working hours (an online filing at night or on a Sunday) is
 *   treated as received when the office next opens.
 * - Hours are working hours inside office hours (08:00–12:00, 13:00–17:00 by default).
 * - The clock pauses while the applicant supplements the dossier and resumes after.
 */

/** A statutory period as the catalogue writes it. */
export interface PeriodSpec {
  value: number;
  unit?: 'working-days' | 'days' | 'hours' | 'months' | undefined;
  /** "HH:MM": same-day handling when received before it (value 0). */
  sameDayCutoff?: string | undefined;
}

/** Office hours, in minutes since midnight. */
export interface OfficeHours {
  open: number;
  close: number;
  /** Lunch break [start, end), not counted in working hours. */
  lunch?: readonly [number, number];
}

/** Default office hours of public agencies: 08:00–12:00 and 13:00–17:00. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = { open: 8 * 60, close: 17 * 60, lunch: [12 * 60, 13 * 60] };

/**
 * A period that cannot be turned into a date (no unit: the catalogue only has a bare number).
 *
 * @example
 * try { dueMoment(calendar, parseMoment('2026-03-02T09:00'), { value: 3 }); }
 * catch (e) { if (e instanceof PeriodError) e.reason; } // 'unit-missing'
 */
export class PeriodError extends Error {
  constructor(readonly reason: 'unit-missing' | 'negative') {
    super(reason === 'unit-missing' ? 'the period has no unit' : 'the period is negative');
  }
}

/** Where the clock starts: the receipt moment, moved to the next opening when outside working hours. */
export function effectiveReceipt(calendar: WorkingCalendar, at: LocalMoment, hours: OfficeHours = DEFAULT_OFFICE_HOURS): LocalMoment {
  if (calendar.isWorkingDay(at.day) && at.minutes < hours.close) {
    if (at.minutes < hours.open) return { day: at.day, minutes: hours.open };
    return at.seconds === undefined ? { day: at.day, minutes: at.minutes } : { day: at.day, minutes: at.minutes, seconds: at.seconds };
  }
  return { day: calendar.nextWorkingDay(at.day), minutes: hours.open };
}

function endOfDay(day: number, hours: OfficeHours): LocalMoment {
  return { day, minutes: hours.close };
}

function addMonths(day: number, months: number): number {
  const { year, month, day: d } = ymd(day);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const lastDay = ymd(dayNumber(y, m + 1, 1) - 1).day;
  return dayNumber(y, m, Math.min(d, lastDay));
}

/** Working minutes of one day between two clock times. */
function workingMinutesIn(from: number, to: number, hours: OfficeHours): number {
  const a = Math.max(from, hours.open);
  const b = Math.min(to, hours.close);
  if (b <= a) return 0;
  let minutes = b - a;
  if (hours.lunch !== undefined) {
    const la = Math.max(a, hours.lunch[0]);
    const lb = Math.min(b, hours.lunch[1]);
    if (lb > la) minutes -= lb - la;
  }
  return minutes;
}

/** The moment `minutes` working minutes after `start` (which is inside working time). */
function addWorkingMinutes(calendar: WorkingCalendar, start: LocalMoment, minutes: number, hours: OfficeHours): LocalMoment {
  let day = start.day;
  let at = start.minutes;
  let left = minutes;
  for (;;) {
    if (calendar.isWorkingDay(day)) {
      const segments: [number, number][] = hours.lunch === undefined
        ? [[hours.open, hours.close]]
        : [[hours.open, hours.lunch[0]], [hours.lunch[1], hours.close]];
      for (const [a, b] of segments) {
        const from = Math.max(a, at);
        if (from >= b) continue;
        if (b - from >= left) return { day, minutes: from + left };
        left -= b - from;
      }
    }
    day++;
    at = 0;
  }
}

/**
 * The due moment of a period that starts at `at` (the receipt). Throws a
 * {@link PeriodError} when the period has no unit.
 *
 * @example
 * dueMoment(cal, parseMoment('2026-02-13T15:30'), { value: 0, unit: 'working-days', sameDayCutoff: '15:00' })
 * // → 2026-02-23T17:00 (Friday 13/2 after 15:00; 14/2–22/2 are the weekend and Tết)
 */
export function dueMoment(calendar: WorkingCalendar, at: LocalMoment, period: PeriodSpec, hours: OfficeHours = DEFAULT_OFFICE_HOURS): LocalMoment {
  if (period.value < 0) throw new PeriodError('negative');
  if (period.unit === undefined) throw new PeriodError('unit-missing');
  const start = effectiveReceipt(calendar, at, hours);
  switch (period.unit) {
    case 'working-days': {
      if (period.value === 0) {
        const cutoff = period.sameDayCutoff !== undefined ? parseClock(period.sameDayCutoff) : hours.close;
        // "Sau 15 giờ" (Decree 23/2015 art. 7; Law on Civil Status art. 5(3)): received at or
        // before the cut-off (15:00:00 itself included) is the same day; strictly after, the next.
        const sameDay = start.minutes < cutoff || (start.minutes === cutoff && (start.seconds ?? 0) === 0);
        return endOfDay(sameDay ? start.day : calendar.nextWorkingDay(start.day), hours);
      }
      const whole = Math.floor(period.value);
      const fraction = period.value - whole;
      if (fraction === 0) return endOfDay(calendar.addWorkingDays(start.day, whole), hours);
      const perDay = workingMinutesIn(hours.open, hours.close, hours);
      return addWorkingMinutes(calendar, { day: calendar.addWorkingDays(start.day, whole), minutes: hours.open }, Math.round(fraction * perDay), hours);
    }
    case 'days':
      return endOfDay(calendar.onOrAfter(start.day + Math.ceil(period.value)), hours);
    case 'months':
      return endOfDay(calendar.onOrAfter(addMonths(start.day, Math.ceil(period.value))), hours);
    case 'hours':
      return addWorkingMinutes(calendar, start, Math.round(period.value * 60), hours);
  }
}

/** A due moment and what the calendar it was counted on rests on (announced, provisional, fallback years). */
export interface DueDate {
  due: LocalMoment;
  basis: SpanBasis;
}

/**
 * {@link dueMoment} with its basis: the years between the receipt and the due day, each
 * announced, provisional or computed by the Labour Code fallback, so an appointment that
 * crosses a year not yet announced says so.
 *
 * @example
 * dueDate(cal, parseMoment('2026-11-23T09:00'), { value: 2, unit: 'working-days' })
 * // → { due: 26/11/2026 17:00 (24/11 is Ngày Văn hóa Việt Nam), basis: { basis: 'announced', years: [{ year: 2026, basis: 'announced' }] } }
 */
export function dueDate(calendar: WorkingCalendar, at: LocalMoment, period: PeriodSpec, hours: OfficeHours = DEFAULT_OFFICE_HOURS): DueDate {
  const due = dueMoment(calendar, at, period, hours);
  return { due, basis: calendar.basisBetween(at.day, due.day) };
}

/** A pause of the clock (the applicant is supplementing the dossier). */
export interface Pause {
  from: LocalMoment;
  to?: LocalMoment;
}

/**
 * How far the pauses push a due moment: the working days (or calendar days, or working
 * minutes) that fell inside closed pauses.
 */
function pushForPauses(calendar: WorkingCalendar, due: LocalMoment, period: PeriodSpec, pauses: readonly Pause[], hours: OfficeHours): LocalMoment {
  let result = due;
  for (const p of pauses) {
    if (p.to === undefined) continue;
    switch (period.unit) {
      case 'hours': {
        let minutes = 0;
        for (let d = p.from.day; d <= p.to.day; d++) {
          if (!calendar.isWorkingDay(d)) continue;
          const a = d === p.from.day ? p.from.minutes : 0;
          const b = d === p.to.day ? p.to.minutes : 24 * 60;
          minutes += workingMinutesIn(a, b, hours);
        }
        result = addWorkingMinutes(calendar, result, minutes, hours);
        break;
      }
      case 'days':
      case 'months':
        result = endOfDay(calendar.onOrAfter(result.day + (p.to.day - p.from.day)), hours);
        break;
      default: {
        const paused = calendar.workingDaysBetween(p.from.day, p.to.day);
        result = endOfDay(calendar.addWorkingDays(result.day, paused), hours);
      }
    }
  }
  return result;
}

/** A clock as plain data (JSON): the period, when it started, and its pauses (ISO moments). */
export interface ClockData {
  period: PeriodSpec;
  startedAt: string;
  pauses: { from: string; to?: string }[];
}

/**
 * The statutory clock of one dossier (or one stage): started at the receipt, paused while
 * the applicant supplements, resumed after. Immutable: every change returns a new clock, so
 * it can live in a machine's context or a database row.
 *
 * @example
 * let clock = DeadlineClock.start({ value: 10, unit: 'working-days' }, parseMoment('2026-03-02T09:00'));
 * formatMoment(clock.due(calendar)!) // '2026-03-16T17:00:00+07:00'
 * clock = clock.pause(parseMoment('2026-03-04T10:00')).resume(parseMoment('2026-03-09T10:00'));
 * formatMoment(clock.due(calendar)!) // '2026-03-19T17:00:00+07:00': the supplement paused the clock
 * DeadlineClock.fromData(clock.toData()) // plain JSON, for a machine's context or a database row
 */
export class DeadlineClock {
  private constructor(
    readonly period: PeriodSpec,
    readonly startedAt: LocalMoment,
    readonly pauses: readonly Pause[],
  ) {}

  /** A clock from its plain-data form (as kept in a machine's context or a database). */
  static fromData(data: ClockData): DeadlineClock {
    return new DeadlineClock(
      data.period,
      parseMoment(data.startedAt),
      data.pauses.map((p) => (p.to === undefined ? { from: parseMoment(p.from) } : { from: parseMoment(p.from), to: parseMoment(p.to) })),
    );
  }

  /** The plain-data form: JSON, with ISO moments. */
  toData(): ClockData {
    return {
      period: { ...this.period },
      startedAt: formatMoment(this.startedAt),
      pauses: this.pauses.map((p) => (p.to === undefined ? { from: formatMoment(p.from) } : { from: formatMoment(p.from), to: formatMoment(p.to) })),
    };
  }

  /** A clock started at the receipt moment. */
  static start(period: PeriodSpec, at: LocalMoment): DeadlineClock {
    return new DeadlineClock(period, at, []);
  }

  /** Whether the clock is paused now. */
  get paused(): boolean {
    const last = this.pauses[this.pauses.length - 1];
    return last !== undefined && last.to === undefined;
  }

  /** Pauses the clock (no effect when already paused). */
  pause(at: LocalMoment): DeadlineClock {
    return this.paused ? this : new DeadlineClock(this.period, this.startedAt, [...this.pauses, { from: at }]);
  }

  /** Resumes the clock (no effect when running). */
  resume(at: LocalMoment): DeadlineClock {
    if (!this.paused) return this;
    const pauses = this.pauses.slice(0, -1);
    const open = this.pauses[this.pauses.length - 1] as Pause;
    return new DeadlineClock(this.period, this.startedAt, [...pauses, { from: open.from, to: at }]);
  }

  /** The due moment, pauses included; undefined while paused (the clock is stopped). */
  due(calendar: WorkingCalendar, hours: OfficeHours = DEFAULT_OFFICE_HOURS): LocalMoment | undefined {
    if (this.paused) return undefined;
    return pushForPauses(calendar, dueMoment(calendar, this.startedAt, this.period, hours), this.period, this.pauses, hours);
  }

  /** The due moment with the basis of the years it crossed; undefined while paused. */
  dueDate(calendar: WorkingCalendar, hours: OfficeHours = DEFAULT_OFFICE_HOURS): DueDate | undefined {
    const due = this.due(calendar, hours);
    return due === undefined ? undefined : { due, basis: calendar.basisBetween(this.startedAt.day, due.day) };
  }

  /** Whether the due moment has passed at `now` (never while paused). */
  overdue(calendar: WorkingCalendar, now: LocalMoment, hours: OfficeHours = DEFAULT_OFFICE_HOURS): boolean {
    const due = this.due(calendar, hours);
    return due !== undefined && (now.day > due.day || (now.day === due.day && now.minutes > due.minutes));
  }
}
