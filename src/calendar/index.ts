/**
 * The working-day calendar (lịch làm việc) and statutory deadlines: pure functions, no I/O
 * at call time. Build a {@link WorkingCalendar} once from the catalogue's holiday table
 * (`calendarOf(catalogue)`), then ask for due moments.
 */
export { WorkingCalendar, statutoryHolidays, nationalDayAdjacent, type DayOffInfo, type HolidayTable, type HolidayTableYear } from './calendar.js';
export { DeadlineClock, dueMoment, effectiveReceipt, PeriodError, DEFAULT_OFFICE_HOURS, type ClockData, type OfficeHours, type Pause, type PeriodSpec } from './deadline.js';
export { dayNumber, formatMoment, isoDate, momentOf, parseIsoDate, parseMoment, weekday, type LocalMoment } from './dates.js';
export { dayToLunar, hungKingsDay, lunarNewYear, lunarToDay, type LunarMonth } from './lunar.js';

import { WorkingCalendar } from './calendar.js';
import type { Registries } from '../catalogue/catalogue.js';

/** The working-day calendar of a loaded catalogue's holiday table. */
export function calendarOf(registries: Pick<Registries, 'holidays' | 'weekend'>): WorkingCalendar {
  const years: Record<string, { daysOff: { date: string; name: string; kind?: string }[]; workingDays?: { date: string; reason?: string }[] }> = {};
  for (const [year, entry] of registries.holidays) {
    years[year] = {
      daysOff: (entry.value.daysOff ?? []).map((d) => ({ date: d.date, name: d.name, kind: d.kind })),
      workingDays: (entry.value.workingDays ?? []).map((w) => ({ date: w.date, reason: w.reason })),
    };
  }
  return new WorkingCalendar({ weekend: registries.weekend, years });
}
