import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflow as maritalStatus } from '../../generated/workflows/1.004873.js';
import { SimulatedClock } from '../../src/engine/clock.js';
import { DossierEngine } from '../../src/engine/engine.js';
import { EngineError } from '../../src/engine/errors.js';
import { compileIR, staticSource } from '../../src/engine/procedures.js';
import { openEmbeddedStore } from '../../src/engine/store/embedded-store.js';
import { MemoryStore } from '../../src/engine/store/memory-store.js';
import { dropPostgresSchema, openPostgresStore } from '../../src/engine/store/postgres-store.js';
import type { SqlStore } from '../../src/engine/store/sql-store.js';
import { msOf } from '../../src/engine/time.js';
import { buildServer } from '../../src/server/app.js';
import { hashToken, TokenVerifier } from '../../src/server/operator-file.js';
import { runCli } from '../helpers/cli.js';
import { actors, agencies, calendar, cid, COMMUNE, makeEngine, procedures, START } from './fixtures.js';
import { PG_URL, uniqueSchema } from './stores.js';

/**
 * What the engine says when the world around it is broken: a day's dossier numbers used up,
 * a store it cannot open or whose schema is not its own, data damaged outside the engine (a
 * restore that lost the procedure revisions, a row edited by hand, a timer moved early), a
 * clock that is not simulated, an unexpected failure behind the HTTP API. Each is a coded
 * error with its HTTP status; none writes anything half-way.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const maritalFiling = { components: ['to-khai', 'giay-to-tuy-than', 'giay-to-cu-tru'] };
const ADMIN = 'tthc_failures-administrator-token-01';
const tokens = new TokenVerifier([{ id: 'quan-tri', role: 'administrator', sha256: hashToken(ADMIN) }]);

/** The engine error a promise is refused with (fails the test when it resolves or throws something else). */
async function refusal(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected the engine to refuse');
}

