import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogueSession, diffDiagnostics } from '../src/cache/index.js';
import { loadCatalogue } from '../src/catalogue/catalogue.js';
import { runChecks, type CheckResult } from '../src/checks/run.js';
import type { Diagnostic } from '../src/diagnostics/types.js';
import { runCli } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';

const TODAY = '2026-11-22';
const CHECKS = path.join(ROOT, 'test/fixtures/checks');
const tmp = mkdtempSync(path.join(tmpdir(), 'tthc-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A small catalogue with cross-procedure effects: services published at several levels
 * (cross-level-mismatch), a provincial variant and its base (local-addition), a procedure
 * issuing what another asks for (issued-by-catalogue), duplicate components.
 */
const FOLDERS = ['cross-level-mismatch', 'local-addition', 'issued-by-catalogue', 'duplicate-component'];
let made = 0;
function catalogue(): string {
  const dir = path.join(tmp, `cat-${made++}`);
  cpSync(path.join(CHECKS, 'registry'), path.join(dir, 'registry'), { recursive: true });
  for (const f of FOLDERS) cpSync(path.join(CHECKS, f, 'invalid'), path.join(dir, 'procedures', f), { recursive: true });
  return dir;
}

/** Everything a run reports, as JSON (what must be identical with and without the cache). */
function fresh(dir: string): string {
  const c = loadCatalogue({ paths: ['procedures'], cwd: dir });
  return render(c.diagnostics, runChecks(c, { today: TODAY }));
}
function render(diagnostics: readonly Diagnostic[], r: CheckResult | undefined): string {
  return JSON.stringify({ diagnostics, findings: r?.findings, meta: r?.meta, suppressed: r?.suppressed, procedures: r?.procedures });
}
function viaSession(s: CatalogueSession): string {
  return render(s.state.diagnostics, s.state.checks);
}

/** The one cache file in a cache folder. */
function cacheFile(dir: string): string {
  const names = readdirSync(dir).filter((n) => /^catalogue-[0-9a-f]{16}\.v1\.json$/.test(n));
  expect(names).toHaveLength(1);
  return path.join(dir, names[0] as string);
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.yaml')) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** One edit of the catalogue on disk; returns the file it touched. */
type Edit = (dir: string, files: string[], originals: Map<string, string>) => string;
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
const codeOf = (text: string): string => /^code:\s*"?([^"\n]+)"?/m.exec(text)?.[1] ?? 'none';
const nameOf = (text: string): string | undefined => /^name:\s*(.+)$/m.exec(text)?.[1];
const lines = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  // Give a procedure another one's code: a duplicate code across files.
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Edit => (_d, files) => {
    const a = pick(files, i);
    const b = pick(files, j);
    if (!existsSync(a) || !existsSync(b)) return a;
    writeFileSync(a, readFileSync(a, 'utf8').replace(/^code:.*$/m, `code: "${codeOf(readFileSync(b, 'utf8'))}"`));
    return a;
  }),
  // Make a procedure a variant of another (a reference between files).
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Edit => (_d, files) => {
    const a = pick(files, i);
    const b = pick(files, j);
    if (!existsSync(a) || !existsSync(b)) return a;
    const text = readFileSync(a, 'utf8').replace(/^variantOf:.*\n/m, '');
    writeFileSync(a, text.replace(/^(code:.*\n)/m, `$1variantOf: "${codeOf(readFileSync(b, 'utf8'))}"\n`));
    return a;
  }),
  // Give a procedure another one's name: the same service at another level.
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Edit => (_d, files) => {
    const a = pick(files, i);
    const name = existsSync(pick(files, j)) ? nameOf(readFileSync(pick(files, j), 'utf8')) : undefined;
    if (!existsSync(a) || name === undefined) return a;
    writeFileSync(a, readFileSync(a, 'utf8').replace(/^name:.*$/m, `name: ${name}`));
    return a;
  }),
  // Delete or duplicate a line (duplicate components, missing parts, broken YAML).
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([i, n, dup]): Edit => (_d, files) => {
    const a = pick(files, i);
    const l = lines(a);
    if (l.length === 0) return a;
    const k = n % l.length;
    if (dup) l.splice(k, 0, l[k] as string);
    else l.splice(k, 1);
    writeFileSync(a, l.join('\n'));
    return a;
  }),
  // Name a procedure's result after another's component (or its own, or nothing): a
  // procedure that issues what another asks for (issued-by-catalogue reads result names).
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([i, j, n]): Edit => (_d, files) => {
    const a = pick(files, i);
    const b = pick(files, j);
    if (!existsSync(a) || !existsSync(b)) return a;
    const names = [...readFileSync(b, 'utf8').matchAll(/^\s*- \{[^\n]*?name: ([^,}\n]+)[^\n]*kind:/gm)].map((m) => (m[1] as string).trim());
    const name = names.length === 0 ? 'Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ thử nghiệm' : pick(names, n);
    const text = readFileSync(a, 'utf8');
    if (/^results:\n {2}- \{ name: [^,}\n]+/m.test(text)) writeFileSync(a, text.replace(/^(results:\n {2}- \{ name: )[^,}\n]+/m, `$1${name}`));
    else if (!/^results:/m.test(text)) writeFileSync(a, `${text.trimEnd()}\nresults:\n  - { name: ${name} }\n`);
    return a;
  }),
  // Shift every line down (positions move, findings stay the same).
  fc.nat().map((i): Edit => (_d, files) => {
    const a = pick(files, i);
    if (existsSync(a)) writeFileSync(a, `# ghi chú\n\n${readFileSync(a, 'utf8')}`);
    return a;
  }),
  // Suppress a rule on a line, with or without a reason (TTHC4xx invalid-suppression).
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([i, n, reason]): Edit => (_d, files) => {
    const a = pick(files, i);
    const l = lines(a);
    if (l.length === 0) return a;
    l.splice(n % l.length, 0, `# tthc-disable-next-line duplicate-component${reason ? ' -- đã xem xét' : ''}`);
    writeFileSync(a, l.join('\n'));
    return a;
  }),
  // Delete a file, or restore it as it was.
  fc.tuple(fc.nat(), fc.boolean()).map(([i, restore]): Edit => (_d, files, originals) => {
    const a = pick(files, i);
    if (restore) writeFileSync(a, originals.get(a) as string);
    else if (existsSync(a)) rmSync(a);
    return a;
  }),
  // Edit the registry (every procedure reads it).
  fc.nat().map((n): Edit => (dir) => {
    const a = path.join(dir, 'registry', 'documents.yaml');
    const l = lines(a);
    l.splice(n % l.length, 1);
    writeFileSync(a, l.join('\n'));
    return a;
  }),
);

