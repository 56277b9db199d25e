import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DossierEngine } from '../../src/engine/engine.js';
import { EngineError } from '../../src/engine/errors.js';
import { compileIR, staticSource } from '../../src/engine/procedures.js';
import type { Actor } from '../../src/engine/roles.js';
import { LATEST_MIGRATION } from '../../src/engine/store/migrations.js';
import type { Store } from '../../src/engine/store/types.js';
import { msOf } from '../../src/engine/time.js';
import { workflow as maritalStatus } from '../../generated/workflows/1.004873.js';
import {
  actors, agencies, birthFiling, calendar, cid, COMMUNE, compiled, DEPARTMENT, makeEngine, OTHER_COMMUNE, procedures, START,
} from './fixtures.js';
import { harnesses } from './stores.js';

const DAY = 86_400_000;
const maritalFiling = { components: ['to-khai', 'giay-to-tuy-than', 'giay-to-cu-tru'] };

/** An engine error's id, or the error itself when it is something else. */
async function refused(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    if (error instanceof EngineError) return error.id;
    throw error;
  }
  throw new Error('expected the engine to refuse');
}

let applicantSeq = 0;
/** A fresh applicant per test, so lists on a shared store see only the test's own dossiers. */
const newApplicant = (): Actor => ({ id: `0010990${String(++applicantSeq).padStart(5, '0')}${process.pid % 1000}`, role: 'applicant', agency: null });

