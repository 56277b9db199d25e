import { assign, setup, type AnyStateMachine, type StateMachine } from 'xstate';
import type { FactValues } from '../catalogue/evaluate.js';
import { WorkingCalendar, type CalendarBasis, type HolidayTable } from '../calendar/calendar.js';
import { formatMoment, parseMoment } from '../calendar/dates.js';
import { DeadlineClock, DEFAULT_OFFICE_HOURS, dueDate, PeriodError, type ClockData, type OfficeHours } from '../calendar/deadline.js';
import { missingComponents } from './checklist.js';
import type { ChannelKey, IRPeriod, WorkflowIR } from './ir.js';
import { lifecycle, type LifecycleTransition } from './lifecycle.js';

/**
 * The XState v5 backend: emits a machine from a workflow IR through `setup()`, with typed
 * context and events. Deadlines arrive as explicit events (DEADLINE_PASSED,
 * STAGE_DEADLINE_PASSED): the machine never uses `after`, so its snapshots persist and
 * `xstate/graph` can walk every path. Every event carries its moment (`at`, ISO 8601; a
 * time without offset is Vietnam time); due dates are computed from the working-day
 * calendar inside the machine's actions, purely.
 */

/** How a result is handed over. */
export type ReturnMethod = 'in-person' | 'online' | 'post';

/** One apology slip (phiếu xin lỗi và hẹn lại ngày trả kết quả). */
export interface Apology {
  at: string;
  newAppointment: string;
  /** The stage that overran, for interconnected procedures. */
  stage: string | null;
}

/** The context of a dossier (hồ sơ) in its workflow: JSON, so snapshots persist. */
export interface DossierContext<C extends string = string, F extends FactValues = FactValues> {
  procedure: string;
  channel: ChannelKey | null;
  facts: F;
  cases: string[];
  /** Components handed in (submitted or presented). */
  components: C[];
  /** Components reception found missing. */
  missing: C[];
  submittedAt: string | null;
  receivedAt: string | null;
  /** The statutory clock (overall period of the channel). */
  clock: ClockData | null;
  /** Statutory due moment, pauses included; null while paused or when the period has no unit. */
  due: string | null;
  /**
   * What the due moment's calendar rests on: `announced` days off, a `provisional` year, or the
   * Labour Code `fallback` for a year not in the table. Null with `due`.
   */
  dueBasis: CalendarBasis | null;
  /** The appointment given to the applicant: the due moment, or the new date of the last apology slip. */
  appointment: string | null;
  stage: string | null;
  stageClock: ClockData | null;
  stageDue: string | null;
  supplementRequests: number;
  apologies: Apology[];
  reasons: string[];
  paymentRequested: boolean;
  originalsPresented: boolean;
  returnMethod: ReturnMethod | null;
  returnedAt: string | null;
}

type At = { at: string };

/** Events of a dossier. `C` are the procedure's component ids, `F` its facts. */
export type WorkflowEvent<C extends string = string, F extends FactValues = FactValues> =
  | ({ type: 'SUBMIT'; channel: ChannelKey; facts?: F; components?: C[]; cases?: string[] } & At)
  | ({ type: 'RECEIVE' } & At)
  | ({ type: 'REQUEST_COMPLETION'; missing?: C[] } & At)
  | ({ type: 'SUBMIT_COMPLETION'; components: C[] } & At)
  | ({ type: 'REFUSE'; reasons: string[] } & At)
  | ({ type: 'PROCESS_ON_SPOT' } & At)
  | ({ type: 'RETURN_ON_SPOT' } & At)
  | ({ type: 'TRANSFER' } & At)
  | ({ type: 'APPRAISE' } & At)
  | ({ type: 'APPROVE' } & At)
  | ({ type: 'STAGE_DONE' } & At)
  | ({ type: 'REQUEST_SUPPLEMENT'; items?: string[] } & At)
  | ({ type: 'SUPPLEMENT_PROVIDED'; components?: C[] } & At)
  | ({ type: 'REQUEST_PAYMENT'; amount?: number } & At)
  | ({ type: 'PAYMENT_RECEIVED' } & At)
  | ({ type: 'REJECT'; reasons: string[] } & At)
  | ({ type: 'STOP'; reasons: string[] } & At)
  | ({ type: 'WITHDRAW'; reasons?: string[] } & At)
  | ({ type: 'DEADLINE_PASSED'; newAppointment: string } & At)
  | ({ type: 'STAGE_DEADLINE_PASSED'; newAppointment: string } & At)
  | ({ type: 'PRESENT_ORIGINALS' } & At)
  | ({ type: 'RETURN'; method: ReturnMethod } & At);

/** Options of a machine: the calendar deadlines are counted on, and office hours. */
export interface MachineOptions {
  calendar?: WorkingCalendar;
  /** A holiday table to build the calendar from (ignored when `calendar` is given). */
  holidays?: HolidayTable;
  hours?: OfficeHours;
}

