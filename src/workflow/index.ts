/**
 * Workflows: the workflow IR of a procedure, its lifecycle graph, the XState v5 machine
 * emitted from it, the checklist (rules as code) and the Mermaid diagram.
 *
 * @example
 * import { createActor } from 'xstate';
 * import { createMachine } from 'tthc/generated/workflows/1.001193.js';
 * const actor = createActor(createMachine()).start();
 */
export { buildWorkflow, CHANNELS, type ChannelKey, type IRCase, type IRComponent, type IRFact, type IRPeriod, type IRStage, type WorkflowIR } from './ir.js';
export { lifecycle, EVENT_TYPES, FINAL_STATES, type EventType, type Lifecycle, type LifecycleState, type LifecycleTransition } from './lifecycle.js';
export {
  createWorkflowMachine, type Apology, type DossierContext, type MachineOptions, type ReturnMethod, type WorkflowEvent, type WorkflowMachine,
} from './machine.js';
export { checklist, missingComponents, requiredComponents, type Applicant, type Checklist, type ChecklistFee, type ChecklistItem } from './checklist.js';
export { toMermaid, mermaidLabel } from './mermaid.js';
export type { HolidayTable } from '../calendar/calendar.js';
