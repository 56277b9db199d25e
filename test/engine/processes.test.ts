import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DossierEngine } from '../../src/engine/engine.js';
import { EngineError } from '../../src/engine/errors.js';
import { openEmbeddedStore } from '../../src/engine/store/embedded-store.js';
import { dropPostgresSchema, openPostgresStore } from '../../src/engine/store/postgres-store.js';
import type { Store } from '../../src/engine/store/types.js';
import { hashToken, writeOperatorFile } from '../../src/server/operator-file.js';
import { runCli } from '../helpers/cli.js';
import { agencies, birthFiling, calendar, COMMUNE, procedures } from './fixtures.js';
import { PG_URL, uniqueSchema } from './stores.js';

/**
 * Tests across processes: the embedded store's folder lock, a process killed between any two
 * statements, and two engine workers sharing one PostgreSQL database under load. Child
 * processes run the TypeScript sources through tsx.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const children: ChildProcess[] = [];

function start(script: string, args: string[]): { child: ChildProcess; output: () => string; ready: (pattern: RegExp) => Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'engine', 'processes', script), ...args], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const ready = (pattern: RegExp): Promise<void> => new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (pattern.test(out)) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`process ended: ${out}`));
      }
    }, 50);
  });
  return { child, output: () => out, ready };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Every dossier's log is complete and contiguous, its state is its last event's, and numbers were never handed out twice. */
async function checkConsistent(store: Store): Promise<number> {
  const engine = new DossierEngine({ store, procedures, agencies, calendar });
  let dossiers = 0;
  const numbers = new Set<string>();
  for await (const page of store.scan({})) {
    for (const d of page) {
      dossiers++;
      const events = await store.events(d.id);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: d.version }, (_, i) => i + 1));
      expect(events.at(-1)?.to).toBe(d.state);
      expect((await engine.replay(d.id)).matches).toBe(true);
      expect(numbers.has(d.number)).toBe(false);
      numbers.add(d.number);
    }
  }
  // Per agency and day, the numbers used run from 0001 without a gap: a creation rolled back
  // by a kill gave its number back with everything else.
  const byDay = new Map<string, number[]>();
  for (const n of numbers) {
    const key = n.slice(0, -5);
    byDay.set(key, [...(byDay.get(key) ?? []), Number(n.slice(-4))]);
  }
  for (const sequences of byDay.values()) {
    sequences.sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
  }
  return dossiers;
}

