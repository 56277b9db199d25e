/**
 * Helpers for "did you mean" suggestions. Vietnamese text is compared without diacritics
 * and case, so "Cap xa" still finds "Cấp xã".
 */

/** Lowercases, strips diacritics (including đ) and collapses spaces. */
export function fold(text: string): string {
  const fast = foldLatin(text);
  if (fast !== undefined) return fast.replace(/\s+/g, ' ').trim();
  return foldSlow(text);
}

/** The definition of {@link fold}, for any text. */
export function foldSlow(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Each character of the Latin blocks (ASCII to Latin Extended-B, the combining diacritics,
 * Latin Extended Additional where Vietnamese lives) and of General Punctuation, folded alone
 * (NFD, diacritics dropped, đ → d, lower case). In these blocks decomposition only adds
 * marks of U+0300–U+036F, which are all dropped, and lower-casing has no context: folding a
 * text character by character gives exactly {@link foldSlow} without the space clean-up, at
 * a fraction of the cost (a test compares the two on random text).
 */
const FOLD_RANGES: readonly [number, number][] = [[0x0000, 0x024f], [0x0300, 0x036f], [0x1e00, 0x1eff], [0x2000, 0x206f]];
let foldTable: Map<number, string> | undefined;
function table(): Map<number, string> {
  if (foldTable !== undefined) return foldTable;
  foldTable = new Map();
  for (const [from, to] of FOLD_RANGES) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      foldTable.set(c, ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase());
    }
  }
  return foldTable;
}

/** {@link fold} without the space clean-up, or undefined when a character is outside the table. */
function foldLatin(text: string): string | undefined {
  const t = table();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const mapped = t.get(text.charCodeAt(i));
    if (mapped === undefined) return undefined;
    out += mapped;
  }
  return out;
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as it exceeds `max`. */
export function distance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * The candidate closest to `input`, if it is close enough to be a plausible typo:
 * equal ignoring case and diacritics, or within a third of its length in edits (at most 3).
 *
 * @example
 * closest('legalBasic', ['legalBasis', 'levels']) // 'legalBasis'
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const folded = fold(input);
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const c = fold(candidate);
    if (c === folded) return candidate;
    const limit = Math.min(3, Math.max(1, Math.floor(Math.max(c.length, folded.length) / 3)));
    const d = distance(folded, c, limit);
    if (d <= limit && d < bestScore) {
      best = candidate;
      bestScore = d;
    }
  }
  return best;
}
