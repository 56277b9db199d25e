import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../catalogue/catalogue.js';
import { makeDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { CHECK_CODES } from './codes.js';
import type { Diagnostic, Range, RelatedLocation, Severity } from '../diagnostics/types.js';
import { settingFor, type CheckConfig } from './config.js';
import { buildIndex, serviceKey, type CheckIndex } from './index-build.js';
import { compareCodePoints } from '../catalogue/files.js';
import { RULES } from './registry.js';
import { findSuppression, readSuppressions, type Suppression } from './suppress.js';
import type { Fix, Place, RawFinding, Rule, RuleContext } from './types.js';

/**
 * Runs the check rules over a loaded catalogue: builds the index once, asks every enabled
 * rule for findings on the requested files (rules may look at the whole catalogue), turns
 * pointers into positions (through variant merges, to the file that wrote the node), applies
 * the configuration and inline suppressions, and returns diagnostics.
 */

/** A finding ready to report, with its fix when it has one. */
export interface Finding extends Diagnostic {
  fix?: { file: string; fix: Fix };
  /** The JSON pointer the rule reported, into the resolved procedure. */
  pointer: string;
  /**
   * What the finding is about, independent of where it sits in the file: the rule, the
   * procedure, the kind of node (its pointer without list positions), the node's text and the
   * rule's key. It survives line moves and reordering, and changes when the text changes —
   * so a baseline or a label made for it stays attached to the same defect.
   */
  fingerprint: string;
}

/** Walks a JSON pointer in a value ("/components/3/name"). */
function at(value: unknown, pointer: string): unknown {
  let v: unknown = value;
  for (const raw of pointer.split('/').slice(1)) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** The fingerprint of a finding (see {@link Finding.fingerprint}). */
export function fingerprintOf(rule: string, code: string, pointer: string, node: unknown, key: string | undefined): string {
  const shape = pointer.replace(/\/\d+(?=\/|$)/g, '/*');
  const text = typeof node === 'string' ? node.normalize('NFC').replace(/\s+/g, ' ').trim() : JSON.stringify(node ?? null);
  return createHash('sha1').update([rule, code, shape, text, key ?? ''].join('\u0000')).digest('hex').slice(0, 16);
}

/** What a check run found. */
export interface CheckResult {
  findings: Finding[];
  /** Findings silenced by an inline suppression, with its reason. */
  suppressed: { finding: Finding; reason: string }[];
  /** Problems with suppressions and the like (reported with the findings). */
  meta: Diagnostic[];
  /** Codes checked. */
  procedures: number;
  /** Time spent per rule, in milliseconds. */
  timings: Record<string, number>;
}

/** Options of a run. */
export interface CheckOptions {
  config?: CheckConfig;
  /** ISO date of "today" (abolished documents and levels); default: the real date. */
  today?: string;
  rules?: readonly Rule[];
}

/**
 * The pointer and its ancestors up to the nearest array item ("/components/3/name" →
 * "/components/3/name", "/components/3"): a suppression comment above an item covers the
 * findings on any of its fields, and never a whole list.
 */
function pointerAncestors(pointer: string): string[] {
  const parts = pointer.split('/');
  const out: string[] = [pointer];
  for (let i = parts.length - 1; i >= 2; i--) {
    if (/^\d+$/.test(parts[i] ?? '')) {
      out.push(parts.slice(0, i + 1).join('/'));
      break;
    }
  }
  return [...new Set(out)];
}

/** What the rules found on one procedure (see {@link checkProcedures}). */
export interface ProcedureCheck {
  code: string;
  /** Findings in rule order, then in the order the rule reported them (not sorted). */
  findings: Finding[];
  suppressed: { finding: Finding; reason: string; rule: number }[];
  /**
   * Every catalogue file the result depends on beyond the global inputs (registries, the set
   * of codes, configuration, date): the procedure's own file and its base's, the files of the
   * procedures it is compared with (same service at another level) and of every related place.
   * An incremental layer re-runs the procedure when one of them changes.
   */
  files: string[];
  /** The codes whose files those are (a code that comes to be defined by another file changes the result too). */
  codes: string[];
}

/** The problems with the inline suppressions of one file (`# tthc-disable…` comments). */
export function suppressionProblems(file: string, text: string): Diagnostic[] {
  const known = new Set(RULES.map((r) => r.id));
  return readSuppressions(text, known).problems.map((p) => {
    const range: Range = { start: { line: p.line, column: p.column }, end: { line: p.line, column: p.column + 1 } };
    const detail = p.problem === 'no-reason'
      ? { vi: `thiếu lý do sau "--" (${p.detail})`, en: `no reason after "--" (${p.detail})` }
      : p.problem === 'unknown-rule'
        ? { vi: `không có quy tắc ${p.detail}`, en: `no rule named ${p.detail}` }
        : { vi: 'không nêu quy tắc', en: 'no rule named' };
    return makeDiagnostic(CHECK_CODES.info('invalid-suppression'), { file, range, procedure: null }, { detail });
  });
}

/** The text of a catalogue file as loaded (what the positions refer to), else from disk. */
function fileText(catalogue: Catalogue, byFile: ReadonlyMap<string, Catalogue['files'][number]>, file: string): string {
  const source = byFile.get(file)?.source;
  if (source !== null && source !== undefined) return source.text;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // unreadable files were reported by the loader
  }
}

/**
 * Runs the rules on some procedures (`codes`) of a catalogue and returns, per procedure,
 * what they found and which files that depends on. `requested` is every procedure the run
 * reports on (default: `codes`); the result of a procedure is the same whether it is checked
 * alone or with all the others, which is what lets a cache re-run only what changed.
 */
export function checkProcedures(
  catalogue: Catalogue,
  index: CheckIndex,
  codes: readonly string[],
  options: CheckOptions & { requested?: ReadonlySet<string> } = {},
): { results: Map<string, ProcedureCheck>; timings: Record<string, number> } {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const ctx: RuleContext = { catalogue, index, targets: codes, procedure: (c) => index.procedures.get(c), today, ...(options.requested !== undefined ? { requested: options.requested } : {}) };
  const timings: Record<string, number> = {};
  const known = new Set(RULES.map((r) => r.id));
  const byFile = new Map(catalogue.files.map((f) => [f.file, f]));
  const results = new Map<string, ProcedureCheck>();
  const seenPrints = new Map<string, Map<string, number>>();
  interface Deps {
    files: Set<string>;
    codes: Set<string>;
  }
  const filesOf = (code: string, into: Deps): void => {
    into.codes.add(code);
    const entry = catalogue.procedures.get(code);
    if (entry === undefined) return;
    into.files.add(entry.file);
    const base = entry.procedure.variantOf;
    if (base !== undefined) {
      into.codes.add(base);
      const b = catalogue.procedures.get(base);
      if (b !== undefined) into.files.add(b.file);
    }
  };
  const deps = new Map<string, Deps>();
  const resultOf = (code: string): ProcedureCheck => {
    let r = results.get(code);
    if (r === undefined) {
      r = { code, findings: [], suppressed: [], files: [], codes: [] };
      results.set(code, r);
      const d: Deps = { files: new Set(), codes: new Set() };
      filesOf(code, d);
      // Compared with the same service at other levels (cross-level-mismatch).
      const name = index.procedures.get(code)?.name;
      if (name !== undefined && catalogue.procedures.get(code)?.procedure.variantOf === undefined) {
        for (const other of index.services.get(serviceKey(name)) ?? []) filesOf(other, d);
      }
      deps.set(code, d);
    }
    return r;
  };
  for (const code of codes) resultOf(code);
  ctx.readsProcedure = (code, on) => {
    const d = deps.get(code);
    if (d !== undefined) filesOf(on, d);
  };

  const suppressionCache = new Map<string, Suppression[]>();
  const suppressionsOf = (file: string): Suppression[] => {
    const cached = suppressionCache.get(file);
    if (cached !== undefined) return cached;
    const { suppressions } = readSuppressions(fileText(catalogue, byFile, file), known);
    suppressionCache.set(file, suppressions);
    return suppressions;
  };

  const place = (p: Place): { file: string; range: Range | null; pointer: string; inherited?: { file: string; range: Range | null } } => {
    const resolved = catalogue.resolve(p.code);
    const own = index.files.get(p.code) ?? '';
    const origin = resolved?.originOf(p.pointer) ?? { file: own, pointer: p.pointer };
    let range = catalogue.locate(origin.file, origin.pointer, p.mode ?? 'value');
    if (range === null) range = catalogue.locate(origin.file, '/code', 'key');
    if (origin.file !== own && own !== '') {
      // A provincial variant inherits this node from its base: report on the variant's
      // variantOf line, with the inherited text as a related place.
      return { file: own, range: catalogue.locate(own, '/variantOf', 'key'), pointer: '/variantOf', inherited: { file: origin.file, range } };
    }
    return { file: origin.file, range, pointer: origin.pointer };
  };

  const rules = options.rules ?? RULES;
  rules.forEach((rule, ruleIndex) => {
    const started = performance.now();
    let raw: RawFinding[] = [];
    raw = rule.run(ctx);
    timings[rule.id] = (timings[rule.id] ?? 0) + performance.now() - started;
    for (const f of raw) {
      const target = resultOf(f.code);
      const files = deps.get(f.code) as Deps;
      const where = place(f);
      const setting = settingFor(options.config, rule.id, where.file);
      if (setting === 'off') continue;
      const severity: Severity = setting ?? f.severity ?? rule.info.severity;
      const related: RelatedLocation[] = (f.related ?? []).map((r) => {
        filesOf(r.code, files);
        const loc = place(r);
        return { file: loc.file, range: loc.range, procedure: r.code };
      });
      if (where.inherited !== undefined) {
        const base = ctx.catalogue.procedures.get(f.code)?.procedure.variantOf ?? null;
        related.unshift({ file: where.inherited.file, range: where.inherited.range, procedure: base });
      }
      // The node a fingerprint reads: the nearest list item holding the pointer (a component, a
      // step, a duration case), so that "form: certified-copy" of two components differ.
      const item = pointerAncestors(f.pointer)[1] ?? f.pointer;
      let fingerprint = fingerprintOf(rule.id, f.code, f.pointer, at(index.procedures.get(f.code), item), f.key);
      // A fingerprint hashes the procedure's code, so repeats are counted per procedure.
      let prints = seenPrints.get(f.code);
      if (prints === undefined) seenPrints.set(f.code, (prints = new Map()));
      const repeat = (prints.get(fingerprint) ?? 0) + 1;
      prints.set(fingerprint, repeat);
      if (repeat > 1) fingerprint = `${fingerprint}-${repeat}`;
      const finding: Finding = { ...makeDiagnostic(rule.info, { file: where.file, range: where.range, procedure: f.code }, f.data, { related, severity }), pointer: f.pointer, fingerprint };
      if (f.fix !== undefined && where.inherited === undefined) finding.fix = { file: where.file, fix: { ...f.fix, pointer: place({ code: f.code, pointer: f.fix.pointer }).pointer } };
      const lines = pointerAncestors(where.pointer)
        .map((ptr) => catalogue.locate(where.file, ptr, 'value')?.start.line)
        .filter((l): l is number => l !== undefined);
      const s = findSuppression(suppressionsOf(where.file), rule.id, lines);
      if (s !== undefined) {
        s.used = true;
        target.suppressed.push({ finding, reason: s.reason, rule: ruleIndex });
        continue;
      }
      target.findings.push(finding);
    }
  });
  for (const [code, r] of results) {
    const d = deps.get(code) as Deps;
    r.files = [...d.files].sort(compareCodePoints);
    r.codes = [...d.codes].sort(compareCodePoints);
  }
  return { results, timings };
}

/** Merges per-procedure results (any order) into a run's result. */
export function mergeChecks(results: Iterable<ProcedureCheck>, meta: readonly Diagnostic[], procedures: number, timings: Record<string, number>): CheckResult {
  const findings: Finding[] = [];
  const suppressed: (ProcedureCheck['suppressed'][number])[] = [];
  const list = [...results].sort((a, b) => compareCodePoints(a.code, b.code));
  for (const r of list) {
    findings.push(...r.findings);
    suppressed.push(...r.suppressed);
  }
  suppressed.sort((a, b) => a.rule - b.rule);
  return {
    findings: sortDiagnostics(findings) as Finding[],
    suppressed: suppressed.map(({ finding, reason }) => ({ finding, reason })),
    meta: sortDiagnostics(meta),
    procedures,
    timings,
  };
}

/** The codes a run reports on: the procedures of the requested files, in code order. */
export function targetCodes(catalogue: Catalogue, index: CheckIndex): string[] {
  const requested = new Set(catalogue.files.filter((f) => f.requested).map((f) => f.file));
  return index.codes.filter((c) => requested.has(index.files.get(c) ?? ''));
}

/** The suppression problems of every requested file. */
export function suppressionMeta(catalogue: Catalogue): Diagnostic[] {
  const byFile = new Map(catalogue.files.map((f) => [f.file, f]));
  const meta: Diagnostic[] = [];
  for (const f of catalogue.files) if (f.requested) meta.push(...suppressionProblems(f.file, fileText(catalogue, byFile, f.file)));
  return meta;
}

/** Runs the checks. */
export function runChecks(catalogue: Catalogue, options: CheckOptions = {}): CheckResult {
  const index = buildIndex(catalogue);
  const targets = targetCodes(catalogue, index);
  const { results, timings } = checkProcedures(catalogue, index, targets, options);
  return mergeChecks(results.values(), suppressionMeta(catalogue), targets.length, timings);
}
