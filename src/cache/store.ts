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
/** Name of the cache file inside the cache folder. */
export const CACHE_FILE = 'catalogue.v1.json';

/** What reading a cache file gave. */
export interface StoreRead<T> {
  body: T | undefined;
  /** Why the file was not used (TTHC801), when it was damaged or foreign. */
  notices: Diagnostic[];
}

/** The default cache folder of a project: `node_modules/.cache/tthc` under `cwd`. */
export function defaultCacheDir(cwd: string): string {
  return path.join(cwd, 'node_modules', '.cache', 'tthc');
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads and verifies a cache file; `undefined` body when absent, stale or damaged. */
export function readStore<T>(dir: string, env: string): StoreRead<T> {
  const file = path.join(dir, CACHE_FILE);
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
export function writeStore(dir: string, env: string, body: unknown): Diagnostic[] {
  const file = path.join(dir, CACHE_FILE);
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
