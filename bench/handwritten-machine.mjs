// A hand-written XState machine of the same shape as the generated 1.004873 workflow
// (generated/workflows/1.004873.ts): the same 14 states, the same events, guards and context
// updates, written directly as an XState config instead of being built from the workflow IR.
// The yardstick of the generated machine's events/s (bench/suite.mjs, row "events/s").
import { assign, setup } from 'xstate';
import { DeadlineClock, DEFAULT_OFFICE_HOURS, formatMoment, parseMoment, PeriodError } from '../dist/src/calendar/index.js';
import { missingComponents } from '../dist/src/workflow/checklist.js';

/** @param {import('../dist/src/workflow/ir.js').WorkflowIR} ir @param {import('../dist/src/calendar/index.js').WorkingCalendar} calendar */
export function handWrittenMachine(ir, calendar) {
  const hours = DEFAULT_OFFICE_HOURS;
  const due = (clock) => {
    if (clock === null) return { due: null, dueBasis: null };
    try {
      const d = DeadlineClock.fromData(clock).dueDate(calendar, hours);
      return d === undefined ? { due: null, dueBasis: null } : { due: formatMoment(d.due), dueBasis: d.basis.basis };
    } catch (error) {
      if (error instanceof PeriodError) return { due: null, dueBasis: null };
      throw error;
    }
  };
  const overdue = (dueAt, at) => {
    if (dueAt === null) return true;
    const d = parseMoment(dueAt);
    const now = parseMoment(at);
    return now.day > d.day || (now.day === d.day && now.minutes > d.minutes);
  };
  const reasons = assign(({ event, context }) => ({ reasons: [...context.reasons, ...(Array.isArray(event.reasons) ? event.reasons : [])] }));
  const apology = assign(({ event, context }) => {
    const newAppointment = formatMoment(parseMoment(event.newAppointment));
    return { apologies: [...context.apologies, { at: formatMoment(parseMoment(event.at)), newAppointment, stage: null }], appointment: newAppointment };
  });
  const withdraw = { target: 'withdrawn', actions: reasons };
  const stop = { target: 'stopped', actions: reasons };
  const reject = { target: 'rejected', actions: reasons };
  const late = { guard: ({ context, event }) => overdue(context.appointment ?? context.due, event.at), actions: apology };
  return setup({}).createMachine({
    id: ir.procedure,
    initial: 'draft',
    context: {
      procedure: ir.procedure, channel: null, facts: {}, cases: [], components: [], missing: [],
      submittedAt: null, receivedAt: null, clock: null, due: null, dueBasis: null, appointment: null,
      stage: null, stageClock: null, stageDue: null, supplementRequests: 0, apologies: [], reasons: [],
      paymentRequested: false, originalsPresented: false, returnMethod: null, returnedAt: null,
    },
    states: {
      draft: {
        on: {
          SUBMIT: {
            target: 'reception',
            guard: ({ event }) => ir.channels.includes(event.channel),
            actions: assign(({ event, context }) => ({
              channel: event.channel, facts: event.facts ?? context.facts, cases: [...(event.cases ?? [])],
              components: [...new Set(event.components ?? [])], submittedAt: formatMoment(parseMoment(event.at)),
            })),
          },
        },
      },
      reception: {
        on: {
          RECEIVE: {
            target: 'received',
            guard: ({ context }) => missingComponents(ir, { facts: context.facts, cases: context.cases }, context.components).length === 0,
            actions: assign(({ event, context }) => {
              const period = context.channel === null ? null : ir.periods[context.channel];
              const clock = period == null ? null : DeadlineClock.start(period, parseMoment(event.at)).toData();
              const d = due(clock);
              return { receivedAt: formatMoment(parseMoment(event.at)), clock, due: d.due, dueBasis: d.dueBasis, appointment: d.due };
            }),
          },
          REQUEST_COMPLETION: {
            target: 'completionRequested',
            actions: assign(({ event, context }) => ({ missing: event.missing !== undefined ? [...event.missing] : missingComponents(ir, { facts: context.facts, cases: context.cases }, context.components) })),
          },
          REFUSE: { target: 'refused', actions: reasons },
          WITHDRAW: withdraw,
        },
      },
      completionRequested: {
        on: {
          SUBMIT_COMPLETION: { target: 'reception', actions: assign(({ event, context }) => ({ components: [...new Set([...context.components, ...event.components])], missing: [] })) },
          WITHDRAW: withdraw,
        },
      },
      received: { on: { TRANSFER: { target: 'appraisal' }, DEADLINE_PASSED: late, WITHDRAW: withdraw } },
      appraisal: {
        on: {
          APPRAISE: { target: 'approval' },
          REQUEST_SUPPLEMENT: {
            target: 'supplementRequested',
            guard: ({ context }) => context.supplementRequests < ir.supplementLimit,
            actions: assign(({ event, context }) => {
              const at = parseMoment(event.at);
              const clock = context.clock === null ? null : DeadlineClock.fromData(context.clock).pause(at).toData();
              return { supplementRequests: context.supplementRequests + 1, clock, due: null, dueBasis: null, stageDue: null };
            }),
          },
          REJECT: reject, DEADLINE_PASSED: late, WITHDRAW: withdraw, STOP: stop,
        },
      },
      supplementRequested: {
        on: {
          SUPPLEMENT_PROVIDED: {
            target: 'appraisal',
            actions: assign(({ event, context }) => {
              const clock = context.clock === null ? null : DeadlineClock.fromData(context.clock).resume(parseMoment(event.at)).toData();
              const d = due(clock);
              return { clock, due: d.due, dueBasis: d.dueBasis, appointment: context.apologies.length === 0 ? d.due : context.appointment, components: [...new Set([...context.components, ...(event.components ?? [])])] };
            }),
          },
          REJECT: reject, WITHDRAW: withdraw, STOP: stop,
        },
      },
      approval: {
        on: {
          APPROVE: { target: 'resultReady' },
          REQUEST_PAYMENT: { target: 'awaitingPayment', actions: assign({ paymentRequested: true }) },
          REJECT: reject, DEADLINE_PASSED: late, WITHDRAW: withdraw, STOP: stop,
        },
      },
      awaitingPayment: { on: { PAYMENT_RECEIVED: { target: 'approval' }, DEADLINE_PASSED: late, WITHDRAW: withdraw, STOP: stop } },
      resultReady: {
        on: {
          PRESENT_ORIGINALS: { actions: assign({ originalsPresented: true }) },
          RETURN: {
            target: 'returned',
            guard: ({ context, event }) => {
              if (ir.online === 'full' && context.channel !== 'in-person') return event.method !== 'in-person';
              if (context.channel === 'online') return context.originalsPresented;
              return true;
            },
            actions: assign(({ event }) => ({ returnMethod: event.method, returnedAt: formatMoment(parseMoment(event.at)) })),
          },
        },
      },
      returned: { type: 'final' },
      refused: { type: 'final' },
      rejected: { type: 'final' },
      withdrawn: { type: 'final' },
      stopped: { type: 'final' },
    },
  });
}
