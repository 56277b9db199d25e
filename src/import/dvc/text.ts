import { fold } from '../../util/suggest.js';

export { fold };

/**
 * Text helpers for the portal's flattened fields. The national portal (Cổng Dịch vụ công
 * quốc gia) renders tables as text with the cells glued together, so most parsers here look
 * for the shapes the portal prints (a quantity, a fee, a document number) and cut there.
 */

/** What the portal prints where a field is empty. */
export const NO_INFO = 'Không có thông tin';

/** True for the portal's "no information" and for blank text. */
export function isBlank(text: string | undefined): boolean {
  if (text === undefined) return true;
  const t = text.trim();
  return t === '' || t === NO_INFO;
}

/** Trims and collapses runs of spaces and tabs (newlines are kept: they separate paragraphs). */
export function tidy(text: string): string {
  return text
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}

/**
 * Splits a comma-separated list, ignoring commas inside parentheses:
 * "Doanh nghiệp, Tổ chức (không bao gồm doanh nghiệp, HTX)" has two items.
 */
export function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';' || ch === '\n') && depth === 0) {
      if (current.trim() !== '') out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

/** Unique items in first-seen order. */
export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * A kebab-case id from Vietnamese text, cut at a word boundary: "Tờ khai đăng ký khai
 * sinh" → "to-khai-dang-ky-khai-sinh". Never empty (falls back to `fallback`).
 */
export function slugify(text: string, maxLength = 48, fallback = 'muc'): string {
  const words = fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) break;
    slug = next;
  }
  if (slug === '' && words[0] !== undefined) slug = words[0].slice(0, maxLength);
  if (slug === '' || !/^[a-z0-9]/.test(slug)) return fallback;
  return slug;
}

/** Assigns unique ids: the first "x" stays "x", the next ones become "x-2", "x-3"… */
export class IdAllocator {
  private readonly used = new Set<string>();

  take(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/**
 * Index just past the parenthesised group that opens at `start` (which must be "("),
 * or -1 when it never closes.
 */
export function closingParen(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Upper-case letters, Vietnamese included. */
export function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Lower-case letters, Vietnamese included. */
export function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** ASCII digits. */
export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/**
 * Reads a number as the portal prints it: "50,000", "1.500.000", "0,5", "12".
 * Groups of three after a separator are thousands; otherwise the separator is decimal.
 * Returns undefined for anything else.
 */
export function readNumber(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  if (/^\d+[.,]\d+$/.test(t)) return Number(t.replace(',', '.'));
  return undefined;
}
