import { closingParen, readNumber, tidy } from './text.js';
import type { ChannelKey, DurationUnit, ImportedDuration, ImportedFee } from './types.js';

/**
 * Parser of the portal's channel table (cách thức thực hiện), which arrives flattened:
 *
 *     Hình thức nộpThời gianPhí, lệ phíMô tả
 *     Trực tiếp5 Ngày làm việcLệ phí : 50,000 Việt Nam Đồng(/hồ sơ)Nộp tại …Trực tuyến5 Ngày…
 *
 * Each row is a channel label, a duration ("5 Ngày làm việc", "10 Ngày", "24 Giờ",
 * "3 Tháng", a bare "1", or "Không có thông tin"), the fees ("Miễn phí", amounts with a
 * currency, each optionally followed by a parenthesised note) and a free description.
 */

export const CHANNEL_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

/** Channel labels as the portal prints them. */
export const CHANNEL_LABELS: Readonly<Record<string, ChannelKey>> = {
  'Trực tiếp': 'in-person',
  'Trực tuyến': 'online',
  'Dịch vụ bưu chính': 'postal',
};

/** Duration units as the portal prints them (Decree 63/2010 art. 8(2)(d): thời hạn giải quyết). */
export const DURATION_UNITS: Readonly<Record<string, DurationUnit>> = {
  'Ngày làm việc': 'working-days',
  'Ngày': 'days',
  'Giờ': 'hours',
  'Tháng': 'months',
};

const LABEL = '(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)';
const DURATION = '(?:(\\d+(?:[.,]\\d)?)\\s*(Ngày làm việc|Ngày|Giờ|Tháng)?|(Không có thông tin))';
const CURRENCY = '(Việt Nam Đồng|VNĐ|VND|Đồng|đồng|USD)';
/** An amount as printed: "50,000", "1.500.000", "120" (never with a leading zero). */
const AMOUNT = '(?:[1-9]\\d{0,2}(?:[.,]\\d{3})+|[1-9]\\d*|0)';
const FEE_START = `(?:Miễn phí|Không có thông tin|${AMOUNT}\\s*${CURRENCY})`;
/** A row in the portal's regular shape: label, duration, then the start of a fee. */
const STRICT_ROW = new RegExp(`${LABEL}${DURATION}(?=\\s*${FEE_START})`, 'gu');
/** A row whose duration is free text ("Không quy định", "Không phải trả kết quả…"). */
const LOOSE_ROW = new RegExp(`${LABEL}((?:(?!Trực tiếp|Trực tuyến|Dịch vụ bưu chính).){0,240}?)(?=${FEE_START})`, 'gsu');
const FEE_ITEM = new RegExp(`^\\s*(?:(Miễn phí)|(Không có thông tin)|(${AMOUNT})\\s*${CURRENCY})`, 'u');

/** How the duration of a row was read. */
export type DurationState =
  /** Value and unit as printed. */
  | 'explicit'
  /** A bare number whose unit the same record states for the same number. */
  | 'inferred'
  /** A bare number; the unit is unknown (review item). */
  | 'bare'
  /** "Không có thông tin": the portal publishes no duration. */
  | 'none'
  /** Free text that is not a duration (review item). */
  | 'text'
  /**
   * A bare number glued to the fee's amount ("Trực tuyến220 VNĐ": 2 + 20 or 22 + 0?): more
   * than one reading, so neither the duration nor the fee is taken (review item).
   */
  | 'glued';

/** How the fee cell of a row was read. */
export type FeeState = 'free' | 'none' | 'amounts' | 'unparsed';

/** One row of the channel table. */
export interface ChannelRow {
  channel: ChannelKey;
  /** The row as printed (label to the end of its description). */
  raw: string;
  durationText: string;
  durationState: DurationState;
  duration?: ImportedDuration;
  feeText: string;
  feeState: FeeState;
  fees: ImportedFee[];
  description: string;
  /** The duration and amount as printed together, when they were cut apart ("220"). */
  gluedCell?: string;
}

/** The parsed channel table, and the text that could not be cut into rows. */
export interface ChannelTable {
  rows: ChannelRow[];
  /** Text that is not part of any row (kept for a review item). */
  leftover: string;
  /** Whether the header was where the portal puts it. */
  header: boolean;
}