describe.each(harnesses('conf'))('store conformance: $kind', (harness) => {
  let store: Store;
  beforeAll(async () => {
    store = await harness.open();
  });
  afterAll(async () => {
    await store.close();
    await harness.cleanup();
  });

  const fresh = () => makeEngine(store);

  async function receivedMarital(engine: DossierEngine, applicant = newApplicant()): Promise<string> {
    const { dossierId } = await engine.create({ commandId: cid(), actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: applicant.id, ...maritalFiling });
    await engine.apply({ commandId: cid(), dossierId, command: 'receive', actor: actors.reception });
    return dossierId;
  }

  it('runs the migrations forward to the latest version', async () => {
    expect(await store.schemaVersion()).toBe(LATEST_MIGRATION);
  });

  it('numbers a new dossier as Circular 01/2018/TT-VPCP art. 19 says and records what it runs under', async () => {
    const { engine } = fresh();
    const a = await engine.create({ commandId: cid(), actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: newApplicant().id, ...maritalFiling });
    const b = await engine.create({ commandId: cid(), actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: newApplicant().id, ...maritalFiling });
    expect(a.number).toMatch(/^000\.01\.21\.H12-260302-\d{4}$/);
    expect(Number(b.number.slice(-4))).toBe(Number(a.number.slice(-4)) + 1);
    expect(a.state).toBe('reception');
    const d = await engine.dossier(a.dossierId);
    expect(d.revision).toBe(compiled['marital']?.revision);
    expect(d.revision).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(d.engineVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(d.schemaVersion).toBe(`ir-1+db-${LATEST_MIGRATION}`);
    expect(d.level).toBe('commune');
    expect(d.field).toBe('Hộ tịch');
  });

  it('takes a dossier from submission to the returned result, with a receipt and its appointment, and replays its log to the same state', async () => {
    const { engine, clock } = fresh();
    const applicant = newApplicant();
    const dossierId = await receivedMarital(engine, applicant);
    let d = await engine.dossier(dossierId);
    expect(d.state).toBe('received');
    // 3 working days from Monday 2 March 2026: due Thursday 5 March at the close of office hours.
    expect(d.context.due).toBe('2026-03-05T17:00:00+07:00');
    expect(d.dueBasis).toBe('announced');
    expect(d.timers).toEqual([{ kind: 'deadline', stage: null, due: '2026-03-05T17:00:00+07:00', at: msOf('2026-03-05T17:01') }]);
    const receipt = (await engine.history(dossierId))[1]?.documents[0];
    expect(receipt).toMatchObject({ kind: 'receipt', form: '01', appointment: '2026-03-05T17:00:00+07:00', appointmentBasis: 'announced', agency: COMMUNE });
    clock.advance(3_600_000);
    await engine.apply({ commandId: cid(), dossierId, command: 'transfer', actor: actors.reception });
    await engine.apply({ commandId: cid(), dossierId, command: 'appraise', actor: actors.specialist });
    await engine.apply({ commandId: cid(), dossierId, command: 'approve', actor: actors.approver });
    const done = await engine.apply({ commandId: cid(), dossierId, command: 'return', method: 'in-person', actor: actors.reception });
    expect(done).toMatchObject({ state: 'returned', version: 6 });
    expect(done.documents[0]).toMatchObject({ kind: 'result-return', method: 'in-person' });
    d = await engine.dossier(dossierId);
    expect(d).toMatchObject({ final: true, late: false, timers: [], nextTimerAt: null, statutoryDays: 3, processingDays: 0 });
    const log = await engine.history(dossierId);
    expect(log.map((e) => [e.seq, e.command, e.actorRole, e.to])).toEqual([
      [1, 'submit', 'reception', 'reception'], [2, 'receive', 'reception', 'received'], [3, 'transfer', 'reception', 'appraisal'],
      [4, 'appraise', 'specialist', 'approval'], [5, 'approve', 'approver', 'resultReady'], [6, 'return', 'reception', 'returned'],
    ]);
    expect(log[3]?.actorAgency).toBe(COMMUNE);
    const replay = await engine.replay(dossierId);
    expect(replay).toMatchObject({ matches: true, state: 'returned', events: 6 });
  });

  it('applies a command id once: a replay returns the first result, a reused id with other content is refused', async () => {
    const { engine } = fresh();
    const dossierId = await receivedMarital(engine);
    const id = cid();
    const first = await engine.apply({ commandId: id, dossierId, command: 'transfer', actor: actors.reception });
    const again = await engine.apply({ commandId: id, dossierId, command: 'transfer', actor: actors.reception });
    expect(again).toEqual({ ...first, replayed: true });
    expect((await engine.dossier(dossierId)).version).toBe(3);
    expect(await refused(engine.apply({ commandId: id, dossierId, command: 'withdraw', actor: actors.reception }))).toBe('command-id-reused');
    const createId = cid();
    const c1 = await engine.create({ commandId: createId, actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: '001099777777', ...maritalFiling });
    const c2 = await engine.create({ commandId: createId, actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: '001099777777', ...maritalFiling });
    expect(c2).toEqual({ ...c1, replayed: true });
  });

  it('refuses a command based on a stale version with a conflict, and lets exactly one of concurrent commands win', async () => {
    const { engine } = fresh();
    const dossierId = await receivedMarital(engine);
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'transfer', actor: actors.reception, expectedVersion: 1 }))).toBe('version-conflict');
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () =>
      engine.apply({ commandId: cid(), dossierId, command: 'transfer', actor: actors.reception, expectedVersion: 2 })));
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as EngineError).id).toBe('version-conflict');
    expect((await engine.history(dossierId)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('keeps every guarantee when the row an engine wrote last is stale: another engine moved the dossier, a command id is sent again, a stale expected version', async () => {
    const one = fresh();
    const two = new DossierEngine({ store, procedures, agencies, calendar, clock: one.clock });
    const dossierId = await receivedMarital(one.engine);
    // The other engine moves the dossier on: the first engine's last row (version 2) is stale.
    const moved = await two.apply({ commandId: cid(), dossierId, command: 'transfer', actor: actors.reception });
    expect(moved.version).toBe(3);
    // Without an expected version the command applies to the dossier as stored, not as remembered.
    const appraised = await one.engine.apply({ commandId: cid(), dossierId, command: 'appraise', actor: actors.specialist });
    expect(appraised).toMatchObject({ version: 4, state: 'approval', replayed: false });
    // With the version the sender saw (3, now stale), a conflict.
    expect(await refused(one.engine.apply({ commandId: cid(), dossierId, command: 'approve', actor: actors.approver, expectedVersion: 3 }))).toBe('version-conflict');
    // The same command id again, on either engine: the first result, nothing written twice.
    const approveId = cid();
    const first = await two.apply({ commandId: approveId, dossierId, command: 'approve', actor: actors.approver });
    const again = await one.engine.apply({ commandId: approveId, dossierId, command: 'approve', actor: actors.approver });
    const third = await two.apply({ commandId: approveId, dossierId, command: 'approve', actor: actors.approver });
    expect(again).toEqual({ ...first, replayed: true });
    expect(third).toEqual({ ...first, replayed: true });
    // A reused id with other content is still refused; a create sent twice is created once.
    expect(await refused(two.apply({ commandId: approveId, dossierId, command: 'withdraw', actor: actors.reception }))).toBe('command-id-reused');
    const createId = cid();
    const applicant = newApplicant().id;
    const c1 = await one.engine.create({ commandId: createId, actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant, ...maritalFiling });
    const c2 = await one.engine.create({ commandId: createId, actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant, ...maritalFiling });
    expect(c2).toEqual({ ...c1, replayed: true });
    expect((await one.engine.history(dossierId)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((await one.engine.replay(dossierId)).matches).toBe(true);
  });

  it('stores text with quotes, backslashes and SQL in it as written (the prepared write takes literals)', async () => {
    const { engine } = fresh();
    const dossierId = await receivedMarital(engine);
    const reasons = ["Hồ sơ của ông 'Nguyễn' \\ không hợp lệ", "'); DELETE FROM dossier_events; --", 'dấu "ngoặc kép" và \\\'x'];
    const r = await engine.apply({ commandId: cid(), dossierId, command: 'transfer', actor: actors.reception });
    const stopped = await engine.apply({ commandId: cid(), dossierId, command: 'stop', reasons, actor: actors.approver });
    expect(stopped.version).toBe(r.version + 1);
    const history = await engine.history(dossierId);
    expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(history[3]?.reasons).toEqual(reasons);
    expect(stopped.documents[0]?.reasons).toEqual(reasons);
    expect((await engine.replay(dossierId)).matches).toBe(true);
  });

  it('applies the same command id sent concurrently once', async () => {
    const { engine } = fresh();
    const dossierId = await receivedMarital(engine);
    const id = cid();
    const results = await Promise.all(Array.from({ length: 5 }, () => engine.apply({ commandId: id, dossierId, command: 'transfer', actor: actors.reception })));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([3]));
    expect(await engine.history(dossierId)).toHaveLength(3);
  });

  it('does not receive an incomplete dossier: it names what is missing, asks for it in writing, and receives the completion', async () => {
    const { engine } = fresh();
    const { dossierId } = await engine.create({ commandId: cid(), actor: actors.reception, procedure: '1.001193', agency: COMMUNE, channel: 'in-person', applicant: newApplicant().id, facts: birthFiling.facts, components: ['to-khai'] });
    const err = await engine.apply({ commandId: cid(), dossierId, command: 'receive', actor: actors.reception }).catch((e: EngineError) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).id).toBe('components-missing');
    expect((err as EngineError).render('en')).toContain('giay-to-tuy-than');
    const asked = await engine.apply({ commandId: cid(), dossierId, command: 'request-completion', actor: actors.reception });
    expect(asked.documents[0]).toMatchObject({ kind: 'completion-request', form: '02' });
    expect(asked.documents[0]?.items?.join(' ')).toContain('Hộ chiếu');
    await engine.apply({ commandId: cid(), dossierId, command: 'submit-completion', components: ['giay-to-tuy-than', 'giay-to-cu-tru'], actor: actors.reception });
    expect((await engine.apply({ commandId: cid(), dossierId, command: 'receive', actor: actors.reception })).state).toBe('received');
  });

  it('refuses only with written reasons, and issues the refusal slip', async () => {
    const { engine } = fresh();
    const { dossierId } = await engine.create({ commandId: cid(), actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: newApplicant().id, ...maritalFiling });
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'refuse', actor: actors.reception }))).toBe('invalid-command');
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'refuse', reasons: ['  '], actor: actors.reception }))).toBe('invalid-command');
    const r = await engine.apply({ commandId: cid(), dossierId, command: 'refuse', reasons: ['Không thuộc thẩm quyền'], actor: actors.reception });
    expect(r.documents[0]).toMatchObject({ kind: 'refusal', form: '03', reasons: ['Không thuộc thẩm quyền'] });
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'receive', actor: actors.reception }))).toBe('command-not-allowed');
  });

  it('pauses the clock while a supplement is awaited, pushes the due date by the days paused, and holds the supplement limit', async () => {
    const { engine, clock } = fresh();
    const dossierId = await receivedMarital(engine);
    await engine.apply({ commandId: cid(), dossierId, command: 'transfer', actor: actors.reception });
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'request-supplement', actor: actors.specialist }))).toBe('invalid-command');
    const notice = await engine.apply({ commandId: cid(), dossierId, command: 'request-supplement', items: ['Bản sao giấy tờ ly hôn'], actor: actors.specialist });
    expect(notice.documents[0]).toMatchObject({ kind: 'supplement-notice', items: ['Bản sao giấy tờ ly hôn'] });
    let d = await engine.dossier(dossierId);
    expect(d).toMatchObject({ state: 'supplementRequested', dueAt: null, timers: [], nextTimerAt: null });
    clock.advance(2 * DAY); // Wednesday 4 March: two working days paused
    await engine.apply({ commandId: cid(), dossierId, command: 'provide-supplement', actor: actors.reception });
    d = await engine.dossier(dossierId);
    expect(d.context.due).toBe('2026-03-09T17:00:00+07:00');
    expect(d.timers[0]?.due).toBe('2026-03-09T17:00:00+07:00');
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'request-supplement', items: ['x'], actor: actors.specialist }))).toBe('supplement-limit-reached');
  });

  it('issues an apology slip with a new appointment when the deadline passes, and the dossier stays where it is', async () => {
    const { engine, clock } = fresh();
    const dossierId = await receivedMarital(engine);
    await engine.apply({ commandId: cid(), dossierId, command: 'transfer', actor: actors.reception });
    clock.set(msOf('2026-03-05T17:00'));
    await engine.sweep();
    expect((await engine.dossier(dossierId)).apologies).toBe(0);
    clock.set(msOf('2026-03-06T08:30'));
    await engine.sweep();
    const d = await engine.dossier(dossierId);
    expect(d).toMatchObject({ state: 'appraisal', apologies: 1, late: true });
    const apology = (await engine.history(dossierId)).at(-1);
    expect(apology).toMatchObject({ command: 'deadline-passed', actorRole: 'system', from: 'appraisal', to: 'appraisal' });
    // Three working days from Friday 6 March: Wednesday 11 March.
    expect(apology?.documents[0]).toMatchObject({ kind: 'apology', form: '04', appointment: '2026-03-11T17:00:00+07:00', appointmentBasis: 'announced' });
    expect(d.timers).toEqual([{ kind: 'deadline', stage: null, due: '2026-03-11T17:00:00+07:00', at: msOf('2026-03-11T17:01') }]);
    await engine.sweep();
    expect((await engine.dossier(dossierId)).apologies).toBe(1);
    clock.set(msOf('2026-03-12T09:00'));
    await engine.sweep();
    expect((await engine.dossier(dossierId)).apologies).toBe(2);
    expect((await engine.replay(dossierId)).matches).toBe(true);
  });

  it('fires each due timer once when two engines sweep the same store at the same time', async () => {
    const one = fresh();
    const two = new DossierEngine({ store, procedures, agencies, calendar, clock: one.clock });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await receivedMarital(one.engine));
    one.clock.advance(30 * DAY);
    const reports = await Promise.all([one.engine.sweep({ limit: 4 }), two.sweep({ limit: 4 }), one.engine.sweep({ limit: 7 }), two.sweep({ limit: 3 })]);
    expect(reports.reduce((n, r) => n + r.fired, 0)).toBeGreaterThanOrEqual(30);
    for (const id of ids) {
      const apologies = (await one.engine.history(id)).filter((e) => e.command === 'deadline-passed');
      expect(apologies).toHaveLength(1);
    }
  });

  it('counts stage budgets for an interconnected procedure, hands the dossier to the stage agency, and apologises for a late stage', async () => {
    const { engine, clock } = fresh();
    const { dossierId } = await engine.create({ commandId: cid(), actor: actors.reception, procedure: '1.013978', agency: COMMUNE, channel: 'in-person', applicant: newApplicant().id, components: ['don-dang-ky'], facts: {} });
    await engine.apply({ commandId: cid(), dossierId, command: 'receive', actor: actors.reception });
    await engine.apply({ commandId: cid(), dossierId, command: 'transfer', actor: actors.reception });
    let d = await engine.dossier(dossierId);
    expect(d.state).toBe('stage_ubnd-xa-kiem-tra');
    expect(d.stages).toHaveLength(1);
    expect(d.stages[0]).toMatchObject({ stage: 'ubnd-xa-kiem-tra', level: 'commune', agency: COMMUNE, doneAt: null, late: false });
    expect(d.timers.map((t) => t.kind).sort()).toEqual(['deadline', 'stage-deadline']);
    // The department's specialist cannot act on a stage handled by the commune.
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'complete-stage', actor: actors.specialistDept }))).toBe('agency-forbidden');
    clock.set(msOf('2026-03-17T09:00')); // the 10-working-day stage budget ended on 16 March
    await engine.sweep();
    d = await engine.dossier(dossierId);
    expect(d.stages[0]?.late).toBe(true);
    const apology = (await engine.history(dossierId)).at(-1);
    expect(apology?.documents[0]).toMatchObject({ kind: 'apology', stage: 'ubnd-xa-kiem-tra' });
    await engine.apply({ commandId: cid(), dossierId, command: 'complete-stage', agency: DEPARTMENT, actor: actors.specialist });
    d = await engine.dossier(dossierId);
    expect(d.handlingAgency).toBe(DEPARTMENT);
    expect(d.stages.map((s) => [s.stage, s.level, s.agency, s.doneAt !== null])).toEqual([
      ['ubnd-xa-kiem-tra', 'commune', COMMUNE, true], ['co-quan-thue', 'province', DEPARTMENT, false],
    ]);
    await engine.apply({ commandId: cid(), dossierId, command: 'complete-stage', actor: actors.approverDept });
    expect((await engine.replay(dossierId)).matches).toBe(true);
  });

  it('refuses forbidden roles and agencies, and hides other applicants\' dossiers', async () => {
    const { engine } = fresh();
    const owner = newApplicant();
    const dossierId = await receivedMarital(engine, owner);
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'transfer', actor: actors.specialist }))).toBe('role-forbidden');
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'transfer', actor: actors.admin }))).toBe('role-forbidden');
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'transfer', actor: actors.receptionOther }))).toBe('agency-forbidden');
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'withdraw', actor: newApplicant() }))).toBe('unknown-dossier');
    expect(await refused(engine.dossier(dossierId, newApplicant()))).toBe('unknown-dossier');
    expect(await refused(engine.dossier(dossierId, actors.receptionOther))).toBe('unknown-dossier');
    expect((await engine.dossier(dossierId, owner)).id).toBe(dossierId);
    expect((await engine.dossier(dossierId, actors.admin)).id).toBe(dossierId);
    expect((await engine.list({}, owner)).map((d) => d.id)).toEqual([dossierId]);
    expect(await engine.list({ agency: COMMUNE }, actors.receptionOther)).toEqual([]);
    expect(await refused(engine.create({ commandId: cid(), actor: actors.receptionOther, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: owner.id }))).toBe('agency-forbidden');
    expect(await refused(engine.create({ commandId: cid(), actor: owner, procedure: '1.004873', agency: COMMUNE, channel: 'in-person' }))).toBe('invalid-command');
    const mine = await engine.apply({ commandId: cid(), dossierId, command: 'withdraw', actor: owner });
    expect(mine.state).toBe('withdrawn');
  });

  it('refuses bad input with its own code: unknown procedure, agency, facts, components, channel', async () => {
    const { engine } = fresh();
    const base = { commandId: cid(), actor: actors.reception, agency: COMMUNE, channel: 'in-person' as const, applicant: '001099000111' };
    expect(await refused(engine.create({ ...base, commandId: cid(), procedure: '9.999999' }))).toBe('procedure-not-served');
    expect(await refused(engine.create({ commandId: cid(), actor: newApplicant(), procedure: '1.004873', agency: '999.99.99.H99', channel: 'online' }))).toBe('unknown-agency');
    expect(await refused(engine.create({ ...base, commandId: cid(), procedure: '1.001193', facts: { birthEvidence: 'dream' } }))).toBe('invalid-facts');
    expect(await refused(engine.create({ ...base, commandId: cid(), procedure: '1.001193', facts: { surrogacy: 'yes' } as never }))).toBe('invalid-facts');
    expect(await refused(engine.create({ ...base, commandId: cid(), procedure: '1.001193', facts: { colour: 'red' } }))).toBe('invalid-facts');
    expect(await refused(engine.create({ ...base, commandId: cid(), procedure: '1.001193', components: ['so-ho-khau'] }))).toBe('invalid-command');
    // 2.000908 is fully online: postal and in-person filings are offered, online by an applicant too.
    expect(await refused(engine.create({ ...base, commandId: cid(), procedure: '9.000001', channel: 'postal' }))).toBe('channel-not-offered');
  });

  it('returns a fully online (toàn trình) result online or by post, never in person, and asks an online applicant of a partial service for the originals', async () => {
    const { engine } = fresh();
    const applicant = newApplicant();
    const { dossierId } = await engine.create({ commandId: cid(), actor: applicant, procedure: '2.000908', agency: COMMUNE, channel: 'online', components: ['giay-to-tuy-than', 'giay-to-chung-minh-quan-he'] });
    for (const [command, actor] of [['receive', actors.reception], ['transfer', actors.reception], ['appraise', actors.specialist], ['approve', actors.approver]] as const) {
      await engine.apply({ commandId: cid(), dossierId, command, actor });
    }
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'return', method: 'in-person', actor: actors.reception }))).toBe('return-not-allowed');
    expect((await engine.apply({ commandId: cid(), dossierId, command: 'return', method: 'online', actor: actors.reception })).state).toBe('returned');

    const birth = await engine.create({ commandId: cid(), actor: applicant, procedure: '1.001193', agency: COMMUNE, channel: 'online', ...birthFiling });
    for (const [command, actor] of [['receive', actors.reception], ['transfer', actors.reception], ['appraise', actors.specialist], ['approve', actors.approver]] as const) {
      await engine.apply({ commandId: cid(), dossierId: birth.dossierId, command, actor });
    }
    expect(await refused(engine.apply({ commandId: cid(), dossierId: birth.dossierId, command: 'return', method: 'in-person', actor: actors.reception }))).toBe('return-not-allowed');
    await engine.apply({ commandId: cid(), dossierId: birth.dossierId, command: 'present-originals', actor: actors.reception });
    expect((await engine.apply({ commandId: cid(), dossierId: birth.dossierId, command: 'return', method: 'in-person', actor: actors.reception })).state).toBe('returned');
  });

  it('handles a "4 tại chỗ" dossier on the spot, the same day', async () => {
    const { engine } = fresh();
    const { dossierId } = await engine.create({ commandId: cid(), actor: actors.reception, procedure: '9.000001', agency: COMMUNE, channel: 'in-person', applicant: newApplicant().id, ...maritalFiling });
    const spot = await engine.apply({ commandId: cid(), dossierId, command: 'process-on-spot', actor: actors.reception });
    expect(spot.documents[0]).toMatchObject({ kind: 'receipt', appointment: '2026-03-02T17:00:00+07:00' });
    await engine.apply({ commandId: cid(), dossierId, command: 'return-on-spot', actor: actors.approver });
    expect(await engine.dossier(dossierId)).toMatchObject({ state: 'returned', onSpot: true, late: false, processingDays: 0 });
  });

  it('keeps a running dossier on the revision it was filed under when the catalogue changes', async () => {
    const longer = compileIR({ ...maritalStatus, periods: { ...maritalStatus.periods, 'in-person': { value: 10, unit: 'working-days' } } }, { field: 'Hộ tịch', levels: ['commune'] });
    expect(longer.revision).not.toBe(compiled['marital']?.revision);
    const { engine, clock } = fresh();
    const running = await receivedMarital(engine);
    const before = await engine.create({ commandId: cid(), actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: newApplicant().id, ...maritalFiling });
    // The catalogue is edited: a new engine (another process, say) serves the new revision.
    const edited = new DossierEngine({ store, procedures: staticSource([longer]), agencies, calendar, clock });
    await edited.apply({ commandId: cid(), dossierId: before.dossierId, command: 'receive', actor: actors.reception });
    const after = await edited.create({ commandId: cid(), actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: newApplicant().id, ...maritalFiling });
    await edited.apply({ commandId: cid(), dossierId: after.dossierId, command: 'receive', actor: actors.reception });
    expect((await edited.dossier(before.dossierId)).context.due).toBe('2026-03-05T17:00:00+07:00');
    expect((await edited.dossier(before.dossierId)).revision).toBe(compiled['marital']?.revision);
    expect((await edited.dossier(after.dossierId)).context.due).toBe('2026-03-16T17:00:00+07:00');
    expect((await edited.dossier(after.dossierId)).revision).toBe(longer.revision);
    await edited.apply({ commandId: cid(), dossierId: running, command: 'transfer', actor: actors.reception });
    expect((await edited.replay(running)).matches).toBe(true);
    clock.advance(DAY);
  });

  it('writes a batch all or nothing', async () => {
    const { engine } = fresh();
    const applicant = newApplicant();
    const before = (await engine.list({ applicant: applicant.id })).length;
    const ok = { kind: 'create' as const, commandId: cid(), actor: actors.reception, procedure: '1.004873', agency: OTHER_COMMUNE, channel: 'in-person' as const, applicant: applicant.id, ...maritalFiling };
    const bad = { ...ok, commandId: cid(), actor: actors.receptionOther, procedure: '9.999999' };
    expect(await refused(engine.batch([{ ...ok, actor: actors.receptionOther }, bad]))).toBe('procedure-not-served');
    expect(await engine.list({ applicant: applicant.id })).toHaveLength(before);
    const results = await engine.batch([{ ...ok, commandId: cid(), actor: actors.receptionOther }, { ...ok, commandId: cid(), actor: actors.receptionOther }]);
    expect(results.map((r) => Number(r.number.slice(-4)))).toEqual([Number(results[0]?.number.slice(-4)), Number(results[0]?.number.slice(-4)) + 1]);
    expect(await engine.list({ applicant: applicant.id })).toHaveLength(2);
  });

  it('lists dossiers by state, procedure, agency and overdue', async () => {
    const { engine, clock } = fresh();
    const applicant = newApplicant();
    const a = await receivedMarital(engine, applicant);
    clock.advance(60_000);
    const b = await receivedMarital(engine, applicant);
    await engine.apply({ commandId: cid(), dossierId: b, command: 'transfer', actor: actors.reception });
    expect((await engine.list({ applicant: applicant.id, state: 'received' })).map((d) => d.id)).toEqual([a]);
    expect((await engine.list({ applicant: applicant.id, procedure: '1.004873' })).map((d) => d.id)).toEqual([a, b]);
    expect((await engine.list({ applicant: applicant.id, agency: COMMUNE })).map((d) => d.id)).toEqual([a, b]);
    expect(await engine.list({ applicant: applicant.id, overdueAt: clock.now() })).toEqual([]);
    expect((await engine.list({ applicant: applicant.id, overdueAt: msOf('2026-03-20T08:00') })).map((d) => d.id)).toEqual([a, b]);
    const pages: string[] = [];
    for await (const page of store.scan({ applicant: applicant.id }, 1)) pages.push(...page.map((d) => d.id));
    expect(pages).toEqual([a, b]);
  });

  it('never moves a command\'s moment before the dossier\'s last event or into the future', async () => {
    const { engine, clock } = fresh();
    const dossierId = await receivedMarital(engine);
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'transfer', actor: actors.reception, at: clock.now() + 1 }))).toBe('invalid-command');
    expect(await refused(engine.apply({ commandId: cid(), dossierId, command: 'transfer', actor: actors.reception, at: START - DAY }))).toBe('invalid-command');
  });
});
