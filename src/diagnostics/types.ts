import type { Bilingual } from '../i18n/lang.js';

/**
 * Diagnostics are data: a stable code, a severity, message arguments and a location.
 * Messages are rendered in Vietnamese or English only at the edge (the formatters).
 */

/** How serious a diagnostic is. `error` makes `tthc validate` exit 1. */
export type Severity = 'error' | 'warning' | 'info';

/** A 1-based line and column; columns count UTF-16 code units, as editors do. */
export interface Position {
  line: number;
  column: number;
}

/** A span in a file. */
export interface Range {
  start: Position;
  end: Position;
}

/**
 * Message arguments. Names, numbers and quoted values are language-neutral; a phrase
 * that must be translated (a suggestion, a type name) is given in both languages.
 */
export type MessageData = Readonly<Record<string, string | number | Bilingual>>;

/** Where in the pipeline a diagnostic is raised. */
export type CodeCategory = 'load' | 'schema' | 'catalogue' | 'check' | 'import' | 'cli' | 'site' | 'engine' | 'tooling';

/**
 * The description of one diagnostic code. Codes are stable: a code is never renumbered or
 * reused for another meaning (the registry assembled at the edge refuses duplicates).
 */
export interface CodeInfo {
  code: string;
  id: string;
  category: CodeCategory;
  severity: Severity;
  /** What is wrong, with `{placeholders}` filled from the diagnostic's data. */
  message: Bilingual;
  /** What to do about it. */
  hint: Bilingual;
  /** A longer explanation for `tthc explain`. */
  explain: Bilingual;
}

/** Another place that takes part in a diagnostic (the other definition of a duplicate code…). */
export interface RelatedLocation {
  file: string;
  range: Range | null;
  procedure: string | null;
}

/**
 * One problem found in the catalogue.
 *
 * `file` is an absolute path; formatters print it relative to the working directory.
 * `range` is null only when the problem concerns the file as a whole and no position
 * exists (an unreadable file); everything found inside a file has a range.
 */
export interface Diagnostic {
  /** Stable code, e.g. `TTHC202`; never reused for another meaning. */
  code: string;
  /** Readable id of the code, e.g. `unknown-property`. */
  id: string;
  severity: Severity;
  data: MessageData;
  file: string;
  range: Range | null;
  /** The procedure code (mã thủ tục) the file defines, when known. */
  procedure: string | null;
  related: RelatedLocation[];
  /**
   * The message and hint templates of the code (`{placeholders}` filled from `data`): a
   * diagnostic renders itself in either language without a code registry (in an editor, in
   * the browser).
   */
  template: { message: Bilingual; hint: Bilingual };
}
