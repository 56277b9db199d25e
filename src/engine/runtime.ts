import { createActor, type AnyActorScope, type AnyMachineSnapshot } from 'xstate';
import type { WorkingCalendar } from '../calendar/calendar.js';
import type { OfficeHours } from '../calendar/deadline.js';
import { lifecycle, type LifecycleState } from '../workflow/lifecycle.js';
import { createWorkflowMachine, type DossierContext, type WorkflowMachine } from '../workflow/machine.js';
import type { CompiledProcedure } from './procedures.js';

/**
 * A compiled procedure's XState machine, ready to step. Dossiers are stepped with the
 * machine's pure `transition(snapshot, event, scope)`: no actor is started per command, and
 * one inert actor scope per machine serves every dossier (the workflow machines have no
 * side-effecting actions, only `assign`). That is the same scope XState's own `transition()`
 * helper builds on every call; building it once is what makes a command cheap.
 */
export interface Runtime {
  compiled: CompiledProcedure;
  machine: WorkflowMachine;
  scope: AnyActorScope;
  /** The lifecycle states by id (clock, label, accepted events). */
  states: ReadonlyMap<string, LifecycleState>;
  initial: AnyMachineSnapshot;
}

/**
 * Builds the runtime of a compiled procedure on a calendar.
 *
 * @example
 * const rt = buildRuntime(compileProcedure(procedure), calendar);
 * const next = rt.machine.transition(rt.initial, { type: 'SUBMIT', channel: 'online', at: '2026-03-02T09:00' }, rt.scope);
 */
export function buildRuntime(compiled: CompiledProcedure, calendar: WorkingCalendar, hours?: OfficeHours): Runtime {
  const machine = createWorkflowMachine(compiled.ir, hours === undefined ? { calendar } : { calendar, hours });
  const self = createActor(machine);
  const scope = {
    self,
    id: compiled.code,
    sessionId: '',
    logger: () => undefined,
    defer: () => undefined,
    system: self.system,
    stopChild: () => undefined,
    emit: () => undefined,
    actionExecutor: () => undefined,
  } as unknown as AnyActorScope;
  const graph = lifecycle(compiled.ir);
  return {
    compiled,
    machine,
    scope,
    states: new Map(graph.states.map((s) => [s.id, s])),
    initial: machine.getInitialSnapshot(scope) as AnyMachineSnapshot,
  };
}

/** A machine snapshot from a stored state and context. */
export function restoreSnapshot(rt: Runtime, state: string, context: DossierContext): AnyMachineSnapshot {
  return rt.machine.resolveState({ value: state, context }) as unknown as AnyMachineSnapshot;
}
