import { isDigit, isLower, isUpper, tidy } from './text.js';

/**
 * Parser of the portal's dossier components (thành phần hồ sơ), which arrive flattened:
 *
 *     * Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ khai…Mau 01.docx1 bản chính
 *     - Bản sao giấy tờ…0 bản chính,1 bản sao* Giấy tờ phải xuất trình:Tên giấy tờMẫu…
 *
 * Groups are announced by a title ("--", "* Giấy tờ phải nộp:", "* Giấy tờ phải xuất
 * trình:", "Trường hợp …:") before the column header; each row ends with its quantity
 * ("1 bản chính", "1 bản chính,1 bản sao", "2 bản sao"), preceded by the template's file
 * name when there is one. Rows with no quantity at all ("0 bản chính") are notes.
 */

export const COMPONENT_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';

/** What a group holds. */
export type GroupKind = 'submit' | 'present';

/** One row ending in a quantity. */
export interface ComponentRow {
  /** The row as printed, bullet and template included, quantity excluded. */
  raw: string;
  /** The row's text without bullet and template: the document's name or the note. */
  name: string;
  templates: string[];
  originals: number;
  copies: number;
  /** The quantity as printed, e.g. "1 bản chính,1 bản sao". */
  quantityText: string;
}

/** A titled group of rows. */
export interface ComponentGroup {
  /** The title as printed ("--", "* Giấy tờ phải nộp:", "Trường hợp …:"), tidied. */
  title: string;
  rows: ComponentRow[];
  /** Text after the last row that is not the next group's title (only in the last group). */
  trailing: string;
}

/** The parsed component field. */
export interface ComponentTable {
  groups: ComponentGroup[];
  /** The whole text when it has no column header at all (kept for a review item). */
  unstructured: string;
}

const QUANTITY = /(\d+)\s*bản\s*(chính|sao|chụp)(?:\s*,\s*(\d+)\s*bản\s*(sao|chụp))?/gu;
const TEMPLATE_EXT = /\.(?:docx?|pdf|xlsx?|rar|zip|odt|rtf)$/iu;
const BULLET = /^(?:[-–+*•]+\s*|[a-zđ]\)\s+|\d{1,2}[.)]\s+|[ivx]+[.)]\s+)/iu;

/**
 * Whether a quantity at `end` closes a row: what follows must not continue a sentence
 * ("1 bản chính hoặc bản sao có chứng thực" is part of a name, not a quantity).
 */
function closesRow(text: string, end: number): boolean {
  const after = text.slice(end, end + 24);
  if (after === '') return true;
  // "…: 01 bản chính1 bản chính": the first quantity is part of the name, the second ends the row.
  if (/^\s*\d+\s*bản\s*(?:chính|sao|chụp)/u.test(after)) return false;
  if (/^\s*(?:có|hoặc|và|kèm|được|để|đã|của|theo|do|chứng|công|dịch|hợp|từ|trở|thì|nếu|phải|cho|tại|trong|gốc|in|photo|mỗi)(?![\p{L}\d])/u.test(after)) return false;
  if (/^\s+[a-zđà-ỹ]/u.test(after)) return false;
  if (/^[,;]/u.test(after)) return false;
  return true;
}

/** The quantity's digits: a long run of digits usually ends a name ("Mẫu số 02" + "1"). */
function quantityDigits(text: string, matchIndex: number, digits: string): { start: number; value: number } {
  if (digits.length <= 2) return { start: matchIndex, value: Number(digits) };
  return { start: matchIndex + digits.length - 1, value: Number(digits.slice(-1)) };
}

/** Splits the template file names off the end of a row. */
export function splitTemplates(text: string): { name: string; templates: string[] } {
  const templates: string[] = [];
  let rest = text.trimEnd();
  for (let guard = 0; guard < 8 && TEMPLATE_EXT.test(rest); guard++) {
    const cut = templateStart(rest);
    templates.unshift(rest.slice(cut).trim());
    rest = rest.slice(0, cut).trimEnd();
  }
  return { name: rest, templates };
}

