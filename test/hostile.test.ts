import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverFolder } from '../src/util/folder-swap.js';
import {
  BAD_RECORD_KINDS, baseProcedures, baseRecords, rng, writeCatalogueCorpus, writeRecordCorpus,
  type CatalogueItem, type RecordItem,
} from './hostile/corpus.js';

/**
 * Hostile input at scale (issue 12, part 6), on the built code (dist/, as the CLI runs it).
 * 6,000 malformed catalogue files and 6,000 malformed portal records, generated from a fixed
 * seed, go through the loader, `tthc validate` and the importer, each stage in a child process
 * with a time bound: no crash, no hang, no prototype pollution, and a coded diagnostic for
 * every bad file or record. Then `tthc generate` and `tthc import` are killed (SIGKILL) at
 * random points: their output folder holds the old files or the new ones, never a mix.
 * Bounded: about two minutes on two cores.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const DRIVER = path.join(ROOT, 'test', 'hostile', 'driver.mjs');
const BIN = path.join(ROOT, 'bin', 'tthc.js');
const SEED = 12_2026;
const CATALOGUE_FILES = 6_000;
const RECORDS = 6_000;

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a child process; SIGKILL after `timeoutMs` (a hang is a failure, not a wait). */
function run(args: string[], options: { timeoutMs: number; cwd?: string; killAfterMs?: number; onSpawn?: (child: ChildProcess) => void }): Promise<ChildRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    options.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    const timer = setTimeout(() => {
      timedOut = options.killAfterMs === undefined;
      child.kill('SIGKILL');
    }, options.killAfterMs ?? options.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout, stderr, ms: performance.now() - started });
    });
  });
}

interface DriverResult {
  crashed: string | null;
  polluted: string[];
  diagnostics: Record<string, string[]>;
}

async function drive(args: string[], timeoutMs: number): Promise<DriverResult> {
  const r = await run([DRIVER, ...args], { timeoutMs });
  expect(r.timedOut, `${args.join(' ')} hung past ${timeoutMs} ms`).toBe(false);
  expect(r.stderr.includes('    at '), `${args[0]} printed a stack trace:\n${r.stderr.slice(0, 2000)}`).toBe(false);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  expect(last.startsWith('{'), `${args.join(' ')} exited ${r.code} ${r.signal ?? ''} without a result:\n${r.stderr.slice(0, 2000)}`).toBe(true);
  const result = JSON.parse(last) as DriverResult;
  expect(result.crashed, `${args.join(' ')} threw`).toBeNull();
  expect(result.polluted, 'built-in prototypes changed').toEqual([]);
  return result;
}

const coded = (codes: string[] | undefined): boolean => (codes ?? []).some((c) => /^TTHC\d{3}:/.test(c));
const errors = (codes: string[] | undefined): string[] => (codes ?? []).filter((c) => c.endsWith(':error'));

let work: string;
let catalogue: { items: CatalogueItem[]; folders: string[] };
let records: { items: RecordItem[]; files: string[] };

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'tthc-hostile-'));
  catalogue = writeCatalogueCorpus(path.join(work, 'catalogue'), baseProcedures(ROOT, 40), CATALOGUE_FILES, SEED);
  records = writeRecordCorpus(path.join(work, 'records'), baseRecords(ROOT, 40), RECORDS, SEED + 1);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Asserts each catalogue item got what it deserves: bad ones a coded diagnostic, controls no error. */
function assertCatalogue(diagnostics: Record<string, string[]>, items: CatalogueItem[]): void {
  const silent = items.filter((it) => it.kind !== 'control' && !coded(diagnostics[it.file]));
  expect(silent.map((it) => `${it.kind} ${path.basename(it.file)}`).slice(0, 20), 'bad files without a coded diagnostic').toEqual([]);
  const noisy = items.filter((it) => it.kind === 'control' && errors(diagnostics[it.file]).length > 0);
  expect(noisy.map((it) => `${path.basename(it.file)}: ${errors(diagnostics[it.file]).join(' ')}`).slice(0, 5), 'control files with errors').toEqual([]);
}

