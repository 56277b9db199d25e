import { isBlank, tidy } from './text.js';

/**
 * Parser of the portal's results (kết quả thực hiện): names each followed by
 * "Mã: <result code>", then the page's own interface text ("Từ khóa", "Mô tả", "Chọn cơ
 * quan thực hiện…", "Nộp hồ sơ"), which is dropped.
 */

/** Where the portal's interface text begins. */
const UI_TEXT = /Từ khóa(?:Không có thông tin)?Mô tả|Từ khóa|Chọn cơ quan thực hiện/u;

/** Result codes in the forms the portal uses (fixed digit counts: the next name may start with a digit). */
const RESULT_CODE = /^(KQ[.-][GH]\d{2}\.\d{6}|KQ[.-][GH]\d{2}\.\d{5}|\d{3}\.\d{2}\.\d{2}\.[GH]\d{2}-KQ\d{4}|[A-Z]{2}-[GH]\d{2}\.\d{7})/u;
/**
 * Other code shapes agencies use ("KQ-G10-KQ-000002", "BQP-CCS.KQ0001", "000.00.00.KQ-1309",
 * "KQ0.00.00.G12-002223", "Test_P001"): letters, digits, ".", "-", "_", ending in a digit
 * that the next name (a capital or a lower-case word) follows.
 */
const OTHER_CODE = /^([A-Za-z0-9][A-Za-z0-9._-]{2,40}?\d)(?=$|[^\d._-]|[._-](?![A-Za-z0-9]))/u;
/** What the portal prints where an agency has not assigned a code yet. */
const NO_CODE = /^(Chưa xác định(?: rõ)?|Chưa có|Không có)\.?/u;

/** A result. */
export interface ResultEntry {
  name: string;
  code?: string;
}

/** Parsed results and what could not be read. */
export interface ResultTable {
  results: ResultEntry[];
  leftover: string[];
}

/** The code at the start of the text after "Mã:", and where the next name begins. */
function readCode(piece: string): { code?: string; rest: string } | undefined {
  const known = RESULT_CODE.exec(piece);
  if (known !== null) return { code: known[1] as string, rest: piece.slice(known[0].length) };
  const other = OTHER_CODE.exec(piece);
  if (other !== null && /\d/u.test(other[1] as string) && !/^\d{1,3}$/u.test(other[1] as string)) return { code: other[1] as string, rest: piece.slice(other[0].length) };
  const none = NO_CODE.exec(piece);
  if (none !== null) return { rest: piece.slice(none[0].length) };
  return undefined;
}

/**
 * Cuts the results field into named results with their codes. A name is never lost: when
 * what follows "Mã:" is not a code (a sentence, say), the result is kept without a code and
 * that text is returned for review.
 */
export function parseResults(text: string): ResultTable {
  if (isBlank(text)) return { results: [], leftover: [] };
  const ui = UI_TEXT.exec(text);
  const body = ui === null ? text : text.slice(0, ui.index);
  const results: ResultEntry[] = [];
  const leftover: string[] = [];
  const pieces = body.split(/Mã:\s*/u);
  let name = tidy(pieces[0] ?? '');
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    const read = readCode(piece);
    if (read === undefined) {
      // "Mã:" followed by something that is not a code: keep the name, report the text.
      if (name !== '') results.push({ name });
      leftover.push(tidy(`Mã: ${piece}`));
      name = '';
      continue;
    }
    if (name !== '') results.push(read.code !== undefined ? { name, code: read.code } : { name });
    else if (read.code !== undefined) leftover.push(`Mã: ${read.code}`);
    name = tidy(read.rest).replace(/^[-+;,.\s]+/u, '');
  }
  if (name !== '' && !isBlank(name)) results.push({ name });
  return { results, leftover };
}