/**
 * Where a template file name glued to the end of a row begins: the last place where the
 * text turns from the name into the file name (a lower-case letter followed by an
 * upper-case one or a digit, or ")", ";", ":" or a sentence-ending "." before a capital).
 */
function templateStart(text: string): number {
  const extAt = text.search(TEMPLATE_EXT);
  const candidates: { at: number; camel: boolean }[] = [];
  let upperRun = -1;
  for (let i = 1; i < extAt; i++) {
    const prev = text[i - 1];
    const cur = text[i];
    if (isLower(prev) && (isUpper(cur) || isDigit(cur))) candidates.push({ at: i, camel: true });
    else if ((prev === ')' || prev === ';' || prev === ':') && (isUpper(cur) || isDigit(cur))) candidates.push({ at: i, camel: false });
    else if (prev === '.' && isUpper(cur) && i >= 2 && !isUpper(text[i - 2]) && !isDigit(text[i - 2])) candidates.push({ at: i, camel: false });
    else if (prev === ' ' && i >= 3 && (text[i - 2] === '.' || text[i - 2] === ';' || text[i - 2] === ':') && !isDigit(text[i - 3]) && isUpper(cur)) candidates.push({ at: i, camel: false });
    else if (isUpper(prev) && isUpper(cur) && isLower(text[i + 1]) && i >= 2 && isUpper(text[i - 2])) upperRun = i;
  }
  let k = candidates.length - 1;
  // "…).MauDon.docx": a lower-to-upper turn inside the file name's last word is the file
  // name's own camel case when an earlier turn in the same word exists.
  while (k > 0) {
    const c = candidates[k] as { at: number; camel: boolean };
    const before = candidates[k - 1] as { at: number; camel: boolean };
    if (!c.camel || /\s/u.test(text.slice(before.at, c.at))) break;
    k--;
  }
  if (k >= 0) return (candidates[k] as { at: number }).at;
  if (upperRun >= 0) return upperRun;
  const space = text.lastIndexOf(' ', extAt);
  return space < 0 ? 0 : space + 1;
}

/** Removes a leading bullet ("- ", "+ ", "a) ", "1. "). */
export function stripBullet(text: string): string {
  let t = text.trim();
  for (let guard = 0; guard < 3; guard++) {
    const m = BULLET.exec(t);
    if (m === null || m[0].length === t.length) break;
    t = t.slice(m[0].length).trim();
  }
  return t;
}

function parseRows(body: string): { rows: ComponentRow[]; rest: string } {
  const rows: ComponentRow[] = [];
  let from = 0;
  QUANTITY.lastIndex = 0;
  for (const m of body.matchAll(QUANTITY)) {
    const index = m.index;
    if (index < from) continue;
    const end = index + m[0].length;
    if (!closesRow(body, end)) continue;
    const q = quantityDigits(body, index, m[1] ?? '0');
    const first = q.value;
    const second = m[3] !== undefined ? Number(m[3]) : 0;
    const kind1 = m[2] ?? '';
    let originals = 0;
    let copies = 0;
    if (kind1 === 'chính') originals = first;
    else copies = first;
    copies += second;
    const raw = body.slice(from, q.start);
    // "…1 bản sao01 bản chính Biên bản…": a quantity with nothing before it opens the next name.
    if (raw.trim() === '') continue;
    const { name, templates } = splitTemplates(raw);
    rows.push({
      raw: tidy(raw),
      name: tidy(stripBullet(name)),
      templates,
      originals,
      copies,
      quantityText: body.slice(q.start, end).trim(),
    });
    from = end;
  }
  return { rows, rest: body.slice(from) };
}

/**
 * Text between rows with nothing to read: the portal's empty group header after the last row
 * ("…1 bản chính----") or a separator. It is neither a note nor a document, so it is dropped
 * rather than kept for review.
 */
const SEPARATOR_ONLY = /^[\p{Pd}_.\s]*$/u;

