import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CODES } from '../src/report/codes.js';
import { ROOT } from './helpers/paths.js';

/**
 * Every registered diagnostic code is produced by a test that asserts it (the project's rule,
 * as Clippy and ESLint keep one test per lint). Read statically from the test sources, a code
 * counts as asserted when:
 * - a fixture folder is named by its id (test/fixtures/…/<id>/, the rule fixture convention);
 * - a fixture file marks a line with `# expect: <id or code>`;
 * - a test file has the code (TTHC604) or its quoted id ('version-conflict') within
 *   {@link WINDOW} lines of an `expect(`.
 * A new code without such a test fails here, whichever band it is in.
 */

const WINDOW = 12;
const TEST_DIR = path.join(ROOT, 'test');
const SELF = path.join(TEST_DIR, 'code-coverage.test.ts');

/** Every file under a folder, recursively (absolute paths, sorted). */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/** What the test sources offer as evidence that a code is asserted. */
export interface Evidence {
  /** Names of folders under test/fixtures. */
  fixtureFolders: ReadonlySet<string>;
  /** Words after `# expect:` in fixture files. */
  expectMarkers: ReadonlySet<string>;
  /** Codes and quoted words within the window of an `expect(` in test files. */
  nearExpect: ReadonlySet<string>;
}

/** Collects the evidence from test sources: `.ts` test files and other (fixture) files, as text. */
export function collectEvidence(tests: readonly { file: string; text: string }[], fixtures: readonly { file: string; text: string }[], folders: readonly string[]): Evidence {
  const expectMarkers = new Set<string>();
  for (const f of fixtures) {
    for (const m of f.text.matchAll(/#\s*expect:\s*([A-Za-z0-9-]+)/g)) expectMarkers.add(m[1] as string);
  }
  const nearExpect = new Set<string>();
  for (const t of tests) {
    const lines = t.text.split('\n');
    const near = new Array<boolean>(lines.length).fill(false);
    lines.forEach((line, i) => {
      if (!line.includes('expect(')) return;
      for (let j = Math.max(0, i - WINDOW); j <= Math.min(lines.length - 1, i + WINDOW); j++) near[j] = true;
    });
    lines.forEach((line, i) => {
      if (!near[i]) return;
      for (const m of line.matchAll(/TTHC\d{3}/g)) nearExpect.add(m[0]);
      for (const m of line.matchAll(/(['"`])([a-z0-9][a-z0-9-]*)\1/g)) nearExpect.add(m[2] as string);
    });
  }
  return { fixtureFolders: new Set(folders), expectMarkers, nearExpect };
}

/** The codes (`TTHC604 version-conflict`) for which the evidence has nothing. */
export function unasserted(codes: readonly { code: string; id: string }[], e: Evidence): string[] {
  return codes
    .filter((c) => !e.fixtureFolders.has(c.id) && !e.expectMarkers.has(c.id) && !e.expectMarkers.has(c.code) && !e.nearExpect.has(c.code) && !e.nearExpect.has(c.id))
    .map((c) => `${c.code} ${c.id}`);
}

function evidenceOfRepository(): Evidence {
  const files = walk(TEST_DIR);
  const tests = files.filter((f) => f.endsWith('.ts') && f !== SELF).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const fixtures = files.filter((f) => !f.endsWith('.ts') && /\.(ya?ml|json|md|txt)$/.test(f)).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const fixtureRoot = path.join(TEST_DIR, 'fixtures');
  const folders = new Set<string>();
  for (const f of walk(fixtureRoot)) {
    for (const part of path.relative(fixtureRoot, path.dirname(f)).split(path.sep)) if (part !== '') folders.add(part);
  }
  return collectEvidence(tests, fixtures, [...folders]);
}

describe('every registered code is asserted by a test', () => {
  it('finds a test for each of the registry\'s codes', () => {
    expect(ALL_CODES.length).toBeGreaterThan(100);
    expect(unasserted(ALL_CODES, evidenceOfRepository())).toEqual([]);
  });

  it('counts only what sits near an assertion, and reports a code nobody tests', () => {
    const tests = [{
      file: 'a.test.ts',
      text: [
        "expect(r.code).toBe('TTHC601');",
        ...Array.from({ length: WINDOW }, () => '// filler'),
        "const far = 'TTHC602 version-conflict';",
        ...Array.from({ length: WINDOW }, () => '// filler'),
        "const id = 'store-locked';",
        'expect(error.id).toBe(id);',
      ].join('\n'),
    }];
    const fixtures = [{ file: 'p.yaml', text: 'name: x # expect: abolished-document col=3\n' }];
    const e = collectEvidence(tests, fixtures, ['channel-mismatch', 'valid']);
    const codes = [
      { code: 'TTHC601', id: 'procedure-not-served' },
      { code: 'TTHC602', id: 'unknown-dossier' },
      { code: 'TTHC603', id: 'version-conflict' },
      { code: 'TTHC620', id: 'store-locked' },
      { code: 'TTHC401', id: 'abolished-document' },
      { code: 'TTHC402', id: 'channel-mismatch' },
      { code: 'TTHC999', id: 'never-tested' },
    ];
    expect(unasserted(codes, e)).toEqual(['TTHC602 unknown-dossier', 'TTHC603 version-conflict', 'TTHC999 never-tested']);
  });
});
