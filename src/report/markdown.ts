import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { displayPath } from './paths.js';
import type { FormatOptions } from './format-options.js';
import { RULES } from '../checks/registry.js';

function md(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Markdown: a summary per rule, then every finding in a table. */
export function formatMarkdown(list: readonly Diagnostic[], o: FormatOptions): string {
  const vi = o.lang === 'vi';
  const counts = new Map<string, number>();
  for (const d of list) counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
  const lines = [
    vi ? '# Kết quả rà soát thủ tục hành chính' : '# Procedure review findings',
    '',
    vi ? `${list.length} phát hiện trong ${o.files.length} tệp.` : `${list.length} findings in ${o.files.length} files.`,
    '',
    vi ? '| quy tắc | mã | mức | số phát hiện |' : '| rule | code | severity | findings |',
    '|---|---|---|---|',
    ...RULES.filter((r) => counts.has(r.id)).map((r) => `| \`${r.id}\` | ${r.info.code} | ${r.info.severity} | ${counts.get(r.id) ?? 0} |`),
    '',
    vi ? '| tệp:dòng | thủ tục | quy tắc | nội dung |' : '| file:line | procedure | rule | message |',
    '|---|---|---|---|',
    ...list.map((d) => `| ${md(displayPath(d.file, o.cwd))}:${d.range?.start.line ?? 1} | ${d.procedure ?? ''} | \`${d.id}\` | ${md(renderMessage(d, o.lang))} |`),
    '',
  ];
  return lines.join('\n');
}
