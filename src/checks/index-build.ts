import type { Component, DocumentType, Procedure } from '../../generated/types/catalogue.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { compareCodePoints } from '../catalogue/files.js';
import { fold } from '../util/suggest.js';
import { isImported } from '../catalogue/provenance.js';

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

/** A registry document as the text matcher sees it. */
export interface DocumentMatcher {
  id: string;
  doc: DocumentType;
  /** Folded names and aliases. */
  terms: string[];
  pattern: RegExp;
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
  documents: DocumentMatcher[];
  /** Codes whose file was written by `tthc import dvc` (review items there hold unparsed portal text). */
  imported: Set<string>;
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

/** A service name without the level it is carried out at, to group the same service across levels. */
export function serviceKey(name: string): string {
  return normalise(name)
    .replace(/^thu tuc\s+/, '')
    .replace(/\b(thuc hien tai|tai|o|cua)?\s*(cap (trung uong|tinh|huyen|xa|bo)|trung uong)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
  const documents: DocumentMatcher[] = [];
  for (const [id, entry] of [...catalogue.registries.documents].sort(([a], [b]) => compareCodePoints(a, b))) {
    const doc = entry.value;
    const terms = [...new Set([doc.name, ...(doc.aliases ?? [])].map(lowerText).filter((t) => t.length >= 4))];
    if (terms.length === 0) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${terms.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u');
    documents.push({ id, doc, terms, pattern });
  }
  const componentCache = new Map<string, ComponentPlace[]>();
  return {
    codes,
    procedures,
    files,
    variantsOf,
    services,
    results,
    documents,
    imported,
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

/** Words that, just before a document's name, mean it is *not* demanded ("không yêu cầu nộp sổ hộ khẩu"). */
const NEGATION = /(?<![\p{L}])(không|thay cho|thay thế|bãi bỏ)(?![\p{L}])[^.;:]{0,40}$/u;

/**
 * Registry documents a component demands: its `document`, or names and aliases found in its
 * name (for imported procedures), unless the text around says it is not demanded. With
 * `anchored`, only a name that starts with the document counts.
 */
export function documentsIn(
  index: CheckIndex,
  component: Component,
  options: { anchored?: boolean } = {},
): { id: string; doc: DocumentType; by: 'reference' | 'text'; term?: string }[] {
  const out: { id: string; doc: DocumentType; by: 'reference' | 'text'; term?: string }[] = [];
  if (component.document !== undefined) {
    const m = index.documents.find((d) => d.id === component.document);
    if (m !== undefined) out.push({ id: m.id, doc: m.doc, by: 'reference' });
    return out;
  }
  // Anchored: the component *is* the document ("Bản sao Giấy khai sinh"), not a form that
  // mentions it ("Tờ khai cấp bản sao Giấy khai sinh").
  const text = options.anchored === true ? documentText(component.name) : lowerText(component.name);
  for (const m of index.documents) {
    const hit = m.pattern.exec(text);
    if (hit === null) continue;
    if (options.anchored === true && hit.index > 0) continue;
    if (NEGATION.test(text.slice(0, hit.index))) continue;
    out.push({ id: m.id, doc: m.doc, by: 'text', term: hit[1] as string });
  }
  return out;
}
