import type { Procedure } from '../../generated/types/catalogue.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { CodeInfo, MessageData } from '../diagnostics/types.js';
import type { Bilingual } from '../i18n/lang.js';
import type { CheckIndex } from './index-build.js';

/** Where a rule belongs (STYLE.md: rules are grouped by what reviewers do with them). */
export type RuleCategory = 'redundancy' | 'consistency' | 'opportunity' | 'import';

/** The documentation of a rule, in both languages (printed by `tthc explain <rule>`). */
export interface RuleDoc {
  /** What the rule checks. */
  what: Bilingual;
  /** Why, with the legal basis. */
  why: Bilingual;
  /** The legal basis, as citations (decree and article). */
  legalBasis: readonly string[];
  /** A short YAML example that the rule reports. */
  example: string;
  /** What the rule cannot see (false positives, false negatives). */
  limits: Bilingual;
  /** When the rule reports at each severity it emits (its default and any other). */
  severities: Partial<Record<'error' | 'warning' | 'info', Bilingual>>;
}

/** A place in one procedure: the procedure's code and a JSON pointer into its resolved form. */
export interface Place {
  code: string;
  pointer: string;
  /** Point at the key rather than the value (for "missing" findings on an object). */
  mode?: 'value' | 'key';
}

/** What a rule reports: a place, message data, and the other places involved. */
export interface RawFinding extends Place {
  data: MessageData;
  related?: Place[];
  /** Overrides the rule's default severity for this finding (e.g. CMND is only phasing out). */
  severity?: 'error' | 'warning' | 'info';
  /** A fix that cannot change meaning, applied by `--fix`. */
  fix?: Fix;
  /**
   * Tells apart several findings of one rule on one node (two documents named in one
   * component): part of the finding's fingerprint, which baselines and labels key on.
   */
  key?: string;
}

/** A safe edit of one catalogue file. */
export type Fix =
  /** Remove an array item (an exact duplicate component). */
  | { kind: 'remove-item'; pointer: string }
  /** Replace a scalar (an abolished document id by its replacement). */
  | { kind: 'replace-value'; pointer: string; value: string };

/** What a rule sees. */
export interface RuleContext {
  catalogue: Catalogue;
  index: CheckIndex;
  /** Codes of the procedures to report on (the requested files); rules may look at all others. */
  targets: readonly string[];
  /**
   * Codes of every requested procedure, when `targets` is only part of them (an incremental
   * re-run): a finding that concerns two requested procedures (a pair) must land on the same
   * one whichever of them is re-run. Default: the targets.
   */
  requested?: ReadonlySet<string>;
  /** The resolved procedure of a code. */
  procedure(code: string): Procedure | undefined;
  /** "Today", for rules that depend on dates (abolished documents and levels). */
  today: string;
  /**
   * Records that what a rule found (or did not find) for procedure `code` read procedure `on`,
   * beyond the places its findings name: an incremental re-run re-checks `code` when `on`
   * changes. Optional; a one-shot run may omit it.
   */
  readsProcedure?(code: string, on: string): void;
}

/** A check rule (quy tắc rà soát). */
export interface Rule {
  /** Readable id, e.g. `abolished-document`; also the diagnostic id. */
  id: string;
  info: CodeInfo & { category: 'check' };
  ruleCategory: RuleCategory;
  doc: RuleDoc;
  run(ctx: RuleContext): RawFinding[];
}
