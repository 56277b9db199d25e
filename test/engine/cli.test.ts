import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore, dropPostgresSchema } from '../../src/engine/store/postgres-store.js';
import { readOperatorFile, TokenVerifier } from '../../src/server/operator-file.js';
import { runCli } from '../helpers/cli.js';
import { actors, cid, COMMUNE, makeEngine } from './fixtures.js';
import { PG_URL, uniqueSchema } from './stores.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'tthc-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[]) => runCli([...args, '--lang', 'en'], { cwd: ROOT });

describe('tthc token', () => {
  it('issues a token, prints it once and keeps only its hash', async () => {
    const file = path.join(dir, 'tokens.yaml');
    const r = await cli(['token', 'add', '--tokens', file, '--id', 'tiep-nhan-1', '--role', 'reception', '--agency', COMMUNE, '--agency-name', 'UBND xã An Bình', '--agency-level', 'commune', '--expires', '2099-01-01']);
    expect(r.code).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^tthc_[A-Za-z0-9_-]{43}$/);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(token);
    const data = readOperatorFile(file);
    expect(data.agencies).toEqual([{ code: COMMUNE, name: 'UBND xã An Bình', level: 'commune' }]);
    expect(new TokenVerifier(data.tokens).verify(`Bearer ${token}`)).toEqual({ actor: { id: 'tiep-nhan-1', role: 'reception', agency: COMMUNE } });
    const admin = await cli(['token', 'add', '--tokens', file, '--id', 'quan-tri', '--role', 'administrator']);
    expect(admin.code).toBe(0);
    expect(readOperatorFile(file).tokens).toHaveLength(2);
  });

  it('refuses incomplete or contradictory requests as usage errors', async () => {
    const file = path.join(dir, 'tokens2.yaml');
    expect((await cli(['token', 'add', '--tokens', file, '--id', 'x', '--role', 'specialist'])).code).toBe(2);
    expect((await cli(['token', 'add', '--tokens', file, '--id', 'x', '--role', 'applicant', '--agency', COMMUNE])).code).toBe(2);
    expect((await cli(['token', 'add', '--tokens', file, '--id', 'x', '--role', 'specialist', '--agency', COMMUNE])).stderr).toContain('--agency-name');
    expect((await cli(['token', 'add', '--tokens', file, '--id', 'x', '--role', 'mayor'])).code).toBe(2);
    expect((await cli(['token', 'add', '--tokens', file, '--id', 'x', '--role', 'approver', '--agency', 'H12'])).code).toBe(2);
    expect((await cli(['token', 'remove'])).code).toBe(2);
  });
});

