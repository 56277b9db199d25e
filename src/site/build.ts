import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { CheckConfig } from '../checks/config.js';
import { LANGS } from '../i18n/lang.js';
import { packageRoot } from '../util/package-root.js';
import { SiteError } from './codes.js';
import { calendarData, catalogueData, dataScript, findingRows, procedurePayload, searchIndex, stringScript } from './data.js';
import { diagramOf, lifecycleOf, renderDiagrams, type Diagram } from './diagrams.js';
import { buildModel, legalAnchor } from './model.js';
import { cataloguePage, listPage } from './pages/catalogue.js';
import { dashboardPage, legalPage, rulesPage } from './pages/dashboard.js';
import { pagePath, type PageAt } from './pages/layout.js';
import { procedurePage } from './pages/procedure.js';
import { GLOBALS } from './shared/payload.js';
import { assertOutputFolder, MARKER, SiteWriter } from './write.js';

/**
 * Builds the static site of a catalogue (tthc site): the catalogue page with search and
 * filters, a page per procedure, the review dashboard, the rules and legal pages, each in
 * Vietnamese (at the root) and English (under en/), the browser scripts and their data,
 * the lifecycle diagrams, and optionally the API reference under api/.
 */

/** What to build. */
export interface SiteOptions {
  /** The loaded catalogue; pages are made for its requested files. */
  catalogue: Catalogue;
  /** The output folder (absolute). */
  out: string;
  /** The date the checks compare with (YYYY-MM-DD); default today. */
  today?: string;
  config?: CheckConfig;
  /** Chromium to draw the diagrams with, or null for no diagrams. */
  chromium: string | null;
  /** A typedoc output folder to publish under api/ (absolute). */
  api?: string;
  /** The bundled browser scripts and stylesheet; default the package's dist/site. */
  assets?: string;
}

/** What was built, for the command's summary. */
export interface SiteReport {
  procedures: number;
  /** HTML pages, both languages. */
  pages: number;
  files: number;
  bytes: number;
  largestPage: { path: string; bytes: number };
  /** The serialised search index (assets/data/search-index.js). */
  searchIndexBytes: number;
  /** The catalogue list the search page loads (assets/data/catalogue.js). */
  catalogueDataBytes: number;
  /** Distinct diagrams drawn (per language). */
  diagrams: number;
  api: boolean;
  /** Milliseconds per phase. */
  timings: { model: number; diagrams: number; pages: number; commit: number };
}

/** The browser scripts and stylesheet every site needs. */
export const ASSET_FILES = ['catalogue.js', 'procedure.js', 'dashboard.js', 'site.css'] as const;

/** The default folder of the bundled browser assets (written by `npm run build`). */
export function defaultAssetsDir(): string {
  return path.join(packageRoot(), 'dist', 'site');
}

/**
 * Checks what a build needs before any work: the bundled scripts, the API folder, chromium,
 * and an output folder that is free or ours. Throws {@link SiteError}.
 *
 * @example
 * checkSiteOptions({ out: '/tmp/site', chromium: '/usr/bin/chromium' })
 */
export function checkSiteOptions(options: Omit<SiteOptions, 'catalogue'>): void {
  const assets = options.assets ?? defaultAssetsDir();
  for (const f of ASSET_FILES) if (!existsSync(path.join(assets, f))) throw new SiteError('site-assets-missing', { path: path.join(assets, f) });
  if (options.api !== undefined && !existsSync(path.join(options.api, 'index.html'))) throw new SiteError('site-api-missing', { path: options.api });
  if (options.chromium !== null && !existsSync(options.chromium)) throw new SiteError('site-browser-missing', { path: options.chromium });
  assertOutputFolder(options.out);
}

/**
 * Builds the site; writes nothing unless everything succeeds.
 *
 * @example
 * const report = await buildSite({ catalogue: loadCatalogue({ paths: ['procedures'] }), out: '/tmp/site', chromium: '/usr/bin/chromium' });
 * report.largestPage // { path: 'en/list.html', bytes: … }
 */
