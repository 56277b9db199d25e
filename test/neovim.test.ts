import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

/**
 * `tthc lsp` in a real editor: Debian's Neovim (its built-in LSP client, headless) opens a
 * procedure of a small catalogue, types a mistake key by key without saving, shows our
 * finding, offers and applies the quick fix. test/lsp.test.ts drives the server with a
 * JSON-RPC library; this proves an editor we did not write agrees with it. (VS Code cannot
 * run on these machines: it is neither a Debian package nor installable from the npm
 * registry; editors/vscode/ uses the same server the same way.)
 * Needs `nvim` (installed by .ci/ensure-neovim.sh, which `npm test` runs first).
 */

const BIRTH = '1.001193-dang-ky-khai-sinh.yaml';
const ws = mkdtempSync(path.join(tmpdir(), 'tthc-nvim-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));

interface Seen { code: string; line: number; col: number; endCol: number; message: string; source: string; severity: number }
interface Step { name: string; ok: boolean; diagnostics: Seen[]; published: number }
interface Outcome { steps: Step[]; typed?: string; modified?: boolean; actions?: { title: string; kind: string }[]; fixed?: string }

describe('Neovim shows our findings as you type', () => {
  it('publishes a typed (unsaved) abolished document at its place, in Vietnamese, and applies the quick fix', () => {
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    expect(nvim.error, 'nvim is missing: run `bash .ci/ensure-neovim.sh` (Debian\'s neovim; npm test runs it first)').toBeUndefined();
    cpSync(path.join(ROOT, 'procedures', 'registry'), path.join(ws, 'procedures', 'registry'), { recursive: true });
    const dir = path.join(ws, 'procedures', 'curated', 'ho-tich');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, BIRTH);
    cpSync(path.join(ROOT, 'procedures', 'curated', 'ho-tich', BIRTH), file);
    const onDisk = readFileSync(file, 'utf8');
    const out = path.join(ws, 'seen.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${path.join(ROOT, 'test', 'editors', 'neovim-lsp.lua')}`], {
      cwd: ws,
      encoding: 'utf8',
      timeout: 150_000,
      env: {
        ...process.env,
        TTHC_WS: ws,
        TTHC_FILE: file,
        TTHC_OUT: out,
        TTHC_CMD: JSON.stringify([process.execPath, path.join(ROOT, 'bin', 'tthc.js'), 'lsp', '--lang', 'vi']),
      },
    });
    expect(run.status, `nvim: ${run.stderr}${run.stdout}`).toBe(0);
    const seen = JSON.parse(readFileSync(out, 'utf8')) as Outcome;
    const [opened, typed, fixed] = seen.steps;
    expect(opened).toMatchObject({ name: 'opened', ok: true, diagnostics: [] });

    // Typed in insert mode, not saved.
    expect(seen.typed).toBe('    document: phieu-bao-thay-doi-ho-khau');
    expect(seen.modified).toBe(true);
    expect(typed?.ok).toBe(true);
    const finding = typed?.diagnostics.find((d) => d.code === 'TTHC402') as Seen;
    const line = onDisk.split('\n').findIndex((l) => l.includes('document: giay-chung-sinh'));
    expect(finding).toMatchObject({ line, col: 14, source: 'tthc' });
    expect(finding.message).toMatch(/[ăâđêôơư]/);
    expect(finding.message).toContain('"Phiếu báo thay đổi hộ khẩu, nhân khẩu", giấy tờ đã bị bãi bỏ từ ngày 01/07/2021');

    expect(seen.actions?.find((a) => a.kind === 'quickfix')?.title).toBe('Thay bằng giấy tờ thay thế: Tờ khai thay đổi thông tin cư trú');
    expect(seen.fixed).toBe('    document: to-khai-thay-doi-thong-tin-cu-tru');
    expect(fixed).toMatchObject({ name: 'fixed', ok: true, diagnostics: [] });
    // Nothing was written to disk: the findings came from the editor's unsaved text.
    expect(readFileSync(file, 'utf8')).toBe(onDisk);
  }, 180_000);
});
