import { isBlank, tidy } from './text.js';

/**
 * Parser of the portal's legal basis (căn cứ pháp lý), a two-column table flattened to
 * "Tên văn bản pháp lýMã văn bản" followed by title + number pairs glued together:
 *
 *     Luật Hộ tịch60/2014/QH13Nghị định số 123/2015/NĐ-CP ngày 15/11/2015…123/2015/NĐ-CP
 *
 * A number (số, ký hiệu văn bản: Decree 30/2020/NĐ-CP art. 8 and Appendix I) is
 * "<số>/<năm>/<ký hiệu>" or "<số>/<ký hiệu>": the ký hiệu is the document type and the
 * issuing body ("NĐ-CP", "TT-BTC", "QĐ-TTg", "TTLT-BTP-BCA-BYT"), or for laws and
 * resolutions of the National Assembly "QH" and the legislature ("QH15").
 *
 * Gluing makes both ends ambiguous, so the parser reads a ký hiệu only from known parts
 * (never "NĐ-CPL" from "NĐ-CP" + "Luật…", nor "QH" from "QH15" + "hướng dẫn…"), and a
 * number's digits only where the text before them is not a date or a year ("…ngày
 * 01/01/2017120/2016/NĐ-CP" is 120/2016/NĐ-CP, "năm 201102/2011/QH13" is 02/2011/QH13).
 * A number the record itself damaged ("118/2025/NĐ-C") is repaired only where the law
 * leaves one reading (a decree, NĐ, is always issued by the Government, CP) and the repair
 * is reported; anything else that does not have the shape is kept verbatim and reported.
 */

export const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';

/** A parsed reference. */
export interface LegalEntry {
  number: string;
  title?: string;
}

/** Something the parser could not read, or repaired: the text and why. */
export interface LegalProblem {
  original: string;
  kind: 'unread' | 'repaired' | 'unusual-number';
  /** The number as kept (repaired or verbatim). */
  number?: string;
}

/** The parsed legal basis and what could not be read. */
export interface LegalTable {
  entries: LegalEntry[];
  /** Text left over that holds no number (kept for a review item). */
  leftover: string[];
  /** Numbers repaired or kept verbatim because they do not have the usual shape. */
  problems: LegalProblem[];
}

/** Document types (loại văn bản) in ký hiệu, and the other parts seen on the portal. */
const TYPES = ['TTLT', 'NQLT', 'VBHN', 'NĐ', 'ND', 'QĐ', 'QD', 'TT', 'NQ', 'CT', 'CĐ', 'HD', 'HĐ', 'KH', 'TB', 'PL', 'SL', 'QC', 'L', 'CV'];
/** Issuing bodies (cơ quan ban hành) in ký hiệu. */
const BODIES = [
  'CP', 'TTg', 'TTG', 'VPCP', 'BTC', 'BNNMT', 'BNNPTNT', 'BTNMT', 'NHNN', 'BCA', 'BTP', 'BXD', 'BGTVT', 'BKHĐT', 'BKHCN', 'BLĐTBXH',
  'BYT', 'BCT', 'BQP', 'BNG', 'BNV', 'BVHTTDL', 'BTTTT', 'BGDĐT', 'BDTTG', 'UBDT', 'UBND', 'HĐND', 'TANDTC', 'VKSNDTC', 'KTNN',
  'TLĐ', 'BHXH', 'TCHQ', 'TCT', 'HĐTP', 'BCHTW', 'TW', 'BCT', 'UBCKNN', 'BTNMT', 'BKHMT', 'BXDĐT', 'CTN',
];
/** Known parts, longest first so that "TTLT" wins over "TT". */
const PARTS = [...new Set([...TYPES, ...BODIES])].sort((a, b) => b.length - a.length);
/** Parts with digits: the legislature (QH15), its Standing Committee (UBTVQH15), police and other units (C06, A05). */
const NUMBERED_PART = /^(?:UBTVQH\d{2}|QH\d{2}|[CAV]\d{2})/u;

/** The ký hiệu parts at `at`: known parts joined by "-", as far as they go. */
function readSymbol(text: string, at: number): { parts: string[]; end: number } {
  const parts: string[] = [];
  let p = at;
  for (;;) {
    const rest = text.slice(p, p + 12);
    const numbered = NUMBERED_PART.exec(rest);
    const known = numbered !== null ? numbered[0] : PARTS.find((t) => rest.startsWith(t));
    if (known === undefined) break;
    parts.push(known);
    p += known.length;
    const sep = text[p];
    // "46/2005/TTLT/BQP-BKHĐT-BTC": a few joint circulars put a slash before the bodies.
    if (sep !== '-' && !(sep === '/' && known === 'TTLT')) break;
    const after = text.slice(p + 1, p + 13);
    if (NUMBERED_PART.test(after) || PARTS.find((t) => after.startsWith(t)) !== undefined) {
      p += 1;
      continue;
    }
    // An unlisted body ("4533/BHXH-CSXH Hướng dẫn…"): capitals ending at a space, digit or end —
    // never at a lower-case letter, where they are the first word of the next title ("NĐ-CQuy…").
    const other = /^[A-ZĐ]{2,8}(?=$|[\s\d,;:.)(])/u.exec(after);
    if (other === null) break;
    parts.push(other[0]);
    p += 1 + other[0].length;
    break;
  }
  return { parts, end: p };
}

