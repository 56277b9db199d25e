import MiniSearch from 'minisearch';
import type { Procedure } from '../../generated/types/catalogue.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { compareCodePoints } from '../catalogue/files.js';
import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import { legalAnchor, legalRefsOf, type SiteModel } from './model.js';
import type { CalendarData, CatalogueData, CatalogueEntry, FindingRow, LegalLink, ProcedurePayload } from './shared/payload.js';
import { INDEX_OPTIONS, type SearchDocument } from './shared/search.js';

/**
 * The data files and embedded data of the site, built from the model. Deterministic: codes
 * in code order, fields and publishers sorted, no timestamps.
 */

/** The catalogue list with its filter values. */
export function catalogueData(model: SiteModel): CatalogueData {
  const fieldNames = [...new Set(model.codes.map((c) => model.procedure(c).field ?? ''))].sort(compareCodePoints);
  const fieldIndex = new Map(fieldNames.map((f, i) => [f, i]));
  const publishers = new Map<string, CatalogueData['publishers'][number]>();
  for (const code of model.codes) {
    const p = model.publisher(code);
    publishers.set(p.id, { id: p.id, name: p.name });
  }
  const publisherList = [...publishers.values()].sort((a, b) => compareCodePoints(a.name.vi, b.name.vi));
  const publisherIndex = new Map(publisherList.map((p, i) => [p.id, i]));
  const entries = model.codes.map((code): CatalogueEntry => {
    const p = model.procedure(code);
    const counts: [number, number, number] = [0, 0, 0];
    for (const f of model.findingsOf(code)) counts[f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2]++;
    const entry: CatalogueEntry = {
      c: code,
      n: p.name ?? code,
      f: fieldIndex.get(p.field ?? '') as number,
      l: [...(p.levels ?? [])],
      p: publisherIndex.get(model.publisher(code).id) as number,
      o: p.online ?? 'unknown',
      q: p.fourOnSpot === true ? 'designated' : model.fourCandidates.has(code) ? 'candidate' : 'no',
      e: counts,
    };
    if (p.variantOf !== undefined) entry.v = p.variantOf;
    if (p.jurisdiction !== undefined) entry.j = p.jurisdiction.name;
    return entry;
  });
  return { fields: fieldNames, publishers: publisherList, entries };
}

/** The search index (MiniSearch, serialised), over the same entries. */
export function searchIndex(data: CatalogueData): string {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(data.entries.map((e) => ({ id: e.c, name: e.n, field: data.fields[e.f] ?? '' })));
  return JSON.stringify(index);
}

/** The keys of a procedure the checklist and the workflow IR read (src/workflow/checklist.ts, ir.ts). */
const CHECKLIST_KEYS = ['code', 'name', 'online', 'fourOnSpot', 'supplement', 'channels', 'components', 'cases', 'facts', 'stages'] as const;

/**
 * A procedure reduced to what `checklist()` reads: the steps, legal basis, provenance and
 * the like are on the page already and need not travel twice. A test checks, over the
 * whole bundled catalogue, that the checklist of the reduced procedure equals the full one's.
 */
export function trimForChecklist(p: Procedure): Procedure {
  const out: Record<string, unknown> = {};
  for (const key of CHECKLIST_KEYS) if (p[key] !== undefined) out[key] = p[key];
  return out as unknown as Procedure;
}

/** How a page links a legal document: the registry's address and status, and its entry on the legal page. */
export function legalLink(catalogue: Catalogue, number: string, title?: string): LegalLink {
  const doc = catalogue.registries.legal.get(number)?.value;
  const link: LegalLink = {};
  const name = title ?? doc?.title;
  if (name !== undefined) link.title = name;
  if (doc !== undefined) {
    link.anchor = legalAnchor(number);
    if (doc.url !== undefined) link.url = doc.url;
    if (doc.status !== undefined) link.status = doc.status;
  }
  return link;
}

/** The data a procedure page's script needs. */
export function procedurePayload(model: SiteModel, code: string): ProcedurePayload {
  const procedure = trimForChecklist(model.procedure(code));
  const databases: ProcedurePayload['databases'] = {};
  const legal: ProcedurePayload['legal'] = {};
  const components = [...(procedure.components ?? []), ...(procedure.cases ?? []).flatMap((k) => k.components)];
  for (const c of components) {
    if (c.dataSource !== undefined) {
      const db = model.catalogue.registries.databases.get(c.dataSource)?.value;
      databases[c.dataSource] = db === undefined ? { vi: c.dataSource, en: c.dataSource } : { vi: db.name, en: db.nameEn ?? db.name };
    }
  }
  for (const ref of legalRefsOf({ code, components } as Procedure)) legal[ref.number] = legalLink(model.catalogue, ref.number, ref.title);
  return { procedure, databases, legal };
}

/** The holiday table of the catalogue, as the browser's calendar reads it (through calendarOf). */
export function calendarData(catalogue: Catalogue): CalendarData {
  const years: CalendarData['years'] = {};
  for (const year of [...catalogue.registries.holidays.keys()].sort(compareCodePoints)) {
    years[year] = catalogue.registries.holidays.get(year)?.value as CalendarData['years'][string];
  }
  return { weekend: [...catalogue.registries.weekend], years };
}

/** The findings of the dashboard table in one language, in the checks' order. */
export function findingRows(model: SiteModel, data: CatalogueData, lang: Lang): FindingRow[] {
  const fieldOf = new Map(data.entries.map((e) => [e.c, e.f]));
  return model.result.findings.map((f) => ({
    p: f.procedure ?? '',
    r: f.id,
    s: f.severity,
    f: fieldOf.get(f.procedure ?? '') ?? -1,
    m: renderMessage(f, lang),
    at: `${model.displayPath(f.file)}:${f.range?.start.line ?? 1}`,
  }));
}

/**
 * A JavaScript string literal in single quotes: JSON text is full of double quotes, which a
 * double-quoted literal would escape one by one (a tenth of the file).
 */
function singleQuoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
}

/**
 * A data file: a script that assigns a global. JSON is parsed from a string literal,
 * which JavaScript engines read faster than an object literal of the same size.
 *
 * @example
 * dataScript('TTHC_X', { a: "it's" }) // 'globalThis.TTHC_X=JSON.parse(\'{"a":"it\\\'s"}\');\n'
 */
export function dataScript(name: string, value: unknown): string {
  return `globalThis.${name}=JSON.parse(${singleQuoted(JSON.stringify(value))});\n`;
}

/** A data file holding a string as is (the serialised search index). */
export function stringScript(name: string, text: string): string {
  return `globalThis.${name}=${singleQuoted(text)};\n`;
}