describe('hostile input at scale', () => {
  it('has at least 10,000 generated files and records, every kind present', () => {
    expect(catalogue.items.length + records.items.length).toBeGreaterThanOrEqual(10_000);
    const kinds = new Set(catalogue.items.map((i) => i.kind));
    for (const k of ['truncated', 'wrong-type', 'proto-key', 'invalid-utf8', 'nfc-nfd', 'run-together', 'deep-nesting', 'alias-bomb', 'huge-string']) expect(kinds, k).toContain(k);
    const recordKinds = new Set(records.items.map((i) => i.kind));
    for (const k of ['truncated', 'wrong-type', 'proto-key', 'invalid-utf8', 'nfc-nfd', 'run-together', 'deep-nesting', 'huge-string']) expect(recordKinds, k).toContain(k);
  });

  it('the loader (loadCatalogue) gives every bad catalogue file a coded diagnostic, without crash, hang or pollution', { timeout: 240_000 }, async () => {
    for (const folder of catalogue.folders) {
      const special = !path.basename(folder).startsWith('batch-');
      const result = await drive(['load', folder], special ? 30_000 : 90_000);
      assertCatalogue(result.diagnostics, catalogue.items.filter((it) => path.dirname(it.file) === folder));
    }
  });

  it('tthc validate does the same over the whole corpus in one run', { timeout: 240_000 }, async () => {
    const result = await drive(['validate', path.join(work, 'catalogue')], 200_000);
    assertCatalogue(result.diagnostics, catalogue.items);
  });

  it('through the incremental cache, cold then warm, tthc validate says the same of every bad file', { timeout: 300_000 }, async () => {
    const result = await drive(['cached', path.join(work, 'catalogue'), path.join(work, 'cache')], 280_000);
    assertCatalogue(result.diagnostics, catalogue.items);
    expect(readdirSync(path.join(work, 'cache')).length, 'no cache file was written').toBeGreaterThan(0);
  });

  it('the importer rejects or flags every bad portal record at its line, and imports the odd but valid ones cleanly', { timeout: 240_000 }, async () => {
    const out = path.join(work, 'imported');
    const normal = records.files.filter((f) => !f.endsWith('huge.jsonl'));
    const result = await drive(['import', out, ...normal], 200_000);
    const huge = await drive(['import', path.join(work, 'imported-huge'), ...records.files.filter((f) => f.endsWith('huge.jsonl'))], 60_000);
    const all = { ...result.diagnostics, ...huge.diagnostics };
    const at = (it: RecordItem): string[] | undefined => all[`${it.file}:${it.line}`];
    const silent = records.items.filter((it) => BAD_RECORD_KINDS.has(it.kind) && !coded(at(it)));
    expect(silent.map((it) => `${it.kind} ${path.basename(it.file)}:${it.line}`).slice(0, 20), 'bad records without a coded diagnostic').toEqual([]);
    const odd = records.items.filter((it) => !BAD_RECORD_KINDS.has(it.kind));
    const wrong = odd.filter((it) => errors(at(it)).length > 0);
    expect(wrong.map((it) => `${it.kind} ${path.basename(it.file)}:${it.line} ${errors(at(it)).join(' ')}`).slice(0, 10), 'odd records rejected').toEqual([]);
    // The odd ones were written, in NFC, however they arrived.
    for (const it of odd.slice(0, 200)) {
      const file = path.join(out, path.basename(it.file, '.jsonl'), `${it.code}.yaml`);
      expect(existsSync(file), `${it.kind} ${it.code} not written`).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text === text.normalize('NFC'), `${file} not NFC`).toBe(true);
    }
    // No file holds a rejected record, nor a 10 MB field.
    for (const it of records.items.filter((r) => BAD_RECORD_KINDS.has(r.kind) && r.kind !== 'proto-key' && r.kind !== 'duplicate')) {
      const file = path.join(out, path.basename(it.file, '.jsonl'), `${it.code}.yaml`);
      expect(existsSync(file), `${it.kind} ${it.code} written`).toBe(false);
    }
    const hugeOut = path.join(work, 'imported-huge');
    expect(existsSync(hugeOut) ? readdirSync(hugeOut, { recursive: true }).filter((f) => String(f).endsWith('.yaml')) : []).toEqual([]);
  });
});

/** Content of every file under `dir`, as relative path → hash. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const rel of readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, rel);
    try {
      out.set(rel, createHash('sha1').update(readFileSync(file)).digest('hex'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
    }
  }
  return out;
}

const same = (a: Map<string, string>, b: Map<string, string>): boolean => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/**
 * Runs `args` from the `old` state of `dir` and kills it after a random delay, `trials` times;
 * after each kill the folder must equal the old state or the new one (after the recovery the
 * next run performs, should the kill fall between its two renames).
 */
