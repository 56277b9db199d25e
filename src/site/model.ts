import path from 'node:path';
import type { LegalDocument, LegalRef, Procedure } from '../../generated/types/catalogue.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { compareCodePoints } from '../catalogue/files.js';
import type { CheckConfig } from '../checks/config.js';
import { runChecks, type CheckResult, type Finding } from '../checks/run.js';
import { computeStats, type Stats } from '../checks/stats.js';
import { foldText } from './shared/fold.js';
import { publisherOf, type Publisher } from './publisher.js';

/**
 * Everything the pages are made of, computed once from a loaded catalogue: the procedures
 * to publish (resolved: variants merged onto their base), their provincial versions, the
 * findings of the checks and the statistics, who published each procedure, and which
 * procedures cite each legal document.
 */
export interface SiteModel {
  catalogue: Catalogue;
  /** Codes that get a page (the requested files), in code order. */
  codes: readonly string[];
  /** Resolved procedure of every code with a page. */
  procedure(code: string): Procedure;
  /** Whether a code has a page (links to other procedures only when it does). */
  hasPage(code: string): boolean;
  /** Variant codes of a national code (with a page), in code order. */
  variantsOf(code: string): readonly string[];
  /** Findings on a procedure, in file order. */
  findingsOf(code: string): readonly Finding[];
  result: CheckResult;
  stats: Stats;
  /** The date the checks compared with (YYYY-MM-DD). */
  today: string;
  publisher(code: string): Publisher;
  /** Procedures the checks flag as "4 tại chỗ" / fully-online candidates. */
  fourCandidates: ReadonlySet<string>;
  /** Legal documents of the registry, by number. */
  legal(number: string): LegalDocument | undefined;
  /** Codes of the procedures (with pages) citing a legal document anywhere, in code order. */
  citing(number: string): readonly string[];
  /** The path of a catalogue file as shown to readers: relative to the folder that holds the catalogue root. */
  displayPath(file: string): string;
}

/** Every legal reference of a procedure (its own, its components', durations', fees'…). */
export function legalRefsOf(p: Procedure): LegalRef[] {
  const out: LegalRef[] = [];
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) {
      if (key === 'legalBasis') out.push(...(value as LegalRef[]));
      else for (const v of value) visit(v);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(p);
  return out;
}

/** An anchor id for a legal document number ("60/2014/QH13" → "l-60-2014-qh13"). */
export function legalAnchor(number: string): string {
  return `l-${foldText(number).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/** Options of the model: which date the checks compare with, and the checks' configuration. */
export interface ModelOptions {
  today?: string;
  config?: CheckConfig;
}

/** Builds the model: runs the checks and the statistics once. */
export function buildModel(catalogue: Catalogue, options: ModelOptions = {}): SiteModel {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const requested = new Set(catalogue.files.filter((f) => f.requested).map((f) => f.file));
  const resolved = new Map<string, Procedure>();
  for (const [code, entry] of catalogue.procedures) {
    if (!requested.has(entry.file)) continue;
    const p = catalogue.resolve(code)?.procedure;
    if (p !== undefined) resolved.set(code, p);
  }
  const codes = [...resolved.keys()].sort(compareCodePoints);
  const variants = new Map<string, string[]>();
  for (const code of codes) {
    const base = catalogue.procedures.get(code)?.procedure.variantOf;
    if (base !== undefined) variants.set(base, [...(variants.get(base) ?? []), code]);
  }
  const result = runChecks(catalogue, { today, ...(options.config !== undefined ? { config: options.config } : {}) });
  const stats = computeStats(catalogue, result, codes);
  const findings = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.procedure === null) continue;
    findings.set(f.procedure, [...(findings.get(f.procedure) ?? []), f]);
  }
  const fourCandidates = new Set(result.findings.filter((f) => f.id === 'four-on-spot-candidate' && f.procedure !== null).map((f) => f.procedure as string));
  const citations = new Map<string, Set<string>>();
  for (const code of codes) {
    for (const ref of legalRefsOf(resolved.get(code) as Procedure)) {
      const set = citations.get(ref.number) ?? new Set<string>();
      set.add(code);
      citations.set(ref.number, set);
    }
  }
  const publishers = new Map<string, Publisher>();
  const roots = catalogue.roots.map((r) => path.dirname(r));
  return {
    catalogue,
    codes,
    procedure: (code) => {
      const p = resolved.get(code);
      if (p === undefined) throw new Error(`internal: no page for ${code}`);
      return p;
    },
    hasPage: (code) => resolved.has(code),
    variantsOf: (code) => variants.get(code) ?? [],
    findingsOf: (code) => findings.get(code) ?? [],
    result,
    stats,
    today,
    publisher: (code) => {
      let p = publishers.get(code);
      if (p === undefined) {
        p = publisherOf(resolved.get(code) ?? { });
        publishers.set(code, p);
      }
      return p;
    },
    fourCandidates,
    legal: (number) => catalogue.registries.legal.get(number)?.value,
    citing: (number) => [...(citations.get(number) ?? [])].sort(compareCodePoints),
    displayPath: (file) => {
      const root = roots.find((r) => file.startsWith(r + path.sep));
      return (root === undefined ? path.basename(file) : path.relative(root, file)).split(path.sep).join('/');
    },
  };
}
