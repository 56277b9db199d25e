import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/catalogue.js';
import {
  calendarOf, DeadlineClock, dueDate, dueMoment, effectiveReceipt, formatMoment, hungKingsDay, isoDate, lunarNewYear, momentOf,
  parseIsoDate, parseMoment, PeriodError, WorkingCalendar, dayToLunar,
} from '../src/calendar/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const catalogue = loadCatalogue({ paths: ['procedures/registry'], cwd: ROOT });
const cal = calendarOf(catalogue.registries);
/** A calendar with no table at all: every year from the Labour Code fallback. */
const bare = new WorkingCalendar();

const d = parseIsoDate;
const due = (at: string, value: number, unit: 'working-days' | 'days' | 'hours' | 'months', sameDayCutoff?: string): string =>
  formatMoment(dueMoment(cal, parseMoment(at), { value, unit, sameDayCutoff }));

describe('lunar calendar (fallback)', () => {
  // Tết dates: domain.md (e) for 2023–2027; earlier and later years as published.
  it.each([
    [2019, '2019-02-05'], [2020, '2020-01-25'], [2021, '2021-02-12'], [2022, '2022-02-01'], [2023, '2023-01-22'],
    [2024, '2024-02-10'], [2025, '2025-01-29'], [2026, '2026-02-17'], [2027, '2027-02-06'], [2028, '2028-01-26'],
  ])('Tết %i is %s', (year, date) => {
    expect(isoDate(lunarNewYear(year))).toBe(date);
  });

  it.each([[2023, '2023-04-29'], [2024, '2024-04-18'], [2025, '2025-04-07'], [2026, '2026-04-26'], [2027, '2027-04-16']])(
    'Hùng Kings day %i is %s (10/3 lunar, leap month 2 in 2023)',
    (year, date) => {
      expect(isoDate(hungKingsDay(year))).toBe(date);
    },
  );

  it('knows the leap second month of 2023', () => {
    expect(dayToLunar(d('2023-03-22'))).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(dayToLunar(d('2023-04-29'))).toEqual({ year: 2023, month: 3, day: 10, leap: false });
  });
});

describe('days off from the catalogue table', () => {
  it('2024: Tết 8–14 Feb, the 29 Apr swap worked back on Saturday 4 May, 2–3 Sep', () => {
    for (const day of ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', '2024-04-29', '2024-04-30', '2024-05-01', '2024-09-02', '2024-09-03']) {
      expect(cal.isWorkingDay(d(day)), day).toBe(false);
    }
    expect(cal.isWorkingDay(d('2024-05-04'))).toBe(true);
    expect(cal.isWorkingDay(d('2024-02-15'))).toBe(true);
  });

  it('2025: Tết 27–31 Jan, Hùng Kings 7 Apr, 2 May swapped with Saturday 26 Apr, 1–2 Sep', () => {
    for (const day of ['2025-01-27', '2025-01-31', '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02']) {
      expect(cal.isWorkingDay(d(day)), day).toBe(false);
    }
    expect(cal.dayOff(d('2025-05-02'))?.kind).toBe('swap');
    expect(cal.isWorkingDay(d('2025-04-26'))).toBe(true);
    expect(cal.isWorkingDay(d('2025-02-03'))).toBe(true);
  });

  it('2026: Tết 16–20 Feb, Hùng Kings on a Sunday moves to Monday 27 Apr, 2 Jan and 31 Aug swapped with Saturdays 10 Jan and 22 Aug', () => {
    expect(cal.hasTable(2026)).toBe(true);
    for (const day of ['2026-01-02', '2026-02-16', '2026-02-20', '2026-04-27', '2026-08-31', '2026-09-01', '2026-09-02']) expect(cal.isWorkingDay(d(day)), day).toBe(false);
    expect(cal.dayOff(d('2026-04-27'))?.kind).toBe('substitute');
    expect(cal.dayOff(d('2026-08-31'))?.kind).toBe('swap');
    expect(cal.isWorkingDay(d('2026-01-10'))).toBe(true);
    expect(cal.isWorkingDay(d('2026-08-22'))).toBe(true);
  });
});

