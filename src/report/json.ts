import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import type { Lang } from '../i18n/lang.js';
import { displayPath } from './paths.js';

/**
 * One diagnostic in the machine-readable contract of every command that prints diagnostics
 * as JSON (`validate`, `check`, `import`): exactly these keys, in this order. `line` and
 * `column` are 1-based (a problem with the file as a whole is reported at 1:1); `id` is the
 * readable id of the code (for a check finding, the rule id), and
 * `fingerprint` identifies a check finding across runs (see `tthc check --baseline`).
 */
export interface JsonDiagnostic {
  code: string;
  id: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  procedure: string | null;
  related: { file: string; line: number; column: number; procedure: string | null }[];
  /** A check finding's fingerprint (what baselines key on); null for other diagnostics. */
  fingerprint: string | null;
}

/** Maps diagnostics to the JSON contract. */
export function toJsonDiagnostics(list: readonly Diagnostic[], options: { lang: Lang; cwd: string }): JsonDiagnostic[] {
  return list.map((d) => ({
    code: d.code,
    id: d.id,
    severity: d.severity,
    message: renderMessage(d, options.lang),
    file: displayPath(d.file, options.cwd),
    line: d.range?.start.line ?? 1,
    column: d.range?.start.column ?? 1,
    endLine: d.range?.end.line ?? 1,
    endColumn: d.range?.end.column ?? 1,
    procedure: d.procedure,
    related: d.related.map((r) => ({
      file: displayPath(r.file, options.cwd),
      line: r.range?.start.line ?? 1,
      column: r.range?.start.column ?? 1,
      procedure: r.procedure,
    })),
    fingerprint: 'fingerprint' in d && typeof d.fingerprint === 'string' ? d.fingerprint : null,
  }));
}

/** The JSON format: one array, pretty-printed, ending with a newline. Nothing else. */
export function formatJson(list: readonly Diagnostic[], options: { lang: Lang; cwd: string }): string {
  return JSON.stringify(toJsonDiagnostics(list, options), null, 2) + '\n';
}
