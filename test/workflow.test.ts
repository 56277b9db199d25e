import path from 'node:path';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/catalogue.js';
import { calendarOf } from '../src/calendar/index.js';
import { buildWorkflow, type WorkflowIR } from '../src/workflow/ir.js';
import { createWorkflowMachine, type WorkflowEvent } from '../src/workflow/machine.js';
import { checklist, missingComponents, requiredComponents } from '../src/workflow/checklist.js';
import { lifecycle } from '../src/workflow/lifecycle.js';
import { parseMoment } from '../src/calendar/dates.js';
import { runCli } from './helpers/cli.js';
// A generated module, imported the way a developer would.
import { createMachine as createBirthRegistration, workflow as birthWorkflow, type Event as BirthEvent } from '../generated/workflows/1.001193.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const catalogue = loadCatalogue({ paths: ['procedures/curated', 'procedures/registry'], cwd: ROOT });
const calendar = calendarOf(catalogue.registries);

/** A small synthetic workflow: what the catalogue's shapes do not all show. */
function synthetic(over: Partial<WorkflowIR>): WorkflowIR {
  return {
    version: 1, procedure: '9.999999', name: 'Thủ tục thử', channels: ['in-person', 'online', 'postal'], online: 'partial', fourOnSpot: false,
    supplementLimit: 1, supplementLimitStated: true,
    periods: { 'in-person': { value: 10, unit: 'working-days' }, online: { value: 10, unit: 'working-days' }, postal: { value: 10, unit: 'working-days' } },
    stages: [], cases: [], facts: [{ name: 'authorised', type: 'boolean' }],
    components: [
      { id: 'don', name: 'Đơn', kind: 'submit', required: true },
      { id: 'uy-quyen', name: 'Văn bản ủy quyền', kind: 'submit', required: 'authorised' },
      { id: 'anh', name: 'Ảnh', kind: 'submit', required: false },
    ],
    ...over,
  };
}

describe('checklist (rules as code)', () => {
  it('requires a conditional component only when its fact holds', () => {
    const ir = synthetic({});
    expect(requiredComponents(ir, { facts: {} }).map((c) => c.id)).toEqual(['don']);
    expect(requiredComponents(ir, { facts: { authorised: true } }).map((c) => c.id)).toEqual(['don', 'uy-quyen']);
    expect(missingComponents(ir, { facts: { authorised: true } }, ['don'])).toEqual(['uy-quyen']);
  });

  it('lists the birth registration dossier of an authorised person with a paper birth notice', () => {
    const p = catalogue.resolve('1.001193')?.procedure;
    expect(p).toBeDefined();
    const c = checklist(p as NonNullable<typeof p>, { facts: { birthEvidence: 'paper-birth-notice', applicant: 'authorised', residenceInDatabase: true } }, { channel: 'online', at: parseMoment('2026-02-13T15:30'), calendar });
    expect(c.components.map((x) => x.id)).toEqual(['to-khai', 'giay-chung-sinh', 'van-ban-uy-quyen', 'giay-to-tuy-than']);
    expect(c.fees.online?.[0]?.amount).toBe(0);
    expect(c.due).toEqual({ channel: 'online', submittedAt: '2026-02-13T15:30:00+07:00', due: '2026-02-23T17:00:00+07:00', basis: { basis: 'announced', years: [{ year: 2026, basis: 'announced' }] } });
    const witness = checklist(p as NonNullable<typeof p>, { facts: { birthEvidence: 'witness', applicant: 'parent', residenceInDatabase: false } });
    expect(witness.components.map((x) => x.id)).toEqual(['to-khai', 'van-ban-lam-chung', 'giay-to-tuy-than', 'giay-to-cu-tru']);
  });

  it('answers on the command line, and refuses unknown facts and bad values with exit 2', async () => {
    const ok = await runCli(['checklist', '1.001193', '--fact', 'surrogacy=true', '--fact', 'birthEvidence=e-birth-notice', '--at', '2025-03-03T09:00', '--format', 'json'], { cwd: ROOT });
    expect(ok.code).toBe(0);
    const json = JSON.parse(ok.stdout) as { components: { id: string }[]; due: { due: string } };
    expect(json.components.map((x) => x.id)).toContain('xac-nhan-mang-thai-ho');
    expect(json.due.due).toBe('2025-03-03T17:00:00+07:00');
    const bad = await runCli(['checklist', '1.001193', '--fact', 'applicant=cousin', '--lang', 'en'], { cwd: ROOT });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"applicant" takes one of: parent, relative, authorised');
    const none = await runCli(['checklist', '1.00119', '--lang', 'en'], { cwd: ROOT });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('There is no procedure "1.00119"');
  });
});

