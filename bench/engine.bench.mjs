// Benchmarks of the dossier engine (a script, not a test): commands per second of the engine
// on each store next to a raw baseline run side by side in the same process, medians of
// several rounds, and the province-year simulation's wall time.
//
//   npm run bench:engine                              # all stores, simulation of 100,000 dossiers
//   npm run bench:engine -- --sim 700000              # the province-year itself
//   npm run bench:engine -- --only memory,embedded    # some stores
//   TTHC_BENCH_DATABASE_URL=postgres://… npm run bench:engine
//
// Baselines: a bare XState actor of the same machine (memory), and a transaction of one
// single-row UPDATE and one INSERT (PGlite, PostgreSQL). Target: the engine ≥ 0.5× its baseline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createActor } from 'xstate';
import { holidayTable } from '../dist/generated/calendar.js';
import { workflow } from '../dist/generated/workflows/1.004873.js';
import { loadCatalogue } from '../dist/src/catalogue/catalogue.js';
import { calendarOf } from '../dist/src/calendar/index.js';
import { WorkingCalendar } from '../dist/src/calendar/calendar.js';
import { AgencyDirectory } from '../dist/src/engine/agencies.js';
import { SimulatedClock } from '../dist/src/engine/clock.js';
import { DossierEngine } from '../dist/src/engine/engine.js';
import { compileIR, compileProcedure, staticSource } from '../dist/src/engine/procedures.js';
import { openEmbeddedStore } from '../dist/src/engine/store/embedded-store.js';
import { MemoryStore } from '../dist/src/engine/store/memory-store.js';
import { dropPostgresSchema, openPostgresStore } from '../dist/src/engine/store/postgres-store.js';
import { msOf } from '../dist/src/engine/time.js';
import { createWorkflowMachine } from '../dist/src/workflow/machine.js';
import { simulate } from '../dist/src/simulate/run.js';

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const ROUNDS = Number(arg('rounds', '5'));
const ONLY = arg('only', 'memory,embedded,postgres,simulation').split(',');
const SIM = Number(arg('sim', '100000'));
const PG_URL = process.env.TTHC_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const AGENCY = '000.01.21.H12';
const agencies = new AgencyDirectory([{ code: AGENCY, name: 'UBND xã (bench)', level: 'commune' }]);
const calendar = new WorkingCalendar(holidayTable);
const compiled = compileIR(workflow, { field: 'Hộ tịch', levels: ['commune'] });
const reception = { id: 'tn', role: 'reception', agency: AGENCY };
const specialist = { id: 'cv', role: 'specialist', agency: AGENCY };
const approver = { id: 'ld', role: 'approver', agency: AGENCY };
const COMPONENTS = ['to-khai', 'giay-to-tuy-than', 'giay-to-cu-tru'];
/** One dossier's life: 6 commands. */
const LIFE = 6;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** The XState baseline: a bare actor of the same machine, the same six events. */
function bareActor(dossiers) {
  const machine = createWorkflowMachine(workflow, { calendar });
  const at = '2026-03-02T09:00';
  const t = performance.now();
  for (let i = 0; i < dossiers; i++) {
    const a = createActor(machine).start();
    a.send({ type: 'SUBMIT', channel: 'in-person', components: COMPONENTS, at });
    a.send({ type: 'RECEIVE', at });
    a.send({ type: 'TRANSFER', at });
    a.send({ type: 'APPRAISE', at });
    a.send({ type: 'APPROVE', at });
    a.send({ type: 'RETURN', method: 'in-person', at });
    if (a.getSnapshot().value !== 'returned') throw new Error('baseline did not finish');
    a.stop();
  }
  return (dossiers * LIFE) / ((performance.now() - t) / 1000);
}

/** The engine: one command per transaction, the same six steps per dossier. */
async function engineRun(store, dossiers, tag) {
  const clock = new SimulatedClock(msOf('2026-03-02T09:00'));
  const engine = new DossierEngine({ store, procedures: staticSource([compiled]), agencies, calendar, clock });
  const t = performance.now();
  for (let i = 0; i < dossiers; i++) {
    const id = `${tag}-${i}`;
    const { dossierId } = await engine.create({ commandId: id, actor: reception, procedure: compiled.code, agency: AGENCY, channel: 'in-person', applicant: `a${i}`, components: COMPONENTS });
    await engine.apply({ commandId: `${id}-1`, dossierId, command: 'receive', actor: reception });
    await engine.apply({ commandId: `${id}-2`, dossierId, command: 'transfer', actor: reception });
    await engine.apply({ commandId: `${id}-3`, dossierId, command: 'appraise', actor: specialist });
    await engine.apply({ commandId: `${id}-4`, dossierId, command: 'approve', actor: approver });
    await engine.apply({ commandId: `${id}-5`, dossierId, command: 'return', method: 'in-person', actor: reception });
  }
  return (dossiers * LIFE) / ((performance.now() - t) / 1000);
}

const BASELINE_DDL = `
CREATE TABLE IF NOT EXISTS bench_rows (id integer PRIMARY KEY, version integer NOT NULL, state jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS bench_log (id integer NOT NULL, seq integer NOT NULL, event jsonb NOT NULL, PRIMARY KEY (id, seq));`;

