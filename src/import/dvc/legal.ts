import { isBlank, tidy } from './text.js';

/**
 * Parser of the portal's legal basis (căn cứ pháp lý), a two-column table flattened to
 * "Tên văn bản pháp lýMã văn bản" followed by title + number pairs glued together:
 *
 *     Luật Hộ tịch60/2014/QH13Nghị định số 123/2015/NĐ-CP ngày 15/11/2015…123/2015/NĐ-CP
 *
 * A number is recognised by the shape of Vietnamese document symbols (số, năm, ký hiệu:
 * Decree 30/2020/NĐ-CP art. 15): "123/2015/NĐ-CP", "60/2014/QH13", "163/QĐ-BTP",
 * "66.7/2025/NQ-CP", "05/2015/TTLT-BTP-BCA-BYT". The number column is the one that is
 * followed by the next title (or the end), not by more words of the same title.
 */

export const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';

/** A parsed reference. */
export interface LegalEntry {
  number: string;
  title?: string;
}

/** The parsed legal basis and what could not be read. */
export interface LegalTable {
  entries: LegalEntry[];
  leftover: string[];
}

/** A document symbol. The last part ends at a capital or "QH" + two digits (the legislature). */
export const DOCUMENT_NUMBER = /\d{1,5}(?:\.\d{1,2})?\/(?:\d{4}\/)?(?:[A-ZĐ]+-)*(?:[A-ZĐ]*QH\d{2}|TTg|[A-ZĐ]+)(?![a-zđà-ỹ])/gu;

/** Whether a number found at `end` is the number column: followed by the end or by a new title. */
function endsEntry(text: string, end: number): boolean {
  const next = text[end];
  if (next === undefined) return true;
  if (/[\s,;:.)\]–-]/u.test(next)) {
    // "…123/2015/NĐ-CP ngày…" continues the title; "…QH13 Luật…" may start the next one, but
    // the portal never puts a space between the columns.
    return false;
  }
  return true;
}

/** Cuts the flattened legal basis into title + number entries. */
export function parseLegalBasis(text: string): LegalTable {
  if (isBlank(text)) return { entries: [], leftover: [] };
  const body = text.startsWith(LEGAL_HEADER) ? text.slice(LEGAL_HEADER.length) : text;
  const entries: LegalEntry[] = [];
  const leftover: string[] = [];
  let from = 0;
  for (const m of body.matchAll(DOCUMENT_NUMBER)) {
    const end = m.index + m[0].length;
    if (m.index < from || !endsEntry(body, end)) continue;
    // "Luật 52/2014/QH1352/2014/QH13": a title that ends with the number it is filed under.
    if (body.startsWith(m[0], end)) continue;
    const title = tidy(body.slice(from, m.index)).replace(/[\s:;,.–-]+$/u, '').replace(/^[\s:;,.–-]+/u, '');
    const number = m[0];
    entries.push(title !== '' && title !== number ? { number, title } : { number });
    from = end;
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
  return { entries: [...byNumber.values()], leftover };
}
