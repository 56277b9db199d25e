import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import type { Lang } from '../i18n/lang.js';
import { displayPath } from './paths.js';

/** Options of {@link formatChanges}. */
export interface ChangesOptions {
  lang: Lang;
  cwd: string;
  color: boolean;
  /** Files that changed in this step (for the summary line). */
  files: readonly string[];
  /** How long the step took, in milliseconds. */
  ms: number;
}

const SEVERITY_LABEL: Record<Severity, Record<Lang, string>> = {
  error: { vi: 'lỗi', en: 'error' },
  warning: { vi: 'cảnh báo', en: 'warning' },
  info: { vi: 'gợi ý', en: 'info' },
};
const paint = (on: boolean, code: number, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36 };

/**
 * What changed after an edit, in the stylish layout: per file, `+` for a new diagnostic and
 * `-` for one that went away (fixed), then one summary line. Used by `tthc watch`.
 */
export function formatChanges(changes: { added: readonly Diagnostic[]; fixed: readonly Diagnostic[] }, o: ChangesOptions): string {
  const vi = o.lang === 'vi';
  const rows = [
    ...changes.added.map((d) => ({ d, mark: '+' })),
    ...changes.fixed.map((d) => ({ d, mark: '-' })),
  ].sort((a, b) => (a.d.file < b.d.file ? -1 : a.d.file > b.d.file ? 1 : (a.d.range?.start.line ?? 0) - (b.d.range?.start.line ?? 0)));
  const lines: string[] = [];
  let current: string | undefined;
  for (const { d, mark } of rows) {
    const file = displayPath(d.file, o.cwd);
    if (file !== current) {
      lines.push(paint(o.color, 4, file));
      current = file;
    }
    const pos = `${d.range?.start.line ?? 1}:${d.range?.start.column ?? 1}`;
    const sev = paint(o.color, SEVERITY_COLOR[d.severity], SEVERITY_LABEL[d.severity][o.lang]);
    const tag = mark === '+' ? paint(o.color, 31, '+') : paint(o.color, 32, '-');
    const gone = mark === '-' ? (vi ? ' (đã hết)' : ' (fixed)') : '';
    lines.push(`  ${tag} ${pos}  ${sev}  ${paint(o.color, 2, d.code)}  ${renderMessage(d, o.lang)}${gone}`);
  }
  const names = o.files.map((f) => displayPath(f, o.cwd)).join(', ');
  const ms = Math.round(o.ms);
  lines.push(vi
    ? `${names}: ${changes.added.length} mới, ${changes.fixed.length} đã hết (${ms} mili giây).`
    : `${names}: ${changes.added.length} new, ${changes.fixed.length} fixed (${ms} ms).`);
  return `${lines.join('\n')}\n`;
}