/**
 * The machine type of a workflow: context and events typed; the state graph is data (built
 * from the IR), so state values are plain strings.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WorkflowMachine<C extends string = string, F extends FactValues = FactValues> = StateMachine<DossierContext<C, F>, WorkflowEvent<C, F>, any, any, any, any, any, any, any, any, any, any, any, any>;

function initialContext<C extends string, F extends FactValues>(ir: WorkflowIR): DossierContext<C, F> {
  return {
    procedure: ir.procedure, channel: null, facts: {} as F, cases: [], components: [], missing: [],
    submittedAt: null, receivedAt: null, clock: null, due: null, dueBasis: null, appointment: null,
    stage: null, stageClock: null, stageDue: null, supplementRequests: 0, apologies: [], reasons: [],
    paymentRequested: false, originalsPresented: false, returnMethod: null, returnedAt: null,
  };
}

/**
 * Emits the XState machine of a workflow.
 *
 * @example
 * const machine = createWorkflowMachine(buildWorkflow(procedure));
 * const actor = createActor(machine).start();
 * actor.send({ type: 'SUBMIT', channel: 'in-person', at: '2026-02-13T15:30', components: ['to-khai'] });
 * actor.send({ type: 'RECEIVE', at: '2026-02-13T15:30' });
 * actor.getSnapshot().context.due; // '2026-02-23T17:00:00+07:00'
 */
