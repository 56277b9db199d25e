import type { Component, DocumentType, Procedure } from '../../generated/types/catalogue.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { compareCodePoints } from '../catalogue/files.js';
import { fold } from '../util/suggest.js';
import { isImported } from '../catalogue/provenance.js';
import { documentPatterns, mentionsIn, type DocumentPatterns, type Mention, type MentionContext, type MentionReason } from './mentions.js';

/**
 * The index the rules see the catalogue through (STYLE.md: no pairwise scans). Built once in
 * linear time: procedures by code, variants by base, services by normalised name (the same
 * service at several levels), result names, and a matcher that finds registry documents in
 * free text.
 */

/** A component with where it sits in its procedure. */
export interface ComponentPlace {
  component: Component;
  pointer: string;
  caseId?: string;
}

/** The check index. */
export interface CheckIndex {
  codes: string[];
  procedures: Map<string, Procedure>;
  files: Map<string, string>;
  /** Provincial variants of each national code. */
  variantsOf: Map<string, string[]>;
  /** Codes by normalised service name, for services published at several levels. */
  services: Map<string, string[]>;
  /** Codes of procedures whose result has this normalised name, with the result's pointer. */
  results: Map<string, { code: string; pointer: string }[]>;
  /** Registry documents with the patterns that find them in text (see mentions.ts). */
  documents: DocumentPatterns[];
  /** Codes whose file was written by `tthc import dvc` (review items there hold unparsed portal text). */
  imported: Set<string>;
  /**
   * Long, specific result names ({@link RESULT_MIN_WORDS} words or more), each issued by one
   * procedure only, with that procedure's place. A rule reads it through the keys of a
   * procedure's own components ({@link resultKeyOf}), which lets a cache know what it read.
   */
  specificResults(): ReadonlyMap<string, { code: string; pointer: string }>;
  components(code: string): ComponentPlace[];
}