function rowStarts(body: string): { index: number; strict: boolean }[] {
  STRICT_ROW.lastIndex = 0;
  const strict = [...body.matchAll(STRICT_ROW)].map((m) => m.index);
  if (strict.length > 0 && strict[0] === 0) return strict.map((index) => ({ index, strict: true }));
  // The first row is not in the regular shape: read every row loosely.
  return [...body.matchAll(LOOSE_ROW)].map((m) => ({ index: m.index, strict: strict.includes(m.index) }));
}

function parseFees(text: string): { fees: ImportedFee[]; state: FeeState; consumed: number } {
  const fees: ImportedFee[] = [];
  let pos = 0;
  let state: FeeState = 'unparsed';
  for (;;) {
    const m = FEE_ITEM.exec(text.slice(pos));
    if (m === null) break;
    let end = pos + m[0].length;
    let note: string | undefined;
    if (text[end] === '(') {
      const close = closingParen(text, end);
      if (close > 0) {
        note = tidy(text.slice(end + 1, close - 1));
        end = close;
      }
    }
    if (m[1] !== undefined) {
      fees.push(note !== undefined && note !== '' ? { label: 'Miễn phí', amount: 0, note } : { label: 'Miễn phí', amount: 0 });
      state = state === 'amounts' ? 'amounts' : 'free';
    } else if (m[2] !== undefined) {
      if (state === 'unparsed') state = 'none';
      if (note !== undefined && note !== '') {
        // "Không có thông tin(…)": no amount, but a note about fees; keep it as the description.
        end = pos + m[0].length;
      }
    } else {
      const amount = readNumber(m[3] ?? '');
      if (amount === undefined || !Number.isInteger(amount)) {
        // A decimal or odd amount: stop here and let the caller keep the text for review.
        return { fees, state: 'unparsed', consumed: pos };
      }
      const fee: ImportedFee = { amount };
      if (m[4] === 'USD') fee.currency = 'USD';
      if (note !== undefined && note !== '') {
        const per = /^\/\s*([^()]{1,40})$/u.exec(note);
        if (per !== null) fee.per = (per[1] ?? '').trim();
        else fee.note = note;
      }
      fees.push(fee);
      state = 'amounts';
    }
    pos = end;
    if (m[2] !== undefined) break;
  }
  return { fees, state, consumed: pos };
}

const WHOLE_AMOUNT = new RegExp(`^${AMOUNT}$`, 'u');

/**
 * The readings of a bare duration glued to an amount ("Trực tuyến1100 VNĐ"): every cut of
 * the digits into a duration and a whole amount. An amount of "0" is not a reading: the
 * portal prints a free service as "Miễn phí", never "0 VNĐ" (none of the 5,710 rows of the
 * bundled snapshot does).
 */
function gluedReadings(durationText: string, rest: string): { duration: string; amount: string }[] {
  const amount = /^[\d.,]+/u.exec(rest)?.[0];
  if (amount === undefined) return [];
  const joined = durationText + amount;
  const out: { duration: string; amount: string }[] = [];
  for (let i = 1; i < joined.length; i++) {
    const d = joined.slice(0, i);
    const a = joined.slice(i);
    if (/^\d+(?:[.,]\d)?$/u.test(d) && WHOLE_AMOUNT.test(a) && a !== '0') out.push({ duration: d, amount: a });
  }
  return out;
}