/** Tidied text, or '' when it is only a separator (group titles stay as they are: "--" opens many tables). */
function meaningful(text: string): string {
  const t = tidy(text);
  return SEPARATOR_ONLY.test(t) ? '' : t;
}

/** Cuts the flattened component field into titled groups of rows. */
export function parseComponentTable(text: string): ComponentTable {
  const parts = text.split(COMPONENT_HEADER);
  if (parts.length === 1) return { groups: [], unstructured: tidy(text) };
  const groups: ComponentGroup[] = [];
  let title = tidy(parts[0] ?? '');
  for (let i = 1; i < parts.length; i++) {
    const { rows, rest } = parseRows(parts[i] ?? '');
    const last = i === parts.length - 1;
    groups.push({ title, rows, trailing: last ? meaningful(rest) : '' });
    title = tidy(rest);
  }
  return { groups, unstructured: '' };
}

/** A group title that only says "documents to submit/present", not a case. */
export function isGenericTitle(title: string): boolean {
  const t = title.replace(/^[-*\s]+/u, '').replace(/[:.\s]+$/u, '').trim().toLowerCase();
  return t === '' || t === '-' || /^(?:[a-z]\)\s*)?(?:các\s+)?(?:giấy tờ|thành phần hồ sơ|hồ sơ)(?:\s+(?:phải|cần))?(?:\s+(?:nộp|xuất trình|gồm|bao gồm))*(?:\s*\(.*\))?$/u.test(t);
}

/** A group titled "Lưu ý" (notes): its rows are remarks, whatever quantity the portal shows. */
export function isNotesTitle(title: string): boolean {
  return /^[-*\s]*(?:lưu ý|ghi chú|chú ý)\s*:?\s*$/iu.test(title);
}

/** Whether a group's title says its documents are presented (xuất trình) rather than submitted. */
export function groupKind(title: string): GroupKind {
  return /xuất trình/iu.test(title) && !/nộp/iu.test(title) ? 'present' : 'submit';
}

/** A row that is a remark, whatever quantity the portal prints: "Lưu ý: …", "Ghi chú: …". */
export function isNoteRow(name: string): boolean {
  return /^[-*+•\s]*(?:lưu ý|ghi chú|chú ý)\s*[:.-]/iu.test(name);
}

/** Words a dossier document's name starts with (tờ khai, đơn, giấy…, bản sao…). */
const DOCUMENT_NOUN = /^(?:\d+[.)]\s*)?(?:dự thảo|tờ khai|đơn|giấy|bản|văn bản|mẫu|phiếu|danh sách|biên bản|hợp đồng|quyết định|báo cáo|sổ|thẻ|chứng chỉ|chứng nhận|hồ sơ|bảng|sơ đồ|ảnh|hộ chiếu|trích lục|điều lệ|phương án|đề án|kế hoạch|tài liệu|chứng từ|hóa đơn|hoá đơn|thông báo|công văn|tờ trình|lý lịch|cam kết|thuyết minh|dự án|chương trình|quy chế|quy trình|phụ lục)(?![\p{L}])/iu;

/**
 * Whether a row the portal prints with "0 bản chính" names a document rather than a remark:
 * a template is attached, or the name starts like a document's and reads as one — it quotes
 * its own quantity ("Tờ khai hải quan: 02 bản chính") or is a short name with no rule in it
 * ("… phải bảo đảm rõ nét" is a rule about documents, not a document).
 */
export function namesDocument(name: string, templates: readonly string[]): boolean {
  if (isNoteRow(name)) return false;
  if (templates.length > 0) return true;
  if (!DOCUMENT_NOUN.test(name) || /:\s*$/u.test(name)) return false;
  if (/(?<![\p{L}])0?\d{1,2}\s*bản\s*(?:chính|sao|chụp|gốc)/iu.test(name)) return true;
  if (/(?<![\p{L}])(?:phải|có thể|có trách nhiệm|không được|được hiểu|bao gồm các)(?![\p{L}])/iu.test(name)) return false;
  return name.length <= 160;
}