describe('the operator file', () => {
  const bad = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  it.each([
    ['not YAML', 'agencies: [\n'],
    ['a duplicate key', 'agencies: []\nagencies: []\ntokens: []\n'],
    ['an unknown field', 'agencies: []\ntokens: []\npasswords: []\n'],
    ['a plain-text secret', `agencies: []\ntokens:\n  - { id: a, role: administrator, sha256: "tthc_plain" }\n`],
    ['an officer without an agency', `agencies: []\ntokens:\n  - { id: a, role: reception, sha256: "${'a'.repeat(64)}" }\n`],
    ['a token listed twice', `agencies: []\ntokens:\n  - { id: a, role: administrator, sha256: "${'a'.repeat(64)}" }\n  - { id: b, role: administrator, sha256: "${'a'.repeat(64)}" }\n`],
    ['a bad agency identifier', 'agencies:\n  - { code: "H12", name: x, level: commune }\ntokens: []\n'],
  ])('is refused with TTHC633 when it has %s', async (_what, text) => {
    const file = bad(`bad-${Math.random().toString(36).slice(2)}.yaml`, text);
    expect(() => readOperatorFile(file)).toThrow(/TTHC633/);
    const r = await cli(['serve', '--tokens', file, '--data', path.join(dir, 'unused')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('TTHC633');
  });

  it('is required: serve has no default tokens', async () => {
    const r = await cli(['serve', '--data', path.join(dir, 'unused')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--tokens');
  });
});

describe('tthc kpi', () => {
  const schema = uniqueSchema('kpi');
  afterAll(() => dropPostgresSchema(PG_URL, schema));

  it('reads the figures of a PostgreSQL store in every format', async () => {
    const store = await openPostgresStore({ url: PG_URL, schema });
    const { engine } = makeEngine(store);
    for (let i = 0; i < 3; i++) {
      const { dossierId } = await engine.create({ commandId: cid(), actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: `a${i}`, components: ['to-khai', 'giay-to-tuy-than', 'giay-to-cu-tru'] });
      if (i > 0) await engine.apply({ commandId: cid(), dossierId, command: 'receive', actor: actors.reception });
    }
    await store.close();
    const json = await cli(['kpi', '--database-url', PG_URL, '--schema', schema, '--by', 'level', '--format', 'json', '--at', '2026-03-03T09:00', '--catalogue', 'procedures/curated']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.total).toMatchObject({ submitted: 3, inProgressWithinTime: 2, notRated: 1 });
    const md = await cli(['kpi', '--database-url', PG_URL, '--schema', schema, '--format', 'markdown', '--catalogue', 'procedures/curated']);
    expect(md.stdout).toContain('| Level |');
    const csv = await cli(['kpi', '--database-url', PG_URL, '--schema', schema, '--format', 'csv', '--by', 'procedure', '--catalogue', 'procedures/curated']);
    expect(csv.stdout.split('\r\n')[1]).toMatch(/^1\.004873,"?Thủ tục cấp Giấy xác nhận tình trạng hôn nhân/);
    expect((await cli(['kpi', '--from', 'yesterday'])).code).toBe(2);
  });
});

describe('tthc simulate', () => {
  it('gives the same figures for the same seed, and compares a what-if (4 tại chỗ) before and after', async () => {
    const args = ['simulate', '--seed', '3', '--dossiers', '400', '--format', 'json', '--catalogue', 'procedures/curated'];
    const a = await cli([...args, '--what-if', 'four-on-spot=1.004873']);
    expect(a.code, a.stderr).toBe(0);
    const first = JSON.parse(a.stdout);
    expect(first.baseline.refused).toBe(0);
    expect(first.baseline.report.total.submitted).toBe(400);
    expect(first.baseline.report.total.onSpot).toBe(0);
    expect(first.whatIf.report.total.onSpot).toBeGreaterThan(0);
    expect(first.whatIf.changes).toEqual(['four-on-spot=1.004873']);
    const b = JSON.parse((await cli(args)).stdout);
    expect(b.baseline.report).toEqual(first.baseline.report);
    const table = await cli(['simulate', '--seed', '3', '--dossiers', '200', '--catalogue', 'procedures/curated', '--what-if', 'stage-budget=1.013978:ubnd-xa-kiem-tra:2']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Before');
    expect(table.stdout).toContain('Total: On-time rate');
  }, 120_000);

  it('refuses bad options as usage errors', async () => {
    expect((await cli(['simulate', '--dossiers', '0'])).code).toBe(2);
    const w = await cli(['simulate', '--what-if', 'faster=everything']);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('four-on-spot=<code>');
    expect((await cli(['simulate', '--store', 'postgres', '--dossiers', '10', '--catalogue', 'procedures/curated'])).code).toBe(2);
    expect((await cli(['serve', '--port', '99999', '--tokens', 'x'])).code).toBe(2);
  });

  it('refuses, before any work, an in-memory year larger than the heap, and says what to do', async () => {
    // 10 million dossiers need about 137 GB of heap: more than any Node default.
    const vi = await cli(['simulate', '--dossiers', '10000000', '--lang', 'vi']);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain('TTHC640');
    expect(vi.stderr).toMatch(/Mô phỏng 10.000.000 hồ sơ trong bộ nhớ cần khoảng \d+ MB vùng nhớ của Node; giới hạn hiện tại là \d+ MB/);
    expect(vi.stderr).toContain('--store embedded');
    const en = await cli(['simulate', '--dossiers', '10000000', '--lang', 'en']);
    expect(en.stderr).toMatch(/TTHC640.*Simulating 10,000,000 dossiers in memory needs about \d+ MB of Node's heap/);
    expect(en.stderr).toMatch(/node --max-old-space-size=\d+ bin\/tthc\.js simulate/);
    expect(en.stdout).toBe('');
  });
});
