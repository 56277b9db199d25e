/**
 * The working-day calendar (lịch làm việc) and statutory deadlines: pure functions, no I/O
 * at call time. Build a {@link WorkingCalendar} once from the catalogue's holiday table
 * (`calendarOf(catalogue)`), then ask for due moments.
 */
export { WorkingCalendar, statutoryHolidays, nationalDayAdjacent, type CalendarBasis, type DayOffInfo, type HolidayTable, type HolidayTableYear, type SpanBasis } from './calendar.js';
export { DeadlineClock, dueDate, dueMoment, effectiveReceipt, PeriodError, DEFAULT_OFFICE_HOURS, type ClockData, type DueDate, type OfficeHours, type Pause, type PeriodSpec } from './deadline.js';
export { dayNumber, formatMoment, isoDate, momentOf, parseIsoDate, parseMoment, viDate, viMoment, weekday, type LocalMoment } from './dates.js';
export { dayToLunar, hungKingsDay, lunarNewYear, lunarToDay, type LunarMonth } from './lunar.js';

import { WorkingCalendar } from './calendar.js';

/** The holiday registry as a loaded catalogue holds it (structural: the calendar imports no catalogue code). */
export interface HolidayRegistry {
  weekend?: readonly string[];
  holidays: ReadonlyMap<string, { value: { status?: string; daysOff?: readonly { date: string; name: string; kind?: string }[]; workingDays?: readonly { date: string; reason?: string }[] } }>;
}

/**
 * The working-day calendar of a loaded catalogue's holiday table.
 *
 * @example
 * const calendar = calendarOf(loadCatalogue({ paths: ['procedures'] }).registries);
 * calendar.isWorkingDay(parseIsoDate('2026-02-17')) // false: Tết
 */
export function calendarOf(registries: HolidayRegistry): WorkingCalendar {
  const years: Record<string, { status?: string; daysOff: { date: string; name: string; kind?: string }[]; workingDays?: { date: string; reason?: string }[] }> = {};
  for (const [year, entry] of registries.holidays) {
    const y: (typeof years)[string] = {
      daysOff: (entry.value.daysOff ?? []).map((d) => ({ date: d.date, name: d.name, ...(d.kind !== undefined ? { kind: d.kind } : {}) })),
      workingDays: (entry.value.workingDays ?? []).map((w) => ({ date: w.date, ...(w.reason !== undefined ? { reason: w.reason } : {}) })),
    };
    if (entry.value.status !== undefined) y.status = entry.value.status;
    years[year] = y;
  }
  return new WorkingCalendar(registries.weekend === undefined ? { years } : { weekend: registries.weekend, years });
}
