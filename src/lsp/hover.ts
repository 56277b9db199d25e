import { isMap, isScalar, parseDocument, visit, type Document } from 'yaml';
import type { Database, DocumentType, Fact, LegalDocument, LegalRef, Procedure } from '../../generated/types/catalogue.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { Lang } from '../i18n/lang.js';

/**
 * Hover: the registry entry behind a value under the cursor — a document type id
 * (registry: documents), a legal document number (registry: legal) or a fact of the
 * procedure — in the reader's language. Pure: text and catalogue in, Markdown out.
 */

/** What a hover shows, and the span of text it is about (UTF-16 offsets). */
export interface HoverResult {
  markdown: string;
  from: number;
  to: number;
}

type Pick = (vi: string, en: string) => string;

const DOCUMENT_STATUS: Record<string, [string, string]> = {
  active: ['còn sử dụng', 'in use'],
  'phasing-out': ['đang được thay thế', 'being phased out'],
  expired: ['hết giá trị sử dụng', 'expired'],
  abolished: ['đã bãi bỏ', 'abolished'],
};
const LEGAL_KIND: Record<string, [string, string]> = {
  code: ['bộ luật', 'code'], law: ['luật', 'law'], resolution: ['nghị quyết', 'resolution'], ordinance: ['pháp lệnh', 'ordinance'],
  decree: ['nghị định', 'decree'], decision: ['quyết định', 'decision'], circular: ['thông tư', 'circular'], directive: ['chỉ thị', 'directive'],
  'official-letter': ['công văn', 'official letter'], other: ['văn bản khác', 'other document'],
};
const LEGAL_STATUS: Record<string, [string, string]> = {
  'in-force': ['còn hiệu lực', 'in force'], amended: ['còn hiệu lực, đã được sửa đổi', 'in force, amended'],
  superseded: ['đã bị thay thế', 'superseded'], expired: ['hết hiệu lực', 'expired'],
};
const FACT_TYPE: Record<string, [string, string]> = { boolean: ['có / không', 'yes / no'], enum: ['chọn một lựa chọn', 'one of the options'], number: ['số', 'number'] };

/** An ISO date as the reader writes it: dd/mm/yyyy in Vietnamese, as is in English. */
function dateOf(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return lang === 'vi' && m !== null ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function labelOf(table: Record<string, [string, string]>, value: string, pick: Pick): string {
  const l = table[value];
  return l === undefined ? value : pick(l[0], l[1]);
}

function legalBasisText(basis: readonly LegalRef[] | undefined, pick: Pick): string | undefined {
  if (basis === undefined || basis.length === 0) return undefined;
  return basis
    .map((b) => [b.number, b.title !== undefined ? `(${b.title})` : '', (b.articles ?? []).join(', ')].filter((s) => s !== '').join(' '))
    .join(pick('; ', '; '));
}

function lines(title: string, rows: readonly (readonly [string, string | undefined])[]): string {
  return [title, '', ...rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `- ${k}: ${v as string}`)].join('\n');
}

function documentHover(doc: DocumentType, catalogue: Catalogue, lang: Lang, pick: Pick): string {
  const nameOf = (id: string): string => {
    const d = catalogue.registries.documents.get(id)?.value;
    return d === undefined ? id : lang === 'vi' ? d.name : (d.nameEn ?? d.name);
  };
  const db: Database | undefined = doc.database === undefined ? undefined : catalogue.registries.databases.get(doc.database)?.value;
  const status = labelOf(DOCUMENT_STATUS, doc.status, pick) + (doc.since !== undefined ? pick(` từ ${dateOf(doc.since, lang)}`, ` since ${dateOf(doc.since, lang)}`) : '');
  const title = lang === 'vi' ? `**${doc.name}** — giấy tờ trong danh mục`
    : doc.nameEn === undefined ? `**${doc.name}** — registry document` : `**${doc.nameEn}** (${doc.name}) — registry document`;
  return lines(title, [
    [pick('Tình trạng', 'Status'), status],
    [pick('Thay bằng', 'Replaced by'), doc.replacedBy === undefined ? undefined : nameOf(doc.replacedBy)],
    [pick('Cơ sở dữ liệu', 'Database'), db === undefined ? undefined : lang === 'vi' ? db.name : (db.nameEn ?? db.name)],
    [pick('Tên gọi khác', 'Also called'), doc.aliases?.join(', ')],
    [pick('Căn cứ pháp lý', 'Legal basis'), legalBasisText(doc.legalBasis, pick)],
    [pick('Ghi chú', 'Note (in Vietnamese)'), doc.note],
  ]);
}

function legalHover(number: string, doc: LegalDocument, lang: Lang, pick: Pick): string {
  const superseded = doc.supersededBy === undefined ? undefined
    : doc.supersededBy + (doc.supersededFrom !== undefined ? pick(` từ ${dateOf(doc.supersededFrom, lang)}`, ` from ${dateOf(doc.supersededFrom, lang)}`) : '');
  return lines(`**${number}** — ${doc.title}${lang === 'en' ? ' (title in Vietnamese)' : ''}`, [
    [pick('Loại', 'Kind'), labelOf(LEGAL_KIND, doc.kind, pick)],
    [pick('Cơ quan ban hành', 'Issuer'), doc.issuer],
    [pick('Ngày ban hành', 'Issued'), doc.issued === undefined ? undefined : dateOf(doc.issued, lang)],
    [pick('Ngày có hiệu lực', 'In force from'), doc.effective === undefined ? undefined : dateOf(doc.effective, lang)],
    [pick('Hiệu lực', 'Status'), doc.status === undefined ? undefined : labelOf(LEGAL_STATUS, doc.status, pick)],
    [pick('Thay thế bởi', 'Superseded by'), superseded],
    [pick('Sửa đổi, bổ sung bởi', 'Amended by'), doc.amendedBy?.join(', ')],
    [pick('Địa chỉ', 'Where to read it'), doc.url],
    [pick('Ghi chú', 'Note (in Vietnamese)'), doc.note],
  ]);
}

