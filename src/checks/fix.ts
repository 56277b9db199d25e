import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isScalar, isSeq, parseDocument } from 'yaml';
import { validators } from '../catalogue/schemas.js';
import type { Fix } from './types.js';

/**
 * Safe fixes, applied to the YAML text itself so that comments and formatting stay: an
 * exact duplicate component's lines are removed, an abolished document id is replaced by the
 * registry's replacement. A file whose fixed text would not parse or would fail the schema is
 * left alone.
 */

/** What fixing one file gives. */
export interface FileFix {
  file: string;
  before: string;
  after: string;
  applied: number;
  /** Why the file was left alone, when it was. */
  refused?: string;
}

function pathOf(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** The text span a fix edits, and its replacement; undefined when the fix cannot be applied safely. */
function span(text: string, fix: Fix): { from: number; to: number; insert: string } | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const path = pathOf(fix.pointer);
  if (fix.kind === 'replace-value') {
    const node = doc.getIn(path, true);
    if (!isScalar(node) || node.range === undefined || node.range === null) return undefined;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(fix.value)) return undefined;
    return { from: node.range[0], to: node.range[1], insert: fix.value };
  }
  const index = path[path.length - 1];
  if (typeof index !== 'number') return undefined;
  const seq = doc.getIn(path.slice(0, -1), true);
  if (!isSeq(seq) || seq.flow === true) return undefined;
  const item = seq.items[index] as { range?: [number, number, number] } | undefined;
  if (item?.range === undefined) return undefined;
  const from = lineStart(text, item.range[0]);
  if (!/^\s*-\s*$/.test(text.slice(from, item.range[0]))) return undefined;
  const next = seq.items[index + 1] as { range?: [number, number, number] } | undefined;
  const to = next?.range !== undefined ? lineStart(text, next.range[0]) : nextLineStart(text, Math.max(item.range[2] - 1, item.range[0]));
  return { from, to, insert: '' };
}

/** Applies fixes to one file's text; returns the new text (or the old one when refused). */
export function fixText(file: string, text: string, fixes: readonly Fix[]): FileFix {
  const spans = fixes
    .map((f) => span(text, f))
    .filter((s): s is { from: number; to: number; insert: string } => s !== undefined)
    .sort((a, b) => b.from - a.from);
  let after = text;
  let applied = 0;
  let lastFrom = Number.POSITIVE_INFINITY;
  for (const s of spans) {
    if (s.to > lastFrom) continue; // overlapping edits: keep the later one only
    after = after.slice(0, s.from) + s.insert + after.slice(s.to);
    lastFrom = s.from;
    applied++;
  }
  if (applied === 0) return { file, before: text, after: text, applied: 0 };
  const doc = parseDocument(after);
  if (doc.errors.length > 0) return { file, before: text, after: text, applied: 0, refused: doc.errors[0]?.message ?? 'YAML' };
  const errors = validators().validate('procedure', doc.toJS());
  if (errors.length > 0) return { file, before: text, after: text, applied: 0, refused: `${errors[0]?.instancePath ?? ''} ${errors[0]?.message ?? ''}` };
  return { file, before: text, after, applied };
}

/** Fixes files in place (through a temporary file and a rename). */
export function applyFixes(byFile: ReadonlyMap<string, readonly Fix[]>, options: { write: boolean }): FileFix[] {
  const out: FileFix[] = [];
  for (const [file, fixes] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const result = fixText(file, readFileSync(file, 'utf8'), fixes);
    if (options.write && result.applied > 0) {
      const tmp = `${file}.tmp-${process.pid}`;
      writeFileSync(tmp, result.after, 'utf8');
      renameSync(tmp, file);
    }
    out.push(result);
  }
  return out;
}

/** A unified diff of two texts (line based, 2 lines of context). */
export function unifiedDiff(name: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence table (files are small).
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: { op: ' ' | '-' | '+'; line: string; ai: number; bi: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ op: ' ', line: a[i] as string, ai: i++, bi: j++ });
    else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) ops.push({ op: '+', line: b[j] as string, ai: i, bi: j++ });
    else ops.push({ op: '-', line: a[i] as string, ai: i++, bi: j });
  }
  const out = [`--- ${name}`, `+++ ${name}`];
  const CONTEXT = 2;
  for (let k = 0; k < ops.length; ) {
    if (ops[k]?.op === ' ') {
      k++;
      continue;
    }
    const start = Math.max(0, k - CONTEXT);
    let end = k;
    while (end < ops.length) {
      let next = end;
      while (next < ops.length && ops[next]?.op === ' ') next++;
      if (next >= ops.length || next - end > 2 * CONTEXT) break;
      end = next + 1;
    }
    const stop = Math.min(ops.length, end + CONTEXT);
    const hunk = ops.slice(start, stop);
    const first = hunk[0] as (typeof ops)[number];
    const aLen = hunk.filter((o) => o.op !== '+').length;
    const bLen = hunk.filter((o) => o.op !== '-').length;
    out.push(`@@ -${first.ai + 1},${aLen} +${first.bi + 1},${bLen} @@`);
    for (const o of hunk) out.push(`${o.op}${o.line}`);
    k = stop;
  }
  return `${out.join('\n')}\n`;
}
