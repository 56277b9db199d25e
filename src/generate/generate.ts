import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareCodePoints } from '../catalogue/files.js';
import { schemasDir } from '../util/package-root.js';
import { banner, schemaTypes } from './schema-types.js';

/** One file that `tthc generate` owns, with its path relative to `generated/`. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** What a generate run did, or (in check mode) would do. */
export interface GenerateReport {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/** Renders every generated file, in a stable order. Pure apart from reading the schemas. */
export async function renderGenerated(options: { schemas?: string } = {}): Promise<GeneratedFile[]> {
  const types = await schemaTypes(options.schemas ?? schemasDir());
  const files: GeneratedFile[] = [
    { path: 'types/catalogue.ts', content: types },
    {
      path: 'index.ts',
      content: `${banner('src/generate/generate.ts')}\n\nexport type * from './types/catalogue.js';\n`,
    },
  ];
  return files.sort((a, b) => compareCodePoints(a.path, b.path));
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop() as string;
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) stack.push(child);
      else out.push(child);
    }
  }
  return out.sort(compareCodePoints);
}

/**
 * Brings `outDir` in line with `files`: writes only what changed (so timestamps and
 * incremental builds stay quiet), deletes files no longer generated, and removes folders
 * left empty. With `check`, touches nothing and reports what would change.
 */
export function syncGenerated(outDir: string, files: readonly GeneratedFile[], options: { check?: boolean } = {}): GenerateReport {
  const report: GenerateReport = { written: [], unchanged: [], removed: [] };
  const wanted = new Set(files.map((f) => f.path));
  for (const file of files) {
    const target = path.join(outDir, file.path);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === file.content) {
      report.unchanged.push(file.path);
      continue;
    }
    report.written.push(file.path);
    if (!options.check) {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
  }
  for (const existing of listFiles(outDir)) {
    if (wanted.has(existing)) continue;
    report.removed.push(existing);
    if (!options.check) rmSync(path.join(outDir, existing));
  }
  if (!options.check) removeEmptyDirs(outDir);
  return report;
}

function removeEmptyDirs(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const child = path.join(dir, entry.name);
    removeEmptyDirs(child);
    if (readdirSync(child).length === 0) rmdirSync(child);
  }
}
