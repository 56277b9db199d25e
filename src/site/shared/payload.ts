import type { HolidayYear, Procedure } from '../../../generated/types/catalogue.js';
import type { Bilingual } from '../../i18n/lang.js';

/**
 * The data the builder hands to the browser scripts. Pages load it with `<script>` elements
 * (data files assign a global) or embed it as JSON, never with fetch(): a page opened from
 * disk (file://) may not fetch its neighbours.
 */

/** "4 tại chỗ" as the catalogue filter sees it: designated, flagged as a candidate by the checks, or neither. */
export type FourOnSpotState = 'designated' | 'candidate' | 'no';

/** One procedure in the catalogue list (short keys: 2,000 of them load with the page). */
export interface CatalogueEntry {
  /** Code. */
  c: string;
  /** Name. */
  n: string;
  /** Field, as an index into {@link CatalogueData.fields}. */
  f: number;
  /** Levels. */
  l: string[];
  /** Publisher, as an index into {@link CatalogueData.publishers}. */
  p: number;
  /** Online level (`unknown` when not stated). */
  o: 'full' | 'partial' | 'none' | 'unknown';
  /** "4 tại chỗ". */
  q: FourOnSpotState;
  /** Findings: errors, warnings, infos. */
  e: [number, number, number];
  /** The national code, for a provincial version. */
  v?: string;
  /** The province, for a provincial version. */
  j?: string;
}

/** The catalogue list: entries in code order, fields and publishers by index. */
export interface CatalogueData {
  fields: string[];
  publishers: { id: string; name: Bilingual }[];
  entries: CatalogueEntry[];
}

/** A legal document as a page links it. */
export interface LegalLink {
  title?: string;
  /** In-site anchor of the document's entry on the legal page (registry documents only). */
  anchor?: string;
  url?: string;
  status?: string;
}

/** What a procedure page's script needs to compute the checklist and the due dates. */
export interface ProcedurePayload {
  /** The procedure, keeping the parts the checklist reads (see `trimForChecklist`). */
  procedure: Procedure;
  /** Names of the databases components can be read from. */
  databases: Record<string, Bilingual>;
  /** Legal documents cited by components, by number. */
  legal: Record<string, LegalLink>;
}

/** The holiday table (the catalogue's holidays registry), for the working-day calendar. */
export interface CalendarData {
  weekend?: string[];
  years: Record<string, HolidayYear>;
}

/** One finding in the dashboard table (one language). */
export interface FindingRow {
  /** Procedure code. */
  p: string;
  /** Rule id. */
  r: string;
  /** Severity. */
  s: 'error' | 'warning' | 'info';
  /** Field, as an index into the catalogue's fields (−1: none). */
  f: number;
  /** Message, rendered. */
  m: string;
  /** File and line. */
  at: string;
}

/** Names of the globals data files assign. */
export const GLOBALS = {
  catalogue: 'TTHC_CATALOGUE',
  index: 'TTHC_INDEX',
  calendar: 'TTHC_CALENDAR',
  findings: 'TTHC_FINDINGS',
} as const;
