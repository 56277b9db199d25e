import { dayNumber, isoDate, parseIsoDate, weekday, WEEKDAY_NAMES, ymd } from './dates.js';
import { hungKingsDay, lunarNewYear } from './lunar.js';

/**
 * The working-day calendar of public agencies (cơ quan hành chính nhà nước): which days are
 * worked. Years listed in the catalogue's holiday table (procedures/registry/holidays.yaml)
 * use exactly the days announced; other years fall back to the Labour Code 2019:
 *
 * - art. 112(1): 1/1; Tết Âm lịch, 5 days; 30/4; 1/5; Quốc khánh 2/9 plus one adjacent day;
 *   Giỗ Tổ Hùng Vương (10/3 âm lịch);
 * - art. 112(3): the Prime Minister fixes the Tết days and the day adjacent to 2/9 — the
 *   fallback takes the last day of the lunar year and the first four days of the new one, and
 *   the adjacent day that joins 2/9 to a weekend (Monday 1/9 when 2/9 is a Tuesday, Friday
 *   3/9 when it is a Thursday, otherwise 3/9 … see {@link nationalDayAdjacent});
 * - art. 111(3): a holiday that falls on a weekly rest day gives the next working day off.
 *
 * Announced swaps (working Saturdays) exist only in the table.
 */

/** One year of the holiday table, as the registry holds it. */
export interface HolidayTableYear {
  status?: string;
  daysOff: readonly { date: string; name: string; kind?: string }[];
  workingDays?: readonly { date: string; reason?: string }[];
}

/** The holiday table: weekly rest days and the years announced. */
export interface HolidayTable {
  weekend?: readonly string[];
  years: Readonly<Record<string, HolidayTableYear | undefined>>;
}

/**
 * What a day's status rests on (căn cứ của lịch nghỉ):
 * - `announced`: the year's days off were announced by the Government (the table says `official`);
 * - `provisional`: the table lists the year, inferred from the Labour Code, not yet announced;
 * - `fallback`: the year is not in the table; days off are computed from the Labour Code rules.
 */
export type CalendarBasis = 'announced' | 'provisional' | 'fallback';

/** The basis of a span of days: the weakest basis of the years it crosses, and each year's. */
export interface SpanBasis {
  basis: CalendarBasis;
  years: { year: number; basis: CalendarBasis }[];
}

const BASIS_RANK: Record<CalendarBasis, number> = { announced: 0, provisional: 1, fallback: 2 };

/** Why a day is not worked. */
export interface DayOffInfo {
  date: string;
  name: string;
  kind: 'weekend' | 'holiday' | 'substitute' | 'swap';
  /** Where the day comes from: the announced table or the Labour Code fallback. */
  source: 'table' | 'fallback';
}

/** The adjacent National Day day the fallback assumes (art. 112(1)(đ), fixed by the PM each year). */
export function nationalDayAdjacent(year: number): number {
  const sep2 = dayNumber(year, 9, 2);
  switch (weekday(sep2)) {
    case 2: // Tuesday: Monday 1/9 joins the weekend
    case 5: // Friday: Thursday 1/9 keeps Friday–Sunday together
      return sep2 - 1;
    default: // Monday, Wednesday, Thursday, and weekends (then substituted)
      return sep2 + 1;
  }
}