export function createWorkflowMachine<C extends string = string, F extends FactValues = FactValues>(
  ir: WorkflowIR,
  options: MachineOptions = {},
): WorkflowMachine<C, F> {
  const calendar = options.calendar ?? new WorkingCalendar(options.holidays ?? { years: {} });
  const hours = options.hours ?? DEFAULT_OFFICE_HOURS;
  type Ctx = DossierContext<C, F>;
  type Ev = WorkflowEvent<C, F>;

  const dueWithBasis = (clock: ClockData | null): { due: string | null; dueBasis: CalendarBasis | null } => {
    if (clock === null) return { due: null, dueBasis: null };
    try {
      const d = DeadlineClock.fromData(clock).dueDate(calendar, hours);
      return d === undefined ? { due: null, dueBasis: null } : { due: formatMoment(d.due), dueBasis: d.basis.basis };
    } catch (error) {
      if (error instanceof PeriodError) return { due: null, dueBasis: null };
      throw error;
    }
  };
  const dueOf = (clock: ClockData | null): string | null => dueWithBasis(clock).due;
  const startClock = (period: IRPeriod | null | undefined, at: string): ClockData | null =>
    period === null || period === undefined ? null : DeadlineClock.start(period, parseMoment(at)).toData();
  const isOverdue = (due: string | null, at: string): boolean => {
    // No computable due moment (no period, or a bare number): the official's event is taken as is.
    if (due === null) return true;
    const d = parseMoment(due);
    const now = parseMoment(at);
    return now.day > d.day || (now.day === d.day && now.minutes > d.minutes);
  };
  const stagePeriod = (id: string): IRPeriod | undefined => ir.stages.find((s) => s.id === id)?.budget;
  const union = (a: readonly C[], b: readonly C[] | undefined): C[] => [...new Set([...a, ...(b ?? [])])];
  const atOf = (e: Ev): string => e.at;

  const machineSetup = setup({
    types: {
      context: {} as Ctx,
      events: {} as Ev,
    },
    guards: {
      channelAllowed: ({ event }) => event.type === 'SUBMIT' && ir.channels.includes(event.channel),
      componentsComplete: ({ context }) => missingComponents(ir, { facts: context.facts, cases: context.cases }, context.components).length === 0,
      supplementAllowed: ({ context }) => context.supplementRequests < ir.supplementLimit,
      overdue: ({ context, event }) => isOverdue(context.appointment ?? context.due, atOf(event)),
      stageOverdue: ({ context, event }) => isOverdue(context.stageDue, atOf(event)),
      returnAllowed: ({ context, event }) => {
        if (event.type !== 'RETURN') return false;
        // Toàn trình: no in-person step for dossiers filed online or by post.
        if (ir.online === 'full' && context.channel !== 'in-person') return event.method !== 'in-person';
        // Filed online, partial service: the originals are checked in person before the result.
        if (context.channel === 'online') return context.originalsPresented;
        return true;
      },
    },
    actions: {
      recordSubmission: assign(({ event, context }) => {
        if (event.type !== 'SUBMIT') return {};
        return {
          channel: event.channel,
          facts: (event.facts ?? context.facts),
          cases: [...(event.cases ?? [])],
          components: union([], event.components),
          submittedAt: formatMoment(parseMoment(event.at)),
        };
      }),
      recordMissing: assign(({ event, context }) => ({
        missing: event.type === 'REQUEST_COMPLETION' && event.missing !== undefined
          ? [...event.missing]
          : (missingComponents(ir, { facts: context.facts, cases: context.cases }, context.components) as C[]),
      })),
      recordCompletion: assign(({ event, context }) => ({
        components: union(context.components, event.type === 'SUBMIT_COMPLETION' ? event.components : []),
        missing: [],
      })),
      recordReasons: assign(({ event, context }) => ({
        reasons: [...context.reasons, ...('reasons' in event && Array.isArray(event.reasons) ? event.reasons : [])],
      })),
      startClock: assign(({ event, context }) => {
        const clock = startClock(context.channel === null ? null : ir.periods[context.channel], event.at);
        const { due, dueBasis } = dueWithBasis(clock);
        return { receivedAt: formatMoment(parseMoment(event.at)), clock, due, dueBasis, appointment: due };
      }),
      startOnSpot: assign(({ event }) => {
        const at = parseMoment(event.at);
        const d = dueDate(calendar, at, { value: 0, unit: 'working-days' }, hours);
        const due = formatMoment(d.due);
        return { receivedAt: formatMoment(at), due, dueBasis: d.basis.basis, appointment: due };
      }),
      recordTransfer: () => undefined,
      enterStage: assign(({ event }, params: { stage: string }) => {
        if (params.stage === '') return { stage: null, stageClock: null, stageDue: null };
        const stageClock = startClock(stagePeriod(params.stage), event.at);
        return { stage: params.stage, stageClock, stageDue: dueOf(stageClock) };
      }),
      pauseClock: assign(({ event, context }) => {
        const at = parseMoment(event.at);
        const clock = context.clock === null ? null : DeadlineClock.fromData(context.clock).pause(at).toData();
        const stageClock = context.stageClock === null ? null : DeadlineClock.fromData(context.stageClock).pause(at).toData();
        return { supplementRequests: context.supplementRequests + 1, clock, stageClock, due: null, dueBasis: null, stageDue: null };
      }),
      resumeClock: assign(({ event, context }) => {
        const at = parseMoment(event.at);
        const clock = context.clock === null ? null : DeadlineClock.fromData(context.clock).resume(at).toData();
        const stageClock = context.stageClock === null ? null : DeadlineClock.fromData(context.stageClock).resume(at).toData();
        const { due, dueBasis } = dueWithBasis(clock);
        const extended = context.apologies.length === 0 ? due : context.appointment;
        return {
          clock, stageClock, due, dueBasis, stageDue: dueOf(stageClock), appointment: extended,
          components: union(context.components, event.type === 'SUPPLEMENT_PROVIDED' ? event.components : []),
        };
      }),
      issueApology: assign(({ event, context }) => {
        if (event.type !== 'DEADLINE_PASSED') return {};
        const newAppointment = formatMoment(parseMoment(event.newAppointment));
        return { apologies: [...context.apologies, { at: formatMoment(parseMoment(event.at)), newAppointment, stage: null }], appointment: newAppointment };
      }),
      issueStageApology: assign(({ event, context }) => {
        if (event.type !== 'STAGE_DEADLINE_PASSED') return {};
        const newAppointment = formatMoment(parseMoment(event.newAppointment));
        return { apologies: [...context.apologies, { at: formatMoment(parseMoment(event.at)), newAppointment, stage: context.stage }], stageDue: newAppointment };
      }),
      recordPaymentRequest: assign({ paymentRequested: true }),
      recordOriginals: assign({ originalsPresented: true }),
      recordReturn: assign(({ event }) => ({
        returnMethod: event.type === 'RETURN' ? event.method : ('in-person' as ReturnMethod),
        returnedAt: formatMoment(parseMoment(event.at)),
      })),
    },
  });

  const graph = lifecycle(ir);
  const transition = (t: LifecycleTransition): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (t.internal !== true) out['target'] = t.target;
    if (t.guard !== undefined) out['guard'] = t.guard;
    if (t.actions !== undefined && t.actions.length > 0) {
      out['actions'] = t.actions.map((a) => (a === 'enterStage' ? { type: a, params: { stage: t.enters ?? '' } } : a));
    }
    return out;
  };
  const states: Record<string, unknown> = {};
  for (const s of graph.states) {
    if (s.final) {
      states[s.id] = { type: 'final', description: s.label.en };
      continue;
    }
    const on: Record<string, unknown> = {};
    for (const t of s.on) on[t.event] = transition(t);
    states[s.id] = { description: s.label.en, on };
  }
  const config = {
    id: ir.procedure,
    initial: graph.initial,
    context: initialContext<C, F>(ir),
    states,
  };
  // The states are data built from the IR: their shape is checked by the path tests, not by tsc.
  return (machineSetup.createMachine as (c: unknown) => AnyStateMachine)(config) as unknown as WorkflowMachine<C, F>;
}