export async function buildSite(options: SiteOptions): Promise<SiteReport> {
  checkSiteOptions(options);
  const assets = options.assets ?? defaultAssetsDir();

  let started = performance.now();
  const model = buildModel(options.catalogue, { ...(options.today !== undefined ? { today: options.today } : {}), ...(options.config !== undefined ? { config: options.config } : {}) });
  const data = catalogueData(model);
  const timings = { model: performance.now() - started, diagrams: 0, pages: 0, commit: 0 };

  // Diagrams: one per distinct lifecycle and language.
  started = performance.now();
  const diagramOfCode = new Map<string, Record<string, Diagram>>();
  const distinct = new Map<string, Diagram>();
  for (const code of model.codes) {
    const byLang: Record<string, Diagram> = {};
    for (const lang of LANGS) {
      const d = diagramOf(model.procedure(code), lang);
      byLang[lang] = d;
      if (!distinct.has(`${d.id}.${lang}`)) distinct.set(`${d.id}.${lang}`, d);
    }
    diagramOfCode.set(code, byLang);
  }
  // A previous site in the output folder holds the diagrams that did not change (content-addressed).
  const previous = (key: string): string | undefined => {
    const file = path.join(options.out, 'diagrams', `${key}.svg`);
    return existsSync(file) && existsSync(path.join(options.out, MARKER)) ? readFileSync(file, 'utf8') : undefined;
  };
  const svgs = options.chromium === null ? new Map<string, string>() : await renderDiagrams([...distinct.values()], options.chromium, previous);
  timings.diagrams = performance.now() - started;

  started = performance.now();
  const writer = new SiteWriter(options.out);
  try {
    const api = options.api !== undefined;
    for (const f of ASSET_FILES) writer.file(`assets/${f}`, readFileSync(path.join(assets, f)));
    for (const [key, svg] of [...svgs].sort(([a], [b]) => (a < b ? -1 : 1))) writer.file(`diagrams/${key}.svg`, svg);
    writer.file('assets/data/catalogue.js', dataScript(GLOBALS.catalogue, data));
    writer.file('assets/data/search-index.js', stringScript(GLOBALS.index, searchIndex(data)));
    writer.file('assets/data/calendar.js', dataScript(GLOBALS.calendar, calendarData(options.catalogue)));
    for (const lang of LANGS) {
      writer.file(`assets/data/findings.${lang}.js`, dataScript(GLOBALS.findings, findingRows(model, data, lang)));
      const at = (p: string): PageAt => ({ lang, path: p, api });
      const write = (p: string, text: string): void => writer.file(pagePath(lang, p), text);
      write('index.html', cataloguePage(at('index.html'), data));
      write('list.html', listPage(at('list.html'), data));
      write('dashboard.html', dashboardPage(at('dashboard.html'), model, data));
      write('rules.html', rulesPage(at('rules.html'), model));
      write('legal.html', legalPage(at('legal.html'), model, legalAnchor));
      for (const code of model.codes) {
        const d = diagramOfCode.get(code)?.[lang] as Diagram;
        const file = svgs.has(`${d.id}.${lang}`) ? `diagrams/${d.id}.${lang}.svg` : null;
        write(`p/${code}.html`, procedurePage(at(`p/${code}.html`), model, code, procedurePayload(model, code), { file, lifecycle: lifecycleOf(model.procedure(code)) }));
      }
    }
    if (options.api !== undefined) writer.copyTree(options.api, 'api');
    timings.pages = performance.now() - started;
    started = performance.now();
    writer.commit();
    timings.commit = performance.now() - started;
  } catch (error) {
    writer.abort();
    throw error;
  }

  const pages = [...writer.sizes].filter(([p]) => p.endsWith('.html') && !p.startsWith('api/'));
  const largest = pages.reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a), ['', 0] as [string, number]);
  return {
    procedures: model.codes.length,
    pages: pages.length,
    files: writer.sizes.size,
    bytes: [...writer.sizes.values()].reduce((a, b) => a + b, 0),
    largestPage: { path: largest[0], bytes: largest[1] },
    searchIndexBytes: writer.sizes.get('assets/data/search-index.js') ?? 0,
    catalogueDataBytes: writer.sizes.get('assets/data/catalogue.js') ?? 0,
    diagrams: svgs.size,
    api: options.api !== undefined,
    timings,
  };
}
