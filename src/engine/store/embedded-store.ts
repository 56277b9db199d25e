import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import { EngineError } from '../errors.js';
import type { SqlDriver, SqlQueryable } from './sql-driver.js';
import { migrate, SqlStore } from './sql-store.js';

/** Where the embedded store keeps its data. */
export interface EmbeddedOptions {
  /** The data folder (created if missing): `pgdata/` holds PGlite's files, `tthc.lock` the lock. */
  folder: string;
  /**
   * How long a lock of a process that died stays in force before another process may take it
   * over (milliseconds, at least 2000; default 20000). The owner refreshes it every third of that.
   */
  lockStaleMs?: number;
}

function queryable(db: Pick<PGlite, 'query' | 'exec'>): SqlQueryable {
  return {
    query: async (sql, params) => ({ rows: (await db.query(sql, params as unknown[] | undefined)).rows as never[] }),
    exec: async (sql) => {
      await db.exec(sql);
    },
  };
}

/**
 * The embedded store: PostgreSQL compiled to WebAssembly (PGlite), data in a folder, no server
 * to install. One process at a time: two processes that open the same PGlite folder both
 * succeed and silently lose committed rows, so the store takes an exclusive lock on the folder
 * (`proper-lockfile`: an atomic `mkdir`, refreshed while open, stale after `lockStaleMs` if the
 * owner dies) and refuses a second opener with TTHC620.
 *
 * What it promises: a committed command survives the process crashing or being killed. What it
 * does not: PGlite does not fsync, so a power loss or an operating-system crash may lose the
 * most recent commits. PostgreSQL (`openPostgresStore`) is the production store.
 *
 * @example
 * const store = await openEmbeddedStore({ folder: 'data' });
 */
export async function openEmbeddedStore(options: EmbeddedOptions): Promise<SqlStore> {
  const folder = path.resolve(options.folder);
  const stale = Math.max(2000, options.lockStaleMs ?? 20_000);
  try {
    mkdirSync(path.join(folder, 'pgdata'), { recursive: true });
  } catch (error) {
    throw new EngineError('store-unavailable', { detail: `${folder}: ${(error as Error).message}` });
  }
  let compromised = false;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(folder, {
      lockfilePath: path.join(folder, 'tthc.lock'),
      stale,
      update: Math.floor(stale / 3),
      retries: 0,
      realpath: false,
      onCompromised: () => {
        // Another process took the folder over (this one stalled past `stale`): stop writing.
        compromised = true;
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new EngineError('store-locked', { folder, stale: Math.round(stale / 1000) });
    throw new EngineError('store-unavailable', { detail: `${folder}: ${(error as Error).message}` });
  }
  let db: PGlite;
  try {
    db = await PGlite.create(path.join(folder, 'pgdata'));
  } catch (error) {
    await release().catch(() => undefined);
    throw new EngineError('store-unavailable', { detail: `${folder}: ${(error as Error).message}` });
  }
  const guard = (): void => {
    if (compromised) throw new EngineError('store-locked', { folder, stale: Math.round(stale / 1000) });
  };
  const base = queryable(db);
  const driver: SqlDriver = {
    query: (sql, params) => {
      guard();
      return base.query(sql, params);
    },
    exec: (sql) => base.exec(sql),
    transaction: (fn) => {
      guard();
      return db.transaction((tx) => fn(queryable(tx)));
    },
    close: async () => {
      await db.close();
    },
  };
  try {
    await migrate(driver, 'tthc');
    await db.exec('SET search_path TO tthc');
  } catch (error) {
    await db.close().catch(() => undefined);
    await release().catch(() => undefined);
    throw error instanceof EngineError ? error : new EngineError('store-unavailable', { detail: (error as Error).message });
  }
  const store = new SqlStore('embedded', driver, async () => {
    await release().catch(() => undefined);
  });
  try {
    await store.prepare();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new EngineError('store-unavailable', { detail: (error as Error).message });
  }
  return store;
}
