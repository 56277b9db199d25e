import pg from 'pg';
import { EngineError } from '../errors.js';
import { SCHEMA_NAME, type SqlDriver, type SqlQueryable } from './sql-driver.js';
import { migrate, SqlStore } from './sql-store.js';

/** Where the PostgreSQL store connects. */
export interface PostgresOptions {
  /** A connection string, `postgres://user@host:5432/database`. */
  url: string;
  /** The schema the engine's tables live in (created if missing); default `tthc`. */
  schema?: string;
  /** Connections of this process (default 4). */
  poolSize?: number;
}

function queryable(client: pg.ClientBase | pg.Pool): SqlQueryable {
  return {
    query: async (sql, params, name) => ({
      rows: (name === undefined ? await client.query(sql, params as unknown[] | undefined) : await client.query({ name, text: sql, values: params as unknown[] })).rows,
    }),
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}

/**
 * The PostgreSQL store: the production store and the scale path. Several engine processes
 * (stateless workers) may share one database: commands are idempotent by id, versions are
 * optimistic, and timers are claimed with `FOR UPDATE SKIP LOCKED`. Migrations run forward on
 * open, under an advisory lock.
 *
 * @example
 * const store = await openPostgresStore({ url: 'postgres://postgres@127.0.0.1:5432/test', schema: 'tthc' });
 */
export async function openPostgresStore(options: PostgresOptions): Promise<SqlStore> {
  const schema = options.schema ?? 'tthc';
  if (!SCHEMA_NAME.test(schema)) throw new EngineError('store-unavailable', { detail: `not a schema name: ${schema}` });
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 4, options: `-c search_path=${schema}` });
  // An idle connection that the server drops must not crash the process.
  pool.on('error', () => undefined);
  const driver: SqlDriver = {
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
  try {
    await migrate(driver, schema);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof EngineError) throw error;
    throw new EngineError('store-unavailable', { detail: error instanceof Error ? error.message : String(error) });
  }
  return new SqlStore('postgres', driver);
}

/**
 * Drops a schema and everything in it (tests use one schema per run and drop it after).
 */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new RangeError(`not a schema name: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
