import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderSwap, recoverFolder } from '../src/util/folder-swap.js';

/** A pid no process has (beyond Linux's pid_max). */
const DEAD = 4_194_305;

let base: string;
let dir: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'tthc-swap-'));
  dir = path.join(base, 'out');
  mkdirSync(path.join(dir, 'a'), { recursive: true });
  writeFileSync(path.join(dir, 'a', 'kept.txt'), 'kept');
  writeFileSync(path.join(dir, 'a', 'changed.txt'), 'old');
  writeFileSync(path.join(dir, 'gone.txt'), 'gone');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('FolderSwap', () => {
  it('stages beside the folder and replaces it in one step; kept files are the same inode', () => {
    const keptInode = statSync(path.join(dir, 'a', 'kept.txt')).ino;
    const swap = new FolderSwap(dir);
    swap.write('a/changed.txt', 'new');
    swap.write('b/added.txt', 'added');
    swap.remove('gone.txt');
    // Nothing visible in the folder before the commit; the old content is intact.
    expect(readFileSync(path.join(dir, 'a', 'changed.txt'), 'utf8')).toBe('old');
    expect(existsSync(path.join(dir, 'gone.txt'))).toBe(true);
    expect(readdirSync(base).filter((n) => n.includes('.tthc-new-'))).toHaveLength(1);
    swap.commit();
    expect(readFileSync(path.join(dir, 'a', 'changed.txt'), 'utf8')).toBe('new');
    expect(readFileSync(path.join(dir, 'b', 'added.txt'), 'utf8')).toBe('added');
    expect(existsSync(path.join(dir, 'gone.txt'))).toBe(false);
    expect(statSync(path.join(dir, 'a', 'kept.txt')).ino).toBe(keptInode);
    expect(readdirSync(base)).toEqual(['out']);
  });

  it('abort leaves the folder as it was', () => {
    const swap = new FolderSwap(dir);
    swap.write('a/changed.txt', 'new');
    swap.abort();
    expect(readFileSync(path.join(dir, 'a', 'changed.txt'), 'utf8')).toBe('old');
    expect(readdirSync(base)).toEqual(['out']);
  });
});

describe('recoverFolder', () => {
  it('puts the old folder back when a run died between its two renames', () => {
    const old = path.join(base, `.out.tthc-old-${DEAD}`);
    const staged = path.join(base, `.out.tthc-new-${DEAD}`);
    mkdirSync(staged);
    writeFileSync(path.join(staged, 'half.txt'), 'half');
    // The state after rename(out → old) and before rename(new → out).
    rmSync(old, { recursive: true, force: true });
    renameSync(dir, old);
    expect(existsSync(dir)).toBe(false);
    expect(recoverFolder(dir)).toBe('restored');
    expect(readFileSync(path.join(dir, 'a', 'changed.txt'), 'utf8')).toBe('old');
    expect(readdirSync(base)).toEqual(['out']);
  });

  it('deletes a dead run’s staging folder and leaves a live one alone', () => {
    mkdirSync(path.join(base, `.out.tthc-new-${DEAD}`));
    const live = path.join(base, `.out.tthc-new-${process.ppid}`);
    mkdirSync(live);
    expect(recoverFolder(dir)).toBe('cleaned');
    expect(readdirSync(base).sort()).toEqual([`.out.tthc-new-${process.ppid}`, 'out']);
    expect(recoverFolder(dir)).toBe('clean');
  });
});