/** The statutory holidays of a year by the Labour Code alone (the fallback), before substitutes. */
export function statutoryHolidays(year: number): { day: number; name: string }[] {
  const tet = lunarNewYear(year);
  const days = [
    { day: dayNumber(year, 1, 1), name: 'Tết Dương lịch' },
    { day: tet - 1, name: 'Tết Âm lịch (ngày cuối năm âm lịch)' },
    { day: tet, name: 'Tết Âm lịch (mùng 1)' },
    { day: tet + 1, name: 'Tết Âm lịch (mùng 2)' },
    { day: tet + 2, name: 'Tết Âm lịch (mùng 3)' },
    { day: tet + 3, name: 'Tết Âm lịch (mùng 4)' },
    { day: hungKingsDay(year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { day: dayNumber(year, 4, 30), name: 'Ngày Chiến thắng' },
    { day: dayNumber(year, 5, 1), name: 'Ngày Quốc tế Lao động' },
    { day: dayNumber(year, 9, 2), name: 'Quốc khánh' },
    { day: nationalDayAdjacent(year), name: 'Quốc khánh (ngày liền kề)' },
  ];
  // Ngày Văn hóa Việt Nam, 24/11, a paid day off from 2026 (Nghị quyết 80-NQ/TW; Labour Code
  // art. 112(1) as amended, Nghị quyết 28/2026/QH16).
  if (year >= 2026) days.push({ day: dayNumber(year, 11, 24), name: 'Ngày Văn hóa Việt Nam' });
  return days.sort((a, b) => a.day - b.day);
}

/**
 * A working-day calendar. Pure: built once from the table, then every question is a lookup
 * (years outside the table are computed on first use and cached).
 *
 * @example
 * const calendar = calendarOf(loadCatalogue({ paths: ['procedures'] }).registries);
 * isoDate(calendar.addWorkingDays(parseIsoDate('2026-02-13'), 1)) // '2026-02-23' (Tết 2026 in between)
 * calendar.basisOf(2031) // 'fallback': not in the table, computed from the Labour Code
 */
export class WorkingCalendar {
  private readonly weekend: ReadonlySet<number>;
  private readonly off = new Map<number, DayOffInfo>();
  private readonly worked = new Set<number>();
  private readonly tableYears: ReadonlySet<number>;
  private readonly provisionalYears = new Set<number>();
  private readonly computedYears = new Set<number>();

  constructor(table: HolidayTable = { years: {} }) {
    const weekendNames = table.weekend ?? ['saturday', 'sunday'];
    this.weekend = new Set(weekendNames.map((n) => WEEKDAY_NAMES.indexOf(n as (typeof WEEKDAY_NAMES)[number])).filter((i) => i >= 0));
    const years = new Set<number>();
    for (const [key, year] of Object.entries(table.years)) {
      if (year === undefined) continue;
      years.add(Number(key));
      if (year.status !== undefined && year.status !== 'official') this.provisionalYears.add(Number(key));
      for (const d of year.daysOff) {
        const kind = d.kind === 'substitute' || d.kind === 'swap' ? d.kind : 'holiday';
        this.off.set(parseIsoDate(d.date), { date: d.date, name: d.name, kind, source: 'table' });
      }
      for (const w of year.workingDays ?? []) this.worked.add(parseIsoDate(w.date));
    }
    this.tableYears = years;
  }

  /** Whether a year's days off come from the announced table (else the Labour Code fallback). */
  hasTable(year: number): boolean {
    return this.tableYears.has(year);
  }

  /** What a year's days off rest on: announced, provisional (listed, not announced) or fallback (computed). */
  basisOf(year: number): CalendarBasis {
    if (!this.tableYears.has(year)) return 'fallback';
    return this.provisionalYears.has(year) ? 'provisional' : 'announced';
  }

  /**
   * The basis of the days from `from` to `to` (day numbers, inclusive): the weakest basis of
   * the years crossed, so a due date that crosses a provisional or computed year says so.
   */
  basisBetween(from: number, to: number): SpanBasis {
    const first = ymd(Math.min(from, to)).year;
    const last = ymd(Math.max(from, to)).year;
    const years: SpanBasis['years'] = [];
    let basis: CalendarBasis = 'announced';
    for (let y = first; y <= last; y++) {
      const b = this.basisOf(y);
      years.push({ year: y, basis: b });
      if (BASIS_RANK[b] > BASIS_RANK[basis]) basis = b;
    }
    return { basis, years };
  }

  private ensureYear(year: number): void {
    if (this.tableYears.has(year) || this.computedYears.has(year)) return;
    this.computedYears.add(year);
    const holidays = statutoryHolidays(year);
    const taken = new Set(holidays.map((h) => h.day));
    for (const h of holidays) {
      this.off.set(h.day, { date: isoDate(h.day), name: h.name, kind: 'holiday', source: 'fallback' });
    }
    // Art. 111(3): a holiday on a weekly rest day → the next day that is neither.
    for (const h of holidays) {
      if (!this.weekend.has(weekday(h.day))) continue;
      let sub = h.day + 1;
      while (this.weekend.has(weekday(sub)) || taken.has(sub)) sub++;
      taken.add(sub);
      this.off.set(sub, { date: isoDate(sub), name: `Nghỉ bù ${h.name}`, kind: 'substitute', source: 'fallback' });
    }
  }

  /** Why a day is not worked, or undefined for a working day. */
  dayOff(day: number): DayOffInfo | undefined {
    this.ensureYear(ymd(day).year);
    if (this.worked.has(day)) return undefined;
    const listed = this.off.get(day);
    if (listed !== undefined) return listed;
    if (this.weekend.has(weekday(day))) return { date: isoDate(day), name: WEEKDAY_NAMES[weekday(day)] as string, kind: 'weekend', source: 'table' };
    return undefined;
  }

  /** Whether public agencies work on a day. */
  isWorkingDay(day: number): boolean {
    return this.dayOff(day) === undefined;
  }

  /** The first working day on or after a day. */
  onOrAfter(day: number): number {
    let d = day;
    while (!this.isWorkingDay(d)) d++;
    return d;
  }

  /** The first working day strictly after a day. */
  nextWorkingDay(day: number): number {
    return this.onOrAfter(day + 1);
  }

  /**
   * The n-th working day after a day (n ≥ 1); the day itself does not count (Civil Code
   * 2015 art. 147: a period starts the day after the event). n = 0 gives the day itself.
   */
  addWorkingDays(day: number, n: number): number {
    let d = day;
    for (let left = n; left > 0; left--) d = this.nextWorkingDay(d);
    return d;
  }

  /** Working days in (from, to]: how many working days a period from `from` to `to` uses. */
  workingDaysBetween(from: number, to: number): number {
    let count = 0;
    for (let d = from + 1; d <= to; d++) if (this.isWorkingDay(d)) count++;
    return count;
  }
}