/** The legislature (khóa Quốc hội) of a year when only one sat all that year. */
function legislatureOf(year: number): number | undefined {
  // XI 2002–2007, XII 2007–2011, XIII 2011–2016, XIV 2016–2021, XV 2021–2026, XVI 2026–2031;
  // an election year has two.
  const terms: [number, number, number][] = [[11, 2002, 2007], [12, 2007, 2011], [13, 2011, 2016], [14, 2016, 2021], [15, 2021, 2026], [16, 2026, 2031]];
  const matches = terms.filter(([, from, to]) => year >= from && year <= to);
  return matches.length === 1 ? (matches[0] as [number, number, number])[0] : undefined;
}

/** A candidate number found in the text. */
interface Candidate {
  start: number;
  end: number;
  number: string;
  year?: number;
  parts: string[];
  problem?: LegalProblem;
}

const CONFUSABLE: Readonly<Record<string, string>> = { А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', К: 'K', М: 'M', О: 'O', Р: 'P', Т: 'T', Х: 'X' };

/** Document types that name no issuing body: a number ending in one lost its body. */
const BODILESS = new Set(['TT', 'TTLT', 'NĐ', 'ND', 'QĐ', 'QD', 'NQ', 'CT']);

const SLASH_YEAR = /(\d+)(?:\.(\d{1,2}))?\/(?:(\d{4})\/)?/gu;

/**
 * The digits of a number whose run of digits may carry the end of the text before it: a
 * year ("năm 2011" + "02/2011/QH13") or the year of a date ("01/01/2017" + "120/2016/…").
 */
function numberDigits(text: string, runStart: number, digits: string, docYear: number | undefined): { start: number; digits: string } | undefined {
  if (digits.length <= 3) return { start: runStart, digits };
  const before = text[runStart - 1] ?? '';
  const boundary = before === '' || /[\s/–-]/u.test(before);
  const yearLike = (s: string): boolean => /^(19[4-9]\d|20[0-4]\d)$/u.test(s);
  // The run starts with a year: the number is what follows it.
  for (const take of [4]) {
    const head = digits.slice(0, take);
    const tail = digits.slice(take);
    if (tail.length >= 1 && tail.length <= 4 && yearLike(head) && (boundary || head === String(docYear))) {
      return { start: runStart + take, digits: tail };
    }
  }
  if (digits.length === 4 && !yearLike(digits)) return { start: runStart, digits };
  if (digits.length === 4 && /\D/u.test(before)) return { start: runStart, digits };
  return undefined;
}

/** Every number in the text, with its position, in order. */
function candidates(text: string, today: number): Candidate[] {
  const out: Candidate[] = [];
  let lastEnd = 0;
  for (const m of text.matchAll(SLASH_YEAR)) {
    // "…QH1359/2025/…": the digits of the legislature belong to the number before.
    const skip = Math.max(0, lastEnd - m.index);
    if (skip >= (m[1] as string).length) continue;
    const runStart = m.index + skip;
    const digits = (m[1] as string).slice(skip);
    const decimal = m[2];
    const yearText = m[3];
    const symbolAt = m.index + m[0].length;
    const { parts, end } = readSymbol(text, symbolAt);
    let problem: LegalProblem | undefined;
    let symbol = text.slice(symbolAt, end);
    let stop = end;
    const year = yearText !== undefined ? Number(yearText) : undefined;
    // "QH" without its legislature: repaired only where the year leaves one reading.
    const lone = parts.length === 0 ? /^QH(?![\dA-ZĐ])/u.exec(text.slice(symbolAt)) : null;
    if (parts.length === 0) {
      const term = lone !== null && year !== undefined ? legislatureOf(year) : undefined;
      if (term === undefined) continue;
      symbol = `QH${term}`;
      stop = symbolAt + 2;
      problem = { original: text.slice(runStart, stop), kind: 'repaired' };
    }
    // Damaged at the source: "NĐ-C" + "Quy định…" — a decree is always NĐ-CP.
    if (parts[parts.length - 1] === 'NĐ' && text.startsWith('-C', end) && !text.startsWith('-CP', end)) {
      symbol = `${symbol}-CP`;
      stop = end + 2;
      problem = { original: text.slice(runStart, stop), kind: 'repaired' };
    }
    const d = numberDigits(text, runStart, digits, year);
    if (d === undefined) {
      const verbatim = `${digits}${decimal !== undefined ? `.${decimal}` : ''}/${yearText !== undefined ? `${yearText}/` : ''}${symbol}`;
      out.push({ start: runStart, end: stop, number: verbatim, parts, problem: { original: text.slice(runStart, stop), kind: 'unusual-number', number: verbatim } });
      lastEnd = stop;
      continue;
    }
    const number = `${d.digits}${decimal !== undefined ? `.${decimal}` : ''}/${yearText !== undefined ? `${yearText}/` : ''}${symbol}`;
    if (year !== undefined && (year < 1945 || year > today + 1)) {
      out.push({ start: d.start, end: stop, number, parts, problem: { original: text.slice(runStart, stop), kind: 'unusual-number', number } });
      lastEnd = stop;
      continue;
    }
    if (problem !== undefined) problem.number = number;
    out.push({ start: d.start, end: stop, number, parts, ...(year !== undefined ? { year } : {}), ...(problem !== undefined ? { problem } : {}) });
    lastEnd = stop;
  }
  return out;
}

/**
 * Whether the number ending at `end` is the number column: what follows is the end, a
 * new title glued to it, or the same number again ("Luật 52/2014/QH13" + "52/2014/QH13"
 * is a title that quotes its number) — not a space, which continues a title ("…123/2015/NĐ-CP
 * ngày 15/11/2015").
 */
function endsEntry(text: string, end: number, number: string): boolean {
  const next = text[end];
  if (next === undefined) return true;
  if (/[\s,;:.)\]–]/u.test(next)) return false;
  if (next === '-' && /^-\s/u.test(text.slice(end, end + 2))) return false;
  // "59/2025/TT-NHNN" + "số 59/2025/TT-NHNN": the first is the title, quoting its number.
  if (new RegExp(`^(?:số\\s*)?${number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(text.slice(end))) return false;
  return true;
}

/** A title without the glued "Luật số"/"số" that belongs to the number column. */
function cleanTitle(title: string, number: string): string {
  let t = tidy(title).replace(/[\s:;,.–-]+$/u, '').replace(/^[\s:;,.–-]+/u, '');
  // The number column sometimes starts "Luật số …", "số …": that part is not the title.
  t = t.replace(/(?<=\S)\s*(?:(?:Luật|Nghị định|Thông tư|Quyết định|Nghị quyết)\s*)?số$/u, '').replace(/^số$/u, '').trim();
  return t === number ? '' : t;
}

/** A number in the title that completes a truncated number ("31/2025/TT" → "31/2025/TT-BCA"). */
function completedByTitle(number: string, title: string): string | undefined {
  if (title === '' || !title.includes(number)) return undefined;
  for (const c of candidates(title, 9999)) {
    if (c.number !== number && c.number.startsWith(number) && /^[-/]/u.test(c.number.slice(number.length))) return c.number;
  }
  return undefined;
}

/** Cuts the flattened legal basis into title + number entries. `year` is this year (for implausible years). */
export function parseLegalBasis(text: string, year = new Date().getUTCFullYear()): LegalTable {
  if (isBlank(text)) return { entries: [], leftover: [], problems: [] };
  const raw = text.startsWith(LEGAL_HEADER) ? text.slice(LEGAL_HEADER.length) : text;
  // Cyrillic capitals that look Latin ("TT-BTС") are typing slips in a ký hiệu.
  const body = raw.replace(/[АВСЕНКМОРТХ]/gu, (c) => CONFUSABLE[c] ?? c);
  const entries: LegalEntry[] = [];
  const leftover: string[] = [];
  const problems: LegalProblem[] = [];
  let from = 0;
  for (const c of candidates(body, year)) {
    if (c.start < from || !endsEntry(body, c.end, c.number)) continue;
    const title = cleanTitle(body.slice(from, c.start), c.number);
    let number = c.number;
    let problem = c.problem;
    // "31/2025/TT" under the title "Thông tư số 31/2025/TT-BCA …": the title, from the same
    // record, gives the whole number; without it, an incomplete number is reported.
    const whole = completedByTitle(number, title);
    if (whole !== undefined) {
      problem = { original: number, kind: 'repaired', number: whole };
      number = whole;
    } else if (BODILESS.has(c.parts[c.parts.length - 1] ?? '') && problem === undefined) {
      problem = { original: number, kind: 'unusual-number', number };
    }
    entries.push(title !== '' ? { number, title } : { number });
    if (problem !== undefined) problems.push(problem);
    from = c.end;
  }
  const rest = tidy(body.slice(from));
  if (rest !== '') leftover.push(rest);
  // One document cited twice (the portal repeats rows): keep the first, with a title if any.
  const byNumber = new Map<string, LegalEntry>();
  for (const e of entries) {
    const seen = byNumber.get(e.number);
    if (seen === undefined) byNumber.set(e.number, e);
    else if (seen.title === undefined && e.title !== undefined) byNumber.set(e.number, e);
  }
  return { entries: [...byNumber.values()], leftover, problems };
}
