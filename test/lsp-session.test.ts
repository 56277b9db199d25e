import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { IncrementalSession } from '../src/lsp/incremental-session.js';
import { MemorySession, type Analysis } from '../src/lsp/session.js';
import { ROOT } from './helpers/paths.js';

/**
 * The language server's default session (IncrementalSession, on the incremental cache) answers
 * exactly what the plain in-memory session (MemorySession, everything re-run) answers, over
 * random sequences of typing, closing, and disk edits, creations and deletions by other tools.
 */

const TODAY = '2026-11-25';
const NAMES = ['1.001193-dang-ky-khai-sinh.yaml', '1.000656-dang-ky-khai-tu.yaml', '1.000894-dang-ky-ket-hon.yaml'];
const tmp = mkdtempSync(path.join(tmpdir(), 'tthc-lsp-session-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let made = 0;
function workspace(): { ws: string; files: string[]; originals: Map<string, string> } {
  const ws = path.join(tmp, `ws-${made++}`);
  cpSync(path.join(ROOT, 'procedures', 'registry'), path.join(ws, 'procedures', 'registry'), { recursive: true });
  const dir = path.join(ws, 'procedures', 'curated', 'ho-tich');
  mkdirSync(dir, { recursive: true });
  const files = NAMES.map((n) => path.join(dir, n));
  NAMES.forEach((n, i) => cpSync(path.join(ROOT, 'procedures', 'curated', 'ho-tich', n), files[i] as string));
  // A fourth file that other tools create and delete.
  files.push(path.join(dir, '9.999999-moi.yaml'));
  const originals = new Map(files.slice(0, 3).map((f) => [f, readFileSync(f, 'utf8')]));
  return { ws, files, originals };
}

/** Texts a user or a tool may leave in a file. */
function variant(text: string, k: number): string {
  switch (k % 7) {
    case 0: return text.replace('online: partial', 'online: parital'); // schema error
    case 1: return text.replace(/^code: .*$/m, 'code: "1.001193"'); // duplicate code
    case 2: return text.replace('document: giay-chung-sinh', 'document: phieu-bao-thay-doi-ho-khau'); // abolished, with a fix
    case 3: return `# ghi chú\n\n${text}`; // positions move
    case 4: return `${text}\nfoo: [1, 2\n`; // broken YAML
    case 5: return '';
    default: return text;
  }
}

type Op =
  | { kind: 'type'; file: number; k: number }
  | { kind: 'close'; file: number }
  | { kind: 'disk'; file: number; k: number }
  | { kind: 'delete'; file: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), file: fc.nat(3), k: fc.nat(6) }),
  fc.record({ kind: fc.constant('close' as const), file: fc.nat(3) }),
  fc.record({ kind: fc.constant('disk' as const), file: fc.nat(3), k: fc.nat(6) }),
  fc.record({ kind: fc.constant('delete' as const), file: fc.nat(3) }),
);

const view = (a: Analysis): string => JSON.stringify({
  diagnostics: [...a.diagnostics].sort(([x], [y]) => x.localeCompare(y)),
  fixes: [...a.fixes].sort(([x], [y]) => x.localeCompare(y)),
});

describe('IncrementalSession answers as MemorySession', () => {
  it('after every step of random typing, closing and disk changes', () => {
    let tick = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), fc.nat(), (ops, seed) => {
        const { ws, files, originals } = workspace();
        const options = { folders: [path.join(ws, 'procedures')], cwd: ws, today: TODAY };
        const plain = new MemorySession(options);
        const incremental = new IncrementalSession(options);
        const open = new Set<string>([files[seed % 3] as string]);
        const base = (i: number): string => originals.get(files[i % 3] as string) as string;
        expect(view(incremental.analyze([...open]))).toBe(view(plain.analyze([...open])));
        for (const o of ops) {
          const file = files[o.file] as string;
          // (Unsaved text of a file that is not on disk — a new buffer — is where the two part:
          // MemorySession ignores it, IncrementalSession checks it; tested on its own below.)
          if (o.kind === 'type') {
            if (!existsSync(file)) continue;
            const text = variant(readFileSync(file, 'utf8'), o.k);
            for (const s of [plain, incremental]) s.setText(file, text);
            open.add(file);
          } else if (o.kind === 'close') {
            for (const s of [plain, incremental]) s.setText(file, undefined);
            open.delete(file);
          } else if (o.kind === 'disk') {
            writeFileSync(file, variant(base(o.file), o.k).replace(/^code: .*$/m, o.file === 3 ? 'code: "9.999999"' : '$&'));
            // A distinct modification time, as a real edit seconds apart would have.
            const t = new Date(Date.UTC(2026, 0, 1) + ++tick * 1000);
            utimesSync(file, t, t);
          } else if (existsSync(file) && !open.has(file)) rmSync(file);
          const asked = [...open].sort();
          expect(view(incremental.analyze(asked))).toBe(view(plain.analyze(asked)));
        }
        rmSync(ws, { recursive: true, force: true });
      }),
      { numRuns: Number(process.env['TTHC_PROPERTY_RUNS'] ?? 20) },
    );
  }, 240_000);

  it('checks the unsaved text of a file not yet on disk (a new buffer in the catalogue folder)', () => {
    const { ws, files, originals } = workspace();
    const session = new IncrementalSession({ folders: [path.join(ws, 'procedures')], cwd: ws, today: TODAY });
    const fresh = files[3] as string;
    session.setText(fresh, (originals.get(files[0] as string) as string).replace('online: partial', 'online: parital'));
    const found = session.analyze([files[0] as string, fresh]).diagnostics;
    expect(found.get(fresh)?.map((d) => d.code).sort()).toEqual(['TTHC204', 'TTHC304']);
    expect(found.get(files[0] as string)?.map((d) => d.code)).toEqual(['TTHC304']);
    rmSync(ws, { recursive: true, force: true });
  });

  it('re-checks only what an edit feeds, and starts warm from the cache file', () => {
    const { ws, files } = workspace();
    const cacheDir = path.join(ws, 'cache');
    const options = { folders: [path.join(ws, 'procedures')], cwd: ws, today: TODAY, cacheDir };
    const first = new IncrementalSession(options);
    const file = files[0] as string;
    expect(first.analyze([file]).diagnostics.get(file)).toEqual([]);
    first.setText(file, readFileSync(file, 'utf8').replace('online: partial', 'online: parital'));
    expect(first.analyze([file]).diagnostics.get(file)?.map((d) => d.code)).toEqual(['TTHC204']);
    first.setText(file, undefined);
    expect(first.analyze([file]).diagnostics.get(file)).toEqual([]);
    first.save();
    expect(existsSync(cacheDir)).toBe(true);
    // A new server on the same workspace answers the same from the cache file.
    const second = new IncrementalSession(options);
    const plain = new MemorySession(options);
    expect(view(second.analyze([file]))).toBe(view(plain.analyze([file])));
    expect(second.takeNotices()).toEqual([]);
    // A damaged cache file is said once (TTHC801, for the editor's log) and rebuilt, never trusted.
    const cacheFile = path.join(cacheDir, readdirSync(cacheDir).find((n) => n.endsWith('.json')) as string);
    writeFileSync(cacheFile, readFileSync(cacheFile).subarray(0, 5000));
    const third = new IncrementalSession(options);
    expect(view(third.analyze([file]))).toBe(view(plain.analyze([file])));
    expect(third.takeNotices().map((d) => d.code)).toEqual(['TTHC801']);
    expect(third.takeNotices()).toEqual([]);
    rmSync(ws, { recursive: true, force: true });
  });
});
