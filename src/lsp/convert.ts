import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Range, Severity } from '../diagnostics/types.js';
import type { Lang } from '../i18n/lang.js';

/**
 * Pure conversions between tthc's data and the Language Server Protocol's: positions
 * (ours 1-based, LSP 0-based; both count UTF-16 code units), severities, messages in the
 * client's language, and a text change as one minimal edit.
 */

/** An LSP position (0-based). */
export interface LspPosition {
  line: number;
  character: number;
}

/** An LSP range. */
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** An LSP diagnostic, as tthc publishes it. */
export interface LspDiagnostic {
  range: LspRange;
  severity: 1 | 2 | 3 | 4;
  code: string;
  source: 'tthc';
  message: string;
  relatedInformation?: { location: { uri: string; range: LspRange }; message: string }[];
}

/**
 * The language of messages: the client's `locale` from initialize (Vietnamese when it starts
 * with "vi", English otherwise), else `fallback` (`--lang`, else the environment's LANG…).
 *
 * @example
 * langOfLocale('vi-VN', 'en') // 'vi'
 * langOfLocale('en-GB', 'vi') // 'en'
 * langOfLocale(undefined, 'en') // 'en'
 */
export function langOfLocale(locale: string | undefined | null, fallback: Lang): Lang {
  if (typeof locale === 'string' && locale !== '') return /^vi/i.test(locale) ? 'vi' : 'en';
  return fallback;
}

/** Our range (1-based) as an LSP range; a file-wide diagnostic sits at the file's start. */
export function toLspRange(range: Range | null): LspRange {
  if (range === null) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const at = (p: { line: number; column: number }): LspPosition => ({ line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) });
  return { start: at(range.start), end: at(range.end) };
}

const SEVERITY: Record<Severity, 1 | 2 | 3> = { error: 1, warning: 2, info: 3 };

/** A file path as a `file:` URI, and back (null for other schemes). */
export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

/** The path of a `file:` URI; null for any other scheme (untitled, git…). */
export function fileOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** One of our diagnostics as the LSP shows it: message and hint in `lang`, code, related places. */
export function toLspDiagnostic(d: Diagnostic, lang: Lang): LspDiagnostic {
  const out: LspDiagnostic = { range: toLspRange(d.range), severity: SEVERITY[d.severity], code: d.code, source: 'tthc', message: renderMessage(d, lang) };
  if (d.related.length > 0) {
    out.relatedInformation = d.related.map((r) => ({
      location: { uri: uriOf(r.file), range: toLspRange(r.range) },
      message: r.procedure === null
        ? (lang === 'vi' ? 'Nơi liên quan' : 'Related place')
        : (lang === 'vi' ? `Thủ tục ${r.procedure}` : `Procedure ${r.procedure}`),
    }));
  }
  return out;
}

/** The 0-based position of a UTF-16 offset in a text. */
export function positionAt(text: string, offset: number): LspPosition {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/**
 * The smallest single edit that turns `before` into `after` (common prefix and suffix kept),
 * so an editor moves neither the cursor nor the folds of the untouched text.
 */
export function minimalEdit(before: string, after: string): { range: LspRange; newText: string } | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never cut a surrogate pair (an emoji, a rare Hán-Nôm character) in two.
  const low = (text: string, i: number) => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00;
  if (low(before, start) || low(after, start)) start--;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  if (low(before, endB) || low(after, endA)) {
    endB++;
    endA++;
  }
  return { range: { start: positionAt(before, start), end: positionAt(before, endB) }, newText: after.slice(start, endA) };
}
