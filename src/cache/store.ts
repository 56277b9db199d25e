import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { ensureDir } from '../util/fs.js';
import { CACHE_CODES } from './codes.js';

/**
 * The cache file: one header line, then a JSON body.
 *
 *     {"magic":"tthc-cache","format":1,"env":"<hash>","bytes":<n>,"sha256":"<hash>"}\n<body>
 *
 * Reading checks the magic and format (a foreign file), the length and the SHA-256 of the body
 * (a truncated or altered file) before parsing anything: a file that fails is never used. A
 * different `env` (another tool build, other schemas, another Node) is simply stale. Writing
 * goes through a temporary file and a rename, so a reader sees the old file or the new one.
 */

const MAGIC = 'tthc-cache';
const FORMAT = 1;
/**
 * Name of the cache file of one catalogue inside the cache folder: one per set of paths and
 * catalogue roots, so that two catalogues of a project do not evict each other.
 */
export function cacheFileName(key: string): string {
  return `catalogue-${key.slice(0, 16)}.v1.json`;
}

/** What reading a cache file gave. */
export interface StoreRead<T> {
  body: T | undefined;
  /** Why the file was not used (TTHC801), when it was damaged or foreign. */
  notices: Diagnostic[];
}

/**
 * The default cache folder: `node_modules/.cache/tthc` in the nearest folder from `cwd`
 * upwards that has a `package.json` (the convention of find-cache-dir), else under `cwd`.
 */
export function defaultCacheDir(cwd: string): string {
  let dir = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'node_modules', '.cache', 'tthc');
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(path.resolve(cwd), 'node_modules', '.cache', 'tthc');
    dir = parent;
  }
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads and verifies a cache file; `undefined` body when absent, stale or damaged. */
export function readStore<T>(dir: string, name: string, env: string): StoreRead<T> {
  const file = path.join(dir, name);
  if (!existsSync(file)) return { body: undefined, notices: [] };
  const damaged = (reason: string): StoreRead<T> => ({
    body: undefined,
    notices: [makeDiagnostic(CACHE_CODES.info('cache-rebuilt'), { file, range: null, procedure: null }, { path: file, reason })],
  });
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return damaged((error as NodeJS.ErrnoException).code ?? 'EIO');
  }
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return damaged('no header');
  let header: { magic?: unknown; format?: unknown; env?: unknown; bytes?: unknown; sha256?: unknown };
  try {
    header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as typeof header;
  } catch {
    return damaged('no header');
  }
  if (header === null || typeof header !== 'object' || header.magic !== MAGIC) return damaged('not a tthc cache file');
  if (header.format !== FORMAT || header.env !== env) return { body: undefined, notices: [] };
  const body = bytes.subarray(newline + 1);
  if (body.length !== header.bytes) return damaged(`truncated: ${body.length} of ${String(header.bytes)} bytes`);
  if (sha256(body) !== header.sha256) return damaged('checksum mismatch');
  try {
    return { body: JSON.parse(body.toString('utf8')) as T, notices: [] };
  } catch {
    return damaged('unreadable body');
  }
}

/** Writes a cache file atomically; returns a TTHC802 notice when it cannot. */
export function writeStore(dir: string, name: string, env: string, body: unknown): Diagnostic[] {
  const file = path.join(dir, name);
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  try {
    ensureDir(dir);
    const data = Buffer.from(JSON.stringify(body), 'utf8');
    const header = JSON.stringify({ magic: MAGIC, format: FORMAT, env, bytes: data.length, sha256: sha256(data) });
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), data]));
    renameSync(tmp, file);
    return [];
  } catch (error) {
    try {
      if (existsSync(tmp)) unlinkSync(tmp);
    } catch {
      // nothing more to clean
    }
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return [makeDiagnostic(CACHE_CODES.info('cache-not-written'), { file: dir, range: null, procedure: null }, { path: dir, reason })];
  }
}
