import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot, schemasDir } from '../util/package-root.js';

/** A short content hash (SHA-256, hex). */
export function hashOf(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

let cachedEnv: string | undefined;

function codeFiles(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) codeFiles(full, out);
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
}

/**
 * What every cached result depends on besides the catalogue files: the tool (its version and
 * the hash of its own code, so a rebuilt tool never reads results of the previous build), the
 * JSON Schemas, and the runtime (Node and its Unicode tables, which NFC normalisation uses).
 */
export function environmentKey(): string {
  if (cachedEnv !== undefined) return cachedEnv;
  const h = createHash('sha256');
  const root = packageRoot();
  h.update(readFileSync(path.join(root, 'package.json')));
  // The folder this module was loaded from: src/ under vitest, dist/src/ once built.
  const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files: string[] = [];
  codeFiles(srcDir, files);
  for (const f of files.sort()) h.update(path.relative(srcDir, f)).update('\0').update(readFileSync(f)).update('\0');
  const schemas = schemasDir();
  for (const name of readdirSync(schemas).sort()) if (name.endsWith('.json')) h.update(name).update(readFileSync(path.join(schemas, name)));
  h.update(JSON.stringify([process.versions.node, process.versions.icu, process.versions.unicode]));
  return (cachedEnv = h.digest('hex'));
}