/** Text transforms are pure and the rules ask for the same strings again: cache them (bounded). */
const MEMO_LIMIT = 200_000;
const lowerCache = new Map<string, string>();
const foldCache = new Map<string, string>();
const keyCache = new Map<string, string>();
const textCache = new Map<string, string>();
function memo(cache: Map<string, string>, key: string, compute: () => string): string {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Vietnamese text for matching registry documents: NFC, lower case, punctuation as spaces —
 * diacritics kept, because folding them merges words ("sổ đỏ" and "sơ đồ").
 */
export function lowerText(text: string): string {
  return memo(lowerCache, text, () => text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
}

/** Vietnamese text normalised for comparison: folded (no case, no diacritics), punctuation as spaces. */
export function normalise(text: string): string {
  return memo(foldCache, text, () => fold(text).replace(/[^a-z0-9]+/g, ' ').trim());
}

/**
 * A component name reduced to the document it names: without bullets, quantities and the
 * "bản sao / bản chính / bản chụp (có chứng thực)" wording, so that "Bản sao Giấy khai sinh"
 * and "Giấy khai sinh (bản chính)" compare equal.
 */
export function documentKey(name: string): string {
  return memo(keyCache, name, () => normalise(name)
    .replace(/\b(01|02|03|1|2|3|mot|hai)\s+(ban)\b/g, '$2')
    .replace(/\bban (sao|chinh|chup|photo|goc)( (co|duoc) (chung thuc|cong chung)| hop le| hop phap)?\b/g, ' ')
    .replace(/\b(hoac|va|kem theo|kem)\b\s*$/g, ' ')
    .replace(/\s+/g, ' ')
    .trim());
}

/** A component name as the document it names, diacritics kept (for registry matching). */
export function documentText(name: string): string {
  return memo(textCache, name, () => lowerText(name)
    .replace(/^(\d+\s+)?(bản|01 bản|02 bản)\s+(sao|chính|chụp|photo|gốc)(\s+(có|được)\s+(chứng thực|công chứng)|\s+hợp lệ|\s+hợp pháp)?\s+/u, '')
    .replace(/^(\d+\s+)?(bản|01 bản|02 bản)\s+(sao|chính|chụp|photo|gốc)(\s+(có|được)\s+(chứng thực|công chứng)|\s+hợp lệ|\s+hợp pháp)?\s+/u, '')
    .trim());
}

/** A result name must be this specific to be recognised in another procedure's component. */
export const RESULT_MIN_WORDS = 7;

/**
 * The key a component name is looked up by among the specific results: the document it names,
 * without parentheses and qualifiers ("còn hiệu lực", "(nếu có)").
 */
export function resultKeyOf(name: string): string {
  return documentKey(name.replace(/\([^)]*\)/gu, ' ')).replace(/\b(con hieu luc|neu co|da duoc cap|duoc cap|cap truoc day|moi nhat)\b/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A service name without the level it is carried out at, to group the same service across levels. */
export function serviceKey(name: string): string {
  return normalise(name)
    .replace(/^thu tuc\s+/, '')
    .replace(/\b(thuc hien tai|tai|o|cua)?\s*(cap (trung uong|tinh|huyen|xa|bo)|trung uong)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every component of a procedure, top level and per case, with its pointer. */
export function componentsOf(p: Procedure): ComponentPlace[] {
  const out: ComponentPlace[] = [];
  (p.components ?? []).forEach((component, i) => out.push({ component, pointer: `/components/${i}` }));
  (p.cases ?? []).forEach((k, i) => k.components.forEach((component, j) => out.push({ component, pointer: `/cases/${i}/components/${j}`, caseId: k.id })));
  return out;
}

/** Builds the index of a loaded catalogue. */
export function buildIndex(catalogue: Catalogue): CheckIndex {
  const procedures = new Map<string, Procedure>();
  const files = new Map<string, string>();
  const variantsOf = new Map<string, string[]>();
  const services = new Map<string, string[]>();
  const results = new Map<string, { code: string; pointer: string }[]>();
  const imported = new Set<string>();
  const codes = [...catalogue.procedures.keys()].sort(compareCodePoints);
  for (const code of codes) {
    const entry = catalogue.procedures.get(code);
    const resolved = catalogue.resolve(code)?.procedure;
    if (entry === undefined || resolved === undefined) continue;
    procedures.set(code, resolved);
    files.set(code, entry.file);
    if (isImported(entry.source.text)) imported.add(code);
    const base = entry.procedure.variantOf;
    if (base !== undefined) variantsOf.set(base, [...(variantsOf.get(base) ?? []), code]);
    else if (resolved.name !== undefined) {
      const key = serviceKey(resolved.name);
      services.set(key, [...(services.get(key) ?? []), code]);
    }
    (resolved.results ?? []).forEach((r, i) => {
      const key = normalise(r.name);
      results.set(key, [...(results.get(key) ?? []), { code, pointer: `/results/${i}` }]);
    });
  }
  const documents: DocumentPatterns[] = [];
  for (const [id, entry] of [...catalogue.registries.documents].sort(([a], [b]) => compareCodePoints(a, b))) {
    const patterns = documentPatterns(id, entry.value);
    if (patterns !== undefined) documents.push(patterns);
  }
  const componentCache = new Map<string, ComponentPlace[]>();
  let specific: Map<string, { code: string; pointer: string }> | undefined;
  return {
    codes,
    procedures,
    files,
    variantsOf,
    services,
    results,
    documents,
    imported,
    specificResults() {
      if (specific !== undefined) return specific;
      specific = new Map();
      for (const [name, list] of results) {
        if (name.split(' ').length >= RESULT_MIN_WORDS && new Set(list.map((x) => x.code)).size === 1) specific.set(name, list[0] as { code: string; pointer: string });
      }
      return specific;
    },
    components(code) {
      const cached = componentCache.get(code);
      if (cached !== undefined) return cached;
      const p = procedures.get(code);
      const list = p === undefined ? [] : componentsOf(p);
      componentCache.set(code, list);
      return list;
    },
  };
}

/**
 * The mentions in a component name, computed once per name and registry: four rules ask for
 * the same names (abolished documents, once-only, certified copies, issued by the catalogue),
 * and matching every registry document's pattern is the costliest step of a check.
 */
const mentionMemo = new WeakMap<readonly DocumentPatterns[], Map<string, readonly Mention[]>>();
function componentMentions(patterns: readonly DocumentPatterns[], name: string): readonly Mention[] {
  let memo = mentionMemo.get(patterns);
  if (memo === undefined) mentionMemo.set(patterns, (memo = new Map()));
  let found = memo.get(name);
  if (found === undefined) {
    found = mentionsIn(name, patterns, 'component');
    memo.set(name, found);
  }
  return found;
}

/** A registry document a component asks for. */
export interface DemandedDocument {
  id: string;
  doc: DocumentType;
  by: 'reference' | 'text';
  term?: string;
  /** The only document asked for, or one choice among several. */
  context: Exclude<MentionContext, 'mention'>;
  reason?: MentionReason;
}

/** Leading words before a document's own name: bullets, quantities, "bản sao (có chứng thực)"… */
const NAME_PREFIX = /^(?:[-–+*•]\s*|\d{1,2}[.)]\s+|\d{1,2}\s+|(?:bản|sao|chính|chụp|photo|gốc|có|được|chứng thực|công chứng|hợp lệ|hợp pháp|điện tử|từ|hoặc|kèm|theo|để|đối chiếu|xuất trình|và|một|hai)(?![\p{L}])[\s,;.]*)+/u;

/**
 * Registry documents a component asks for: its `document`, or names and aliases in its name
 * (for imported procedures) that the text asks for — not names in a cited title, after a
 * negation, as a photo format or a lookup key (see mentions.ts). With `anchored`, only a
 * name the component starts with counts (the component *is* that document, not a form
 * that mentions it: "Tờ khai cấp bản sao Giấy khai sinh").
 */
export function documentsIn(
  index: CheckIndex,
  component: Component,
  options: { anchored?: boolean } = {},
): DemandedDocument[] {
  if (component.document !== undefined) {
    const m = index.documents.find((d) => d.id === component.document);
    return m === undefined ? [] : [{ id: m.id, doc: m.doc, by: 'reference', context: 'demand' }];
  }
  const lower = component.name.normalize('NFC').toLowerCase();
  const prefix = NAME_PREFIX.exec(lower)?.[0].length ?? 0;
  const out: DemandedDocument[] = [];
  for (const m of componentMentions(index.documents, component.name)) {
    if (m.context === 'mention') continue;
    // Anchored: the name starts where the component's own words start, and is more than the
    // "bản sao có chứng thực" that opens it (a certified copy *of* something is not that form).
    if (options.anchored === true && (m.start > prefix || m.end <= prefix)) continue;
    out.push({ id: m.id, doc: m.doc, by: 'text', term: m.term, context: m.context, ...(m.reason !== undefined ? { reason: m.reason } : {}) });
  }
  return out;
}
