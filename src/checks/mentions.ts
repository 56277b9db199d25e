import type { DocumentType } from '../../generated/types/catalogue.js';

/**
 * Where a registry document is named in free text, and whether the text *demands* it.
 *
 * A name is not a demand by itself. Reviewers found these readings wrong, each of which
 * would make someone delete a lawful sentence:
 *
 * - the title of a cited legal document ("Nghị định 104/2022/NĐ-CP … liên quan đến việc nộp,
 *   xuất trình sổ hộ khẩu" is the decree that abolished the book);
 * - a negation or exception ("không yêu cầu xuất trình sổ hộ khẩu", "thay cho…", "(trừ bản
 *   chụp … chứng minh nhân dân)");
 * - a photo format ("ảnh kiểu chứng minh nhân dân 4x6") or a lookup key ("số chứng minh nhân
 *   dân": numbers on documents already issued keep their value, Luật Căn cước 2023 art. 46(2));
 * - a remark telling officials to read data from a database, with no request to the applicant;
 * - one acceptable document among others ("CMND hoặc thẻ Căn cước"): the list needs updating,
 *   the component does not go.
 *
 * A component's own name is a demand (the component is the request); a step, a condition
 * or a remark demands a document only where a verb asks the applicant for it (nộp, xuất
 * trình, kèm theo, mang theo, cung cấp, bổ sung).
 */

/** How the text treats a named document. */
export type MentionContext =
  /** The only document asked for here. */
  | 'demand'
  /** One of several acceptable documents ("CMND hoặc thẻ Căn cước"). */
  | 'alternative'
  /** Named, not demanded (see the reason). */
  | 'mention';

/** Why a name is not a demand. */
export type MentionReason = 'legal-title' | 'negation' | 'exception' | 'photo-format' | 'lookup-key' | 'homonym' | 'no-request' | 'evidence';

/** A registry document named in a text. */
export interface Mention {
  id: string;
  doc: DocumentType;
  /** The words as found (lower case). */
  term: string;
  /** Offsets in the text. */
  start: number;
  end: number;
  context: MentionContext;
  reason?: MentionReason;
}

/** A registry document with the patterns that find it in text. */
export interface DocumentPatterns {
  id: string;
  doc: DocumentType;
  /** Names and aliases, longest first, as a pattern over lower-case text with punctuation as spaces. */
  pattern: RegExp;
  /** Words that, near the name, mean another document of the same name (a homonym). */
  notWhen: RegExp | undefined;
  /**
   * The first word of each name and alias: a text holding none of them cannot match the
   * pattern, and is not searched (most texts name few of the registry's documents).
   */
  anchors?: readonly string[];
}

/** What kind of text is read: a component (the request itself) or prose (steps, remarks…). */
export type TextKind = 'component' | 'prose';

