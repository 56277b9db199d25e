// A process that applies commands in a loop until it is killed, to prove that a kill between
// any two statements loses nothing committed and leaves nothing half-applied.
import { openEmbeddedStore } from '../../../src/engine/store/embedded-store.js';
import { openPostgresStore } from '../../../src/engine/store/postgres-store.js';
import { systemClock } from '../../../src/engine/clock.js';
import { DossierEngine } from '../../../src/engine/engine.js';
import { actors, agencies, calendar, COMMUNE, procedures } from '../fixtures.js';

const [kind, where, schema] = process.argv.slice(2);
const store = kind === 'embedded' ? await openEmbeddedStore({ folder: where as string, lockStaleMs: 2000 }) : await openPostgresStore({ url: where as string, schema: schema as string });
const engine = new DossierEngine({ store, procedures, agencies, calendar, clock: systemClock });
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const { dossierId } = await engine.create({ commandId: `w-${process.pid}-${i}`, actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: `a${i}`, components: ['to-khai', 'giay-to-tuy-than', 'giay-to-cu-tru'] });
  await engine.apply({ commandId: `w-${process.pid}-${i}-r`, dossierId, command: 'receive', actor: actors.reception });
  await engine.batch([
    { kind: 'command', commandId: `w-${process.pid}-${i}-t`, dossierId, command: 'transfer', actor: actors.reception },
    { kind: 'command', commandId: `w-${process.pid}-${i}-a`, dossierId, command: 'appraise', actor: actors.specialist },
  ]);
}