/** The SQL baseline: per command, BEGIN; one single-row UPDATE; one INSERT; COMMIT. */
async function sqlBaseline(q, dossiers, offset) {
  const state = JSON.stringify({ value: 'received', context: { procedure: '1.004873', components: COMPONENTS } });
  const t = performance.now();
  for (let i = 0; i < dossiers; i++) {
    const id = offset + i;
    await q.query('INSERT INTO bench_rows VALUES ($1, 0, $2)', [id, state]);
    for (let s = 1; s <= LIFE; s++) {
      await q.query('BEGIN');
      await q.query('UPDATE bench_rows SET version = $2, state = $3 WHERE id = $1 AND version = $4', [id, s, state, s - 1]);
      await q.query('INSERT INTO bench_log VALUES ($1, $2, $3)', [id, s, JSON.stringify({ type: 'X', at: '2026-03-02T09:00' })]);
      await q.query('COMMIT');
    }
  }
  return (dossiers * LIFE) / ((performance.now() - t) / 1000);
}

function report(name, base, eng, unitNote) {
  const b = median(base);
  const e = median(eng);
  console.log(`${name.padEnd(11)} baseline ${fmt(b).padStart(9)}  engine ${fmt(e).padStart(9)}  ratio ${(e / b).toFixed(2)}x  (commands/s, median of ${base.length}; ${unitNote})`);
}

console.log(`tthc engine benchmark — node ${process.version}, ${ROUNDS} rounds, side by side`);

if (ONLY.includes('memory')) {
  const n = Number(arg('memory-dossiers', '2000'));
  const base = [];
  const eng = [];
  bareActor(200);
  await engineRun(new MemoryStore(), 200, 'warm');
  for (let r = 0; r < ROUNDS; r++) {
    base.push(bareActor(n));
    eng.push(await engineRun(new MemoryStore(), n, `m${r}`));
  }
  report('memory', base, eng, `${n} dossiers × ${LIFE} commands, one transaction each; baseline: bare XState actor`);
}

if (ONLY.includes('embedded')) {
  const n = Number(arg('sql-dossiers', '300'));
  const folder = mkdtempSync(path.join(tmpdir(), 'tthc-bench-'));
  const store = await openEmbeddedStore({ folder });
  const raw = await PGlite.create(path.join(folder, 'baseline'));
  await raw.exec(BASELINE_DDL);
  const base = [];
  const eng = [];
  for (let r = 0; r < ROUNDS; r++) {
    base.push(await sqlBaseline(raw, n, r * n));
    eng.push(await engineRun(store, n, `e${r}`));
  }
  report('PGlite', base, eng, `${n} dossiers × ${LIFE}; baseline: BEGIN; UPDATE one row; INSERT one row; COMMIT`);
  await raw.close();
  await store.close();
  rmSync(folder, { recursive: true, force: true });
}

if (ONLY.includes('postgres')) {
  const n = Number(arg('sql-dossiers', '300'));
  const schema = `tthc_bench_${process.pid}`;
  let store;
  try {
    store = await openPostgresStore({ url: PG_URL, schema, poolSize: 1 });
  } catch (error) {
    console.log(`postgres    skipped: ${error.message}`);
  }
  if (store !== undefined) {
    const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
    await client.connect();
    await client.query(BASELINE_DDL);
    const base = [];
    const eng = [];
    for (let r = 0; r < ROUNDS; r++) {
      base.push(await sqlBaseline(client, n, r * n));
      eng.push(await engineRun(store, n, `p${r}`));
    }
    report('PostgreSQL', base, eng, `${n} dossiers × ${LIFE}, one connection; baseline: BEGIN; UPDATE; INSERT; COMMIT`);
    await client.end();
    await store.close();
    await dropPostgresSchema(PG_URL, schema);
  }
}

if (ONLY.includes('simulation')) {
  const t0 = performance.now();
  const catalogue = loadCatalogue({ paths: ['procedures'] });
  const procedures = [...catalogue.procedures.keys()].sort().map((c) => compileProcedure(catalogue.resolve(c).procedure));
  const loaded = (performance.now() - t0) / 1000;
  const stores = arg('sim-stores', 'memory').split(',');
  for (const kind of stores) {
    let store;
    let folder;
    if (kind === 'memory') store = new MemoryStore();
    else {
      folder = mkdtempSync(path.join(tmpdir(), 'tthc-bench-sim-'));
      store = await openEmbeddedStore({ folder });
    }
    const r = await simulate({ seed: 1, dossiers: SIM, procedures, calendar: calendarOf(catalogue.registries), store });
    const heap = process.memoryUsage().heapUsed / 1e9;
    console.log(`simulation  ${kind}: ${fmt(SIM)} dossiers, ${fmt(r.commands)} commands, ${(r.wallMs / 1000).toFixed(1)} s (${fmt(r.commands / (r.wallMs / 1000))} commands/s; catalogue load ${loaded.toFixed(1)} s apart; heap ${heap.toFixed(1)} GB; on time ${(r.report.total.onTimeRate * 100).toFixed(1)}%)`);
    if (SIM < 700_000) console.log(`            a province-year (700,000) at this rate: about ${((r.wallMs / 1000) * (700_000 / SIM)).toFixed(0)} s (projection, not a measurement)`);
    await store.close();
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  }
}
