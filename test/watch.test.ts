import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { runWatch } from '../src/cli/commands/watch.js';
import { ROOT } from './helpers/paths.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'tthc-watch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A few fixture files: the check fixtures' registry and a variant with its base. */
function catalogue(name: string): string {
  const dir = path.join(tmp, name);
  cpSync(path.join(ROOT, 'test/fixtures/checks/registry'), path.join(dir, 'registry'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/checks/local-addition/valid'), path.join(dir, 'procedures'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"name":"watched","private":true}\n');
  return dir;
}

/** Resolves when `text` has printed something matching `pattern`. */
function waitFor(read: () => string, pattern: RegExp, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (pattern.test(read())) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > 20_000) {
        clearInterval(poll);
        reject(new Error(`no ${what} in:\n${read()}`));
      }
    }, 25);
  });
}

describe('tthc watch', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT });
  });

  it('prints only what changed when a file is saved: the new finding, then that it is fixed', async () => {
    const dir = catalogue('spawned');
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'tthc.js'), 'watch', 'procedures', '--lang', 'en', '--today', '2026-11-22'], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor(() => out, /Watching 2 files/, 'start line');
      const file = path.join(dir, 'procedures', 'base.yaml');
      const original = readFileSync(file, 'utf8');
      writeFileSync(file, `${original}\nunknownKey: 1\n`);
      // The file no longer matches the schema: the schema error is new, and the check findings on
      // the procedure go (it is not checked while invalid).
      await waitFor(() => out, /procedures\/base\.yaml: 1 new, \d+ fixed/, 'change report');
      expect(out).toMatch(/\+ \d+:1 {2}error {2}TTHC202 /);
      const afterAdd = out.length;
      writeFileSync(file, original);
      await waitFor(() => out.slice(afterAdd), /\d+ new, 1 fixed/, 'fix report');
      expect(out.slice(afterAdd)).toMatch(/- \d+:1 {2}error {2}TTHC202 .*\(fixed\)/);
      // Only the change is printed, never the whole report again.
      expect(out.match(/TTHC202/g)).toHaveLength(2);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(err).toBe('');
  });

  it('stops with TTHC803 and exit 2 when a folder cannot be watched', async () => {
    const dir = catalogue('refused');
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (t: string) => (stderr += t), cwd: dir, env: {}, isTTY: false };
    const code = await runWatch(['procedures'], { lang: 'en', today: '2026-11-22', cache: false }, io, {
      watch: () => {
        throw Object.assign(new Error('too many watches'), { code: 'ENOSPC' });
      },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/TTHC803 Cannot watch .*: ENOSPC/);
  });

  it('refuses a bad --today, a missing path and a broken configuration as usage errors, before watching', async () => {
    const dir = catalogue('usage');
    const io = { stdout: () => undefined, stderr: () => undefined, cwd: dir, env: {}, isTTY: false };
    await expect(runWatch(['procedures'], { lang: 'en', today: '22/11/2026', cache: false }, io)).rejects.toThrow(/--today takes YYYY-MM-DD, got "22\/11\/2026"/);
    await expect(runWatch(['khong-co'], { lang: 'en', cache: false }, io)).rejects.toThrow(/TTHC901/);
    writeFileSync(path.join(dir, 'tthc.config.yaml'), 'rules: [1, 2\n');
    await expect(runWatch(['procedures'], { lang: 'en', cache: false }, io)).rejects.toThrow(/tthc\.config\.yaml/);
  });

  it('in Vietnamese: the start line and a change, without English words', async () => {
    const dir = catalogue('vi');
    let stdout = '';
    const controller = new AbortController();
    const listeners: ((event: string, name: string | null) => void)[] = [];
    const io = { stdout: (t: string) => (stdout += t), stderr: () => undefined, cwd: dir, env: {}, isTTY: false };
    const done = runWatch(['procedures'], { lang: 'vi', today: '2026-11-22', cache: false }, io, {
      signal: controller.signal,
      debounceMs: 1,
      watch: (_dir, listener) => {
        listeners.push(listener);
        return { close: () => undefined, on: () => undefined } as unknown as import('node:fs').FSWatcher;
      },
    });
    await waitFor(() => stdout, /Đang theo dõi 2 tệp/, 'start line');
    writeFileSync(path.join(dir, 'procedures', 'variant.yaml'), `${readFileSync(path.join(dir, 'procedures', 'variant.yaml'), 'utf8')}\nfoo: 1\n`);
    for (const l of listeners) l('change', 'variant.yaml');
    await waitFor(() => stdout, /1 mới, \d+ đã hết/, 'change report');
    expect(stdout).toMatch(/\+ \d+:1 {2}lỗi {2}TTHC202/);
    controller.abort();
    expect(await done).toBe(0);
  });
});
