import type { Diagnostic } from '../diagnostics/types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { FormatOptions } from './format-options.js';

/**
 * Output formats of `tthc check`: stylish (people), json (the contract shared with
 * `validate`), SARIF 2.1.0 (code-scanning tools), JUnit XML (CI test reports), GitHub
 * workflow commands (annotations) and Markdown (a review document).
 */
export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export type { FormatOptions } from './format-options.js';

/** Findings in one of the check formats. */
export function formatFindings(format: CheckFormat, list: readonly Diagnostic[], o: FormatOptions): string {
  switch (format) {
    case 'json':
      return formatJson(list, o);
    case 'sarif':
      return formatSarif(list, o);
    case 'junit':
      return formatJunit(list, o);
    case 'github':
      return formatGithub(list, o);
    case 'markdown':
      return formatMarkdown(list, o);
    default:
      return formatStylish(list, { lang: o.lang, cwd: o.cwd, color: o.color === true, fileCount: o.files.length });
  }
}
