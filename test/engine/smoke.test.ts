import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { MemoryStore } from '../../src/engine/store/memory-store.js';
import { openEmbeddedStore } from '../../src/engine/store/embedded-store.js';
import { openPostgresStore, dropPostgresSchema } from '../../src/engine/store/postgres-store.js';
import { actors, cid, COMMUNE, makeEngine } from './fixtures.js';

const URL = 'postgres://postgres@127.0.0.1:5432/test';
for (const kind of ['memory', 'embedded', 'postgres']) {
  test(`smoke ${kind}`, async () => {
    const schema = `tthc_smoke_${process.pid}`;
    const store = kind === 'memory' ? new MemoryStore() : kind === 'embedded' ? await openEmbeddedStore({ folder: mkdtempSync(path.join(tmpdir(), 'tthc-')) }) : await openPostgresStore({ url: URL, schema });
    const { engine, clock } = makeEngine(store);
    const r = await engine.create({ commandId: cid(), actor: actors.reception, procedure: '1.004873', agency: COMMUNE, channel: 'in-person', applicant: actors.applicant.id, components: ['to-khai', 'giay-to-tuy-than', 'giay-to-cu-tru'] });
    await engine.apply({ commandId: cid(), dossierId: r.dossierId, command: 'receive', actor: actors.reception });
    await engine.apply({ commandId: cid(), dossierId: r.dossierId, command: 'transfer', actor: actors.reception });
    clock.advance(10 * 86400000);
    console.log(await engine.sweep());
    const d = await engine.dossier(r.dossierId);
    expect(d.apologies).toBe(1);
    expect((await engine.replay(r.dossierId)).matches).toBe(true);
    expect(await engine.list({})).toHaveLength(1);
    await store.close();
    if (kind === 'postgres') await dropPostgresSchema(URL, schema);
  });
}
