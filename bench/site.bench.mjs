// tthc site: build time, what a reader downloads, and search latency in the browser.
//
//   npm run build && node bench/site.bench.mjs [--iterations 3] [--keystrokes 5] [--search-only]
//
// 1. Build time of the bundled catalogue, medians of --iterations runs, side by side with
//    its floor (loading the catalogue: YAML parse + schema) and with the checks alone; the
//    diagrams are drawn once from scratch (chromium), then reused by the rebuilds.
// 2. Sizes: the largest page, the search index, the catalogue list, the diagrams, and the
//    weight of the catalogue page and of a procedure page with everything they load
//    (raw and gzip -9, as a web server would send them).
// 3. Search latency on the catalogue page in Debian's chromium (file://): each query typed
//    one key at a time, --keystrokes rounds; per keystroke the time of the page's own
//    handler (search + filters + DOM update, performance.measure "tthc-search") and the
//    time until the next frame is painted; baseline side by side: a plain scan of the folded
//    names for the typed words (what a hand-written filter would do), in the same page.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { loadCatalogue } from '../dist/src/catalogue/catalogue.js';
import { runChecks } from '../dist/src/checks/run.js';
import { buildSite } from '../dist/src/site/build.js';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const iterations = Number(arg('--iterations', '3'));
const rounds = Number(arg('--keystrokes', '5'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const s = (x) => `${(x / 1000).toFixed(1)} s`;
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TODAY = '2026-11-22';
// --search-only: one build (diagrams reused when the folder has them), then sizes and search.
const searchOnly = process.argv.includes('--search-only');

// ── 1. build time ────────────────────────────────────────────────────────────────────────
const out = path.join(mkdtempSync(path.join(tmpdir(), 'tthc-site-bench-')), 'site');
const rebuilds = searchOnly ? 0 : iterations;
const loads = [];
const checks = [];
const builds = [];
let first;
let report;
for (let i = 0; i <= rebuilds; i++) {
  let t = performance.now();
  const catalogue = loadCatalogue({ paths: ['procedures'], cwd: root });
  const load = performance.now() - t;
  if (i > 0) {
    t = performance.now();
    runChecks(catalogue, { today: TODAY });
    checks.push(performance.now() - t);
  }
  t = performance.now();
  report = await buildSite({ catalogue, out, today: TODAY, chromium: CHROMIUM });
  const build = performance.now() - t;
  if (i === 0) first = { load, build, diagrams: report.timings.diagrams };
  else {
    loads.push(load);
    builds.push(load + build);
  }
}
console.log('## Build (bundled catalogue, %d procedures, %d pages, %d files)\n', report.procedures, report.pages, report.files);
if (!searchOnly) {
console.log('| step | median | ratio to load |');
console.log('|---|---|---|');
console.log(`| load the catalogue (floor) | ${s(median(loads))} | 1.00x |`);
console.log(`| checks alone (runChecks) | ${s(median(checks))} | ${(median(checks) / median(loads)).toFixed(2)}x |`);
console.log(`| tthc site, diagrams reused (load + build) | ${s(median(builds))} | ${(median(builds) / median(loads)).toFixed(2)}x |`);
console.log(`| tthc site, first build (diagrams drawn: ${s(first.diagrams)}) | ${s(first.load + first.build)} | ${((first.load + first.build) / median(loads)).toFixed(2)}x |`);
}

// ── 2. sizes ─────────────────────────────────────────────────────────────────────────────
const size = (rel) => statSync(path.join(out, rel)).size;
const gz = (rel) => gzipSync(readFileSync(path.join(out, rel)), { level: 9 }).byteLength;
const weight = (files) => files.reduce((a, f) => [a[0] + size(f), a[1] + gz(f)], [0, 0]);
const procedurePages = readdirSync(path.join(out, 'p')).map((f) => `p/${f}`);
const sizes = procedurePages.map((p) => size(p)).sort((a, b) => a - b);
const diagrams = readdirSync(path.join(out, 'diagrams')).map((f) => size(`diagrams/${f}`));
console.log('\n## Sizes\n');
console.log('| what | raw | gzip |');
console.log('|---|---|---|');
console.log(`| largest page (${report.largestPage.path}) | ${kib(size(report.largestPage.path))} | ${kib(gz(report.largestPage.path))} |`);
const largestProcedure = procedurePages.reduce((a, b) => (size(b) > size(a) ? b : a));
console.log(`| largest procedure page (${largestProcedure}) | ${kib(size(largestProcedure))} | ${kib(gz(largestProcedure))} |`);
console.log(`| median procedure page | ${kib(median(sizes))} | |`);
console.log(`| search index (assets/data/search-index.js) | ${kib(size('assets/data/search-index.js'))} | ${kib(gz('assets/data/search-index.js'))} |`);
console.log(`| catalogue list (assets/data/catalogue.js) | ${kib(size('assets/data/catalogue.js'))} | ${kib(gz('assets/data/catalogue.js'))} |`);
for (const f of ['catalogue.js', 'procedure.js', 'dashboard.js', 'site.css']) console.log(`| assets/${f} | ${kib(size(`assets/${f}`))} | ${kib(gz(`assets/${f}`))} |`);
console.log(`| a lifecycle diagram (SVG, largest of ${diagrams.length}, shared by many pages) | ${kib(Math.max(...diagrams))} | |`);
const cat = weight(['index.html', 'assets/site.css', 'assets/data/catalogue.js', 'assets/data/search-index.js', 'assets/catalogue.js']);
console.log(`| catalogue page with all it loads | ${kib(cat[0])} | ${kib(cat[1])} |`);
const proc = weight(['p/1.001193.html', 'assets/site.css', 'assets/data/calendar.js', 'assets/procedure.js']);
console.log(`| procedure page 1.001193 with all it loads (diagram aside) | ${kib(proc[0])} | ${kib(proc[1])} |`);
const dash = weight(['dashboard.html', 'assets/site.css', 'assets/data/catalogue.js', 'assets/data/findings.vi.js', 'assets/dashboard.js']);
console.log(`| dashboard with all it loads | ${kib(dash[0])} | ${kib(dash[1])} |`);
console.log(`| whole site (${report.files} files) | ${kib(report.bytes)} | |`);

// ── 3. search latency ────────────────────────────────────────────────────────────────────
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const loadStart = performance.now();
await page.goto(`file://${path.join(out, 'index.html')}`);
await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
const ready = performance.now() - loadStart;
const queries = ['dang ky khai sinh', 'khai sinh dang ky', 'cap giay phep xay dung', 'ho chieu pho thong', 'thu tuc hai quan'];
const handler = [];
const paint = [];
const baseline = [];
for (let r = 0; r < rounds; r++) {
  for (const q of queries) {
    const result = await page.evaluate(async (query) => {
      const input = document.getElementById('q');
      const fold = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
      const names = globalThis.TTHC_CATALOGUE.entries.map((e) => fold(`${e.c} ${e.n}`));
      const out = { handler: [], paint: [], baseline: [] };
      for (let i = 1; i <= query.length; i++) {
        performance.clearMeasures('tthc-search');
        const t0 = performance.now();
        input.value = query.slice(0, i);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        out.paint.push(performance.now() - t0);
        out.handler.push(performance.getEntriesByName('tthc-search').at(-1).duration);
        const b0 = performance.now();
        const words = fold(query.slice(0, i)).split(/\s+/).filter(Boolean);
        names.filter((n) => words.every((w) => n.includes(w)));
        out.baseline.push(performance.now() - b0);
      }
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return out;
    }, q);
    handler.push(...result.handler);
    paint.push(...result.paint);
    baseline.push(...result.baseline);
  }
}
await browser.close();
console.log(`\n## Search in chromium (${handler.length} keystrokes: ${queries.length} queries × ${rounds} rounds, one key at a time)\n`);
console.log('| measure | median | p95 |');
console.log('|---|---|---|');
console.log(`| search + filters + DOM update (page handler) | ${ms(median(handler))} | ${ms(p95(handler))} |`);
console.log(`| keystroke to next painted frame | ${ms(median(paint))} | ${ms(p95(paint))} |`);
console.log(`| baseline: plain substring scan of the names, no ranking, no DOM | ${ms(median(baseline))} | ${ms(p95(baseline))} |`);
console.log(`| ratio handler / baseline | ${(median(handler) / Math.max(median(baseline), 0.001)).toFixed(1)}x | |`);
console.log(`\nCatalogue page ready (scripts, data and index loaded, first results shown): ${ms(ready)}`);
rmSync(path.dirname(out), { recursive: true, force: true });
