import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarOf, type WorkingCalendar } from '../src/calendar/index.js';
import { parseMoment, viMoment } from '../src/calendar/dates.js';
import { loadCatalogue, type Catalogue } from '../src/catalogue/catalogue.js';
import { BASIS_LABELS } from '../src/i18n/labels.js';
import { buildSite, type SiteReport } from '../src/site/build.js';
import { buildModel } from '../src/site/model.js';
import { checklist, type Applicant } from '../src/workflow/checklist.js';
import { CHROMIUM, launch } from './helpers/browser.js';
import { ROOT } from './helpers/paths.js';
import { freshAssets } from './helpers/site.js';

/**
 * The built site in Debian's chromium, opened from disk (file://) as a reader would: search
 * without diacritics, filters, a procedure page whose checklist follows the answers, a due
 * date, the dashboard's charts, findings table and CSV, the language switch, and axe-core
 * on every kind of page. Expected values come from the library itself (checklist(), the
 * calendar, the checks), never written by hand. Screenshots go to test-artifacts/site/.
 */

// Functions passed to page.evaluate run in the browser; the test program has no DOM types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

const OUT = path.join(ROOT, '.tmp', 'site-browser-test');
const ARTEFACTS = path.join(ROOT, 'test-artifacts', 'site');
const TODAY = '2026-11-22';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let catalogue: Catalogue;
let calendar: WorkingCalendar;
let report: SiteReport;
let browser: Browser;

