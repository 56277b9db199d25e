import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Procedure } from '../../generated/types/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import { buildWorkflow } from '../workflow/ir.js';
import { lifecycle, type Lifecycle } from '../workflow/lifecycle.js';
import { toMermaid } from '../workflow/mermaid.js';
import { SiteError } from './codes.js';

/**
 * Lifecycle diagrams, drawn once at build time. Every procedure's lifecycle comes from the
 * one-stop graph (Decree 118/2025/NĐ-CP) with its own parameters, so the 2,000 procedures of
 * the bundled catalogue share a handful of distinct diagrams: each is rendered once per
 * language by Mermaid in Debian's chromium (as docs/tools/render-diagram.mjs does) and saved
 * as an SVG file that every page using it references. Rendering in the reader's browser
 * instead would load Mermaid (3.5 MB) on procedure pages.
 *
 * A diagram's file name is a hash of its source, the Mermaid version and the settings, so a
 * rebuild reuses the SVG files of the previous site in the same folder and draws only what
 * changed.
 */

/** Mermaid settings: plain SVG text labels (no HTML), so the files display in an `<img>`. */
const MERMAID_CONFIG = { startOnLoad: false, securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false }, state: { htmlLabels: false } } as const;

/** One distinct diagram: its Mermaid source and the file it is saved as. */
export interface Diagram {
  /** Content hash of the source, Mermaid's version and the settings: the file name. */
  id: string;
  lang: Lang;
  source: string;
  /** A procedure that uses it (for error messages). */
  example: string;
}

let mermaidVersion: string | undefined;
function mermaidDist(): { dist: string; version: string } | undefined {
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve('mermaid/package.json');
  } catch {
    // mermaid is an optional peer dependency: only drawing diagrams needs it.
    return undefined;
  }
  mermaidVersion ??= (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  return { dist: path.join(path.dirname(manifest), 'dist'), version: mermaidVersion };
}

/** What to install when the optional drawing packages are missing. */
const INSTALL_RENDERER = 'the optional packages mermaid and playwright-core are not installed (npm install mermaid@11 playwright-core@1)';

/** The diagram of a procedure in one language: the source without its comment line (which names the procedure). */
export function diagramOf(p: Procedure, lang: Lang): Diagram {
  const source = toMermaid(buildWorkflow(p), lang).split('\n').filter((l) => !l.startsWith('%%')).join('\n');
  const id = createHash('sha256').update(`${mermaidDist()?.version ?? 'none'}\n${JSON.stringify(MERMAID_CONFIG)}\n${source}`).digest('hex').slice(0, 16);
  return { id, lang, source, example: p.code };
}

/** The lifecycle graph of a procedure (for the table that states the diagram in text). */
export function lifecycleOf(p: Procedure): Lifecycle {
  return lifecycle(buildWorkflow(p));
}

/** The chromium flags this workplace requires (headless, no network side traffic). */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The origin the renderer page pretends to load Mermaid from (served from node_modules, never the network). */
const ORIGIN = 'http://mermaid.invalid';

/**
 * Renders diagrams to SVG in chromium, keyed `<id>.<lang>`. Diagrams `reuse` already has
 * are not drawn again. Mermaid's ESM build is served to the page from node_modules, so only
 * the state-diagram code loads (the single-file build parses 3.5 MB first). Throws
 * {@link SiteError} when chromium is missing or Mermaid fails.
 */
export async function renderDiagrams(diagrams: readonly Diagram[], chromiumPath: string, reuse: (key: string) => string | undefined = () => undefined): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const todo: Diagram[] = [];
  for (const d of diagrams) {
    const previous = reuse(`${d.id}.${d.lang}`);
    if (previous !== undefined) out.set(`${d.id}.${d.lang}`, previous);
    else todo.push(d);
  }
  if (todo.length === 0) return out;
  if (!existsSync(chromiumPath)) throw new SiteError('site-browser-missing', { path: chromiumPath });
  const fail = (d: Diagram | undefined, error: unknown): SiteError =>
    new SiteError('site-diagram-failed', { procedure: d?.example ?? '', detail: (error as Error).message.split('\n')[0] ?? '' });
  const found = mermaidDist();
  if (found === undefined) throw fail(todo[0], new Error(INSTALL_RENDERER));
  const { dist } = found;
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw fail(todo[0], new Error(INSTALL_RENDERER));
  }
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  } catch (error) {
    throw fail(todo[0], error);
  }
  try {
    const context = await browser.newContext();
    await context.route(`${ORIGIN}/**`, async (route) => {
      const rel = decodeURIComponent(new URL(route.request().url()).pathname).slice(1);
      if (rel === 'index.html') {
        // The module script loads Mermaid in the page itself (a function passed to
        // page.evaluate cannot import: test runners rewrite import() in its source).
        const boot = `import mermaid from '/mermaid.esm.min.mjs'; mermaid.initialize(${JSON.stringify(MERMAID_CONFIG)}); globalThis.mermaid = mermaid;`;
        return route.fulfill({ body: `<!doctype html><html><body><script type="module">${boot}</script></body></html>`, contentType: 'text/html' });
      }
      const file = path.resolve(dist, rel);
      if (!file.startsWith(dist + path.sep) || !existsSync(file)) return route.abort();
      return route.fulfill({ body: readFileSync(file), contentType: 'text/javascript' });
    });
    // One page draws them all: two pages in parallel were slower on the two-core machine
    // (each loads Mermaid; they contend for the same cores).
    const queue = [...todo];
    {
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/index.html`);
      await page.waitForFunction(() => (globalThis as unknown as { mermaid?: unknown }).mermaid !== undefined, undefined, { timeout: 60_000 });
      for (let d = queue.shift(); d !== undefined; d = queue.shift()) {
        try {
          const svg = await page.evaluate(async ({ text, id }) => {
            const m = (globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
            return (await m.render(`d${id}`, text)).svg;
          }, { text: d.source, id: d.id });
          out.set(`${d.id}.${d.lang}`, `${svg}\n`);
        } catch (error) {
          throw fail(d, error);
        }
      }
    }
  } catch (error) {
    throw error instanceof SiteError ? error : fail(todo[0], error);
  } finally {
    await browser.close();
  }
  return out;
}