describe('the incremental cache gives exactly the results of a fresh run', () => {
  it('after every step of random edit sequences, in memory and through the cache file', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const dir = catalogue();
        const cacheDir = path.join(dir, 'cache');
        const files = yamlFiles(dir);
        const originals = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
        const memory = CatalogueSession.open({ paths: ['procedures'], cwd: dir, checks: { today: TODAY } });
        CatalogueSession.open({ paths: ['procedures'], cwd: dir, checks: { today: TODAY }, cacheDir }).save();
        for (const e of edits) {
          const touched = e(dir, files, originals);
          const expected = fresh(dir);
          expect(viaSession(memory.update(touched) && memory)).toBe(expected);
          const persisted = CatalogueSession.open({ paths: ['procedures'], cwd: dir, checks: { today: TODAY }, cacheDir });
          persisted.save();
          expect(viaSession(persisted)).toBe(expected);
          expect(persisted.notices).toEqual([]);
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: Number(process.env["TTHC_PROPERTY_RUNS"] ?? 25) },
    );
  });

  it('an issuer\'s edit re-checks the procedures that demand what it issues, not everyone', () => {
    const dir = catalogue();
    const session = CatalogueSession.open({ paths: ['procedures'], cwd: dir, checks: { today: TODAY } });
    const all = session.state.work.checked;
    expect(all).toBeGreaterThan(8);
    const issuedBy = (): number => (session.state.checks?.findings ?? []).filter((f) => f.id === 'issued-by-catalogue' && f.procedure === '1.000105').length;
    expect(issuedBy()).toBe(2);
    // a.yaml (1.000001) issues the birth certificate the registry names (issuedBy); b.yaml asks for it.
    const issuer = path.join(dir, 'procedures', 'issued-by-catalogue', 'a.yaml');
    const text = readFileSync(issuer, 'utf8');
    for (const next of [
      `# ghi chú\n${text.replace('example.org/5"', 'example.org/5-moi"')}`,
      text.replace('{ name: Giấy khai sinh }', '{ name: Trích lục khai sinh }'),
      null, // deleted: the birth certificate is no longer issued by the catalogue
      text,
    ]) {
      if (next === null) rmSync(issuer);
      else writeFileSync(issuer, next);
      const state = session.update(issuer);
      expect(state.work.checked).toBeLessThan(all / 3);
      expect(viaSession(session)).toBe(fresh(dir));
      expect(issuedBy()).toBe(next === null ? 1 : 2);
    }
  });

  it('re-reads only the edited file and re-checks only the procedures it feeds', () => {
    const dir = catalogue();
    const session = CatalogueSession.open({ paths: ['procedures'], cwd: dir, checks: { today: TODAY } });
    const all = session.state.work.checked;
    const file = path.join(dir, 'procedures', 'duplicate-component', readdirSync(path.join(dir, 'procedures', 'duplicate-component'))[0] as string);
    writeFileSync(file, `# ghi chú\n${readFileSync(file, 'utf8')}`);
    const after = session.update(file);
    expect(after.work.parsed).toBe(1);
    // The edited procedure, and any compared with it (same service at another level).
    expect(after.work.checked).toBeGreaterThanOrEqual(1);
    expect(after.work.checked).toBeLessThan(all / 4);
    expect(after.work.checkReused).toBe(all - after.work.checked);
    expect(viaSession(session)).toBe(fresh(dir));
  });

  it('a one-shot session (no cache file, not incremental) still re-reads an edited file', () => {
    const dir = catalogue();
    const session = CatalogueSession.open({ paths: ['procedures'], cwd: dir, checks: { today: TODAY }, incremental: false });
    const file = path.join(dir, 'procedures', 'local-addition', 'variant.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nfoo: 1\n`);
    session.update(file);
    expect(viaSession(session)).toBe(fresh(dir));
  });

  it('takes unsaved text (a language server) and reports what changed', () => {
    const dir = catalogue();
    const session = CatalogueSession.open({ paths: ['procedures'], cwd: dir, checks: { today: TODAY } });
    const before = [...session.state.diagnostics, ...(session.state.checks?.findings ?? [])];
    const file = path.join(dir, 'procedures', 'local-addition', 'base.yaml');
    const state = session.update(file, `${readFileSync(file, 'utf8')}\nunknownKey: 1\n`);
    const changes = diffDiagnostics(before, [...state.diagnostics, ...(state.checks?.findings ?? [])]);
    expect(changes.added.map((d) => d.code)).toContain('TTHC202');
    // The base no longer valid: its variant's local-addition finding goes (a cross-file effect).
    expect(changes.fixed.map((d) => d.id)).toContain('local-addition');
    // Back to the text on disk: the finding goes away.
    const back = session.update(file);
    expect(diffDiagnostics([...state.diagnostics], [...back.diagnostics]).fixed.map((d) => d.code)).toContain('TTHC202');
  });
});

