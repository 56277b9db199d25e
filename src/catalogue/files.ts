import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** File extensions of catalogue files. */
export const CATALOGUE_EXTENSIONS = ['.yaml', '.yml'] as const;

const isCatalogueFile = (name: string): boolean =>
  CATALOGUE_EXTENSIONS.some((ext) => name.endsWith(ext));

/** Result of expanding the paths given on the command line. */
export interface FileSet {
  /** Absolute paths of the catalogue files found, sorted, without repeats. */
  files: string[];
  /** Paths (as given) that do not exist. */
  missing: string[];
  /** Folders (as given) that hold no catalogue file. */
  empty: string[];
}

/**
 * Lists the catalogue files (`*.yaml`, `*.yml`) under the given files and folders.
 * Folders are walked recursively, skipping hidden folders and `node_modules`. The order is
 * stable: sorted by path in code-point order, whatever the file system returns.
 */
export function collectFiles(paths: readonly string[], cwd: string): FileSet {
  const files = new Set<string>();
  const missing: string[] = [];
  const empty: string[] = [];
  for (const given of paths) {
    const abs = path.resolve(cwd, given);
    if (!existsSync(abs)) {
      missing.push(given);
      continue;
    }
    if (statSync(abs).isDirectory()) {
      const found = walk(abs);
      if (found.length === 0) empty.push(given);
      for (const f of found) files.add(f);
    } else {
      files.add(abs);
    }
  }
  return { files: [...files].sort(compareCodePoints), missing, empty };
}

/**
 * The catalogue files under a folder. Symbolic links are followed (a registry/ linked in
 * from elsewhere is read like any folder), and each real folder is visited once, so a link
 * that points back up the tree cannot loop.
 */
function walk(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  const visited = new Set<string>();
  while (stack.length > 0) {
    const current = stack.pop() as string;
    let real: string;
    try {
      real = realpathSync(current);
    } catch {
      continue; // a dangling link
    }
    if (visited.has(real)) continue;
    visited.add(real);
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(current, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) stack.push(full);
      else if (isFile && isCatalogueFile(entry.name)) out.push(full);
    }
  }
  return out;
}

/** Compares strings by code point (not locale), for orders that never change. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Name of the folder that marks a catalogue root: it holds the reference data. */
export const REGISTRY_DIR = 'registry';

/**
 * Finds the catalogue root of a path: the nearest folder, from the path upwards, that has a
 * `registry/` subfolder. The search stops at a project boundary (a folder with
 * `package.json` or `.git`), so an unrelated folder higher up is never picked.
 */
export function findCatalogueRoot(start: string): string | undefined {
  let dir = existsSync(start) && statSync(start).isDirectory() ? start : path.dirname(start);
  for (;;) {
    const candidate = path.join(dir, REGISTRY_DIR);
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return dir;
    if (existsSync(path.join(dir, 'package.json')) || existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