const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The patterns of a registry document (built once per catalogue). */
export function documentPatterns(id: string, doc: DocumentType): DocumentPatterns | undefined {
  const terms = [...new Set([doc.name, ...(doc.aliases ?? [])].map((t) => t.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()).filter((t) => t.length >= 4))];
  if (terms.length === 0) return undefined;
  const alternatives = terms.sort((a, b) => b.length - a.length).map((t) => t.split(' ').map(escape).join('\\s+'));
  const notWhen = (doc.notWhen ?? []).map((w) => w.normalize('NFC').toLowerCase().trim()).filter((w) => w !== '');
  return {
    id,
    doc,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
    anchors: [...new Set(terms.map((t) => t.split(' ')[0] as string))],
    notWhen: notWhen.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(${notWhen.map((w) => w.split(/\s+/u).map(escape).join('\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'u'),
  };
}

/** The same verbs, for a plain test. */
const REQUEST_TEST = /(?<![\p{L}])(nộp|xuất trình|kèm theo|gửi kèm|mang theo|cung cấp|bổ sung|phải có|tải lên|đính kèm|yêu cầu)(?![\p{L}])/u;

/** Verbs by which a text asks the applicant for a document. */
const REQUEST = /(?<![\p{L}])(nộp|xuất trình|kèm theo|gửi kèm|mang theo|cung cấp|bổ sung|phải có|tải lên|đính kèm|photo|sao chụp)(?![\p{L}])/gu;
/** Words that end the reach of a negation or a request ("… thì …", "trường hợp…"). */
const RESET = /(?<![\p{L}])(thì|nhưng|trường hợp|nếu|khi|để|mà|đồng thời|sau đó)(?![\p{L}])/gu;
/** A negation governing what follows. */
const NEGATION = /(?<![\p{L}])(không|chưa|thay cho|thay thế|thay vì|bãi bỏ|miễn|không cần|không phải|không được|không yêu cầu)(?![\p{L}])/gu;
/** A legal document cited by type and number, or by type and title. */
const LEGAL_CITE = /(?<![\p{L}])(nghị định|thông tư|quyết định|nghị quyết|luật|pháp lệnh|thông tư liên tịch)(\s+số)?\s+\d+(?:\.\d+)?\/\d{4}\/[^\s,;]+/gu;
/** Words of a cited document's title between its number and a name. */
const TITLE_WORDS = /(?<![\p{L}])(về việc|liên quan đến|quy định|hướng dẫn|sửa đổi|bổ sung một số|ban hành|của chính phủ|của bộ)(?![\p{L}])/u;

/**
 * The clause around an offset: from the last sentence end before it to the next after it.
 * A semicolon followed by "hoặc" does not end it ("xuất trình chứng minh thư; hoặc hộ chiếu").
 */
function clauseOf(text: string, at: number, end: number): { start: number; stop: number } {
  const sentenceEnd = (i: number): boolean => {
    const c = text[i] as string;
    return c === '\n' || c === '!' || c === '?' || (c === '.' && /\s|$/u.test(text[i + 1] ?? ''));
  };
  const ends = (i: number): boolean => {
    if ((text[i] as string) !== ';') return sentenceEnd(i);
    if (/^;\s*(hoặc|hay)(?![\p{L}])/u.test(text.slice(i, i + 12))) return false;
    // Items of a list introduced by ":" or inside parentheses are separated by ";" too
    // ("… như: CMND, CCCD hoặc Hộ chiếu; Sổ hộ khẩu, …"; "(Giấy khai sinh; CMND; …)").
    let k = i - 1;
    let depth = 0;
    while (k >= 0 && !sentenceEnd(k)) {
      const c = text[k] as string;
      if (c === ')') depth--;
      else if (c === '(') depth++;
      else if (c === ':' && depth === 0) return false;
      k--;
    }
    return depth <= 0;
  };
  let start = at;
  while (start > 0 && !ends(start - 1)) start--;
  let stop = end;
  while (stop < text.length && !ends(stop)) stop++;
  return { start, stop };
}

/** The family of documents that stand in for one another (the registry's `family`). */
function family(doc: DocumentType): string | undefined {
  return doc.family;
}

/** The last match of a global pattern in a text, or undefined. */
function lastMatch(pattern: RegExp, text: string): RegExpMatchArray | undefined {
  let last: RegExpMatchArray | undefined;
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) last = m;
  return last;
}

/** Whether an open parenthesis before the offset (in the clause) begins with "trừ"/"ngoài". */
function insideException(before: string): boolean {
  const open = before.lastIndexOf('(');
  if (open < 0 || before.indexOf(')', open) >= 0) return /(?<![\p{L}])(trừ|ngoại trừ|ngoài ra không)(?![\p{L}])[^;:]{0,80}$/u.test(before) && !/(?<![\p{L}])(trừ|ngoại trừ)[^;:]{0,80}(nộp|xuất trình)[^;:]{0,20}$/u.test(before);
  return /^\(\s*(trừ|ngoại trừ|ngoài|không)(?![\p{L}])/u.test(before.slice(open));
}

/**
 * How a clause treats one named document.
 *
 * `before`/`after` are the clause's text before and after the name (lower case).
 */
function classify(kind: TextKind, before: string, after: string, others: number, earlier: string): { context: MentionContext; reason?: MentionReason } {
  // Evidence of a fact, not proof of identity: an old CMND still shows a birth date or
  // Vietnamese nationality (Luật Quốc tịch Điều 11), so listing it there stays lawful.
  const clause = `${before} ${after}`;
  if (/(chứng minh quốc tịch|có giá trị chứng minh quốc tịch)/u.test(clause)) return { context: 'mention', reason: 'evidence' };
  const factEvidence = /(có thông tin (về|liên quan)|thông tin về họ, tên|ngày, tháng, năm sinh|nội dung khai sinh)/u.test(`${earlier.slice(-200)} ${clause}`);
  // A cited legal document's title: "Nghị định số 104/2022/NĐ-CP … về việc … sổ hộ khẩu".
  const cite = lastMatch(LEGAL_CITE, before);
  if (cite !== undefined) {
    const between = before.slice((cite.index ?? 0) + cite[0].length);
    if (TITLE_WORDS.test(between) || between.trim().length < 3) return { context: 'mention', reason: 'legal-title' };
  }
  if (/(?<![\p{L}])(các nghị định|nghị định|luật|thông tư)\s+(liên quan đến|về việc)[^.;]{0,120}$/u.test(before)) return { context: 'mention', reason: 'legal-title' };
  // "ảnh kiểu chứng minh nhân dân", "ảnh 4x6 kiểu CMND": a photo format.
  if (/(?<![\p{L}])ảnh(?:\s+\S+){0,4}\s+(kiểu|cỡ|khổ|theo kiểu|theo mẫu|như)\s*$/u.test(before) || /(?<![\p{L}])kiểu\s*$/u.test(before)) {
    return { context: 'mention', reason: 'photo-format' };
  }
  // "số chứng minh nhân dân", "số CMND", "số Căn cước công dân, Chứng minh nhân dân hoặc Hộ
  // chiếu": a number, the key data are looked up by (papers that quote it stay valid).
  if (/(?<![\p{L}])(số|mã số|số hiệu)\s*$/u.test(before)) return { context: 'mention', reason: 'lookup-key' };
  // "… có thể cung cấp thông tin về giấy tờ (số, ngày cấp…) để cơ quan khai thác … thay cho giấy
  // tờ phải nộp": the details of the paper are asked for, to look it up, not the paper.
  if (/(thông tin (về|của) giấy tờ|\(số, ngày cấp|thay cho giấy tờ phải nộp)/u.test(clause)) return { context: 'mention', reason: 'lookup-key' };
  // … and the items of a list that such a sentence introduces ("… thay cho giấy tờ phải nộp:
  // + Giấy tờ chứng minh nhân thân là Chứng minh nhân dân hoặc …").
  if (/(thông tin (về|của) giấy tờ|\(số, ngày cấp|thay cho giấy tờ phải nộp)[^.:]{0,300}:[^.:]{0,400}$/u.test(earlier)) return { context: 'mention', reason: 'lookup-key' };
  if (/(?<![\p{L}])(số|mã số)\s+(?:[\p{L}\s]{2,40}?\s*(?:,|hoặc|\/)\s*){1,3}$/u.test(before)) return { context: 'mention', reason: 'lookup-key' };
  if (insideException(before)) return { context: 'mention', reason: 'exception' };
  // The reach of the nearest request or negation: after the last "thì", "trường hợp"…
  const reset = lastMatch(RESET, before);
  const scope = reset === undefined ? before : before.slice((reset.index ?? 0) + reset[0].length);
  const negation = lastMatch(NEGATION, scope);
  // A request may follow the names ("Đối với Chứng minh nhân dân, … người bị thiệt hại chỉ nộp
  // trong trường hợp …"), or be made in the sentence that the list continues ("… có thể yêu cầu
  // nộp một trong các giấy tờ … . Các giấy tờ … bao gồm: …"), or define the papers that prove
  // identity ("Hộ chiếu/Chứng minh nhân dân/… để chứng minh về nhân thân").
  const request = lastMatch(REQUEST, scope)
    ?? (/^[^.;]{0,160}?(?<![\p{L}])(chỉ )?(nộp|xuất trình)(?![\p{L}])/u.test(after) && !/^[^.;]{0,160}?không (phải |cần )?(nộp|xuất trình)/u.test(after) ? ['after'] : undefined)
    ?? (/(?<![\p{L}])(bao gồm|gồm)\s*:?\s*[^.;]*$/u.test(before) && REQUEST_TEST.test(earlier) ? ['earlier'] : undefined)
    ?? (/(chứng minh (về )?nhân thân|giấy tờ tùy thân|còn giá trị sử dụng)/u.test(clause) ? ['identity'] : undefined);
  if (negation !== undefined) {
    const tail = scope.slice((negation.index ?? 0) + negation[0].length);
    // "không yêu cầu công dân nộp, xuất trình sổ hộ khẩu": the negation governs the request.
    if (tail.split(/\s+/u).filter((w) => w !== '').length <= 10 && !/[:]/u.test(tail)) return { context: 'mention', reason: 'negation' };
  }
  // One choice among several: "… hoặc …", "…/…", "một trong các giấy tờ", "giấy tờ như …";
  // "gồm: A, B" lists what is *all* required and is not a choice.
  // "A, B hoặc C": every item of a list that ends in "hoặc" is a choice.
  const alternative = /(?<![\p{L}])(hoặc|hay)\s*$|\/\s*$/u.test(before) || /^\s*[;,]?\s*(hoặc|hay|\/)/u.test(after)
    || /^\s*,[^.;:()]{0,60}?(?<![\p{L}])(hoặc|hay)(?![\p{L}])/u.test(after)
    || /(?<![\p{L}])(một trong|như là|chẳng hạn như|như)(?![\p{L}])/u.test(scope)
    || others > 0;
  if (kind === 'prose' && request === undefined) return { context: 'mention', reason: 'no-request' };
  // Evidence of a person's details (late birth registration): an old paper still shows them;
  // the list is reworded, the paper is not refused.
  if (factEvidence && alternative) return { context: 'alternative', reason: 'evidence' };
  return { context: alternative ? 'alternative' : 'demand' };
}

/**
 * The registry documents a text names, each with how the text treats it. `kind` says what
 * the text is: a component's name (a request in itself) or prose (steps, conditions, remarks).
 *
 * @example
 * mentionsIn('Bản sao sổ hộ khẩu', patterns, 'component')        // so-ho-khau: demand
 * mentionsIn('CMND hoặc thẻ Căn cước', patterns, 'component')      // chung-minh-nhan-dan: alternative
 * mentionsIn('ảnh kiểu chứng minh nhân dân 4x6', patterns, 'component') // mention (photo-format)
 */
export function mentionsIn(text: string, patterns: readonly DocumentPatterns[], kind: TextKind): Mention[] {
  const lower = text.normalize('NFC').toLowerCase();
  // Same length as `lower`: every non-letter, non-digit becomes one space.
  const flat = lower.replace(/[^\p{L}\p{N}]/gu, ' ');
  const found: { p: DocumentPatterns; term: string; start: number; end: number }[] = [];
  for (const p of patterns) {
    if (p.anchors !== undefined && !p.anchors.some((w) => flat.includes(w))) continue;
    p.pattern.lastIndex = 0;
    for (const m of flat.matchAll(p.pattern)) found.push({ p, term: (m[1] as string).replace(/\s+/gu, ' '), start: m.index, end: m.index + m[0].length });
  }
  // A longer name wins over a shorter one inside it ("thẻ căn cước công dân" over "căn cước").
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = found.filter((f, i) => !found.some((g, j) => j !== i && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start));
  const out: Mention[] = [];
  for (const f of kept) {
    const clause = clauseOf(lower, f.start, f.end);
    const before = lower.slice(clause.start, f.start);
    const after = lower.slice(f.end, clause.stop);
    if (f.p.notWhen !== undefined && f.p.notWhen.test(lower.slice(clause.start, clause.stop))) {
      out.push({ id: f.p.id, doc: f.p.doc, term: f.term, start: f.start, end: f.end, context: 'mention', reason: 'homonym' });
      continue;
    }
    // A document still valid named in the same clause and joined by "hoặc" or "/" — or by a
    // comma within one family ("xuất trình Chứng minh nhân dân, Thẻ căn cước công dân": any
    // one proof of identity): a choice.
    const others = kept.filter((g) => {
      if (g === f || g.start < clause.start || g.end > clause.stop || g.p.doc.status !== 'active') return false;
      const between = g.start > f.end ? lower.slice(f.end, g.start) : lower.slice(g.end, f.start);
      if (/(?<![\p{L}])(hoặc|hay)(?![\p{L}])|\//u.test(between)) return true;
      const sameFamily = family(g.p.doc) !== undefined && family(g.p.doc) === family(f.p.doc);
      return sameFamily && /^[\s,;]*[,;][\s,;]*$/u.test(between);
    }).length;
    const c = classify(kind, before, after, others, lower.slice(Math.max(0, clause.start - 400), clause.start));
    out.push({ id: f.p.id, doc: f.p.doc, term: f.term, start: f.start, end: f.end, ...c });
  }
  return out;
}
