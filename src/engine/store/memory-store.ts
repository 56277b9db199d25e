import { EngineError } from '../errors.js';
import type { CompiledProcedure } from '../procedures.js';
import type { DossierEvent, StoredDossier } from '../model.js';
import { compareDossiers, matchesFilter } from './filter.js';
import { MIGRATIONS } from './migrations.js';
import {
  DuplicateCommandError, type Changes, type CommandOutcome, type DossierFilter, type Store, type StoreTransaction,
} from './types.js';

/** A min-heap of timer entries by moment. */
class TimerHeap {
  private readonly items: { at: number; id: string }[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): { at: number; id: string } | undefined {
    return this.items[0];
  }

  push(item: { at: number; id: string }): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((a[p] as { at: number }).at <= item.at) break;
      a[i] = a[p] as { at: number; id: string };
      i = p;
    }
    a[i] = item;
  }

  pop(): { at: number; id: string } | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (top === undefined || last === undefined || a.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const c = r < a.length && (a[r] as { at: number }).at < (a[l] as { at: number }).at ? r : l;
      if ((a[c] as { at: number }).at >= last.at) break;
      a[i] = a[c] as { at: number; id: string };
      i = c;
    }
    a[i] = last;
    return top;
  }
}

/** Events kept as objects before the store serialises them (about 15,000 dossiers' worth). */
const YOUNG_EVENTS = 100_000;

/**
 * The in-memory store: the same contract as the SQL stores, with maps. Transactions run one
 * at a time (a promise queue); writes are checked when `write` is called and applied only
 * when the transaction's function returns, so a failure leaves nothing behind. Dossier rows are
 * shared, never copied (the engine treats them as immutable); past events are kept serialised. For unit tests and simulations;
 * nothing survives the process.
 *
 * @example
 * const store = new MemoryStore();
 * const engine = new DossierEngine({ store, procedures, agencies, calendar });
 */
