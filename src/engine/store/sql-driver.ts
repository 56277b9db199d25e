/**
 * The little the SQL stores need from a PostgreSQL client: parameterised queries, multi-
 * statement scripts (migrations), and transactions. PGlite and `pg` each fit behind it in a
 * few lines, so both stores run the same SQL. Raw parameterised SQL, no query builder: the
 * engine has a handful of statements, and they are the hot path.
 */

/** Rows of a query. */
export interface SqlResult<R> {
  rows: R[];
}

/** Something that runs queries (a connection, or a transaction on one). */
export interface SqlQueryable {
  /**
   * A parameterised query. `name`: a statement the connection may prepare once and reuse
   * (PostgreSQL named prepared statements; clients that have none ignore it).
   */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], name?: string): Promise<SqlResult<R>>;
  /** A script of several statements, without parameters. */
  exec(sql: string): Promise<void>;
}

/** A database the SQL store can use. */
export interface SqlDriver extends SqlQueryable {
  /** Runs `fn` inside BEGIN … COMMIT on one connection; ROLLBACK when it throws. */
  transaction<T>(fn: (q: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A PostgreSQL error as both clients report it (SQLSTATE and, for constraints, the constraint). */
export interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  message: string;
}

/** Whether an error is a PostgreSQL error with this SQLSTATE. */
export function isPgError(error: unknown, code: string): error is PgError {
  return typeof error === 'object' && error !== null && (error as PgError).code === code;
}

/** Schema names the stores accept: they are put into SQL text, so only plain identifiers. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/u;
