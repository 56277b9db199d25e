import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { displayPath } from './paths.js';
import type { FormatOptions } from './format-options.js';

function ghData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function ghProperty(text: string): string {
  return ghData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GH_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: one annotation per finding. */
export function formatGithub(list: readonly Diagnostic[], o: FormatOptions): string {
  return list
    .map((d) => `::${GH_LEVEL[d.severity]} file=${ghProperty(displayPath(d.file, o.cwd))},line=${d.range?.start.line ?? 1},col=${d.range?.start.column ?? 1},title=${ghProperty(`${d.code} ${d.id}`)}::${ghData(renderMessage(d, o.lang))}\n`)
    .join('');
}
