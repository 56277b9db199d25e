import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { FolderSwap, recoverFolder } from '../util/folder-swap.js';
import path from 'node:path';
import { compareCodePoints } from '../catalogue/files.js';
import { loadCatalogue } from '../catalogue/catalogue.js';
import type { HolidayTable } from '../calendar/calendar.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { buildWorkflow } from '../workflow/ir.js';
import { schemasDir } from '../util/package-root.js';
import { banner, schemaTypes } from './schema-types.js';
import { renderWorkflowFiles } from './workflows.js';
import type { GeneratedFile } from './file.js';
export type { GeneratedFile } from './file.js';
import { renderRuleDocs } from './rule-docs.js';
import { renderCodeDocs } from './code-docs.js';


/** What a generate run did, or (in check mode) would do. */
export interface GenerateReport {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/** What `renderGenerated` produced: the files, or the catalogue's errors that prevent them. */
export interface RenderResult {
  files: GeneratedFile[];
  /** Errors of the catalogue; when any, nothing must be written. */
  errors: Diagnostic[];
}

/**
 * Renders every generated file, in a stable order: the types of `schemas/`, and for every
 * procedure of the catalogue its workflow module and diagram, plus the holiday table.
 * Pure apart from reading the schemas and the catalogue. A catalogue with errors yields no
 * files (never a half-generated folder).
 */
export async function renderGenerated(options: { schemas?: string; catalogue?: string; cwd?: string } = {}): Promise<RenderResult> {
  const cwd = options.cwd ?? process.cwd();
  const catalogue = loadCatalogue({ paths: [options.catalogue ?? 'procedures'], cwd });
  const errors = catalogue.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { files: [], errors };
  const types = await schemaTypes(options.schemas ?? schemasDir());
  const files: GeneratedFile[] = [
    { path: 'types/catalogue.ts', content: types },
    {
      path: 'index.ts',
      content: `${banner('src/generate/generate.ts')}\n\nexport type * from './types/catalogue.js';\n`,
    },
  ];
  const rel = (file: string): string => path.relative(cwd, file).split(path.sep).join('/');
  const entries = [...catalogue.procedures.values()].map((entry) => {
    const resolved = catalogue.resolve(entry.code)?.procedure ?? entry.procedure;
    return { ir: buildWorkflow(resolved), source: rel(entry.file) };
  });
  const years: HolidayTable['years'] = {};
  const tableFiles = new Set<string>();
  let weekend: readonly string[] = catalogue.registries.weekend;
  for (const [year, entry] of [...catalogue.registries.holidays].sort(([a], [b]) => compareCodePoints(a, b))) {
    tableFiles.add(rel(entry.file));
    const daysOff = (entry.value.daysOff ?? []).map((d) => ({ date: d.date, name: d.name, kind: d.kind }));
    const workingDays = (entry.value.workingDays ?? []).map((w) => ({ date: w.date, reason: w.reason }));
    (years as Record<string, unknown>)[year] = { status: entry.value.status, daysOff, workingDays };
  }
  weekend = [...weekend];
  files.push({ path: 'docs/rules.md', content: renderRuleDocs() });
  files.push({ path: 'docs/codes.md', content: renderCodeDocs() });
  files.push(...renderWorkflowFiles(entries, { weekend, years }, [...tableFiles].sort(compareCodePoints).join(', ') || 'no holiday table'));
  return { files: files.sort((a, b) => compareCodePoints(a.path, b.path)), errors: [] };
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
  if (!options.check) recoverFolder(outDir);
  // The whole folder is replaced in one step (old files or new ones, never a mix, even if
  // the process is killed): changes are staged beside it, unchanged files hard-linked.
  const swap = new FolderSwap(outDir);
  for (const file of files) {
    const target = path.join(outDir, file.path);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === file.content) {
      report.unchanged.push(file.path);
      continue;
    }
    report.written.push(file.path);
    if (!options.check) swap.write(file.path, file.content);
  }
  for (const existing of listFiles(outDir)) {
    if (wanted.has(existing)) continue;
    report.removed.push(existing);
    if (!options.check) swap.remove(existing);
  }
  if (!options.check) {
    swap.pruneEmpty();
    swap.commit();
  }
  return report;
}