/** Runs SQL in a test schema, as an operator with psql would (superuser: may bypass constraints). */
async function sql(schema: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

async function receivedMarital(engine: DossierEngine): Promise<string> {
  const { dossierId } = await engine.create({ commandId: cid(), actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: '001099000777', ...maritalFiling });
  await engine.apply({ commandId: cid(), dossierId, command: 'receive', actor: actors.reception });
  return dossierId;
}

describe('dossier numbers (Circular 01/2018/TT-VPCP art. 19: XXXX, four digits a day)', () => {
  it('hands out 9999 numbers a day to an agency, refuses the 10000th with TTHC617, and starts again at 0001 the next day', async () => {
    const store = new MemoryStore();
    const { engine, clock } = makeEngine(store);
    const filing = (i: number) => ({ kind: 'create' as const, commandId: cid(), actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person' as const, applicant: `a${i}`, ...maritalFiling });
    const results = await engine.batch(Array.from({ length: 9999 }, (_, i) => filing(i)));
    expect(results.at(-1)?.number).toBe('000.01.21.H12-260302-9999');
    const full = await refusal(engine.create(filing(10_000)));
    expect([full.code, full.id, full.status]).toEqual(['TTHC617', 'dossier-number-exhausted', 503]);
    expect(full.render('en')).toBe('Agency 000.01.21.H12 has used all 9999 dossier numbers of 2026-03-02.');
    // Nothing of the refused dossier was written.
    expect((await engine.list({ applicant: 'a10000' })).length).toBe(0);
    clock.set(msOf('2026-03-03T08:00'));
    expect((await engine.create(filing(10_001))).number).toBe('000.01.21.H12-260303-0001');
    await store.close();
  }, 120_000);
});

describe('stores that cannot be opened', () => {
  it('says TTHC621 when PostgreSQL does not answer, the data folder cannot be made, or the store was closed', async () => {
    const nowhere = await refusal(openPostgresStore({ url: 'postgres://postgres@127.0.0.1:1/test' }));
    expect([nowhere.code, nowhere.id, nowhere.status]).toEqual(['TTHC621', 'store-unavailable', 503]);
    expect(nowhere.render('en')).toMatch(/^Cannot open the store: .*ECONNREFUSED/);
    expect(nowhere.hint('vi')).toContain('postgres://máy:cổng/csdl');
    const dir = mkdtempSync(path.join(tmpdir(), 'tthc-failures-'));
    try {
      writeFileSync(path.join(dir, 'a-file'), 'not a folder');
      const folder = await refusal(openEmbeddedStore({ folder: path.join(dir, 'a-file', 'data') }));
      expect([folder.code, folder.status]).toEqual(['TTHC621', 503]);
      expect(folder.render('en')).toContain('a-file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const store = new MemoryStore();
    const { engine } = makeEngine(store);
    await store.close();
    const closed = await refusal(engine.create({ commandId: cid(), actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', ...maritalFiling }));
    expect([closed.code, closed.render('en')]).toEqual(['TTHC621', 'Cannot open the store: the store is closed']);
  });

  it('makes tthc kpi exit 1 with TTHC621 and what to do when the database is unreachable', async () => {
    const r = await runCli(['kpi', '--database-url', 'postgres://postgres@127.0.0.1:1/test', '--catalogue', 'procedures/curated', '--lang', 'en'], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tthc: TTHC621 Cannot open the store: /);
    expect(r.stderr).toContain('Check the data folder or the PostgreSQL address');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a PostgreSQL store whose data was changed outside the engine', () => {
  const schema = uniqueSchema('fail');
  let store: SqlStore;
  beforeAll(async () => {
    store = await openPostgresStore({ url: PG_URL, schema });
  });
  afterAll(async () => {
    await store.close();
    await dropPostgresSchema(PG_URL, schema);
  });

  it('refuses a schema migrated by a newer engine, or whose applied migration was edited, with TTHC622', async () => {
    const other = uniqueSchema('mig');
    try {
      await (await openPostgresStore({ url: PG_URL, schema: other })).close();
      await sql(other, "UPDATE tthc_migrations SET checksum = 'edited' WHERE version = 1");
      const edited = await refusal(openPostgresStore({ url: PG_URL, schema: other }));
      expect([edited.code, edited.id, edited.status]).toEqual(['TTHC622', 'store-schema-mismatch', 500]);
      expect(edited.render('en')).toBe('The store\'s schema does not match: migration 1 (dossiers, events, revisions, numbers) differs from the one applied');
      await sql(other, "UPDATE tthc_migrations SET checksum = $1 WHERE version = 1", [(await sql(schema, 'SELECT checksum FROM tthc_migrations WHERE version = 1')).rows[0].checksum]);
      await sql(other, "INSERT INTO tthc_migrations (version, name, checksum) VALUES (99, 'from the future', 'x')");
      const newer = await refusal(openPostgresStore({ url: PG_URL, schema: other }));
      expect([newer.code, newer.render('en')]).toEqual(['TTHC622', 'The store\'s schema does not match: the database is at migration 99; this engine knows up to 1']);
    } finally {
      await dropPostgresSchema(PG_URL, other);
    }
  });

  it('refuses to issue an apology slip before the due moment (TTHC616) when a timer was moved early, and writes nothing', async () => {
    const { engine, clock } = makeEngine(store);
    const id = await receivedMarital(engine);
    const before = await engine.dossier(id);
    expect(before.context.due).toBe('2026-03-05T17:00:00+07:00');
    // The timer is moved to fire an hour after reception, two days before the due moment.
    const early = START + 3_600_000;
    await sql(schema, 'UPDATE dossiers SET timers = $1, next_timer_at = $2 WHERE id = $3', [
      JSON.stringify(before.timers.map((t) => ({ ...t, at: early }))), new Date(early).toISOString(), id,
    ]);
    clock.set(START + 2 * 3_600_000);
    const error = await refusal(engine.sweep());
    expect([error.code, error.id, error.status]).toEqual(['TTHC616', 'not-overdue', 409]);
    expect(error.render('vi')).toBe('Hồ sơ chưa quá hạn (hạn 17:00 ngày 05/03/2026).');
    expect(error.render('en')).toBe('The dossier is not overdue (due 05/03/2026 17:00).');
    const after = await engine.dossier(id);
    expect([after.version, after.apologies, after.state]).toEqual([before.version, 0, before.state]);
  });

  it('says TTHC618 when the revision a dossier runs under was lost (a restore without procedure_revisions)', async () => {
    const { engine, clock } = makeEngine(store);
    const id = await receivedMarital(engine);
    await sql(schema, "SET session_replication_role = replica; DELETE FROM procedure_revisions WHERE procedure = '1.004873'; SET session_replication_role = origin;");
    // The catalogue was edited meanwhile: the engine serves another revision of 1.004873 and
    // must read the dossier's own from the store.
    const longer = compileIR({ ...maritalStatus, periods: { ...maritalStatus.periods, 'in-person': { value: 10, unit: 'working-days' } } }, { field: 'Hộ tịch', levels: ['commune'] });
    const edited = new DossierEngine({ store, procedures: staticSource([longer]), agencies, calendar, clock });
    const revision = (await edited.dossier(id)).revision;
    const error = await refusal(edited.apply({ commandId: cid(), dossierId: id, command: 'transfer', actor: actors.reception }));
    expect([error.code, error.id, error.status]).toEqual(['TTHC618', 'revision-missing', 500]);
    expect(error.render('en')).toBe(`The revision ${revision} of procedure 1.004873 the dossier runs under is missing.`);
    expect(error.hint('en')).toContain('never delete from procedure_revisions');
    // Replaying needs the stored revision too, whatever the catalogue serves.
    expect((await refusal(engine.replay(id))).code).toBe('TTHC618');
    expect((await edited.dossier(id)).version).toBe(2);
  });

  it('says TTHC619 when a dossier row no longer matches its replayed log, and serves the check to administrators', async () => {
    const { engine, clock } = makeEngine(store);
    const good = await receivedMarital(engine);
    const edited = await receivedMarital(engine);
    const bumped = await receivedMarital(engine);
    expect((await engine.verify(good)).matches).toBe(true);
    await sql(schema, "UPDATE dossiers SET state = 'returned' WHERE id = $1", [edited]);
    const state = await refusal(engine.verify(edited));
    expect([state.code, state.id, state.status]).toEqual(['TTHC619', 'replay-mismatch', 500]);
    expect(state.render('en')).toBe(`Replaying the history of dossier ${edited} does not give the stored state (the stored state is "Result returned", the replay gives "Received (appointment given)").`);
    expect(state.render('vi')).toMatch(/^Chạy lại lịch sử hồ sơ .* không ra trạng thái đã lưu \(trạng thái đã lưu là ".+", chạy lại ra ".+"\)\.$/);
    await sql(schema, 'UPDATE dossiers SET version = 7 WHERE id = $1', [bumped]);
    expect((await refusal(engine.verify(bumped))).render('en')).toContain('the row is at version 7 but the log has 2 events');

    const app: FastifyInstance = await buildServer({ engine, tokens, simulatedClock: clock, version: '0.0.0-test' });
    try {
      const call = (id: string) => app.inject({ method: 'GET', url: `/admin/dossiers/${id}/replay`, headers: { authorization: `Bearer ${ADMIN}`, 'accept-language': 'en' } });
      const ok = await call(good);
      expect([ok.statusCode, ok.json()]).toEqual([200, { dossierId: good, events: 2, state: 'received', matches: true }]);
      const bad = await call(edited);
      expect(bad.statusCode).toBe(500);
      expect(bad.json().error).toMatchObject({ code: 'TTHC619', id: 'replay-mismatch', data: { dossier: edited } });
      const missing = await call('no-such-dossier');
      expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'TTHC602']);
    } finally {
      await app.close();
    }
  });
});

describe('the HTTP API when something else is wrong', () => {
  it('refuses to set a real clock with TTHC637', async () => {
    const engine = new DossierEngine({ store: new MemoryStore(), procedures, agencies, calendar, clock: new SimulatedClock(START) });
    const app = await buildServer({ engine, tokens, version: '0.0.0-test' });
    try {
      const res = await app.inject({ method: 'POST', url: '/clock', headers: { authorization: `Bearer ${ADMIN}` }, payload: { to: '2026-03-09T08:00' } });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'TTHC637', id: 'clock-not-simulated', message: 'Máy chủ chạy theo giờ thật; không thể đặt giờ.' });
      expect((await app.inject({ method: 'GET', url: '/clock', headers: { authorization: `Bearer ${ADMIN}` } })).json()).toMatchObject({ simulated: false });
    } finally {
      await app.close();
    }
  });

  it('answers an unexpected failure (the tables dropped under a running server) with 500 TTHC639 and the request id, never a stack trace', async () => {
    const schema = uniqueSchema('drop');
    const store = await openPostgresStore({ url: PG_URL, schema });
    const { engine, clock } = makeEngine(store);
    const app = await buildServer({ engine, tokens, simulatedClock: clock, version: '0.0.0-test' });
    try {
      const before = await app.inject({ method: 'GET', url: '/dossiers', headers: { authorization: `Bearer ${ADMIN}` } });
      expect(before.statusCode).toBe(200);
      await dropPostgresSchema(PG_URL, schema);
      const res = await app.inject({ method: 'GET', url: '/dossiers', headers: { authorization: `Bearer ${ADMIN}`, 'accept-language': 'en' } });
      expect(res.statusCode).toBe(500);
      const error = res.json().error as { code: string; id: string; message: string; data: { detail: string } };
      expect([error.code, error.id]).toEqual(['TTHC639', 'internal-error']);
      expect(error.message).toBe(`Internal error: ${error.data.detail}`);
      expect(error.data.detail).toMatch(/^req-/);
      expect(res.body).not.toMatch(/dossiers|relation|\bat \//);
    } finally {
      await app.close();
      await store.close();
      await dropPostgresSchema(PG_URL, schema);
    }
  });
});
