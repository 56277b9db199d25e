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

/** Cuts the results field into named results with their codes. */
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
    const code = RESULT_CODE.exec(piece);
    if (code === null) {
      // "Mã:" followed by something that is not a result code.
      leftover.push(tidy(`${name} Mã: ${piece}`));
      name = '';
      continue;
    }
    if (name !== '') results.push({ name, code: code[1] as string });
    else leftover.push(`Mã: ${code[1] as string}`);
    name = tidy(piece.slice(code[0].length)).replace(/^[-+;,.\s]+/u, '');
  }
  if (name !== '' && !isBlank(name)) results.push({ name });
  return { results, leftover };
}
