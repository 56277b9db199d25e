import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder of tthc's own package.json, found by walking up from this module (it runs
 * both from `src/` under vitest and from `dist/src/` once built).
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === 'tthc') return (cached = dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('internal: cannot find the tthc package root');
    dir = parent;
  }
}

/** The folder of the bundled JSON Schemas. */
export function schemasDir(): string {
  return path.join(packageRoot(), 'schemas');
}
