import { countBySeverity, renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import type { Lang } from '../i18n/lang.js';
import { displayPath } from './paths.js';

/** Options of the human-readable format. */
export interface StylishOptions {
  lang: Lang;
  cwd: string;
  /** ANSI colours (only when writing to a terminal and NO_COLOR is unset). */
  color: boolean;
  /** How many files were examined, for the summary line. */
  fileCount: number;
}

const SEVERITY_LABEL: Record<Severity, Record<Lang, string>> = {
  error: { vi: 'lỗi', en: 'error' },
  warning: { vi: 'cảnh báo', en: 'warning' },
  info: { vi: 'gợi ý', en: 'info' },
};

const paint = (on: boolean, code: number, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36 };

function plural(n: number, en: string): string {
  return `${n} ${en}${n === 1 ? '' : 's'}`;
}

/**
 * The default format: diagnostics grouped by file, one line each
 * (`line:column  severity  code  message`), then a summary line.
 */
export function formatStylish(list: readonly Diagnostic[], options: StylishOptions): string {
  const { lang, color } = options;
  const lines: string[] = [];
  let current: string | undefined;
  for (const d of list) {
    const file = displayPath(d.file, options.cwd);
    if (file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(paint(color, 4, file));
      current = file;
    }
    const pos = `${d.range?.start.line ?? 1}:${d.range?.start.column ?? 1}`;
    const sev = paint(color, SEVERITY_COLOR[d.severity], SEVERITY_LABEL[d.severity][lang]);
    lines.push(`  ${pos}  ${sev}  ${paint(color, 2, d.code)}  ${renderMessage(d, lang)}`);
    for (const r of d.related) {
      const where = `${displayPath(r.file, options.cwd)}:${r.range?.start.line ?? 1}:${r.range?.start.column ?? 1}`;
      lines.push(`      ${lang === 'vi' ? 'xem thêm' : 'see also'} ${where}`);
    }
  }
  const counts = countBySeverity(list);
  const files = new Set(list.map((d) => d.file)).size;
  if (lines.length > 0) lines.push('');
  if (list.length === 0) {
    lines.push(
      paint(color, 32, lang === 'vi'
        ? `✓ Không có vấn đề nào (${options.fileCount} tệp đã kiểm tra).`
        : `✓ No problems (${plural(options.fileCount, 'file')} checked).`),
    );
  } else {
    const summary = lang === 'vi'
      ? `${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} gợi ý trong ${files} tệp (${options.fileCount} tệp đã kiểm tra).`
      : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info in ${plural(files, 'file')} (${plural(options.fileCount, 'file')} checked).`;
    lines.push(paint(color, counts.error > 0 ? 31 : 33, `${counts.error > 0 ? '✖' : '⚠'} ${summary}`));
  }
  return lines.join('\n') + '\n';
}
