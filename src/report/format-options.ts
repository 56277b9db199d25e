import type { Lang } from '../i18n/lang.js';

/** Options every formatter takes. */
export interface FormatOptions {
  lang: Lang;
  cwd: string;
  version: string;
  /** Files examined (for JUnit's passing cases and summaries). */
  files: readonly string[];
  /** ANSI colours in the stylish format. */
  color?: boolean;
}
