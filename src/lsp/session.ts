import { statSync } from 'node:fs';
import path from 'node:path';
import { assembleCatalogue, loadFileText, planLoad, type Catalogue, type LoadedFile } from '../catalogue/catalogue.js';
import { readText, readUnsaved } from '../catalogue/read.js';
import type { CheckConfig } from '../checks/config.js';
import { runChecks } from '../checks/run.js';
import type { Fix } from '../checks/types.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';

/**
 * What the language server asks of the catalogue pipeline, behind one small interface:
 * this module's {@link MemorySession} re-runs the loader and the checks in memory, reusing
 * the parse of every file whose text did not change; an incremental cache session can take
 * its place without the server changing.
 */
export interface CatalogueSession {
  /** Sets the unsaved text of an open file; `undefined` goes back to the text on disk. */
  setText(file: string, text: string | undefined): void;
  /**
   * Loads and checks the catalogue as it stands (unsaved texts over the disk) and reports on
   * `files` (absolute paths): each gets an entry, empty when nothing is wrong. Other files may
   * get one too when a finding there involves one of `files` (a code defined twice). May answer
   * asynchronously; the server never starts a run before the previous one ended.
   */
  analyze(files: readonly string[]): Analysis | Promise<Analysis>;
  /** Persists what can be reused next time (a cache file), when the session keeps one. */
  save?(): void;
  /** What the session has to say about itself since the last call (a cache file rebuilt or not written). */
  takeNotices?(): Diagnostic[];
}

/** A finding that `tthc check --fix` knows how to fix. */
export interface FixableFinding {
  diagnostic: Diagnostic;
  fix: Fix;
}

/** What one run found, for the files asked about. */
export interface Analysis {
  /** Load, schema, catalogue and check diagnostics per file, sorted (see {@link CatalogueSession.analyze}). */
  diagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
  /** Findings with a safe fix, per file. */
  fixes: ReadonlyMap<string, readonly FixableFinding[]>;
  /** The catalogue (registries and procedures, for hover); null when nothing was loaded. */
  catalogue: Catalogue | null;
}

/** Where a session reads the catalogue. */
export interface SessionOptions {
  /** Catalogue folders (a workspace folder's procedures/, or the folder itself). */
  folders: readonly string[];
  /** Folder that relative paths in messages start from (the first workspace folder). */
  cwd: string;
  config?: CheckConfig;
  /** ISO date of "today" for date-dependent rules; default the real date at each run. */
  today?: string;
}

interface Memo {
  /** The unsaved text it was loaded from, or the disk file's size and mtime. */
  key: string;
  loaded: LoadedFile;
}

/**
 * Re-runs the whole pipeline in memory on each call, but parses and schema-validates only the
 * files whose text changed since the last run (unsaved text compared as is, disk files by
 * size and modification time); the cross-file assembly and the check rules run again, the
 * rules only for the files asked about (they still see the whole catalogue).
 */
export class MemorySession implements CatalogueSession {
  private readonly overlay = new Map<string, string>();
  private memo = new Map<string, Memo>();

  constructor(private readonly options: SessionOptions) {}

  setText(file: string, text: string | undefined): void {
    if (text === undefined) this.overlay.delete(file);
    else this.overlay.set(file, text);
  }

  analyze(files: readonly string[]): Analysis {
    const wanted = new Set(files);
    const onDisk = files.filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    });
    const paths = [...this.options.folders, ...onDisk];
    const diagnostics = new Map<string, Diagnostic[]>(files.map((f) => [f, []]));
    const fixes = new Map<string, FixableFinding[]>(files.map((f) => [f, []]));
    if (paths.length === 0) return { diagnostics, fixes, catalogue: null };

    const seen = new Map<string, Memo>();
    const catalogue = assembleCatalogue(planLoad({ paths, cwd: this.options.cwd }), (file) => {
      const unsaved = this.overlay.get(file);
      let key: string;
      if (unsaved !== undefined) key = `text:${unsaved}`;
      else {
        try {
          const st = statSync(file);
          key = `disk:${st.size}:${st.mtimeMs}`;
        } catch {
          key = 'disk:missing';
        }
      }
      const memo = this.memo.get(file);
      const hit = memo !== undefined && memo.key === key ? memo : { key, loaded: loadFileText(file, unsaved !== undefined ? readUnsaved(unsaved) : readText(file)) };
      seen.set(file, hit);
      return hit.loaded;
    });
    // Files gone from the catalogue leave the memo.
    this.memo = seen;

    for (const d of catalogue.diagnostics) {
      if (wanted.has(d.file)) diagnostics.get(d.file)?.push(d);
      else if (d.related.some((r) => wanted.has(r.file))) {
        // A closed file drawn in by an open one (it defines the same code): report it too.
        const list = diagnostics.get(d.file) ?? [];
        list.push(d);
        diagnostics.set(d.file, list);
      }
    }
    // The rules report on the files asked about only; they still see the whole catalogue.
    const view: Catalogue = { ...catalogue, files: catalogue.files.map((f) => ({ ...f, requested: wanted.has(f.file) })) };
    const result = runChecks(view, {
      ...(this.options.config !== undefined ? { config: this.options.config } : {}),
      ...(this.options.today !== undefined ? { today: this.options.today } : {}),
    });
    for (const d of [...result.meta, ...result.findings]) diagnostics.get(d.file)?.push(d);
    for (const f of result.findings) {
      if (f.fix !== undefined) fixes.get(f.fix.file)?.push({ diagnostic: f, fix: f.fix.fix });
    }
    for (const [file, list] of diagnostics) diagnostics.set(file, sortDiagnostics(list));
    return { diagnostics, fixes, catalogue };
  }
}

/** The catalogue folder of a workspace folder: its procedures/ when there is one, else itself. */
export function catalogueFolderOf(workspace: string): string {
  const inner = path.join(workspace, 'procedures');
  try {
    if (statSync(inner).isDirectory()) return inner;
  } catch {
    // no procedures/ folder
  }
  return workspace;
}