describe('days off from the Labour Code fallback (years without a table)', () => {
  it('gives 5 Tết days around mùng 1 and substitutes for those on a weekend (2027: mùng 1 on Saturday)', () => {
    expect(bare.hasTable(2027)).toBe(false);
    const off = ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'];
    for (const day of off) expect(bare.isWorkingDay(d(day)), day).toBe(false);
    expect(bare.dayOff(d('2027-02-10'))?.kind).toBe('substitute');
    expect(bare.isWorkingDay(d('2027-02-12'))).toBe(true);
  });

  it('gives 2/9 and an adjacent day (2025: Tuesday 2/9 → Monday 1/9, as announced)', () => {
    expect(bare.isWorkingDay(d('2025-09-01'))).toBe(false);
    expect(bare.isWorkingDay(d('2025-09-02'))).toBe(false);
    expect(bare.isWorkingDay(d('2025-09-03'))).toBe(true);
  });

  it('moves a holiday on Sunday to Monday (Hùng Kings 2026, Labour Code art. 111(3))', () => {
    expect(bare.dayOff(d('2026-04-27'))).toMatchObject({ kind: 'substitute', source: 'fallback' });
  });

  it('agrees with the table on 2024–2025 fixed holidays', () => {
    for (const day of ['2024-01-01', '2024-04-18', '2024-04-30', '2024-05-01', '2024-09-02', '2025-04-07', '2025-01-29']) {
      expect(bare.isWorkingDay(d(day)), day).toBe(false);
    }
  });
});

describe('due dates', () => {
  it('a same-day procedure received at 15:30 on the Friday before Tết 2026 is due on Monday 23 Feb', () => {
    expect(due('2026-02-13T15:30', 0, 'working-days', '15:00')).toBe('2026-02-23T17:00:00+07:00');
  });

  it('the same procedure received at 14:59 is due the same day', () => {
    expect(due('2026-02-13T14:59', 0, 'working-days', '15:00')).toBe('2026-02-13T17:00:00+07:00');
  });

  it('an online filing on Sunday night before Hùng Kings day 2025 is handled on Tuesday 8 April', () => {
    expect(due('2025-04-06T22:00', 0, 'working-days', '15:00')).toBe('2025-04-08T17:00:00+07:00');
  });

  it('5 working days from Wednesday 22 Jan 2025 skip the Tết week: due Wednesday 5 Feb', () => {
    expect(due('2025-01-22T09:00', 5, 'working-days')).toBe('2025-02-05T17:00:00+07:00');
  });

  it('a period starts the day after receipt (Civil Code art. 147): 1 working day from Monday is Tuesday', () => {
    expect(due('2025-03-03T09:00', 1, 'working-days')).toBe('2025-03-04T17:00:00+07:00');
  });

  it('5 calendar days ending on Saturday end on Monday (Civil Code art. 148)', () => {
    expect(due('2025-03-03T09:00', 5, 'days')).toBe('2025-03-10T17:00:00+07:00');
  });

  it('counts working hours inside office hours', () => {
    expect(due('2025-03-03T16:00', 8, 'hours')).toBe('2025-03-04T16:00:00+07:00');
    expect(due('2025-03-03T11:00', 2, 'hours')).toBe('2025-03-03T14:00:00+07:00');
  });

  it('a month from 31 January ends on the last day of February (29 Feb in 2024)', () => {
    expect(due('2024-01-31T09:00', 1, 'months')).toBe('2024-02-29T17:00:00+07:00');
    // Received on a Tết day off (31 Jan 2025): counted from Monday 3 Feb.
    expect(due('2025-01-31T09:00', 1, 'months')).toBe('2025-03-03T17:00:00+07:00');
  });

  it('a saturday worked by swap counts as a working day (26 Apr 2025)', () => {
    expect(due('2025-04-25T09:00', 1, 'working-days')).toBe('2025-04-26T17:00:00+07:00');
  });

  it('refuses a period without unit', () => {
    expect(() => dueMoment(cal, parseMoment('2025-03-03T09:00'), { value: 3 })).toThrow(PeriodError);
  });

  it('reads offsets and UTC: 08:30Z is 15:30 in Vietnam', () => {
    expect(parseMoment('2026-02-13T08:30:00Z')).toEqual(parseMoment('2026-02-13T15:30'));
    expect(() => parseMoment('2026-02-30')).toThrow(RangeError);
  });
});

describe('the clock pauses while the applicant supplements', () => {
  it('10 working days from Monday 3 Mar 2025, paused Wed 5 → Mon 10 Mar, are due Thursday 20 Mar', () => {
    const period = { value: 10, unit: 'working-days' as const };
    const clock = DeadlineClock.start(period, parseMoment('2025-03-03T09:00'));
    expect(formatMoment(clock.due(cal) ?? parseMoment('1970-01-01'))).toBe('2025-03-17T17:00:00+07:00');
    const paused = clock.pause(parseMoment('2025-03-05T10:00'));
    expect(paused.paused).toBe(true);
    expect(paused.due(cal)).toBeUndefined();
    expect(paused.overdue(cal, parseMoment('2025-12-31T10:00'))).toBe(false);
    const resumed = paused.resume(parseMoment('2025-03-10T10:00'));
    expect(formatMoment(resumed.due(cal) ?? parseMoment('1970-01-01'))).toBe('2025-03-20T17:00:00+07:00');
    expect(resumed.overdue(cal, parseMoment('2025-03-20T16:59'))).toBe(false);
    expect(resumed.overdue(cal, parseMoment('2025-03-21T08:00'))).toBe(true);
  });
});

