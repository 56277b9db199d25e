import { holidayTable } from '../../generated/calendar.js';
import { workflow as birth } from '../../generated/workflows/1.001193.js';
import { workflow as maritalStatus } from '../../generated/workflows/1.004873.js';
import { workflow as copyFromRegister } from '../../generated/workflows/2.000908.js';
import { workflow as landFirst } from '../../generated/workflows/1.013978.js';
import { WorkingCalendar } from '../../src/calendar/calendar.js';
import { AgencyDirectory } from '../../src/engine/agencies.js';
import { SimulatedClock } from '../../src/engine/clock.js';
import { DossierEngine, type EngineOptions } from '../../src/engine/engine.js';
import { compileIR, staticSource, type CompiledProcedure } from '../../src/engine/procedures.js';
import type { Actor } from '../../src/engine/roles.js';
import type { Store } from '../../src/engine/store/types.js';
import { msOf } from '../../src/engine/time.js';
import type { WorkflowIR } from '../../src/workflow/ir.js';

/** Agencies of a test province: its service centre, a department, two communes. */
export const CENTRE = '000.00.15.H12';
export const DEPARTMENT = '000.00.31.H12';
export const COMMUNE = '000.01.21.H12';
export const OTHER_COMMUNE = '000.02.21.H12';

export const agencies = new AgencyDirectory([
  { code: CENTRE, name: 'Trung tâm Phục vụ hành chính công tỉnh', level: 'province' },
  { code: DEPARTMENT, name: 'Sở Tư pháp', level: 'province' },
  { code: COMMUNE, name: 'Ủy ban nhân dân xã An Bình', level: 'commune' },
  { code: OTHER_COMMUNE, name: 'Ủy ban nhân dân xã Hòa Lạc', level: 'commune' },
]);

export const calendar = new WorkingCalendar(holidayTable);

/** A procedure "4 tại chỗ" made from the marital-status certificate (no catalogue procedure is designated yet). */
export const onSpotIR: WorkflowIR = { ...maritalStatus, procedure: '9.000001', name: 'Thủ tục thử 4 tại chỗ', fourOnSpot: true, periods: { 'in-person': { value: 0, unit: 'working-days', sameDayCutoff: '15:00' } }, channels: ['in-person'] };

export const compiled: Record<string, CompiledProcedure> = {
  birth: compileIR(birth, { field: 'Hộ tịch', levels: ['commune'] }),
  marital: compileIR(maritalStatus, { field: 'Hộ tịch', levels: ['commune'] }),
  copy: compileIR(copyFromRegister, { field: 'Hộ tịch', levels: ['commune'] }),
  land: compileIR(landFirst, { field: 'Đất đai', levels: ['commune'] }),
  onSpot: compileIR(onSpotIR, { field: 'Hộ tịch', levels: ['commune'] }),
};

export const procedures = staticSource(Object.values(compiled));

export const actors = {
  applicant: { id: '001099000001', role: 'applicant', agency: null } satisfies Actor,
  otherApplicant: { id: '001099000002', role: 'applicant', agency: null } satisfies Actor,
  reception: { id: 'tiep-nhan-1', role: 'reception', agency: COMMUNE } satisfies Actor,
  receptionOther: { id: 'tiep-nhan-2', role: 'reception', agency: OTHER_COMMUNE } satisfies Actor,
  specialist: { id: 'chuyen-vien-1', role: 'specialist', agency: COMMUNE } satisfies Actor,
  specialistDept: { id: 'chuyen-vien-2', role: 'specialist', agency: DEPARTMENT } satisfies Actor,
  approver: { id: 'lanh-dao-1', role: 'approver', agency: COMMUNE } satisfies Actor,
  approverDept: { id: 'lanh-dao-2', role: 'approver', agency: DEPARTMENT } satisfies Actor,
  admin: { id: 'quan-tri', role: 'administrator', agency: null } satisfies Actor,
} as const;

/** Monday 2 March 2026, 09:00 in Vietnam. */
export const START = msOf('2026-03-02T09:00');

let counter = 0;
/** A fresh command id. */
export const cid = (): string => `cmd-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

/** An engine on a store with a simulated clock. */
export function makeEngine(store: Store, options: Partial<EngineOptions> = {}): { engine: DossierEngine; clock: SimulatedClock } {
  const clock = new SimulatedClock(START);
  const engine = new DossierEngine({ store, procedures, agencies, calendar, clock, ...options });
  return { engine, clock };
}

/** The components a birth registration by a parent with an electronic birth notice needs. */
export const birthFiling = {
  facts: { birthEvidence: 'e-birth-notice', applicant: 'parent', residenceInDatabase: true },
  components: ['to-khai', 'giay-to-tuy-than', 'giay-to-cu-tru'],
};
