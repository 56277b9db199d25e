import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SiteError } from './codes.js';

/**
 * Writes a site folder all at once: files go to a temporary sibling folder, which replaces
 * the output folder only when everything was written. A failure leaves the previous site
 * as it was and no half-written one. A non-empty folder is only replaced when tthc site
 * wrote it (it holds the marker file), so a mistaken `--out ~` deletes nothing.
 */

/** The marker file of a folder written by tthc site. */
export const MARKER = '.tthc-site';

/** Throws {@link SiteError} unless `out` is absent, empty, or a folder tthc site wrote. */
export function assertOutputFolder(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new SiteError('site-out-not-ours', { out });
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(MARKER)) throw new SiteError('site-out-not-ours', { out });
}

/** A site being written. */
export class SiteWriter {
  readonly sizes = new Map<string, number>();
  private readonly temp: string;
  private done = false;

  /** Starts writing `out` (absolute); throws {@link SiteError} when the folder is someone else's. */
  constructor(private readonly out: string) {
    assertOutputFolder(out);
    this.temp = `${out}.tmp-${process.pid}`;
    try {
      rmSync(this.temp, { recursive: true, force: true });
      mkdirSync(this.temp, { recursive: true });
    } catch (error) {
      throw new SiteError('site-write-failed', { out, detail: (error as Error).message });
    }
  }

  /**
   * Writes one file (path relative to the site root, with "/").
   *
   * @example
   * writer.file('p/1.001193.html', text)
   */
  file(relative: string, content: string | Uint8Array): void {
    if (relative.split('/').some((part) => part === '..' || part === '')) throw new Error(`internal: bad site path ${relative}`);
    const target = path.join(this.temp, ...relative.split('/'));
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    } catch (error) {
      throw new SiteError('site-write-failed', { out: this.out, detail: (error as Error).message });
    }
    this.sizes.set(relative, typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength);
  }

  /** Copies a folder's files into the site under `prefix`, in a stable order. */
  copyTree(from: string, prefix: string): void {
    const walk = (dir: string, rel: string): void => {
      for (const name of readdirSync(dir).sort()) {
        const abs = path.join(dir, name);
        const r = rel === '' ? name : `${rel}/${name}`;
        if (statSync(abs).isDirectory()) walk(abs, r);
        else this.file(`${prefix}/${r}`, readFileSync(abs));
      }
    };
    walk(from, '');
  }

  /** Puts the finished site in place of the output folder. */
  commit(): void {
    this.file(MARKER, 'This folder was written by `tthc site`; the next run replaces it whole.\n');
    const old = `${this.out}.old-${process.pid}`;
    try {
      if (existsSync(this.out)) renameSync(this.out, old);
      renameSync(this.temp, this.out);
      rmSync(old, { recursive: true, force: true });
    } catch (error) {
      if (!existsSync(this.out) && existsSync(old)) renameSync(old, this.out);
      throw new SiteError('site-write-failed', { out: this.out, detail: (error as Error).message });
    }
    this.done = true;
  }

  /** Removes the temporary folder (after a failure). */
  abort(): void {
    if (!this.done) rmSync(this.temp, { recursive: true, force: true });
  }
}