function factHover(fact: Fact, lang: Lang, pick: Pick): string {
  const options = fact.options?.map((o) => (lang === 'vi' ? o.label : (o.labelEn ?? o.label))).join('; ');
  const range = fact.minimum !== undefined || fact.maximum !== undefined
    ? `${fact.minimum ?? '…'} – ${fact.maximum ?? '…'}${fact.unit !== undefined ? ` ${fact.unit}` : ''}`
    : undefined;
  const title = lang === 'vi' ? `**${fact.question}** — câu hỏi cho người nộp` : `**${fact.questionEn ?? fact.question}** — a question to the applicant`;
  return lines(title, [
    [pick('Kiểu câu trả lời', 'Answer'), labelOf(FACT_TYPE, fact.type, pick)],
    [pick('Các lựa chọn', 'Options'), options],
    [pick('Khoảng giá trị', 'Range'), range],
    [pick('Căn cứ pháp lý', 'Legal basis'), legalBasisText(fact.legalBasis, pick)],
    [pick('Ghi chú', 'Note (in Vietnamese)'), fact.note],
  ]);
}

/** The facts a file's procedure can ask about: its own, over its base's for a variant. */
function factsOf(file: string, catalogue: Catalogue): Record<string, Fact> {
  let own: Procedure | undefined;
  for (const e of catalogue.procedures.values()) {
    if (e.file === file) {
      own = e.procedure;
      break;
    }
  }
  if (own === undefined) return {};
  const base = own.variantOf === undefined ? undefined : catalogue.procedures.get(own.variantOf)?.procedure;
  return { ...(base?.facts ?? {}), ...(own.facts ?? {}) } as Record<string, Fact>;
}

/**
 * The facts written in the text being edited: hover still answers while the file does not
 * pass the schema (the catalogue then holds no procedure for it). Only a fact with a question
 * counts.
 */
function factsInText(doc: Document.Parsed): Record<string, Fact> {
  const node = isMap(doc.contents) ? doc.contents.get('facts', true) : undefined;
  if (!isMap(node)) return {};
  const out: Record<string, Fact> = {};
  for (const pair of node.items) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    let fact: unknown;
    try {
      fact = pair.value.toJS(doc, { maxAliasCount: 100 });
    } catch {
      continue; // an alias bomb or a broken alias: no hover, never a crash
    }
    const question = (fact as { question?: unknown }).question;
    const name = String(pair.key.value);
    if (typeof question === 'string' && name !== '__proto__') out[name] = fact as Fact;
  }
  return out;
}

/** The scalar of the YAML text whose source span holds `offset` (the innermost one). */
function scalarAt(doc: Document.Parsed, offset: number): { value: string; from: number; to: number } | undefined {
  let found: { value: string; from: number; to: number } | undefined;
  visit(doc, {
    // Keys are visited as scalars too (a registry entry's id, a fact's name).
    Scalar(_key, node) {
      const r = node.range;
      if (r === undefined || r === null || offset < r[0] || offset > r[1]) return;
      if (found === undefined || r[1] - r[0] <= found.to - found.from) found = { value: String(node.value), from: r[0], to: r[1] };
    },
  });
  return found;
}

/** The identifier under the cursor in free text (a fact named in a condition). */
function wordAt(text: string, offset: number): { value: string; from: number; to: number } | undefined {
  const isWord = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
  let from = offset;
  let to = offset;
  while (from > 0 && isWord(text[from - 1])) from--;
  while (to < text.length && isWord(text[to])) to++;
  return to > from ? { value: text.slice(from, to), from, to } : undefined;
}

/**
 * What to show when hovering at `offset` of `text` (the file `file` of `catalogue`), or
 * undefined when the value there is not a registry entry or a fact.
 *
 * @example
 * hoverAt('document: so-ho-khau\n', 12, '/c/p.yaml', catalogue, 'vi')?.markdown // '**Sổ hộ khẩu** — giấy tờ trong danh mục …'
 */
export function hoverAt(text: string, offset: number, file: string, catalogue: Catalogue, lang: Lang): HoverResult | undefined {
  const pick: Pick = (vi, en) => (lang === 'vi' ? vi : en);
  const parsed = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  const scalar = scalarAt(parsed, offset);
  if (scalar !== undefined) {
    const value = scalar.value.normalize('NFC').trim();
    const doc = catalogue.registries.documents.get(value);
    if (doc !== undefined) return { markdown: documentHover(doc.value, catalogue, lang, pick), from: scalar.from, to: scalar.to };
    const legal = catalogue.registries.legal.get(value);
    if (legal !== undefined) return { markdown: legalHover(value, legal.value, lang, pick), from: scalar.from, to: scalar.to };
  }
  const facts = { ...factsOf(file, catalogue), ...factsInText(parsed) };
  for (const candidate of [scalar, wordAt(text, offset)]) {
    if (candidate === undefined) continue;
    const fact = Object.prototype.hasOwnProperty.call(facts, candidate.value) ? facts[candidate.value] : undefined;
    if (fact !== undefined) return { markdown: factHover(fact, lang, pick), from: candidate.from, to: candidate.to };
  }
  return undefined;
}
