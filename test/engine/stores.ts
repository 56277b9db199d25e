import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openEmbeddedStore } from '../../src/engine/store/embedded-store.js';
import { MemoryStore } from '../../src/engine/store/memory-store.js';
import { dropPostgresSchema, openPostgresStore } from '../../src/engine/store/postgres-store.js';
import type { Store, StoreKind } from '../../src/engine/store/types.js';

/** The test database (CI starts PostgreSQL on 127.0.0.1:5432, trust auth, database `test`). */
export const PG_URL = process.env['TTHC_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name unique to this test run. */
export function uniqueSchema(tag: string): string {
  return `tthc_test_${tag}_${process.pid}_${Date.now().toString(36)}`;
}

/** A store under test, and how to clean it up. */
export interface StoreHarness {
  kind: StoreKind;
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

/** The three stores the conformance suite runs on. */
export function harnesses(tag: string): StoreHarness[] {
  const folder = mkdtempSync(path.join(tmpdir(), `tthc-${tag}-`));
  const schema = uniqueSchema(tag);
  return [
    // Seven events stay objects, older ones are serialised: every behaviour meets both forms.
    { kind: 'memory', open: async () => new MemoryStore({ youngEvents: 7 }), cleanup: async () => undefined },
    {
      kind: 'embedded',
      open: () => openEmbeddedStore({ folder }),
      cleanup: async () => rmSync(folder, { recursive: true, force: true }),
    },
    {
      kind: 'postgres',
      open: () => openPostgresStore({ url: PG_URL, schema }),
      cleanup: () => dropPostgresSchema(PG_URL, schema),
    },
  ];
}
