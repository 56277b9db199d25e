import type { CompiledProcedure } from '../procedures.js';
import type { DossierEvent, IssuedDocument, StoredDossier } from '../model.js';

/**
 * The store interface: small on purpose. A transaction loads what a unit of work needs and
 * writes what it changed in one go; every write of a transaction commits or none does. Three
 * implementations: in memory (tests, simulations), embedded PGlite (a data folder, the
 * default) and PostgreSQL (the production and scale path). The two SQL stores share the
 * same SQL and migrations (sql-store.ts); the memory store implements the same contract
 * with maps, and one conformance suite holds all three to it.
 */

/** Which store. */
export type StoreKind = 'memory' | 'embedded' | 'postgres';

/** What a command id already produced (a replay returns it). */
export interface CommandOutcome {
  commandId: string;
  fingerprint: string;
  dossierId: string;
  seq: number;
  /** The state the command led to. */
  state: string;
  documents: IssuedDocument[];
}

/** A dossier update, valid only if the stored version is still `expectedVersion`. */
export interface DossierUpdate {
  row: StoredDossier;
  expectedVersion: number;
}

/** A daily sequence of dossier numbers, as the transaction leaves it. */
export interface NumberCounter {
  agency: string;
  /** Vietnam-time day number. */
  day: number;
  last: number;
}

/** Everything a unit of work changed. */
export interface Changes {
  revisions: CompiledProcedure[];
  inserts: StoredDossier[];
  updates: DossierUpdate[];
  events: DossierEvent[];
  numbers: NumberCounter[];
}

/** Filters of a dossier list. */
export interface DossierFilter {
  state?: string;
  procedure?: string;
  /** Dossiers received by, or being handled by, this agency. */
  agency?: string;
  applicant?: string;
  /** Open dossiers past their statutory due moment at this moment, or already late (an apology slip issued). */
  overdueAt?: number;
  /** Only dossiers submitted in [from, to). */
  from?: number;
  to?: number;
  limit?: number;
  /** Keyset pagination: dossiers after this (submittedAt, id). */
  after?: { submittedAt: number; id: string };
}

/** One transaction. Every method may be called several times; `write` once, last. */
export interface StoreTransaction {
  /** Dossiers by id (absent ids are left out). */
  load(ids: readonly string[]): Promise<Map<string, StoredDossier>>;
  /** What these command ids already produced. */
  commands(ids: readonly string[]): Promise<Map<string, CommandOutcome>>;
  /** {@link load} and {@link commands} at once (one round trip on the SQL stores). */
  read(ids: readonly string[], commandIds: readonly string[]): Promise<{ rows: Map<string, StoredDossier>; outcomes: Map<string, CommandOutcome> }>;
  /** A stored compiled procedure. */
  revision(procedure: string, revision: string): Promise<CompiledProcedure | undefined>;
  /**
   * Locks and returns up to `limit` active dossiers with a timer due at `now`, skipping those
   * another transaction holds (`FOR UPDATE SKIP LOCKED`): any number of workers may sweep,
   * and each timer fires once.
   */
  claimDue(now: number, limit: number): Promise<StoredDossier[]>;
  /**
   * The last dossier number used by `agency` on `day`, locked until the transaction ends so
   * no two transactions hand out the same number.
   */
  lastNumber(agency: string, day: number): Promise<number>;
  /**
   * Writes the changes. Throws a `version-conflict` EngineError (and writes nothing) when an
   * update's expected version is no longer stored, and a {@link DuplicateCommandError} when
   * an event's command id was committed meanwhile.
   */
  write(changes: Changes): Promise<void>;
}

/**
 * Another transaction committed a write this one collides with: an event with the same
 * command id or the same dossier sequence. The engine runs the unit of work again to tell a
 * replay (same command) from a version conflict (another command).
 */
export class DuplicateCommandError extends Error {
  constructor(readonly commandIds: readonly string[]) {
    super(`a concurrent transaction wrote first: ${commandIds.join(', ')}`);
    this.name = 'DuplicateCommandError';
  }
}

/** A store. */
export interface Store {
  readonly kind: StoreKind;
  /** Runs `fn` in one transaction; rolls back when it throws. */
  transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  dossier(id: string): Promise<StoredDossier | undefined>;
  events(dossierId: string): Promise<DossierEvent[]>;
  list(filter: DossierFilter): Promise<StoredDossier[]>;
  /** Streams the dossiers of a filter in pages (for KPIs and exports over a whole year). */
  scan(filter: DossierFilter, page?: number): AsyncIterable<StoredDossier[]>;
  /** The revision of the store's schema (migrations applied). */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}
