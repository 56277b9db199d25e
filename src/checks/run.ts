import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../catalogue/catalogue.js';
import { makeDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { CHECK_CODES } from './codes.js';
import type { Diagnostic, Range, RelatedLocation, Severity } from '../diagnostics/types.js';
import { settingFor, type CheckConfig } from './config.js';
import { buildIndex } from './index-build.js';
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

/** Runs the checks. */
export function runChecks(catalogue: Catalogue, options: CheckOptions = {}): CheckResult {
  const index = buildIndex(catalogue);
  const requested = new Set(catalogue.files.filter((f) => f.requested).map((f) => f.file));
  const targets = index.codes.filter((c) => requested.has(index.files.get(c) ?? ''));
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const ctx: RuleContext = { catalogue, index, targets, procedure: (c) => index.procedures.get(c), today };
  const findings: Finding[] = [];
  const suppressed: CheckResult['suppressed'] = [];
  const meta: Diagnostic[] = [];
  const timings: Record<string, number> = {};
  const known = new Set(RULES.map((r) => r.id));
  const seenPrints = new Map<string, number>();

  const suppressionCache = new Map<string, Suppression[]>();
  const loadedText = new Map<string, string>();
  for (const f of catalogue.files) if (f.source !== null) loadedText.set(f.file, f.source.text);
  const suppressionsOf = (file: string): Suppression[] => {
    const cached = suppressionCache.get(file);
    if (cached !== undefined) return cached;
    // The text the loader read (an editor's unsaved text in the language server), else the disk.
    let text = loadedText.get(file) ?? '';
    if (!loadedText.has(file)) {
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        // unreadable files were reported by the loader
      }
    }
    const { suppressions, problems } = readSuppressions(text, known);
    for (const p of problems) {
      const range: Range = { start: { line: p.line, column: p.column }, end: { line: p.line, column: p.column + 1 } };
      const detail = p.problem === 'no-reason'
        ? { vi: `thiếu lý do sau "--" (${p.detail})`, en: `no reason after "--" (${p.detail})` }
        : p.problem === 'unknown-rule'
          ? { vi: `không có quy tắc ${p.detail}`, en: `no rule named ${p.detail}` }
          : { vi: 'không nêu quy tắc', en: 'no rule named' };
      meta.push(makeDiagnostic(CHECK_CODES.info('invalid-suppression'), { file, range, procedure: null }, { detail }));
    }
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

  for (const rule of options.rules ?? RULES) {
    const started = performance.now();
    let raw: RawFinding[] = [];
    raw = rule.run(ctx);
    timings[rule.id] = (timings[rule.id] ?? 0) + performance.now() - started;
    for (const f of raw) {
      const where = place(f);
      const setting = settingFor(options.config, rule.id, where.file);
      if (setting === 'off') continue;
      const severity: Severity = setting ?? f.severity ?? rule.info.severity;
      const related: RelatedLocation[] = (f.related ?? []).map((r) => {
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
      const repeat = (seenPrints.get(fingerprint) ?? 0) + 1;
      seenPrints.set(fingerprint, repeat);
      if (repeat > 1) fingerprint = `${fingerprint}-${repeat}`;
      const finding: Finding = { ...makeDiagnostic(rule.info, { file: where.file, range: where.range, procedure: f.code }, f.data, { related, severity }), pointer: f.pointer, fingerprint };
      if (f.fix !== undefined && where.inherited === undefined) finding.fix = { file: where.file, fix: { ...f.fix, pointer: place({ code: f.code, pointer: f.fix.pointer }).pointer } };
      const lines = pointerAncestors(where.pointer)
        .map((ptr) => catalogue.locate(where.file, ptr, 'value')?.start.line)
        .filter((l): l is number => l !== undefined);
      const s = findSuppression(suppressionsOf(where.file), rule.id, lines);
      if (s !== undefined) {
        s.used = true;
        suppressed.push({ finding, reason: s.reason });
        continue;
      }
      findings.push(finding);
    }
  }
  for (const file of requested) suppressionsOf(file);
  return {
    findings: sortDiagnostics(findings) as Finding[],
    suppressed,
    meta: sortDiagnostics(meta),
    procedures: targets.length,
    timings,
  };
}
