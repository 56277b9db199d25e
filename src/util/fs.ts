import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Creates a folder and its missing parents, one level at a time. (Node's recursive mkdir can
 * spin forever on file systems that refuse the directory, such as /proc; this throws instead.)
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  while (!existsSync(current)) {
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (existsSync(current) && !statSync(current).isDirectory()) {
    throw Object.assign(new Error(`not a folder: ${current}`), { code: 'ENOTDIR' });
  }
  for (const d of missing.reverse()) mkdirSync(d);
}
