import { existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDir } from './fs.js';

/**
 * Replaces a folder's content as one step, so that a process killed at any point leaves the
 * old files or the new ones, never a mix.
 *
 * The new content is staged in a sibling folder `.<name>.tthc-new-<pid>`: every file kept is
 * a hard link to the current one (no copy, timestamps kept), every changed file is written
 * anew. Committing renames the folder aside (`.<name>.tthc-old-<pid>`), renames the staged
 * folder into place and deletes the old one. The only moment the folder is absent is between
 * those two renames; {@link recoverFolder}, run before every write, puts the old folder back
 * if a process died there, and removes staged or old folders left behind.
 */
export class FolderSwap {
  readonly dir: string;
  private readonly staging: string;
  private staged = false;
  private changes = 0;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
    const { parent, base } = split(this.dir);
    this.staging = path.join(parent, `.${base}.tthc-new-${process.pid}`);
  }

  /** The staged path of `rel` (a path relative to the folder, `/`-separated or native). */
  private stagedPath(rel: string): string {
    this.stage();
    return path.join(this.staging, rel);
  }

  /** Creates the staging folder: hard links to every current file. Idempotent. */
  private stage(): void {
    if (this.staged) return;
    recoverFolder(this.dir);
    ensureDir(path.dirname(this.dir));
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging);
    if (existsSync(this.dir)) linkTree(this.dir, this.staging);
    this.staged = true;
  }

  /** Stages `content` for the file `rel` of the folder. */
  write(rel: string, content: string): void {
    const target = this.stagedPath(rel);
    ensureDir(path.dirname(target));
    // A hard link shares the old file's content: unlink first, never write through it.
    rmSync(target, { force: true });
    writeFileSync(target, content);
    this.changes++;
  }

  /** Stages the removal of the file `rel` of the folder. */
  remove(rel: string): void {
    rmSync(this.stagedPath(rel), { force: true });
    this.changes++;
  }

  /** Removes the staged subfolders left empty by removals (never the root). */
  pruneEmpty(): void {
    if (this.staged) removeEmptyDirs(this.staging);
  }

  /** Whether anything was staged. */
  get dirty(): boolean {
    return this.changes > 0;
  }

  /** Puts the staged content in place (nothing happens when nothing was staged). */
  commit(): void {
    if (!this.staged) return;
    if (this.changes === 0) {
      this.abort();
      return;
    }
    const { parent, base } = split(this.dir);
    const old = path.join(parent, `.${base}.tthc-old-${process.pid}`);
    if (existsSync(this.dir)) {
      rmSync(old, { recursive: true, force: true });
      renameSync(this.dir, old);
      renameSync(this.staging, this.dir);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(this.staging, this.dir);
    }
    this.staged = false;
  }

  /** Drops what was staged; the folder is left as it was. */
  abort(): void {
    rmSync(this.staging, { recursive: true, force: true });
    this.staged = false;
  }
}

/** Whether the process that named a leftover folder is another live process (its work, not ours to touch). */
function alive(name: string): boolean {
  const pid = Number(name.slice(name.lastIndexOf('-') + 1));
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function split(dir: string): { parent: string; base: string } {
  return { parent: path.dirname(dir), base: path.basename(dir) };
}

function linkTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(b);
      linkTree(a, b);
    } else {
      linkSync(a, b);
    }
  }
}

function removeEmptyDirs(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const child = path.join(dir, entry.name);
    removeEmptyDirs(child);
    if (readdirSync(child).length === 0) rmSync(child, { recursive: true });
  }
}

/**
 * Repairs what a killed {@link FolderSwap} left beside `dir`: when the folder is missing but
 * an old copy exists (death between the two renames), the old copy is put back; staged and
 * old copies are then deleted. Returns what it did, for tests.
 */
export function recoverFolder(dir: string): 'restored' | 'cleaned' | 'clean' {
  const resolved = path.resolve(dir);
  const { parent, base } = split(resolved);
  if (!existsSync(parent)) return 'clean';
  const leftovers = readdirSync(parent).filter((n) => (n.startsWith(`.${base}.tthc-new-`) || n.startsWith(`.${base}.tthc-old-`)) && !alive(n));
  if (leftovers.length === 0) return 'clean';
  let result: 'restored' | 'cleaned' = 'cleaned';
  const old = leftovers.find((n) => n.startsWith(`.${base}.tthc-old-`));
  if (!existsSync(resolved) && old !== undefined) {
    renameSync(path.join(parent, old), resolved);
    result = 'restored';
  }
  for (const name of leftovers) {
    const p = path.join(parent, name);
    if (existsSync(p)) rmSync(p, { recursive: true, force: true });
  }
  return result;
}
