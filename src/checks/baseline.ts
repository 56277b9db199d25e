import path from 'node:path';
import { isMap, isSeq } from 'yaml';
import { parseYaml } from '../catalogue/parse.js';
import { rangeOf } from '../catalogue/source.js';
import { makeDiagnostic, renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { CHECK_CODES } from './codes.js';
import type { Finding } from './run.js';

/**
 * Baselines: the findings a reviewer has already triaged on a national-scale catalogue, so
 * later runs show only what is new or changed. Each entry is keyed by the finding's
 * fingerprint (rule, procedure, kind of node, the node's text — not its line), and says what
 * the reviewer decided:
 *
 * - `accepted`: the finding is right and known (tracked elsewhere); hidden from later runs;
 * - `dismissed`: the finding is wrong or does not apply here; hidden from later runs;
 * - `open`: recorded, not decided yet; still shown.
 *
 * Accepted and dismissed entries need a reason: a later reviewer must be able to see why.
 * The file is JSON (documented in docs/baseline.md), written by `tthc check --update-baseline`.
 */

/** What a reviewer decided about a finding. */
export type TriageStatus = 'accepted' | 'dismissed' | 'open';

/** One triaged finding. */
export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  procedure: string | null;
  /** Where it was when recorded (for people; matching uses the fingerprint). */
  file: string;
  line: number;
  /** The message when recorded, in Vietnamese (for people). */
  message: string;
  status: TriageStatus;
  /** Why it was accepted or dismissed (required for those two). */
  reason?: string;
  /** Who decided, and when (optional). */
  by?: string;
  date?: string;
}

/** A baseline file. */
export interface Baseline {
  tool: 'tthc';
  version: 1;
  findings: BaselineEntry[];
}

const STATUSES: readonly TriageStatus[] = ['accepted', 'dismissed', 'open'];

/**
 * Reads a baseline file's text. Syntax errors and entries that do not have the shape are
 * diagnostics with a position; an entry accepted or dismissed without a reason is reported
 * and counts as open (a triage without a reason is no triage).
 */
export function readBaseline(file: string, text: string): { baseline: Baseline | undefined; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) return { baseline: undefined, diagnostics: parsed.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const at = (pointer: string): Diagnostic['range'] => rangeOf(parsed.source, pointer) ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  const bad = (pointer: string, detail: { vi: string; en: string }): void => {
    diagnostics.push(makeDiagnostic(CHECK_CODES.info('invalid-baseline'), { file, range: at(pointer), procedure: null }, { detail }));
  };
  const value = parsed.value as Record<string, unknown>;
  if (value['tool'] !== 'tthc' || value['version'] !== 1) bad('', { vi: 'thiếu "tool": "tthc", "version": 1', en: 'missing "tool": "tthc", "version": 1' });
  const list = value['findings'];
  const contents = parsed.source.doc.contents;
  if (!Array.isArray(list) || !(isMap(contents) && isSeq(contents.get('findings', true)))) {
    bad('/findings', { vi: '"findings" phải là một danh sách', en: '"findings" must be a list' });
    return { baseline: undefined, diagnostics };
  }
  const findings: BaselineEntry[] = [];
  list.forEach((raw, i) => {
    const e = raw as Partial<BaselineEntry> | null;
    const pointer = `/findings/${i}`;
    if (e === null || typeof e !== 'object' || typeof e.fingerprint !== 'string' || typeof e.rule !== 'string') {
      bad(pointer, { vi: 'mỗi mục cần "fingerprint" và "rule"', en: 'each entry needs "fingerprint" and "rule"' });
      return;
    }
    if (!STATUSES.includes(e.status as TriageStatus)) {
      bad(`${pointer}/status`, { vi: '"status" là accepted, dismissed hoặc open', en: '"status" is accepted, dismissed or open' });
      return;
    }
    const entry: BaselineEntry = {
      fingerprint: e.fingerprint, rule: e.rule, procedure: e.procedure ?? null, file: String(e.file ?? ''), line: Number(e.line ?? 0),
      message: String(e.message ?? ''), status: e.status as TriageStatus,
    };
    if (typeof e.reason === 'string' && e.reason.trim() !== '') entry.reason = e.reason;
    if (typeof e.by === 'string') entry.by = e.by;
    if (typeof e.date === 'string') entry.date = e.date;
    if (entry.status !== 'open' && entry.reason === undefined) {
      diagnostics.push(makeDiagnostic(CHECK_CODES.info('baseline-without-reason'), { file, range: at(`${pointer}/status`), procedure: entry.procedure }, { status: entry.status, fingerprint: entry.fingerprint }));
      entry.status = 'open';
    }
    findings.push(entry);
  });
  return { baseline: { tool: 'tthc', version: 1, findings }, diagnostics };
}

/** Findings split by a baseline. */
export interface Triage {
  /** Not in the baseline (new, or changed: a changed text is a new fingerprint), or still open. */
  shown: Finding[];
  /** Accepted or dismissed in the baseline: hidden. */
  hidden: { finding: Finding; entry: BaselineEntry }[];
  /** Entries no finding matches any more (fixed, or the text changed). */
  gone: BaselineEntry[];
  counts: { open: number; accepted: number; dismissed: number; gone: number; new: number };
}

/** Applies a baseline to a run's findings. */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): Triage {
  const byPrint = new Map(baseline.findings.map((e) => [e.fingerprint, e]));
  const seen = new Set<string>();
  const shown: Finding[] = [];
  const hidden: Triage['hidden'] = [];
  const counts = { open: 0, accepted: 0, dismissed: 0, gone: 0, new: 0 };
  for (const f of findings) {
    const entry = byPrint.get(f.fingerprint);
    if (entry === undefined) {
      counts.new++;
      shown.push(f);
      continue;
    }
    seen.add(entry.fingerprint);
    counts[entry.status]++;
    if (entry.status === 'open') shown.push(f);
    else hidden.push({ finding: f, entry });
  }
  const gone = baseline.findings.filter((e) => !seen.has(e.fingerprint));
  counts.gone = gone.length;
  return { shown, hidden, gone, counts };
}

/**
 * The baseline after a run: every current finding, keeping the decisions already recorded
 * for the ones still found, new ones `open`; entries no longer found are dropped. Sorted by
 * file, line and fingerprint, so the file diffs well in review.
 */
export function updatedBaseline(findings: readonly Finding[], previous: Baseline | undefined, cwd: string): Baseline {
  const old = new Map((previous?.findings ?? []).map((e) => [e.fingerprint, e]));
  const entries = findings.map((f): BaselineEntry => {
    const before = old.get(f.fingerprint);
    const entry: BaselineEntry = {
      fingerprint: f.fingerprint, rule: f.id, procedure: f.procedure,
      file: path.relative(cwd, f.file).split(path.sep).join('/'), line: f.range?.start.line ?? 1,
      message: renderMessage(f, 'vi'), status: before?.status ?? 'open',
    };
    if (before?.reason !== undefined) entry.reason = before.reason;
    if (before?.by !== undefined) entry.by = before.by;
    if (before?.date !== undefined) entry.date = before.date;
    return entry;
  });
  entries.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line !== b.line ? a.line - b.line : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  return { tool: 'tthc', version: 1, findings: entries };
}