describe('Ngày Văn hóa Việt Nam (24/11) and the 15:00 boundary', () => {
  it('24/11/2026 is a day off in the table: 2 working days from Monday 23/11/2026 are due Thursday 26/11', () => {
    expect(cal.isWorkingDay(d('2026-11-24'))).toBe(false);
    expect(due('2026-11-23T09:00', 2, 'working-days')).toBe('2026-11-26T17:00:00+07:00');
  });

  it('the Labour Code fallback has 24/11 from 2026, not before', () => {
    expect(bare.dayOff(d('2026-11-24'))?.name).toBe('Ngày Văn hóa Việt Nam');
    expect(bare.dayOff(d('2031-11-24'))?.name).toBe('Ngày Văn hóa Việt Nam'); // Monday
    expect(bare.isWorkingDay(d('2031-11-25'))).toBe(true);
    expect(bare.dayOff(d('2030-11-25'))?.name).toBe('Nghỉ bù Ngày Văn hóa Việt Nam'); // 24/11/2030 is a Sunday
    expect(bare.dayOff(d('2029-11-24'))?.name).toBe('Ngày Văn hóa Việt Nam'); // a Saturday …
    expect(bare.dayOff(d('2029-11-26'))?.name).toBe('Nghỉ bù Ngày Văn hóa Việt Nam'); // … gives Monday off (art. 111(3))
    expect(bare.isWorkingDay(d('2025-11-24'))).toBe(true);
  });

  it('"sau 15 giờ" is strictly after 15:00:00: received at 15:00:00 is due the same day, at 15:00:01 the next working day', () => {
    expect(due('2026-11-23T15:00:00', 0, 'working-days', '15:00')).toBe('2026-11-23T17:00:00+07:00');
    expect(due('2026-11-23T15:00:01', 0, 'working-days', '15:00')).toBe('2026-11-25T17:00:00+07:00');
    expect(due('2026-11-23T15:01', 0, 'working-days', '15:00')).toBe('2026-11-25T17:00:00+07:00');
  });

  it('keeps seconds when reading and writing moments', () => {
    expect(formatMoment(parseMoment('2026-11-23T08:00:01Z'))).toBe('2026-11-23T15:00:01+07:00');
    expect(formatMoment(momentOf(new Date('2026-11-23T08:00:01Z')))).toBe('2026-11-23T15:00:01+07:00');
  });
});

describe('what a due date rests on', () => {
  it('a due date inside 2026 rests on announced days off', () => {
    const r = dueDate(cal, parseMoment('2026-11-23T09:00'), { value: 2, unit: 'working-days' });
    expect(r.basis).toEqual({ basis: 'announced', years: [{ year: 2026, basis: 'announced' }] });
  });

  it('a due date crossing into 2027 says 2027 is provisional', () => {
    const r = dueDate(cal, parseMoment('2026-12-28T09:00'), { value: 10, unit: 'working-days' });
    expect(isoDate(r.due.day)).toBe('2027-01-12');
    expect(r.basis.basis).toBe('provisional');
    expect(r.basis.years).toEqual([{ year: 2026, basis: 'announced' }, { year: 2027, basis: 'provisional' }]);
  });

  it('a year outside the table is the Labour Code fallback', () => {
    const r = dueDate(cal, parseMoment('2029-03-01T09:00'), { value: 5, unit: 'working-days' });
    expect(r.basis.basis).toBe('fallback');
    expect(cal.basisOf(2029)).toBe('fallback');
  });

  it('a paused clock reports the basis of its extended due date', () => {
    const clock = DeadlineClock.start({ value: 5, unit: 'working-days' }, parseMoment('2026-12-21T09:00'))
      .pause(parseMoment('2026-12-22T09:00')).resume(parseMoment('2027-01-05T09:00'));
    expect(clock.dueDate(cal)?.basis.basis).toBe('provisional');
  });

  it('effectiveReceipt moves a Sunday-night filing to Monday 08:00 and keeps seconds inside office hours', () => {
    expect(formatMoment(effectiveReceipt(cal, parseMoment('2026-11-22T22:00')))).toBe('2026-11-23T08:00:00+07:00');
    expect(formatMoment(effectiveReceipt(cal, parseMoment('2026-11-23T15:00:07')))).toBe('2026-11-23T15:00:07+07:00');
  });
});
