import { fill, type Bilingual, type Lang } from '../i18n/lang.js';
import type { CodeInfo, Diagnostic, MessageData, Range, RelatedLocation, Severity } from './types.js';

/** Where a diagnostic points. */
export interface Site {
  file: string;
  range: Range | null;
  procedure: string | null;
}

/**
 * Builds a diagnostic of a code (a layer's {@link CodeInfo}). The severity is the code's
 * default unless given.
 *
 * @example
 * makeDiagnostic(CATALOGUE_CODES.info('empty-file'), { file: '/x.yaml', range, procedure: null }, {})
 */
export function makeDiagnostic(
  info: CodeInfo,
  site: Site,
  data: MessageData = {},
  options: { related?: RelatedLocation[]; severity?: Severity } = {},
): Diagnostic {
  return {
    code: info.code,
    id: info.id,
    severity: options.severity ?? info.severity,
    data,
    file: site.file,
    range: site.range,
    procedure: site.procedure,
    related: options.related ?? [],
    template: { message: info.message, hint: info.hint },
  };
}

function localData(data: MessageData, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) {
    out[key] = typeof value === 'object' ? (value as Bilingual)[lang] : value;
  }
  return out;
}

/**
 * The full text of a diagnostic in one language: what is wrong, then what to do.
 *
 * @example
 * renderMessage(d, 'en') // 'Missing required property "name". Add "name: …" to the procedure.'
 */
export function renderMessage(d: Diagnostic, lang: Lang): string {
  const data = localData(d.data, lang);
  const message = fill(d.template.message[lang], data).trim();
  const hint = fill(d.template.hint[lang], data).trim();
  return hint === '' ? message : `${message} ${hint}`;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders diagnostics by file, position, severity and code, and drops exact repeats. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): string =>
    `${d.file}\u0000${d.range?.start.line ?? 0}:${d.range?.start.column ?? 0}\u0000${d.code}\u0000${JSON.stringify(d.data)}`;
  const seen = new Set<string>();
  const unique: Diagnostic[] = [];
  for (const d of list) {
    const k = key(d);
    if (!seen.has(k)) {
      seen.add(k);
      unique.push(d);
    }
  }
  return unique.sort((a, b) => {
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    const la = a.range?.start.line ?? 0;
    const lb = b.range?.start.line ?? 0;
    if (la !== lb) return la - lb;
    const ca = a.range?.start.column ?? 0;
    const cb = b.range?.start.column ?? 0;
    if (ca !== cb) return ca - cb;
    if (a.severity !== b.severity) return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (a.code !== b.code) return a.code < b.code ? -1 : 1;
    return 0;
  });
}

/** Counts diagnostics per severity. */
export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity] += 1;
  return counts;
}

/** A bilingual phrase, for message data. */
export function both(vi: string, en: string): Bilingual {
  return { vi, en };
}
