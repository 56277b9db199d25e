import { expect, test } from 'vitest';
import { MemoryStore } from '../../src/engine/store/memory-store.js';
import { actors, birthFiling, cid, COMMUNE, makeEngine } from './fixtures.js';

test('smoke', async () => {
  const { engine, clock } = makeEngine(new MemoryStore());
  const r = await engine.create({ commandId: cid(), actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: actors.applicant.id, components: ['to-khai', 'giay-to-tuy-than', 'giay-to-cu-tru'] });
  console.log(r);
  const rec = await engine.apply({ commandId: cid(), dossierId: r.dossierId, command: 'receive', actor: actors.reception });
  console.log(JSON.stringify(rec, null, 1));
  await engine.apply({ commandId: cid(), dossierId: r.dossierId, command: 'transfer', actor: actors.reception });
  clock.advance(10 * 86400000);
  console.log(await engine.sweep());
  const d = await engine.dossier(r.dossierId);
  console.log(d.state, d.timers, d.apologies, d.late);
  console.log((await engine.history(r.dossierId)).map((e) => [e.seq, e.command, e.to, JSON.stringify(e.documents)]));
  console.log(await engine.replay(r.dossierId).then((x) => x.matches));
  expect(d.apologies).toBe(1);
});