function parseRow(segment: string, strict: boolean): ChannelRow {
  const label = /^(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)/u.exec(segment)?.[1] ?? 'Trực tiếp';
  const channel = CHANNEL_LABELS[label] as ChannelKey;
  let rest = segment.slice(label.length);
  let durationText: string;
  let durationState: DurationState;
  let duration: ImportedDuration | undefined;
  const d = strict ? new RegExp(`^${DURATION}(?=\\s*${FEE_START})`, 'u').exec(rest) : null;
  if (d !== null) {
    durationText = d[0];
    rest = rest.slice(d[0].length);
    if (d[3] !== undefined) {
      durationState = 'none';
    } else {
      const value = readNumber(d[1] ?? '') ?? Number.NaN;
      const unit = d[2] !== undefined ? DURATION_UNITS[d[2]] : undefined;
      duration = unit !== undefined ? { value, unit } : { value };
      durationState = unit !== undefined ? 'explicit' : 'bare';
    }
  } else {
    const fee = new RegExp(FEE_START, 'u').exec(rest);
    const cut = fee?.index ?? 0;
    durationText = rest.slice(0, cut);
    rest = rest.slice(cut);
    durationState = 'text';
  }
  let glued: string | undefined;
  if (durationState === 'bare' && /^\d/u.test(rest)) {
    // The duration's digits run into the amount's: "Trực tuyến220 VNĐ".
    const readings = gluedReadings(durationText, rest);
    const digits = /^[\d.,]+/u.exec(rest)?.[0] ?? '';
    glued = `${durationText}${digits}`;
    const only = readings.length === 1 ? readings[0] : undefined;
    if (only !== undefined) {
      // One reading only (2 + 20 VNĐ): take it, and say how the cell was read.
      rest = `${only.amount}${rest.slice(digits.length)}`;
      durationText = only.duration;
      duration = { value: readNumber(only.duration) ?? Number.NaN };
    } else {
      // 11 + 00, 1 + 100, 110 + 0…: the digits cannot be told apart, so neither the duration
      // nor the fee is taken; both go to review with the row as printed.
      durationState = 'glued';
      duration = undefined;
      durationText = glued;
    }
  }
  const feeStart = rest.length - rest.trimStart().length;
  let parsed = parseFees(rest);
  if (durationState === 'glued') parsed = { fees: [], state: 'unparsed', consumed: 0 };
  const feeText = rest.slice(feeStart, parsed.consumed).trim();
  const description = tidy(rest.slice(parsed.consumed));
  return {
    channel,
    raw: segment.trim(),
    ...(glued !== undefined && durationState !== 'glued' ? { gluedCell: glued } : {}),
    durationText: durationText.trim(),
    durationState,
    ...(duration !== undefined ? { duration } : {}),
    feeText,
    feeState: parsed.state,
    fees: parsed.fees,
    description,
  };
}

/** Cuts the flattened channel table into rows. */
export function parseChannelTable(text: string): ChannelTable {
  const header = text.startsWith(CHANNEL_HEADER);
  const body = header ? text.slice(CHANNEL_HEADER.length) : text;
  const starts = rowStarts(body);
  const rows: ChannelRow[] = [];
  const leftover = starts.length === 0 ? body.trim() : body.slice(0, starts[0]?.index).trim();
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as { index: number; strict: boolean };
    const end = starts[i + 1]?.index ?? body.length;
    rows.push(parseRow(body.slice(start.index, end), start.strict));
  }
  return { rows, leftover, header };
}

const UNIT_WORDS: readonly [RegExp, DurationUnit][] = [
  [/^ngày làm việc/u, 'working-days'],
  [/^giờ/u, 'hours'],
  [/^tháng/u, 'months'],
  [/^ngày/u, 'days'],
];

/**
 * Looks in the record's own text for the unit of a bare number: "07 (bảy) ngày làm việc"
 * in the row's description, another row of the same value that prints its unit, or the
 * steps. Returns the unit only when every mention agrees, with the phrase that shows it.
 */
export function inferUnit(value: number, texts: readonly string[]): { unit: DurationUnit; evidence: string } | undefined {
  const found = new Map<DurationUnit, string>();
  const re = /(?<![\d.,/])(\d+)\s*(?:\([^)]{1,30}\)\s*)?(ngày làm việc|ngày|giờ|tháng)/giu;
  for (const text of texts) {
    for (const m of text.matchAll(re)) {
      if (Number(m[1]) !== value) continue;
      const word = (m[2] ?? '').toLowerCase();
      const unit = UNIT_WORDS.find(([pattern]) => pattern.test(word))?.[1];
      if (unit !== undefined && !found.has(unit)) found.set(unit, m[0]);
    }
  }
  if (found.size !== 1) return undefined;
  const [[unit, evidence]] = [...found] as [[DurationUnit, string]];
  return { unit, evidence };
}
