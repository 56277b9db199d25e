// Embedding tthc in an application: one generated workflow, the working-day calendar, xstate.
// (This file is the README's embedding example; test/package.test.ts installs the packed
// package in an empty project, type-checks this file and runs it.)
import { createActor } from 'xstate';
import { createMachine, workflow, type Event } from 'tthc/workflows/1.001193';
import { machineFor } from 'tthc/workflows';
import { WorkingCalendar, parseMoment } from 'tthc/calendar';
import { holidayTable } from 'tthc/holidays';

// A birth registration (đăng ký khai sinh, same day if received by 15:00) handed in at the
// commune on Monday 23/11/2026 at 16:00: due the next working day. Tuesday 24/11 is Ngày Văn
// hóa Việt Nam, a day off from 2026, so the appointment is Wednesday 25/11.
const dossier = createActor(createMachine()).start();
const events: Event[] = [
  {
    type: 'SUBMIT', channel: 'in-person', at: '2026-11-23T16:00',
    facts: { birthEvidence: 'paper-birth-notice', applicant: 'parent', surrogacy: false, residenceInDatabase: true },
    components: ['to-khai', 'giay-chung-sinh', 'giay-to-tuy-than'],
  },
  { type: 'RECEIVE', at: '2026-11-23T16:00' },
  { type: 'TRANSFER', at: '2026-11-25T08:00' },
  { type: 'APPRAISE', at: '2026-11-25T08:30' },
  { type: 'APPROVE', at: '2026-11-25T09:00' },
  { type: 'RETURN', method: 'in-person', at: '2026-11-25T09:30' },
];
for (const event of events) dossier.send(event);
const { value, context } = dossier.getSnapshot();

// Any procedure by its code at run time, loading only its module.
const byCode = await machineFor('1.001193');

// The calendar on its own: is 24/11/2026 a working day?
const calendar = new WorkingCalendar(holidayTable);
console.log(JSON.stringify({
  procedure: workflow.procedure,
  state: value,
  due: context.due,
  basis: context.dueBasis,
  sameModule: byCode.workflow === workflow,
  workingOn24Nov: calendar.isWorkingDay(parseMoment('2026-11-24').day),
}));
