import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, type Catalogue } from '../src/catalogue/catalogue.js';
import { buildSite } from '../src/site/build.js';
import { SiteError } from '../src/site/codes.js';
import { catalogueData, dataScript, searchIndex, stringScript, trimForChecklist } from '../src/site/data.js';
import { buildModel } from '../src/site/model.js';
import { issuerOf, publisherOf } from '../src/site/publisher.js';
import { toCsv, csvCell } from '../src/site/shared/csv.js';
import { conditionText, groupThousands, periodText, feeText } from '../src/site/shared/describe.js';
import { foldTerm, foldText } from '../src/site/shared/fold.js';
import { escapeHtml, html, safeUrl, scriptJson } from '../src/site/shared/html.js';
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchDocument } from '../src/site/shared/search.js';
import { compareVariants } from '../src/site/variants.js';
import { MARKER, SiteWriter } from '../src/site/write.js';
import { checklist } from '../src/workflow/checklist.js';
import { entriesOf } from '../src/util/records.js';
import type { Fact } from '../generated/types/catalogue.js';
import { runCli } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';
import { freshAssets } from './helpers/site.js';

/**
 * tthc site without a browser: search folding and ranking, escaping, CSV, publishers,
 * variant comparison, the checklist payload, the all-or-nothing writer, determinism, and
 * the command's errors. The browser side is test/site-browser.test.ts.
 */

let catalogue: Catalogue;
beforeAll(() => {
  catalogue = loadCatalogue({ paths: ['procedures'], cwd: ROOT });
}, 60_000);

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'tthc-site-'));

describe('search folds Vietnamese as people type it', () => {
  it('drops diacritics and đ, and folds the i/y spelling variants', () => {
    expect(foldText('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldTerm('ký')).toBe(foldTerm('kí'));
    expect(foldTerm('quý')).toBe(foldTerm('quí'));
    expect(foldTerm('Lý')).toBe('li');
    // "y" after a vowel is not a spelling variant.
    expect(foldTerm('thủy')).toBe('thuy');
    expect(foldTerm('tuy')).toBe('tuy');
  });

  it('folds composed and decomposed Vietnamese alike', () => {
    fc.assert(fc.property(fc.string(), (s) => foldText(s.normalize('NFC')) === foldText(s.normalize('NFD'))));
  });

  it('finds the birth registration first without diacritics, in any word order, with "ki" for "ký"', () => {
    const data = catalogueData(buildModel(catalogue, { today: '2026-11-22' }));
    const index = MiniSearch.loadJSON<SearchDocument>(searchIndex(data), INDEX_OPTIONS);
    const top = (q: string): string[] => index.search(q, QUERY_OPTIONS).slice(0, 3).map((r) => r.id as string);
    for (const q of ['dang ky khai sinh', 'khai sinh dang ky', 'đăng ký khai sinh', 'dang ki khai sinh', 'DANG KY KHAI SINH']) {
      expect(top(q)[0], q).toBe('1.001193');
    }
    // As you type: the last word is a prefix.
    expect(top('dang ky khai si')).toContain('1.001193');
    // By code.
    expect(top('1.001193')[0]).toBe('1.001193');
    // Every word must match; exact words rank before forgiven typos ("chieu" ~ "hieu").
    const names = index.search('ho chieu', QUERY_OPTIONS).map((r) => data.entries.find((e) => e.c === r.id)?.n ?? '');
    const exact = data.entries.filter((e) => /\bho\b/.test(foldText(e.n)) && /\bchieu/.test(foldText(e.n))).length;
    expect(exact).toBeGreaterThan(3);
    expect(names.length).toBeGreaterThanOrEqual(exact);
    for (const n of names.slice(0, exact)) expect(foldText(n)).toMatch(/\bchieu/);
    for (const n of names) expect(foldText(n)).toMatch(/\bho\b/);
  }, 60_000);
});

describe('html escapes every interpolated value', () => {
  it('keeps hostile text as text', () => {
    const name = '<script>alert("x")</script> & \'${1}\'';
    const out = html`<p title="${name}">${name}</p>`.value;
    expect(out).toBe(`<p title="${escapeHtml(name)}">${escapeHtml(name)}</p>`);
    expect(out).not.toContain('<script>');
  });

  it('never lets a value open a tag or close an attribute', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const out = html`<a title="${s}">${s}</a>`.value;
      const inner = out.slice('<a title="'.length, -'</a>'.length);
      return !/[<>"']/.test(inner.replace('">', ''));
    }));
  });

  it('allows only http(s) links and JSON that cannot close its script element', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,x')).toBeUndefined();
    expect(safeUrl('https://dichvucong.gov.vn/x')).toBe('https://dichvucong.gov.vn/x');
    fc.assert(fc.property(fc.string(), (s) => {
      const json = scriptJson({ s });
      return !json.toLowerCase().includes('</script') && JSON.parse(json).s === s;
    }));
  });
});