describe('the embedded store across processes', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'tthc-proc-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses a second opener of the same folder with TTHC620, and survives its owner being killed at any moment', async () => {
    for (let round = 0; round < 2; round++) {
      const writer = start('writer.ts', ['embedded', folder]);
      await writer.ready(/ready/);
      const second = await openEmbeddedStore({ folder }).then(() => null, (e: unknown) => e);
      expect(second).toBeInstanceOf(EngineError);
      expect((second as EngineError).code).toBe('TTHC620');
      if (round === 0) {
        const cli = await runCli(['serve', '--data', folder, '--tokens', path.join(folder, 'missing.yaml'), '--lang', 'en'], { cwd: ROOT });
        expect(cli.code).toBe(2);
        const tokens = path.join(folder, '..', `tokens-${process.pid}.yaml`);
        writeOperatorFile(tokens, { agencies: agencies.all(), tokens: [{ id: 'quan-tri', role: 'administrator', sha256: hashToken('tthc_admin-token-for-lock-test-000') }] });
        const locked = await runCli(['serve', '--data', folder, '--tokens', tokens, '--lang', 'en'], { cwd: ROOT });
        expect(locked.code).toBe(1);
        expect(locked.stderr).toContain('TTHC620');
        rmSync(tokens);
      }
      await sleep(300 + Math.floor(Math.random() * 1200));
      writer.child.kill('SIGKILL');
      await new Promise((r) => writer.child.once('exit', r));
      await sleep(2600); // the dead owner's lock goes stale
    }
    const store = await openEmbeddedStore({ folder, lockStaleMs: 2000 });
    try {
      expect(await checkConsistent(store)).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('PostgreSQL with several processes', () => {
  const schema = uniqueSchema('proc');
  let dir: string;
  const TOKENS = { admin: 'tthc_admin-token-two-workers-0000001', reception: 'tthc_reception-token-two-workers-02', specialist: 'tthc_specialist-token-two-workers-3', applicant: 'tthc_applicant-token-two-workers-04' };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tthc-pg-'));
    writeOperatorFile(path.join(dir, 'tokens.yaml'), {
      agencies: agencies.all(),
      tokens: [
        { id: 'quan-tri', role: 'administrator', sha256: hashToken(TOKENS.admin) },
        { id: 'tn-xa', role: 'reception', agency: COMMUNE, sha256: hashToken(TOKENS.reception) },
        { id: 'cv-xa', role: 'specialist', agency: COMMUNE, sha256: hashToken(TOKENS.specialist) },
        { id: '001099000001', role: 'applicant', sha256: hashToken(TOKENS.applicant) },
      ],
    });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropPostgresSchema(PG_URL, schema);
  });

  it('loses nothing when a worker is killed between any two statements', async () => {
    const killSchema = `${schema}_kill`;
    try {
      for (let round = 0; round < 3; round++) {
        const writer = start('writer.ts', ['postgres', PG_URL, killSchema]);
        await writer.ready(/ready/);
        await sleep(300 + Math.floor(Math.random() * 1200));
        writer.child.kill('SIGKILL');
        await new Promise((r) => writer.child.once('exit', r));
      }
      const store = await openPostgresStore({ url: PG_URL, schema: killSchema });
      try {
        expect(await checkConsistent(store)).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
    } finally {
      await dropPostgresSchema(PG_URL, killSchema);
    }
  }, 120_000);

  it('runs two `tthc serve` workers on one database under concurrent load: commands once, one winner per version, each timer fired once', async () => {
    const ports = [18000 + (process.pid % 500) * 2, 18001 + (process.pid % 500) * 2];
    const workers = ports.map((port) => start('cli.ts', [
      'serve', '--database-url', PG_URL, '--schema', schema, '--port', String(port), '--tokens', path.join(dir, 'tokens.yaml'),
      '--simulated-clock', '2026-03-02T09:00', '--sweep-interval', '0', '--catalogue', path.join(ROOT, 'procedures', 'curated'), '--lang', 'en',
    ]));
    for (const w of workers) await w.ready(/listening on/);
    const base = ports.map((p) => `http://127.0.0.1:${p}`);
    const post = async (i: number, url: string, token: string, body: unknown) => {
      const res = await fetch(`${base[i % 2]}${url}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as Record<string, any> };
    };
    // 120 dossiers filed online through both workers at once.
    const created = await Promise.all(Array.from({ length: 120 }, (_, i) =>
      post(i, '/dossiers', TOKENS.applicant, { commandId: `two-${schema}-c${i}`, procedure: '1.001193', agency: COMMUNE, channel: 'online', ...birthFiling })));
    expect(created.every((r) => r.status === 201)).toBe(true);
    const ids = created.map((r) => r.json['dossierId'] as string);
    expect(new Set(created.map((r) => r.json['number'])).size).toBe(120);
    // Each command sent to both workers at once with the same id: applied once.
    const received = await Promise.all(ids.flatMap((id, i) => [0, 1].map((w) => post(w, `/dossiers/${id}/commands`, TOKENS.reception, { commandId: `two-${schema}-r${i}`, command: 'receive' }))));
    expect(received.every((r) => r.status === 200)).toBe(true);
    expect(received.filter((r) => r.json['replayed'] === false)).toHaveLength(120);
    // Different commands on the same version through both workers: exactly one wins.
    const raced = await Promise.all(ids.flatMap((id, i) => [
      post(0, `/dossiers/${id}/commands`, TOKENS.reception, { commandId: `two-${schema}-t${i}`, command: 'transfer', expectedVersion: 2 }),
      post(1, `/dossiers/${id}/commands`, TOKENS.reception, { commandId: `two-${schema}-w${i}`, command: 'withdraw', expectedVersion: 2 }),
    ]));
    for (let i = 0; i < ids.length; i++) {
      const pair = [raced[2 * i], raced[2 * i + 1]];
      expect(pair.filter((r) => r?.status === 200)).toHaveLength(1);
      expect(pair.filter((r) => r?.status === 409 && r.json['error']['code'] === 'TTHC603')).toHaveLength(1);
    }
    // Time passes on both workers; both sweep at once; each due timer fires once.
    const moved = await Promise.all([0, 1].map((w) => post(w, '/clock', TOKENS.admin, { to: '2026-03-05T08:00' })));
    expect(moved.every((r) => r.status === 200)).toBe(true);
    const fired = moved.reduce((n, r) => n + (r.json['swept']['fired'] as number), 0);
    const transferred = raced.filter((r, i) => i % 2 === 0 && r.status === 200).length;
    expect(fired).toBe(transferred);
    const store = await openPostgresStore({ url: PG_URL, schema });
    try {
      for (const id of ids) {
        const events = await store.events(id);
        const apologies = events.filter((e) => e.command === 'deadline-passed');
        const d = await store.dossier(id);
        expect(apologies).toHaveLength(d?.state === 'withdrawn' ? 0 : 1);
      }
      expect(await checkConsistent(store)).toBe(120);
    } finally {
      await store.close();
    }
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.child.exitCode === null ? w.child.once('exit', r) : r(null)))));
  }, 120_000);
});