describe('a damaged cache file is never trusted', () => {
  const damage: [string, (bytes: Buffer) => Buffer, string][] = [
    ['truncated', (b) => b.subarray(0, Math.floor(b.length * 0.7)), 'truncated'],
    ['one byte altered', (b) => {
      const c = Buffer.from(b);
      const i = Math.floor(c.length * 0.8);
      c[i] = (c[i] as number) ^ 0x01;
      return c;
    }, 'checksum mismatch'],
    ['foreign', () => Buffer.from('{"some":"other tool"}\n{}'), 'not a tthc cache file'],
    ['empty', () => Buffer.alloc(0), 'no header'],
  ];
  for (const [name, corrupt, reason] of damage) {
    it(`${name}: reported as TTHC801, rebuilt, results identical`, () => {
      const dir = catalogue();
      const cacheDir = path.join(dir, 'cache');
      const expected = fresh(dir);
      CatalogueSession.open({ paths: ['procedures'], cwd: dir, checks: { today: TODAY }, cacheDir }).save();
      const file = cacheFile(cacheDir);
      writeFileSync(file, corrupt(readFileSync(file)));
      const rebuilt = CatalogueSession.open({ paths: ['procedures'], cwd: dir, checks: { today: TODAY }, cacheDir });
      expect(rebuilt.notices.map((d) => d.code)).toEqual(['TTHC801']);
      expect(String(rebuilt.notices[0]?.data['reason'])).toContain(reason);
      expect(rebuilt.state.work.reused).toBe(0);
      expect(viaSession(rebuilt)).toBe(expected);
      rebuilt.save();
      const next = CatalogueSession.open({ paths: ['procedures'], cwd: dir, checks: { today: TODAY }, cacheDir });
      expect(next.notices).toEqual([]);
      expect(next.state.work.parsed).toBe(0);
      expect(next.state.work.checked).toBe(0);
      expect(viaSession(next)).toBe(expected);
    });
  }

  it('a cache folder that cannot be written is TTHC802, and the run is complete', () => {
    const dir = catalogue();
    writeFileSync(path.join(dir, 'not-a-folder'), 'x');
    const session = CatalogueSession.open({ paths: ['procedures'], cwd: dir, checks: { today: TODAY }, cacheDir: path.join(dir, 'not-a-folder', 'cache') });
    expect(session.save().map((d) => d.code)).toEqual(['TTHC802']);
    expect(viaSession(session)).toBe(fresh(dir));
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('tthc validate and check use the cache by default', () => {
  it('the same JSON with the cache cold, warm, and with --no-cache; notices on stderr', async () => {
    const dir = catalogue();
    writeFileSync(path.join(dir, 'package.json'), '{"name":"policy-catalogue","private":true}\n');
    const args = ['check', 'procedures', '--format', 'json', '--today', TODAY];
    const none = await runCli([...args, '--no-cache'], { cwd: dir });
    expect(existsSync(path.join(dir, 'node_modules', '.cache', 'tthc'))).toBe(false);
    const cold = await runCli(args, { cwd: dir });
    expect(existsSync(cacheFile(path.join(dir, 'node_modules', '.cache', 'tthc')))).toBe(true);
    const warm = await runCli(args, { cwd: dir });
    expect(cold.stdout).toBe(none.stdout);
    expect(warm.stdout).toBe(none.stdout);
    expect(warm.code).toBe(none.code);
    const validate = await runCli(['validate', 'procedures', '--format', 'json', '--cache-dir', 'c2'], { cwd: dir });
    writeFileSync(cacheFile(path.join(dir, 'c2')), 'garbage');
    const again = await runCli(['validate', 'procedures', '--format', 'json', '--cache-dir', 'c2', '--lang', 'en'], { cwd: dir });
    expect(again.stdout).toBe(validate.stdout);
    expect(again.stderr).toMatch(/TTHC801 The cache file .* was damaged/);
  });
});