describe('the compiled machine', () => {
  it('cannot receive a dossier while a required component is missing', () => {
    const actor = createActor(createWorkflowMachine(synthetic({}), { calendar })).start();
    actor.send({ type: 'SUBMIT', channel: 'in-person', at: '2025-03-03T09:00', facts: { authorised: true }, components: ['don'] });
    actor.send({ type: 'RECEIVE', at: '2025-03-03T09:00' });
    expect(actor.getSnapshot().value).toBe('reception');
    actor.send({ type: 'REQUEST_COMPLETION', at: '2025-03-03T09:00' });
    expect(actor.getSnapshot().context.missing).toEqual(['uy-quyen']);
    actor.send({ type: 'SUBMIT_COMPLETION', at: '2025-03-03T10:00', components: ['uy-quyen'] });
    actor.send({ type: 'RECEIVE', at: '2025-03-03T10:00' });
    expect(actor.getSnapshot().value).toBe('received');
    expect(actor.getSnapshot().context.due).toBe('2025-03-17T17:00:00+07:00');
  });

  it('pauses the clock for a supplement and refuses more notices than the procedure allows', () => {
    const actor = createActor(createWorkflowMachine(synthetic({ supplementLimit: 1 }), { calendar })).start();
    actor.send({ type: 'SUBMIT', channel: 'in-person', at: '2025-03-03T09:00', components: ['don'] });
    actor.send({ type: 'RECEIVE', at: '2025-03-03T09:00' });
    actor.send({ type: 'TRANSFER', at: '2025-03-03T11:00' });
    actor.send({ type: 'REQUEST_SUPPLEMENT', at: '2025-03-05T10:00' });
    expect(actor.getSnapshot().value).toBe('supplementRequested');
    expect(actor.getSnapshot().context.due).toBeNull();
    actor.send({ type: 'SUPPLEMENT_PROVIDED', at: '2025-03-10T10:00' });
    expect(actor.getSnapshot().context.due).toBe('2025-03-20T17:00:00+07:00');
    actor.send({ type: 'REQUEST_SUPPLEMENT', at: '2025-03-11T10:00' });
    expect(actor.getSnapshot().value).toBe('appraisal');
    expect(actor.getSnapshot().context.supplementRequests).toBe(1);
  });

  it('issues an apology slip with a new appointment when overdue, and leaves the dossier in place', () => {
    const actor = createActor(createWorkflowMachine(synthetic({}), { calendar })).start();
    actor.send({ type: 'SUBMIT', channel: 'in-person', at: '2025-03-03T09:00', components: ['don'] });
    actor.send({ type: 'RECEIVE', at: '2025-03-03T09:00' });
    actor.send({ type: 'TRANSFER', at: '2025-03-03T11:00' });
    actor.send({ type: 'DEADLINE_PASSED', at: '2025-03-10T09:00', newAppointment: '2025-03-25T17:00' });
    expect(actor.getSnapshot().context.apologies).toEqual([]); // not overdue yet: refused by the guard
    actor.send({ type: 'DEADLINE_PASSED', at: '2025-03-18T08:00', newAppointment: '2025-03-25T17:00' });
    expect(actor.getSnapshot().value).toBe('appraisal');
    expect(actor.getSnapshot().context.apologies).toEqual([{ at: '2025-03-18T08:00:00+07:00', newAppointment: '2025-03-25T17:00:00+07:00', stage: null }]);
    expect(actor.getSnapshot().context.appointment).toBe('2025-03-25T17:00:00+07:00');
  });

  it('says what a due date rests on: announced in 2026, provisional when it crosses into 2027', () => {
    const short = createActor(createWorkflowMachine(synthetic({ periods: { 'in-person': { value: 2, unit: 'working-days' } } }), { calendar })).start();
    short.send({ type: 'SUBMIT', channel: 'in-person', at: '2026-11-23T09:00', components: ['don'] });
    short.send({ type: 'RECEIVE', at: '2026-11-23T09:00' });
    // 24/11/2026 is Ngày Văn hóa Việt Nam: Monday + 2 working days is Thursday.
    expect(short.getSnapshot().context.due).toBe('2026-11-26T17:00:00+07:00');
    expect(short.getSnapshot().context.dueBasis).toBe('announced');
    const long = createActor(createWorkflowMachine(synthetic({}), { calendar })).start();
    long.send({ type: 'SUBMIT', channel: 'in-person', at: '2026-12-28T09:00', components: ['don'] });
    long.send({ type: 'RECEIVE', at: '2026-12-28T09:00' });
    expect(long.getSnapshot().context.dueBasis).toBe('provisional');
  });

  it('takes the 4 tại chỗ path only for procedures that qualify', () => {
    const onSpot = createActor(createWorkflowMachine(synthetic({ fourOnSpot: true }), { calendar })).start();
    onSpot.send({ type: 'SUBMIT', channel: 'in-person', at: '2025-03-03T09:00', components: ['don'] });
    onSpot.send({ type: 'PROCESS_ON_SPOT', at: '2025-03-03T09:05' });
    expect(onSpot.getSnapshot().value).toBe('onTheSpot');
    expect(onSpot.getSnapshot().context.due).toBe('2025-03-03T17:00:00+07:00');
    onSpot.send({ type: 'RETURN_ON_SPOT', at: '2025-03-03T09:40' });
    expect(onSpot.getSnapshot().value).toBe('returned');
    const ordinary = createActor(createWorkflowMachine(synthetic({ fourOnSpot: false }), { calendar })).start();
    ordinary.send({ type: 'SUBMIT', channel: 'in-person', at: '2025-03-03T09:00', components: ['don'] });
    ordinary.send({ type: 'PROCESS_ON_SPOT', at: '2025-03-03T09:05' });
    expect(ordinary.getSnapshot().value).toBe('reception');
  });

  it('has no in-person step for a fully online procedure, and checks originals for a partial one', () => {
    const run = (online: 'full' | 'partial', method: 'in-person' | 'online'): string => {
      const a = createActor(createWorkflowMachine(synthetic({ online }), { calendar })).start();
      const events: WorkflowEvent[] = [
        { type: 'SUBMIT', channel: 'online', at: '2025-03-03T09:00', components: ['don'] },
        { type: 'RECEIVE', at: '2025-03-03T09:00' }, { type: 'TRANSFER', at: '2025-03-03T09:00' },
        { type: 'APPRAISE', at: '2025-03-04T09:00' }, { type: 'APPROVE', at: '2025-03-05T09:00' },
        { type: 'RETURN', at: '2025-03-05T10:00', method },
      ];
      for (const e of events) a.send(e);
      return String(a.getSnapshot().value);
    };
    expect(run('full', 'in-person')).toBe('resultReady');
    expect(run('full', 'online')).toBe('returned');
    expect(run('partial', 'online')).toBe('resultReady');
    expect(lifecycle(synthetic({ online: 'full' })).states.flatMap((s) => s.on.map((t) => t.event))).not.toContain('PRESENT_ORIGINALS');
    const channels = buildWorkflow({ code: '9.999998', online: 'none', channels: { online: {}, 'in-person': {} }, provenance: [{ url: 'https://example.org' }] }).channels;
    expect(channels).toEqual(['in-person']);
  });

  it('runs an interconnected procedure stage by stage, each with its budget', () => {
    const ir = synthetic({
      periods: { 'in-person': { value: 3, unit: 'working-days' } }, channels: ['in-person'],
      stages: [
        { id: 'khai-sinh', name: 'Đăng ký khai sinh', level: 'commune', budget: { value: 1, unit: 'working-days' } },
        { id: 'thuong-tru', name: 'Đăng ký thường trú', level: 'commune', budget: { value: 1, unit: 'working-days' } },
        { id: 'bhyt', name: 'Cấp thẻ bảo hiểm y tế', level: 'province', budget: { value: 1, unit: 'working-days' } },
      ],
    });
    const a = createActor(createWorkflowMachine(ir, { calendar })).start();
    a.send({ type: 'SUBMIT', channel: 'in-person', at: '2025-03-03T09:00', components: ['don'] });
    a.send({ type: 'RECEIVE', at: '2025-03-03T09:00' });
    expect(a.getSnapshot().context.due).toBe('2025-03-06T17:00:00+07:00');
    a.send({ type: 'TRANSFER', at: '2025-03-03T09:30' });
    expect(a.getSnapshot().value).toBe('stage_khai-sinh');
    expect(a.getSnapshot().context.stageDue).toBe('2025-03-04T17:00:00+07:00');
    a.send({ type: 'STAGE_DEADLINE_PASSED', at: '2025-03-05T08:00', newAppointment: '2025-03-05T17:00' });
    expect(a.getSnapshot().context.apologies[0]?.stage).toBe('khai-sinh');
    a.send({ type: 'STAGE_DONE', at: '2025-03-05T10:00' });
    expect(a.getSnapshot().value).toBe('stage_thuong-tru');
    expect(a.getSnapshot().context.stageDue).toBe('2025-03-06T17:00:00+07:00');
    a.send({ type: 'STAGE_DONE', at: '2025-03-05T16:00' });
    a.send({ type: 'STAGE_DONE', at: '2025-03-06T11:00' });
    a.send({ type: 'RETURN', at: '2025-03-06T15:00', method: 'in-person' });
    expect(a.getSnapshot().value).toBe('returned');
  });

  it('is importable from generated/, typed, and gives due dates on the bundled holiday table', () => {
    expect(birthWorkflow.procedure).toBe('1.001193');
    const actor = createActor(createBirthRegistration()).start();
    const events: BirthEvent[] = [
      { type: 'SUBMIT', channel: 'in-person', at: '2026-02-13T15:30', facts: { birthEvidence: 'e-birth-notice', applicant: 'parent', residenceInDatabase: true }, components: ['to-khai', 'giay-chung-sinh', 'giay-to-tuy-than'] },
      { type: 'RECEIVE', at: '2026-02-13T15:30' },
    ];
    for (const e of events) actor.send(e);
    expect(actor.getSnapshot().value).toBe('received');
    expect(actor.getSnapshot().context.due).toBe('2026-02-23T17:00:00+07:00');
    // The snapshot is JSON: it persists and restores.
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as object;
    const restored = createActor(createBirthRegistration(), { snapshot: saved as never }).start();
    expect(restored.getSnapshot().context.due).toBe('2026-02-23T17:00:00+07:00');
  });
});