export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private readonly dossiers = new Map<string, StoredDossier>();
  /**
   * The log. Recent events are kept as objects; past {@link YOUNG_EVENTS} of them, they are
   * serialised in bulk (one string each, not a graph of objects: a province-year of events
   * would otherwise be millions of live objects for the garbage collector to trace at every
   * full collection).
   */
  private readonly log = new Map<string, (DossierEvent | string)[]>();
  /** Each command id's event, the same object or string as in the log. */
  private readonly commandIds = new Map<string, DossierEvent | string>();
  /** The events still kept as objects, with where they sit in the log. */
  private young: { list: (DossierEvent | string)[]; index: number; event: DossierEvent }[] = [];
  private readonly revisions = new Map<string, CompiledProcedure>();
  private readonly numbers = new Map<string, number>();
  private readonly heap = new TimerHeap();
  /** Whether a transaction runs; the others wait in `waiting`, first come first served. */
  private busy = false;
  private readonly waiting: (() => void)[] = [];
  private closed = false;
  private readonly youngEvents: number;

  /** `youngEvents`: how many events stay objects before the store serialises them (default 100,000). */
  constructor(options: { youngEvents?: number } = {}) {
    this.youngEvents = Math.max(1, options.youngEvents ?? YOUNG_EVENTS);
  }

  async transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    // An idle store runs the transaction at once (no promise chain per command).
    if (this.busy) await new Promise<void>((resume) => this.waiting.push(resume));
    this.busy = true;
    try {
      return await this.run(fn);
    } finally {
      const next = this.waiting.shift();
      if (next !== undefined) next();
      else this.busy = false;
    }
  }

  private async run<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    if (this.closed) throw new EngineError('store-unavailable', { detail: 'the store is closed' });
    let pending: Changes | undefined;
    const claimed: { at: number; id: string }[] = [];
    const tx: StoreTransaction = {
      read: (ids, commandIds) => Promise.resolve({ rows: this.load(ids), outcomes: this.commands(commandIds) }),
      load: async (ids) => this.load(ids),
      commands: async (ids) => this.commands(ids),
      revision: async (procedure, revision) => this.revisions.get(`${procedure} ${revision}`),
      claimDue: async (now, limit) => {
        const out: StoredDossier[] = [];
        const seen = new Set<string>();
        while (out.length < limit) {
          const top = this.heap.peek();
          if (top === undefined || top.at > now) break;
          this.heap.pop();
          const d = this.dossiers.get(top.id);
          // Stale entries (the dossier's timer moved or fired) are dropped.
          if (d === undefined || d.nextTimerAt !== top.at || d.final || seen.has(d.id)) continue;
          seen.add(d.id);
          claimed.push(top);
          out.push(d);
        }
        return out;
      },
      lastNumber: async (agency, day) => this.numbers.get(`${agency} ${day}`) ?? 0,
      write: async (changes) => {
        const duplicates = changes.events.filter((e) => this.commandIds.has(e.commandId)).map((e) => e.commandId);
        if (duplicates.length > 0) throw new DuplicateCommandError(duplicates);
        for (const u of changes.updates) {
          const current = this.dossiers.get(u.row.id);
          if (current === undefined || current.version !== u.expectedVersion) {
            throw new EngineError('version-conflict', { actual: current?.version ?? 0, expected: u.expectedVersion });
          }
        }
        pending = changes;
      },
    };
    try {
      const result = await fn(tx);
      if (pending !== undefined) this.apply(pending);
      return result;
    } catch (error) {
      for (const c of claimed) this.heap.push(c);
      throw error;
    }
  }

  private load(ids: readonly string[]): Map<string, StoredDossier> {
    const out = new Map<string, StoredDossier>();
    for (const id of ids) {
      const d = this.dossiers.get(id);
      if (d !== undefined) out.set(id, d);
    }
    return out;
  }

  private commands(ids: readonly string[]): Map<string, CommandOutcome> {
    const out = new Map<string, CommandOutcome>();
    for (const id of ids) {
      const kept = this.commandIds.get(id);
      if (kept === undefined) continue;
      const e = typeof kept === 'string' ? (JSON.parse(kept) as DossierEvent) : kept;
      out.set(id, { commandId: e.commandId, fingerprint: e.fingerprint, dossierId: e.dossierId, seq: e.seq, state: e.to, documents: e.documents });
    }
    return out;
  }

  private apply(changes: Changes): void {
    for (const r of changes.revisions) {
      const key = `${r.code} ${r.revision}`;
      if (!this.revisions.has(key)) this.revisions.set(key, r);
    }
    for (const n of changes.numbers) this.numbers.set(`${n.agency} ${n.day}`, n.last);
    for (const row of changes.inserts) this.put(row);
    for (const u of changes.updates) this.put(u.row);
    for (const e of changes.events) {
      let list = this.log.get(e.dossierId);
      if (list === undefined) this.log.set(e.dossierId, (list = []));
      this.young.push({ list, index: list.length, event: e });
      list.push(e);
      this.commandIds.set(e.commandId, e);
    }
    if (this.young.length >= this.youngEvents) this.serialise();
  }

  private serialise(): void {
    for (const { list, index, event } of this.young) {
      const text = JSON.stringify(event);
      list[index] = text;
      this.commandIds.set(event.commandId, text);
    }
    this.young = [];
  }

  private put(row: StoredDossier): void {
    const before = this.dossiers.get(row.id);
    this.dossiers.set(row.id, row);
    if (row.nextTimerAt !== null && !row.final && before?.nextTimerAt !== row.nextTimerAt) this.heap.push({ at: row.nextTimerAt, id: row.id });
  }

  async dossier(id: string): Promise<StoredDossier | undefined> {
    return this.dossiers.get(id);
  }

  async events(dossierId: string): Promise<DossierEvent[]> {
    return (this.log.get(dossierId) ?? []).map((e) => (typeof e === 'string' ? (JSON.parse(e) as DossierEvent) : e));
  }

  async list(filter: DossierFilter): Promise<StoredDossier[]> {
    const out: StoredDossier[] = [];
    for (const d of this.dossiers.values()) if (matchesFilter(d, filter)) out.push(d);
    out.sort(compareDossiers);
    return filter.limit === undefined ? out : out.slice(0, filter.limit);
  }

  async *scan(filter: DossierFilter, page = 10_000): AsyncIterable<StoredDossier[]> {
    const all = await this.list({ ...filter, limit: undefined } as DossierFilter);
    for (let i = 0; i < all.length; i += page) yield all.slice(i, i + page);
  }

  async schemaVersion(): Promise<number> {
    return MIGRATIONS.length;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