async function killAtRandom(dir: string, oldState: string, args: string[], cwd: string, trials: number, seed: number): Promise<{ old: number; new: number; restored: number }> {
  const oldTree = tree(oldState);
  // The new state: one uninterrupted run.
  rmSync(dir, { recursive: true, force: true });
  cpSync(oldState, dir, { recursive: true });
  const full = await run([BIN, ...args], { timeoutMs: 120_000, cwd });
  expect(full.timedOut).toBe(false);
  const newTree = tree(dir);
  expect(same(oldTree, newTree), 'the run must change the folder for the test to mean anything').toBe(false);
  const random = rng(seed);
  const seen = { old: 0, new: 0, restored: 0 };
  for (let t = 0; t < trials; t++) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(oldState, dir, { recursive: true });
    // Odd trials: killed at a random point of the run. Even trials: killed a random 0–300 ms
    // after the first write is seen beside or in the folder (the dangerous moment).
    const afterWrite = t % 2 === 0;
    const delay = afterWrite ? Math.floor(random() * 300) : Math.floor(full.ms * (0.3 + 0.8 * random()));
    let child: ChildProcess | undefined;
    const watcher = afterWrite
      ? watch(path.dirname(dir), { recursive: true }, () => {
          watcher?.close();
          setTimeout(() => child?.kill('SIGKILL'), delay);
        })
      : undefined;
    const r = await run([BIN, ...args], { timeoutMs: 120_000, cwd, killAfterMs: afterWrite ? 120_000 : delay, onSpawn: (c) => (child = c) });
    watcher?.close();
    if (!existsSync(dir) && recoverFolder(dir) === 'restored') seen.restored++;
    const now = tree(dir);
    const isOld = same(now, oldTree);
    const isNew = same(now, newTree);
    expect(isOld || isNew, `trial ${t}: killed ${r.signal ?? 'exited ' + String(r.code)} after ${r.ms.toFixed(0)} ms, the folder is a mix`).toBe(true);
    if (isOld) seen.old++;
    else seen.new++;
    // Nothing staged is left behind once the next run recovers.
    recoverFolder(dir);
    expect(readdirSync(path.dirname(dir)).filter((n) => n.includes('.tthc-'))).toEqual([]);
  }
  return seen;
}

describe('killed part-way, generate and import leave old files or new ones, never a mix', () => {
  it('tthc generate, SIGKILL at random points', { timeout: 240_000 }, async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'tthc-kill-gen-'));
    try {
      // The old state: the committed generated/ with some files changed and one stale file.
      const old = path.join(base, 'old');
      cpSync(path.join(ROOT, 'generated'), old, { recursive: true });
      const workflows = readdirSync(path.join(old, 'workflows')).filter((f) => f.endsWith('.ts')).sort();
      for (const f of workflows.filter((_, i) => i % 2 === 0)) writeFileSync(path.join(old, 'workflows', f), `// old\n${readFileSync(path.join(old, 'workflows', f), 'utf8')}`);
      writeFileSync(path.join(old, 'workflows', 'stale.ts'), '// no longer generated\n');
      const seen = await killAtRandom(path.join(base, 'out'), old, ['generate', '--out', path.join(base, 'out')], ROOT, 6, SEED);
      expect(seen.old + seen.new).toBe(6);
      console.log(`generate killed 6 times: ${seen.old} old, ${seen.new} new, ${seen.restored} restored by recovery`);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('tthc import, SIGKILL at random points', { timeout: 240_000 }, async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'tthc-kill-imp-'));
    try {
      const input = path.join(ROOT, 'data', 'dvc', 'bo-tu-phap.jsonl');
      const old = path.join(base, 'old');
      const first = await run([BIN, 'import', 'dvc', input, '--out', old], { timeoutMs: 120_000, cwd: base });
      expect(first.code, first.stdout.slice(0, 500)).toBe(0);
      // Age a third of the files (still marked as imported, so --overwrite rewrites them).
      const dir = path.join(old, 'bo-tu-phap');
      for (const f of readdirSync(dir).sort().filter((_, i) => i % 3 === 0)) {
        writeFileSync(path.join(dir, f), readFileSync(path.join(dir, f), 'utf8').replace(/^name: /m, 'name: (cũ) '));
      }
      const out = path.join(base, 'out');
      const seen = await killAtRandom(out, old, ['import', 'dvc', input, '--out', out, '--overwrite'], base, 6, SEED + 2);
      expect(seen.old + seen.new).toBe(6);
      console.log(`import killed 6 times: ${seen.old} old, ${seen.new} new, ${seen.restored} restored by recovery`);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