beforeAll(async () => {
  catalogue = loadCatalogue({ paths: ['procedures'], cwd: ROOT });
  calendar = calendarOf(catalogue.registries);
  report = await buildSite({ catalogue, out: OUT, today: TODAY, chromium: CHROMIUM, assets: await freshAssets() });
  mkdirSync(ARTEFACTS, { recursive: true });
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

const url = (p: string): string => `file://${path.join(OUT, p)}`;

async function open(p: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url(p));
  await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true' || document.querySelector('script[src$="procedure.js"],script[src$="catalogue.js"],script[src$="dashboard.js"]') === null);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

const errorsOf = (page: Page): string[] => (page as Page & { errors: string[] }).errors;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`) });
}

describe('the catalogue page', () => {
  it('finds "Đăng ký khai sinh" typed without diacritics, in any word order, as you type', async () => {
    const page = await open('index.html');
    const name = catalogue.resolve('1.001193')?.procedure.name as string;
    for (const query of ['dang ky khai sinh', 'khai sinh dang ky']) {
      await page.fill('#q', '');
      await page.click('#q');
      await page.keyboard.type(query, { delay: 20 });
      await expect.poll(() => page.locator('#results li a').first().textContent()).toBe(name);
      expect(await page.locator('#count').textContent()).toMatch(/^Tìm thấy \d+ thủ tục/);
    }
    // The query is kept in the address, for the back button and the language switch.
    expect(new URL(page.url()).hash).toContain('q=khai+sinh+dang+ky');
    await shot(page, 'catalogue-search');
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('filters by level and publisher, and the counts match the catalogue', async () => {
    const page = await open('index.html');
    const model = buildModel(catalogue, { today: TODAY });
    const ministry = model.codes.filter((c) => model.procedure(c).levels?.includes('ministry')).length;
    await page.selectOption('#f-level', 'ministry');
    await expect.poll(() => page.locator('#count').textContent()).toContain(`Tìm thấy ${ministry} thủ tục`);
    for (const meta of await page.locator('#results .meta').allTextContents()) expect(meta).toContain('cấp bộ');
    const btp = model.codes.filter((c) => model.procedure(c).levels?.includes('ministry') && model.publisher(c).id === 'BTP').length;
    const option = await page.locator('#f-publisher option', { hasText: 'Bộ Tư pháp' }).getAttribute('value');
    await page.selectOption('#f-publisher', option as string);
    await expect.poll(() => page.locator('#count').textContent()).toContain(`Tìm thấy ${btp} thủ tục`);
    await page.click('button[type=reset]');
    await expect.poll(() => page.locator('#count').textContent()).toContain(`${model.codes.length} thủ tục trong danh mục`);
    await page.close();
  }, 60_000);

  it('switches to English keeping the search', async () => {
    const page = await open('index.html');
    await page.fill('#q', 'khai sinh');
    await page.click('[data-lang-switch]');
    await page.waitForURL(/\/en\/index\.html#q=khai\+sinh$/);
    await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.inputValue('#q')).toBe('khai sinh');
    expect(await page.locator('#count').textContent()).toMatch(/^\d+ procedures found/);
    await page.close();
  }, 60_000);
});

describe('a procedure page', () => {
  const namesOf = (a: Applicant): string[] => {
    const c = checklist(catalogue.resolve('1.001193')?.procedure as never, a);
    return [...c.components, ...c.optional].map((i) => i.name);
  };

  it('opens from the results, and its checklist follows the answers', async () => {
    const page = await open('index.html#q=dang+ky+khai+sinh');
    await page.locator('#results li a').first().click();
    await page.waitForURL(/\/p\/1\.001193\.html$/);
    await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
    const items = () => page.locator('#checklist-items .item-name').allTextContents();
    expect(await items()).toEqual(namesOf({}));
    await page.check('input[name="fact:applicant"][value="authorised"]');
    const authorised = namesOf({ facts: { applicant: 'authorised' } });
    await expect.poll(items).toEqual(authorised);
    expect(authorised.length).toBe(namesOf({}).length + 1);
    // The new document is marked, and the count announced.
    expect(await page.locator('#checklist-items li.added .item-name').allTextContents()).toEqual(authorised.filter((n) => !namesOf({}).includes(n)));
    await page.check('input[name="fact:birthEvidence"][value="paper-birth-notice"]');
    await expect.poll(items).toEqual(namesOf({ facts: { applicant: 'authorised', birthEvidence: 'paper-birth-notice' } }));
    expect(await page.locator('#checklist-count').textContent()).toContain(`${namesOf({ facts: { applicant: 'authorised', birthEvidence: 'paper-birth-notice' } }).length} giấy tờ phải có`);
    await page.locator('#checklist').scrollIntoViewIfNeeded();
    await shot(page, 'procedure-checklist');
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('gives the appointment date of a submission, and says when the calendar is not announced', async () => {
    const page = await open('p/1.001193.html');
    // Now: the page fills in the current moment and shows a date for every channel.
    await expect.poll(() => page.locator('#due-table tr[data-channel="in-person"] .due-date').textContent()).toMatch(/ngày \d\d\/\d\d\/\d{4}$/);
    const expected = (at: string, channel: 'in-person' | 'online') => {
      const due = checklist(catalogue.resolve('1.001193')?.procedure as never, {}, { channel, at: parseMoment(at), calendar }).due;
      return due;
    };
    // Friday 13 February 2026 after the 15:00 cut-off, before Tết.
    await page.fill('#due-at', '2026-02-13T15:30');
    const tet = expected('2026-02-13T15:30', 'in-person');
    await expect.poll(() => page.locator('#due-table tr[data-channel="in-person"] .due-date').textContent()).toBe(viMoment(parseMoment(tet?.due as string), 'vi'));
    // A year the holiday table does not announce: the date carries a note.
    await page.fill('#due-at', '2031-01-30T10:00');
    const late = expected('2031-01-30T10:00', 'online');
    expect(late?.basis?.basis).not.toBe('announced');
    await expect.poll(() => page.locator('#due-table tr[data-channel="online"] .due-date').textContent()).toBe(viMoment(parseMoment(late?.due as string), 'vi'));
    expect(await page.locator('#due-table tr[data-channel="online"] .basis').textContent()).toContain(BASIS_LABELS[late?.basis?.basis as string]?.vi as string);
    await page.locator('#due').scrollIntoViewIfNeeded();
    await shot(page, 'procedure-due-date');
    await page.close();
  }, 60_000);

  it('shows the lifecycle diagram, the provincial version side by side and the findings', async () => {
    const page = await open('p/2.000908.html');
    const img = page.locator('#lifecycle img');
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el) => (el as unknown as { complete: boolean; naturalWidth: number }).complete && (el as unknown as { naturalWidth: number }).naturalWidth > 0)).toBe(true);
    expect(await page.locator('#variants thead th').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Lào Cai')]));
    expect(await page.locator('#variants td.changed').count()).toBeGreaterThan(0);
    const model = buildModel(catalogue, { today: TODAY });
    expect(await page.locator('#findings li.finding').count()).toBe(model.findingsOf('2.000908').length);
    await page.close();
  }, 60_000);
});

describe('the review dashboard', () => {
  it('draws every chart', async () => {
    const page = await open('dashboard.html');
    const canvases = await page.locator('canvas').count();
    expect(canvases).toBeGreaterThanOrEqual(5);
    const painted = await page.evaluate(() => [...document.querySelectorAll('canvas')].map((c: { width: number; height: number; getContext(k: string): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } }) => {
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) n++;
      return n;
    }));
    for (const n of painted) expect(n).toBeGreaterThan(1000);
    await shot(page, 'dashboard');
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('filters the findings, links them to their procedures and downloads what it shows as CSV', async () => {
    const page = await open('dashboard.html');
    const model = buildModel(catalogue, { today: TODAY });
    const abolished = model.result.findings.filter((f) => f.id === 'abolished-document');
    expect(abolished.length).toBeGreaterThan(0);
    await page.selectOption('#ff-rule', 'abolished-document');
    await expect.poll(() => page.locator('#finding-rows tr').count()).toBe(Math.min(abolished.length, 200));
    for (const rule of await page.locator('#finding-rows td:nth-child(2)').allTextContents()) expect(rule).toBe('abolished-document');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines.length).toBe(abolished.length + 1);
    expect(lines.slice(1).every((l) => l.includes(',abolished-document,'))).toBe(true);
    const first = page.locator('#finding-rows tr td:first-child a').first();
    const code = await first.locator('.code').textContent();
    await first.click();
    await page.waitForURL(new RegExp(`/p/${(code as string).replace(/\./g, '\\.')}\\.html$`));
    expect(await page.locator('#findings li.finding').count()).toBe(model.findingsOf(code as string).length);
    await page.close();
  }, 60_000);
});

describe('accessibility (axe-core)', () => {
  const pages = ['index.html', 'en/index.html', 'p/1.001193.html', 'en/p/1.001193.html', 'p/2.000908.html', 'p/2.000986.html', 'dashboard.html', 'en/dashboard.html', 'rules.html', 'legal.html'];
  it.each(pages)('%s has no serious or critical violation', async (p) => {
    const page = await open(p);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(ctx: unknown, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('what the build reports', () => {
  it('counts the pages and sizes it wrote', () => {
    expect(report.procedures).toBe(catalogue.procedures.size);
    expect(report.pages).toBe(2 * (report.procedures + 5));
    expect(report.diagrams).toBeGreaterThanOrEqual(8);
    expect(report.largestPage.bytes).toBeGreaterThan(0);
    expect(report.searchIndexBytes).toBe(readFileSync(path.join(OUT, 'assets/data/search-index.js')).byteLength);
  });
});