describe('data files', () => {
  it('hand any value and any text to the page unchanged', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.string(), (value, text) => {
      const sandbox: Record<string, unknown> = {};
      vm.runInNewContext(dataScript('X', value) + stringScript('Y', text), sandbox);
      return JSON.stringify(sandbox['X']) === JSON.stringify(value) && sandbox['Y'] === text;
    }));
  });
});

describe('CSV of the findings', () => {
  /** RFC 4180 reader for the round trip. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
    }
    return rows;
  }

  it('round-trips any text, with a byte order mark for spreadsheets', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (rows) => {
      const csv = toCsv(['a', 'b'], rows);
      if (!csv.startsWith('\uFEFF')) return false;
      const back = parseCsv(csv.slice(1)).slice(1);
      return back.length === rows.length && back.every((r, i) => r.every((cell, j) => {
        const original = rows[i]?.[j] as string;
        return cell === (/^[=+\-@\t\r]/.test(original) ? `'${original}` : original);
      }));
    }));
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell(-12)).toBe('-12');
  });
});

describe('who published a procedure', () => {
  it('reads the issuing body from the decision number, and says so when it cannot', () => {
    expect(issuerOf('163/QĐ-BTP')).toBe('BTP');
    expect(issuerOf('1979/QĐ-BCA-C06')).toBe('BCA');
    expect(issuerOf('QĐ2338-BTP')).toBe('BTP');
    expect(issuerOf('1681')).toBeUndefined();
    expect(publisherOf({ decision: { number: '1/QĐ-XYZ' } }).id).toBe('unknown');
    expect(publisherOf({ jurisdiction: { province: 'lao-cai', name: 'Lào Cai' } }).name.vi).toBe('UBND tỉnh Lào Cai');
  });

  it('identifies the publisher of nearly every bundled procedure', () => {
    const unknown = [...catalogue.procedures.keys()].filter((c) => publisherOf(catalogue.resolve(c)?.procedure ?? {}).id === 'unknown');
    expect(unknown.length / catalogue.procedures.size).toBeLessThan(0.01);
  });
});

describe('values as readers read them', () => {
  it('writes amounts, periods and conditions in each language', () => {
    expect(groupThousands(1250000, 'vi')).toBe('1.250.000');
    expect(groupThousands(1250000, 'en')).toBe('1,250,000');
    expect(periodText({ value: 10, unit: 'working-days' }, 'vi')).toBe('10 ngày làm việc');
    expect(periodText({ value: 3 }, 'en')).toBe('3 (unit unknown)');
    expect(feeText({ amount: 0, label: 'Miễn phí' }, 'vi')).toBe('Miễn phí');
    const facts = catalogue.resolve('1.001193')?.procedure.facts ?? {};
    expect(conditionText({ fact: 'applicant', is: 'authorised' }, facts, 'vi')).toBe('Ai đi đăng ký khai sinh? Người được ủy quyền');
    expect(conditionText({ fact: 'applicant', is: 'authorised' }, facts, 'en')).toBe('Who registers the birth? An authorised person');
  });
});

describe('provincial versions side by side', () => {
  it('shows only what a province changes', () => {
    const base = catalogue.resolve('2.000908')?.procedure;
    const lc = catalogue.resolve('2.000908.H38')?.procedure;
    expect(base).toBeDefined();
    expect(lc).toBeDefined();
    const rows = compareVariants(base!, [{ code: '2.000908.H38', province: 'Lào Cai', procedure: lc! }], 'vi');
    const aspects = rows.map((r) => r.aspect);
    expect(aspects).toContain('Thời hạn giải quyết — trực tiếp');
    expect(aspects).toContain('Cơ quan thực hiện');
    expect(aspects).not.toContain('Lĩnh vực');
    const duration = rows.find((r) => r.aspect === 'Thời hạn giải quyết — trực tiếp');
    expect(duration?.national).toBe(periodText(base!.channels!['in-person']!.duration!, 'vi'));
    expect(duration?.versions[0]).toBe(periodText(lc!.channels!['in-person']!.duration!, 'vi'));
  });
});

describe('the checklist payload', () => {
  it('gives the same checklist as the whole procedure, for every bundled procedure and answer', () => {
    let compared = 0;
    for (const code of catalogue.procedures.keys()) {
      const full = catalogue.resolve(code)?.procedure;
      if (full === undefined) continue;
      const trimmed = trimForChecklist(full);
      const answers: Record<string, string | boolean | number>[] = [{}];
      for (const [name, fact] of entriesOf<Fact>(full.facts)) {
        if (fact.type === 'boolean') answers.push({ [name]: true }, { [name]: false });
        else if (fact.type === 'enum') for (const o of fact.options ?? []) answers.push({ [name]: o.value });
        else answers.push({ [name]: fact.minimum ?? 0 });
      }
      for (const facts of answers) {
        expect(checklist(trimmed, { facts, cases: (full.cases ?? []).map((k) => k.id) })).toEqual(checklist(full, { facts, cases: (full.cases ?? []).map((k) => k.id) }));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(catalogue.procedures.size);
  });
});

describe('the site folder is written all at once', () => {
  it('refuses a folder someone else filled, and leaves it untouched', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'thesis.docx'), 'mine');
    expect(() => new SiteWriter(dir)).toThrowError(SiteError);
    expect(readdirSync(dir)).toEqual(['thesis.docx']);
  });

  it('replaces a previous site whole, and keeps it when a build fails', () => {
    const dir = path.join(tmp(), 'site');
    const first = new SiteWriter(dir);
    first.file('index.html', 'one');
    first.file('old.html', 'old');
    first.commit();
    expect(existsSync(path.join(dir, MARKER))).toBe(true);
    const failed = new SiteWriter(dir);
    failed.file('index.html', 'half');
    failed.abort();
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe('one');
    const second = new SiteWriter(dir);
    second.file('index.html', 'two');
    second.commit();
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe('two');
    expect(existsSync(path.join(dir, 'old.html'))).toBe(false);
    expect(readdirSync(path.dirname(dir))).toEqual(['site']);
  });
});

describe('tthc site', () => {
  it('writes the same bytes twice', async () => {
    const curated = loadCatalogue({ paths: ['procedures/curated', 'procedures/provinces'], cwd: ROOT });
    const assets = await freshAssets();
    const a = path.join(tmp(), 'a');
    const b = path.join(tmp(), 'b');
    // A typedoc output folder stands in for `npm run docs` (which takes a minute).
    const api = tmp();
    mkdirSync(path.join(api, 'assets'));
    writeFileSync(path.join(api, 'index.html'), '<!doctype html><title>tthc API</title>');
    writeFileSync(path.join(api, 'assets', 'search.js'), 'window.searchData = "";');
    const ra = await buildSite({ catalogue: curated, out: a, today: '2026-11-22', chromium: null, assets, api });
    await buildSite({ catalogue: curated, out: b, today: '2026-11-22', chromium: null, assets, api });
    expect(readFileSync(path.join(a, 'api', 'assets', 'search.js'), 'utf8')).toBe('window.searchData = "";');
    expect(readFileSync(path.join(a, 'index.html'), 'utf8')).toContain('href="api/index.html"');
    expect(readFileSync(path.join(a, 'en', 'p', '1.001193.html'), 'utf8')).toContain('href="../../api/index.html"');
    const files = (dir: string, rel = ''): string[] => readdirSync(path.join(dir, rel), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(dir, path.join(rel, e.name)) : [path.join(rel, e.name)])).sort();
    expect(files(a)).toEqual(files(b));
    for (const f of files(a)) expect(readFileSync(path.join(b, f)), f).toEqual(readFileSync(path.join(a, f)));
    expect(ra.pages).toBe(2 * (ra.procedures + 5));
    expect(ra.procedures).toBe(curated.files.filter((f) => f.requested && f.kind === 'procedure').length);
    // No absolute path of the build machine leaks into the pages.
    for (const f of files(a).filter((x) => x.endsWith('.html') || x.endsWith('.js'))) expect(readFileSync(path.join(a, f), 'utf8'), f).not.toContain(ROOT);
  }, 120_000);

  it('is a usage error without --out, with a bad --today, or on a missing path', async () => {
    for (const argv of [['site'], ['site', '--out', 'x', '--today', '2026-02-30'], ['site', 'nowhere', '--out', 'x'], ['site', '--out']]) {
      const r = await runCli(argv, { cwd: ROOT, env: { LANG: 'en_US.UTF-8' } });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(/^tthc: /);
    }
  });

  it('writes nothing for a catalogue with errors', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'cat', 'registry'), { recursive: true });
    writeFileSync(path.join(dir, 'cat', 'bad.yaml'), 'code: "1.000001"\nname: [unclosed\n');
    const r = await runCli(['site', 'cat', '--out', 'out', '--no-diagrams'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('TTHC104');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('refuses to overwrite a folder it did not write, with a code and what to do', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'docs', 'notes.txt'), 'mine');
    const r = await runCli(['site', path.join(ROOT, 'procedures/curated/ho-tich'), '--out', 'docs', '--no-diagrams'], { cwd: dir, env: { LANG: 'vi_VN.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('TTHC701');
    expect(r.stderr).toContain('.tthc-site');
    expect(readdirSync(path.join(dir, 'docs'))).toEqual(['notes.txt']);
  }, 60_000);

  it('says which chromium is missing and how to do without', async () => {
    const dir = tmp();
    const r = await runCli(['site', path.join(ROOT, 'procedures/curated/ho-tich'), '--out', 'site', '--chromium', '/nowhere/chromium', '--lang', 'en'], { cwd: dir, env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('TTHC702');
    expect(r.stderr).toContain('--no-diagrams');
    expect(existsSync(path.join(dir, 'site'))).toBe(false);
  }, 60_000);

  it('says the diagrams could not be drawn when the browser does not start (TTHC703), and writes nothing', async () => {
    const dir = tmp();
    const r = await runCli(['site', path.join(ROOT, 'procedures/curated/ho-tich'), '--out', 'site', '--chromium', '/bin/false', '--lang', 'en'], { cwd: dir, env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tthc: TTHC703 Could not draw the lifecycle diagram of \d+\.\d{6}: /);
    expect(r.stderr).toContain('--no-diagrams');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  }, 120_000);

  it('refuses to build without the bundled browser scripts (TTHC704)', async () => {
    const assets = tmp();
    const out = path.join(tmp(), 'site');
    const error = await buildSite({ catalogue, out, chromium: null, assets }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SiteError);
    expect((error as SiteError).code).toBe('TTHC704');
    expect((error as SiteError).text('en')).toBe(`The site's browser scripts are missing (${path.join(assets, 'catalogue.js')}). Run npm run build (npm ci runs it too) to bundle the browser scripts.`);
    expect(existsSync(out)).toBe(false);
  });

  it('says the site could not be written where a file stands in the way (TTHC705)', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'report.txt'), 'mine');
    const r = await runCli(['site', path.join(ROOT, 'procedures/curated/ho-tich'), '--out', 'report.txt/site', '--no-diagrams', '--lang', 'vi'], { cwd: dir, env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tthc: TTHC705 Không ghi được trang vào ".*report\.txt\/site": /);
    expect(r.stderr).toContain('Kiểm tra quyền ghi và dung lượng đĩa');
    expect(readdirSync(dir)).toEqual(['report.txt']);
    expect(readFileSync(path.join(dir, 'report.txt'), 'utf8')).toBe('mine');
  }, 60_000);

  it('refuses an API documentation folder without index.html (TTHC706)', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'api'));
    const r = await runCli(['site', path.join(ROOT, 'procedures/curated/ho-tich'), '--out', 'site', '--api', 'api', '--no-diagrams', '--lang', 'en'], { cwd: dir, env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tthc: TTHC706 The API documentation folder "${path.join(dir, 'api')}" has no index.html. Run npm run docs (typedoc writes docs/api), then pass --api docs/api.\n`);
    expect(existsSync(path.join(dir, 'site'))).toBe(false);
  }, 60_000);
});
