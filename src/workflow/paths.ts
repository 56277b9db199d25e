import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import type { ChannelKey, WorkflowIR } from './ir.js';
import { lifecycle } from './lifecycle.js';
import type { DossierContext, WorkflowEvent, WorkflowMachine } from './machine.js';

/**
 * Path analysis of a compiled workflow with `xstate/graph`. Deadline events are ordinary
 * events here, so every path through an apology slip is walked too. Used by the test suite
 * over the whole catalogue, and available to developers who embed the machines.
 */

/** Moments used for generated events: an ordinary working morning, and a moment long after every due date. */
const AT = '2025-03-03T09:00';
const LATE = '2099-12-30T16:00';

/** The events tried in every state: each event type with representative payloads. */
export function sampleEvents(ir: WorkflowIR): WorkflowEvent[] {
  const all = ir.components.map((c) => c.id);
  const cases = ir.cases.map((c) => c.id);
  const submits = ir.channels.map((channel: ChannelKey) => ({ type: 'SUBMIT' as const, channel, at: AT, components: all, cases }));
  return [
    ...submits,
    // An incomplete dossier (nothing handed in): reception must ask for completion.
    { type: 'SUBMIT', channel: ir.channels[0] as ChannelKey, at: AT, components: [], cases },
    { type: 'RECEIVE', at: AT },
    { type: 'REQUEST_COMPLETION', at: AT },
    { type: 'SUBMIT_COMPLETION', at: AT, components: all },
    { type: 'REFUSE', at: AT, reasons: ['Không thuộc thẩm quyền'] },
    { type: 'PROCESS_ON_SPOT', at: AT },
    { type: 'RETURN_ON_SPOT', at: AT },
    { type: 'TRANSFER', at: AT },
    { type: 'APPRAISE', at: AT },
    { type: 'APPROVE', at: AT },
    { type: 'STAGE_DONE', at: AT },
    { type: 'REQUEST_SUPPLEMENT', at: AT },
    { type: 'SUPPLEMENT_PROVIDED', at: AT, components: all },
    { type: 'REQUEST_PAYMENT', at: AT },
    { type: 'PAYMENT_RECEIVED', at: AT },
    { type: 'REJECT', at: AT, reasons: ['Không đủ điều kiện'] },
    { type: 'STOP', at: AT, reasons: ['Dừng theo yêu cầu'] },
    { type: 'WITHDRAW', at: AT },
    { type: 'DEADLINE_PASSED', at: LATE, newAppointment: '2099-12-31T17:00' },
    { type: 'STAGE_DEADLINE_PASSED', at: LATE, newAppointment: '2099-12-31T17:00' },
    { type: 'PRESENT_ORIGINALS', at: AT },
    { type: 'RETURN', at: AT, method: 'in-person' },
    { type: 'RETURN', at: AT, method: 'online' },
    { type: 'RETURN', at: AT, method: 'post' },
  ];
}

/** What identifies a snapshot for the analysis: the state, and the context that changes what can happen next. */
function serialize(snapshot: AnyMachineSnapshot): string {
  const c = snapshot.context as DossierContext;
  return JSON.stringify([
    snapshot.value, c.channel, c.components.length > 0, c.supplementRequests, c.originalsPresented, c.apologies.length > 0, c.stage,
  ]);
}

/** The findings of a path analysis. */
export interface PathReport {
  /** Lifecycle states reached. */
  reached: string[];
  /** Lifecycle states never reached. */
  unreached: string[];
  /** States with a reachable snapshot from which no final state can be reached. */
  deadEnds: string[];
  /** The most supplement requests seen on any path. */
  maxSupplementRequests: number;
  /** Shortest event sequence to the "returned" state, if any. */
  pathToReturned: string[] | null;
  snapshots: number;
}

/**
 * Walks every reachable snapshot of a workflow machine (xstate/graph), deadline events
 * included: which states are reached, which are dead ends, the way to "returned".
 *
 * @example
 * const ir = buildWorkflow(khaiSinh);
 * const report = analysePaths(ir, createWorkflowMachine(ir));
 * report.pathToReturned // ['xstate.init', 'SUBMIT', 'RECEIVE', 'TRANSFER', 'APPRAISE', 'APPROVE', 'RETURN']
 */
export function analysePaths(ir: WorkflowIR, machine: WorkflowMachine): PathReport {
  const events = sampleEvents(ir);
  const options = { events, serializeState: (s: AnyMachineSnapshot) => serialize(s) };
  const adjacency = getAdjacencyMap(machine as never, options as never) as unknown as Record<string, { state: AnyMachineSnapshot; transitions: Record<string, { state: AnyMachineSnapshot }> }>;
  const graph = lifecycle(ir);
  const finals = new Set(graph.states.filter((s) => s.final).map((s) => s.id));
  const reached = new Set<string>();
  let maxSupplement = 0;
  // Reverse edges, to find the snapshots from which some final state can still be reached.
  const incoming = new Map<string, Set<string>>();
  const canFinish = new Set<string>();
  for (const [key, value] of Object.entries(adjacency)) {
    const state = String(value.state.value);
    reached.add(state);
    maxSupplement = Math.max(maxSupplement, (value.state.context as DossierContext).supplementRequests);
    if (finals.has(state)) canFinish.add(key);
    for (const t of Object.values(value.transitions)) {
      const to = serialize(t.state);
      const set = incoming.get(to) ?? new Set<string>();
      set.add(key);
      incoming.set(to, set);
    }
  }
  const queue = [...canFinish];
  while (queue.length > 0) {
    const key = queue.pop() as string;
    for (const from of incoming.get(key) ?? []) {
      if (!canFinish.has(from)) {
        canFinish.add(from);
        queue.push(from);
      }
    }
  }
  const deadEnds = new Set<string>();
  for (const [key, value] of Object.entries(adjacency)) if (!canFinish.has(key)) deadEnds.add(String(value.state.value));
  const paths = getShortestPaths(machine as never, { ...options, toState: (s: AnyMachineSnapshot) => s.value === 'returned' } as never) as { steps: { event: { type: string } }[] }[];
  const shortest = paths.sort((a, b) => a.steps.length - b.steps.length)[0];
  return {
    reached: [...reached].sort(),
    unreached: graph.states.map((s) => s.id).filter((id) => !reached.has(id)),
    deadEnds: [...deadEnds].sort(),
    maxSupplementRequests: maxSupplement,
    pathToReturned: shortest === undefined ? null : shortest.steps.map((s) => s.event.type),
    snapshots: Object.keys(adjacency).length,
  };
}
