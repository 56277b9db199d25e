import { statSync } from 'node:fs';
import { CatalogueSession as CacheSession } from '../cache/index.js';
import { planLoad } from '../catalogue/catalogue.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { MemorySession, type Analysis, type CatalogueSession, type FixableFinding, type SessionOptions } from './session.js';

/** Options of an {@link IncrementalSession}. */
export interface IncrementalOptions extends SessionOptions {
  /** Persistent cache folder (the command line's `node_modules/.cache/tthc`); none: memory only. */
  cacheDir?: string;
}

/** A disk file's size and modification time, the key that says it may have changed. */
function diskKey(file: string): string {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/**
 * The language server's session on the incremental cache (src/cache): the whole catalogue is
 * loaded and checked once (from the cache file when it is warm), then each keystroke
 * re-parses the edited file and re-runs the rules only on the procedures it feeds. The
 * answers are those of {@link MemorySession} (the same diagnostics for the open files and
 * for closed files an open one draws in), at the cost of an incremental update.
 * Disk changes (a checkout, another tool) are noticed by size and modification time at each
 * run, and files created or deleted by listing the folders again.
 */
export class IncrementalSession implements CatalogueSession {
  private readonly overlay = new Map<string, string>();
  /** What the cache session holds for each file with unsaved text. */
  private readonly applied = new Map<string, string>();
  private readonly disk = new Map<string, string>();
  private session: CacheSession | undefined;
  private readonly fallback: MemorySession | undefined;

  constructor(private readonly options: IncrementalOptions) {
    // Without a catalogue folder there is nothing to keep: each run loads the open files alone.
    this.fallback = options.folders.length === 0 ? new MemorySession(options) : undefined;
  }

  setText(file: string, text: string | undefined): void {
    this.fallback?.setText(file, text);
    if (text === undefined) this.overlay.delete(file);
    else this.overlay.set(file, text);
  }

  analyze(files: readonly string[]): Analysis {
    if (this.fallback !== undefined) return this.fallback.analyze(files);
    const changes: { file: string; text?: string }[] = [];
    const listed = planLoad({ paths: this.options.folders, cwd: this.options.cwd }).files;
    if (this.session === undefined) {
      for (const f of listed) this.disk.set(f, diskKey(f));
      this.session = CacheSession.open({
        paths: this.options.folders, cwd: this.options.cwd, dropTrees: true, incremental: true,
        checks: { ...(this.options.config !== undefined ? { config: this.options.config } : {}), ...(this.options.today !== undefined ? { today: this.options.today } : {}) },
        ...(this.options.cacheDir !== undefined ? { cacheDir: this.options.cacheDir } : {}),
      });
      this.session.save();
    } else {
      // Disk: files created, deleted or changed since the last run (unsaved text wins).
      const now = new Set(listed);
      for (const f of listed) {
        const key = diskKey(f);
        if (this.disk.get(f) !== key) {
          this.disk.set(f, key);
          if (!this.overlay.has(f)) changes.push({ file: f });
        }
      }
      for (const f of [...this.disk.keys()]) {
        if (now.has(f)) continue;
        this.disk.delete(f);
        if (!this.overlay.has(f)) changes.push({ file: f });
      }
    }
    // Unsaved text: new or changed, or closed (back to the disk's).
    for (const [file, text] of this.overlay) if (this.applied.get(file) !== text) changes.push({ file, text });
    for (const file of [...this.applied.keys()]) {
      if (this.overlay.has(file)) continue;
      this.applied.delete(file);
      changes.push({ file });
    }
    for (const [file, text] of this.overlay) this.applied.set(file, text);
    const state = changes.length === 0 ? this.session.state : this.session.updateMany(changes);

    const wanted = new Set(files);
    const diagnostics = new Map<string, Diagnostic[]>(files.map((f) => [f, []]));
    const fixes = new Map<string, FixableFinding[]>(files.map((f) => [f, []]));
    for (const d of state.diagnostics) {
      if (wanted.has(d.file)) diagnostics.get(d.file)?.push(d);
      else if (d.related.some((r) => wanted.has(r.file))) {
        // A closed file drawn in by an open one (it defines the same code): report it too.
        const list = diagnostics.get(d.file) ?? [];
        list.push(d);
        diagnostics.set(d.file, list);
      }
    }
    const checks = state.checks;
    if (checks !== undefined) {
      for (const d of [...checks.meta, ...checks.findings]) {
        if (wanted.has(d.file)) diagnostics.get(d.file)?.push(d);
        else if (d.related.some((r) => wanted.has(r.file))) {
          // A finding on a closed file about an open one (a pair reported on the other side).
          const list = diagnostics.get(d.file) ?? [];
          list.push(d);
          diagnostics.set(d.file, list);
        }
      }
      for (const f of checks.findings) {
        if (f.fix !== undefined && wanted.has(f.fix.file)) fixes.get(f.fix.file)?.push({ diagnostic: f, fix: f.fix.fix });
      }
    }
    for (const [file, list] of diagnostics) diagnostics.set(file, sortDiagnostics(list));
    return { diagnostics, fixes, catalogue: state.catalogue };
  }

  /** Writes the cache file (when the session has a folder and something changed). */
  save(): void {
    this.session?.save();
  }

  private told = 0;

  /** The cache's notices since the last call: a damaged cache file rebuilt (TTHC801), one not written (TTHC802). */
  takeNotices(): Diagnostic[] {
    const all = this.session?.notices ?? [];
    const fresh = all.slice(this.told);
    this.told = all.length;
    return fresh;
  }
}
