import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/catalogue.js';
import { schemaDiagnostics } from '../src/catalogue/schema-errors.js';
import { renderMessage } from '../src/diagnostics/diagnostic.js';
import { parseYaml } from '../src/catalogue/parse.js';
import { ALL_CODES as CODES } from '../src/report/codes.js';
import { FIXTURES } from './helpers/paths.js';
import { runCli } from './helpers/cli.js';


const INVALID = path.join(FIXTURES, 'invalid');
const BASE = path.join(FIXTURES, 'base');

function expected(caseDir: string): string[] {
  return readFileSync(path.join(caseDir, 'expected.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .sort();
}

describe('every load, schema and catalogue diagnostic has an invalid fixture', () => {
  const cases = readdirSync(INVALID).sort();
  it.each(cases)('%s', (name) => {
    const dir = path.join(INVALID, name);
    const catalogue = loadCatalogue({ paths: [dir, BASE], cwd: dir, context: false });
    const got = catalogue.diagnostics.map((d) => `${path.relative(dir, d.file)}:${d.range?.start.line}:${d.range?.start.column} ${d.code}`).sort();
    expect(got).toEqual(expected(dir));
    // The folder is named after the code it demonstrates, which must be among those found.
    const ids = new Set(catalogue.diagnostics.map((d) => d.id));
    expect(ids).toContain(name);
  });

  it('the base registries alone are clean', () => {
    expect(loadCatalogue({ paths: [BASE], context: false }).diagnostics).toEqual([]);
  });
});

describe('problems that need bytes or the file system', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'tthc-load-'));
  afterAll(() => undefined);

  it('reports invalid UTF-8 at the first bad byte (not-utf8)', () => {
    const file = path.join(tmp, 'latin1.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from('code: "9.000100"\nname: Th'), Buffer.from([0xf4, 0x74]), Buffer.from(' tuc\n')]));
    const [d] = loadCatalogue({ paths: [file], context: false }).diagnostics;
    expect(d).toMatchObject({ code: 'TTHC102', range: { start: { line: 2, column: 9 } } });
  });

  it('refuses UTF-16 files (not-utf8)', () => {
    const file = path.join(tmp, 'utf16.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('code: x\n', 'utf16le')]));
    const [d] = loadCatalogue({ paths: [file], context: false }).diagnostics;
    expect(d).toMatchObject({ code: 'TTHC102', range: { start: { line: 1, column: 1 } } });
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const file = path.join(tmp, 'bom.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('registry: holidays\nyears: {}\n')]));
    expect(loadCatalogue({ paths: [file], context: false }).diagnostics).toEqual([]);
  });

  it('refuses a file over the size limit (file-unreadable)', () => {
    const file = path.join(tmp, 'huge.yaml');
    writeFileSync(file, 'name: "' + 'x'.repeat(4 * 1024 * 1024) + '"\n');
    const [d] = loadCatalogue({ paths: [file], context: false }).diagnostics;
    expect(d).toMatchObject({ code: 'TTHC101', range: null });
  });

  it('normalises text to NFC (decomposed input compares equal)', () => {
    const file = path.join(tmp, 'nfd.yaml');
    const name = 'Thủ tục đăng ký khai sinh';
    writeFileSync(file, `code: "9.000101"\nname: "${name.normalize('NFD')}"\nfield: Hộ tịch\nlevels: [commune]\nprovenance:\n  - url: https://example.gov.vn/x\n`);
    const catalogue = loadCatalogue({ paths: [file], context: false });
    expect(catalogue.diagnostics).toEqual([]);
    expect(catalogue.procedures.get('9.000101')?.procedure.name).toBe(name.normalize('NFC'));
  });

  it('keeps a "__proto__" key an ordinary property', () => {
    const parsed = parseYaml('/x.yaml', 'code: "9.000102"\n__proto__: { polluted: true }\n');
    expect(parsed.ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('one bad file never stops the others from being read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tthc-mixed-'));
    writeFileSync(path.join(dir, 'a.yaml'), 'code: [\n');
    writeFileSync(path.join(dir, 'b.yaml'), 'code: "9.000103"\nname: B\nfield: F\nlevels: [province]\nprovenance:\n  - url: https://example.gov.vn/b\n');
    const catalogue = loadCatalogue({ paths: [dir], context: false });
    expect(catalogue.procedures.has('9.000103')).toBe(true);
    expect(catalogue.diagnostics.map((d) => path.basename(d.file))).toEqual(['a.yaml']);
  });
});

describe('schema errors never reach users raw', () => {
  it('maps a keyword without its own code to schema-violation with a position', () => {
    const parsed = parseYaml('/x.yaml', 'a: 1\n');
    if (!parsed.ok) throw new Error('fixture must parse');
    const [d] = schemaDiagnostics(parsed.source, [
      { keyword: 'const', instancePath: '/a', schemaPath: '#/properties/a/const', params: { allowedValue: 2 }, data: 1 },
    ], null);
    expect(d).toMatchObject({ code: 'TTHC299', range: { start: { line: 1, column: 4 } } });
  });
});

describe('errors that teach the whole shape at once', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'tthc-teach-'));
  const load = (name: string, text: string) => {
    const file = path.join(tmp, name);
    writeFileSync(file, text);
    return loadCatalogue({ paths: [file], context: false }).diagnostics;
  };

  it('a missing provenance shows the list-of-objects shape, not one level at a time', () => {
    const ds = load('no-provenance.yaml', 'code: "9.000201"\nname: A\nfield: F\nlevels: [commune]\n');
    const missing = ds.find((d) => d.code === 'TTHC201');
    expect(missing).toBeDefined();
    const en = renderMessage(missing!, 'en');
    expect(en).toContain('"provenance"');
    expect(en).toMatch(/shaped like: provenance: \[ \{ url: .+ \} \]/u);
    expect(renderMessage(missing!, 'vi')).toMatch(/theo dạng: provenance: \[ \{ url: /u);
  });

  it('a wrong type names the property by its path', () => {
    const ds = load('wrong-type.yaml', 'code: "9.000202"\nname: A\nfield: F\nlevels: [commune]\nprovenance:\n  - url: https://example.gov.vn/a\ncomponents:\n  - id: don\n    name: Đơn\n    quantity: many\n');
    const wrong = ds.find((d) => d.code === 'TTHC203');
    expect(wrong, JSON.stringify(ds.map((d) => d.code))).toBeDefined();
    expect(renderMessage(wrong!, 'en')).toMatch(/^"components\[0\]\.[a-z]+" must be /u);
    expect(renderMessage(wrong!, 'vi')).toMatch(/^"components\[0\]\.[a-z]+" phải là /u);
  });
});

describe('command-line path problems exit 2', () => {
  it('a path that does not exist (path-not-found)', async () => {
    const run = await runCli(['validate', 'nowhere'], { cwd: FIXTURES, env: { LANG: 'en_US.UTF-8' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('TTHC901');
  });

  it('a folder without catalogue files (no-catalogue-files)', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'tthc-empty-'));
    const run = await runCli(['validate', empty], { cwd: FIXTURES, env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('TTHC902');
  });
});

