import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import type { AnyMachineSnapshot } from 'xstate';
import type { CalendarBasis, WorkingCalendar } from '../calendar/calendar.js';
import { DEFAULT_OFFICE_HOURS, dueDate, type OfficeHours } from '../calendar/deadline.js';
import { formatMoment, momentOf } from '../calendar/dates.js';
import type { Bilingual } from '../i18n/lang.js';
import type { ChannelKey } from '../workflow/ir.js';
import type { DossierContext, ReturnMethod } from '../workflow/machine.js';
import { canonicalJson } from './canonical.js';
import { authorizeCommand, authorizeCreate, canRead } from './access.js';
import type { AgencyDirectory } from './agencies.js';
import { systemClock, type Clock } from './clock.js';
import { deriveRow } from './derive.js';
import { refusal } from './diagnose.js';
import { documentsOf } from './documents.js';
import { dossierNumber, MAX_DAILY_SEQUENCE } from './dossier-number.js';
import { EngineError } from './errors.js';
import type { DossierEvent, IssuedDocument, StoredDossier, Timer } from './model.js';
import type { CompiledProcedure, ProcedureSource } from './procedures.js';
import { KpiAccumulator, type KpiDimension, type KpiReport } from './kpi.js';
import { COMMANDS, ROLE_LABELS, SYSTEM_ACTOR, type Actor, type CommandName } from './roles.js';
import { buildRuntime, restoreSnapshot, type Runtime } from './runtime.js';
import type { Changes, CommandOutcome, DossierFilter, NumberCounter, Store, StoreTransaction } from './store/types.js';
import { DuplicateCommandError } from './store/types.js';
import { dayOf, isoOf } from './time.js';
import { checkCases, checkComponents, checkFacts, checkReasons } from './validate.js';
import { engineVersion, SCHEMA_VERSION } from './version.js';

/** How the engine is set up. */
export interface EngineOptions {
  store: Store;
  procedures: ProcedureSource;
  agencies: AgencyDirectory;
  /** The working-day calendar due dates are counted on (`calendarOf(catalogue.registries)`). */
  calendar: WorkingCalendar;
  clock?: Clock;
  hours?: OfficeHours;
  /**
   * Working days between an apology slip and the new appointment it gives (default 3). The
   * law leaves the new date to the agency; the sweep needs a rule, and this is it.
   */
  apologyWorkingDays?: number;
}

/** A new dossier (nộp hồ sơ). */
export interface CreateInput {
  /** The client's command id: sending it again returns the first result. */
  commandId: string;
  actor: Actor;
  procedure: string;
  /** The receiving agency's identifier. */
  agency: string;
  channel: ChannelKey;
  /** The applicant's identifier; an applicant submitting online is the applicant. */
  applicant?: string;
  facts?: FactValues;
  cases?: string[];
  components?: string[];
  /** The moment (library callers only: the simulator); default the clock. Never in the future. */
  at?: number;
}

/** A command on a dossier. */
export interface CommandInput {
  commandId: string;
  dossierId: string;
  command: CommandName;
  actor: Actor;
  /** The version the sender saw; a different stored version is a conflict. */
  expectedVersion?: number;
  reasons?: string[];
  /** Components handed in (submit-completion, provide-supplement). */
  components?: string[];
  /** Components reception found missing (request-completion; default: computed). */
  missing?: string[];
  /** What a supplement notice asks for (request-supplement). */
  items?: string[];
  /** The agency the dossier goes to (transfer, complete-stage). */
  agency?: string;
  /** How the result is handed over (return). */
  method?: ReturnMethod;
  /** The amount of a payment notice (request-payment). */
  amount?: number;
  /** The moment (library callers only); default the clock. */
  at?: number;
}

/** One operation of a batch. */
export type Operation = ({ kind: 'create' } & CreateInput) | ({ kind: 'command' } & CommandInput);

/** What a command did. */
export interface CommandResult {
  dossierId: string;
  number: string;
  /** The dossier's version after the command (= the event's sequence number). */
  version: number;
  state: string;
  documents: IssuedDocument[];
  /** True when the command id had already been applied: this is the first result again. */
  replayed: boolean;
}

/** What one sweep fired. */
export interface SweepReport {
  /** Timers fired (each produces one event and one apology slip). */
  fired: number;
  dossiers: number;
}

/** What replaying a dossier's log gave. */
export interface ReplayReport {
  dossierId: string;
  events: number;
  state: string;
  matches: boolean;
  context: DossierContext;
}

const LIST_LIMIT = 500;

const NO_ROWS: ReadonlyMap<string, StoredDossier> = new Map();

/** Rows an engine on a SQL store keeps of what it last wrote (its optimistic attempts), and machine snapshots it keeps. */
const RECENT_ROWS = 20_000;

/** An applicant's answers to the procedure's questions (the catalogue's fact values). */
type FactValues = Readonly<Record<string, string | number | boolean | undefined>>;

// crypto.hash (one-shot, Node ≥ 20.12) is several times cheaper than createHash for short input.
const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: string) => string }).hash;

function fingerprintOf(parts: unknown): string {
  const text = JSON.stringify(parts);
  return oneShot !== undefined ? oneShot('sha256', text, 'base64url') : createHash('sha256').update(text).digest('base64url');
}

const keyOf = (procedure: string, revision: string): string => `${procedure} ${revision}`;

/**
 * The units of work of one transaction: what was loaded, what changed, what to write.
 * Several operations (a batch) share one; the writes go out in one `write` at the end.
 */
class UnitOfWork {
  readonly rows = new Map<string, StoredDossier>();
  private readonly baseVersion = new Map<string, number>();
  private readonly inserted = new Set<string>();
  readonly events: DossierEvent[] = [];
  readonly revisions: CompiledProcedure[] = [];
  private readonly counters = new Map<string, NumberCounter>();
  private readonly outcomes = new Map<string, CommandOutcome | null>();
  /** The events of the commands this unit of work applied (a second one in a batch replays). */
  private readonly done = new Map<string, DossierEvent>();

  /**
   * `cached`: rows this engine committed last (an optimistic attempt takes them instead of
   * reading, and does not look up command ids: the write's version check and the log's
   * unique command id catch a stale row or a replay, and the engine then runs the unit of
   * work again with a fresh read). Undefined: a full attempt, everything read.
   */
  constructor(readonly tx: StoreTransaction, readonly pins?: ReadonlyMap<string, number>, readonly cached?: ReadonlyMap<string, StoredDossier>) {}

  /** The version of each dossier as this unit of work first loaded it. */
  versions(): Map<string, number> {
    return new Map(this.baseVersion);
  }

  async prefetch(dossierIds: readonly string[], commandIds: readonly string[]): Promise<void> {
    const cached = this.cached;
    if (cached !== undefined) {
      for (const id of dossierIds) {
        const row = cached.get(id);
        if (row !== undefined && !this.rows.has(id)) this.adopt(id, row);
      }
    }
    const ids = dossierIds.filter((id) => !this.rows.has(id));
    const cids = cached !== undefined ? [] : commandIds.filter((id) => !this.outcomes.has(id));
    if (ids.length === 0 && cids.length === 0) return;
    const { rows, outcomes } = await this.tx.read(ids, cids);
    for (const [id, row] of rows) this.adopt(id, row);
    for (const id of cids) this.outcomes.set(id, outcomes.get(id) ?? null);
  }

  /** Takes rows already loaded (and locked) by the transaction. */
  adopt(id: string, row: StoredDossier): void {
    this.rows.set(id, row);
    this.baseVersion.set(id, row.version);
  }

  /** What is known without a read: a row or an outcome already loaded, or known absent. */
  known(kind: 'row' | 'outcome', id: string): boolean {
    return kind === 'row' ? this.rows.has(id) : this.cached !== undefined || this.outcomes.has(id) || this.done.has(id);
  }

  async row(id: string): Promise<StoredDossier | undefined> {
    if (!this.rows.has(id)) await this.prefetch([id], []);
    return this.rows.get(id);
  }

  /** An outcome {@link known} without a read. */
  outcomeNow(commandId: string): CommandOutcome | undefined {
    const e = this.done.get(commandId);
    if (e !== undefined) return { commandId, fingerprint: e.fingerprint, dossierId: e.dossierId, seq: e.seq, state: e.to, documents: e.documents };
    return this.outcomes.get(commandId) ?? undefined;
  }

  async outcome(commandId: string): Promise<CommandOutcome | undefined> {
    if (this.cached !== undefined || this.done.has(commandId)) return this.outcomeNow(commandId);
    if (!this.outcomes.has(commandId)) await this.prefetch([], [commandId]);
    return this.outcomes.get(commandId) ?? undefined;
  }

  async nextNumber(agency: string, day: number): Promise<number> {
    const key = `${agency} ${day}`;
    let counter = this.counters.get(key);
    if (counter === undefined) {
      counter = { agency, day, last: await this.tx.lastNumber(agency, day) };
      this.counters.set(key, counter);
    }
    if (counter.last >= MAX_DAILY_SEQUENCE) throw new EngineError('dossier-number-exhausted', { agency, day: isoOf(day * 86_400_000).slice(0, 10) });
    counter.last += 1;
    return counter.last;
  }

  record(row: StoredDossier, event: DossierEvent, inserted: boolean): void {
    this.rows.set(row.id, row);
    if (inserted) this.inserted.add(row.id);
    this.events.push(event);
    this.done.set(event.commandId, event);
  }

  /** The rows this unit of work wrote. */
  written(): StoredDossier[] {
    const out: StoredDossier[] = [];
    for (const id of new Set(this.events.map((e) => e.dossierId))) out.push(this.rows.get(id) as StoredDossier);
    return out;
  }

  changes(): Changes {
    const inserts: StoredDossier[] = [];
    const updates: Changes['updates'] = [];
    const touched = new Set(this.events.map((e) => e.dossierId));
    for (const id of touched) {
      const row = this.rows.get(id) as StoredDossier;
      if (this.inserted.has(id)) inserts.push(row);
      else updates.push({ row, expectedVersion: this.baseVersion.get(id) as number });
    }
    return { revisions: this.revisions, inserts, updates, events: this.events, numbers: [...this.counters.values()] };
  }
}

/**
 * The dossier engine: creates dossiers, applies commands through each procedure's compiled
 * XState machine, keeps the append-only event log, issues the documents, and fires durable
 * deadline timers — all through a {@link Store}, one transaction per command (or per batch).
 *
 * Guarantees, on every store:
 * - a command id is applied once: sending it again returns the first result (`replayed`),
 *   the same id with different content is refused (TTHC609);
 * - two concurrent commands on one dossier never both win: the second gets TTHC603;
 * - state, log, documents and timers change in one transaction, or not at all;
 * - a dossier runs under the procedure revision it was filed with (stored beside it), so a
 *   later catalogue edit changes only new dossiers, and its log replays to its state.
 *
 * @example
 * const engine = new DossierEngine({ store: new MemoryStore(), procedures: catalogueSource(catalogue),
 *   agencies: new AgencyDirectory([{ code: '000.00.15.H12', name: 'Trung tâm PVHCC', level: 'province' }]),
 *   calendar: calendarOf(catalogue.registries) });
 * const { dossierId } = await engine.create({ commandId: randomUUID(), actor: officer, procedure: '1.001193',
 *   agency: '000.00.15.H12', channel: 'in-person', applicant: '001099012345', components: ['to-khai'] });
 * await engine.apply({ commandId: randomUUID(), dossierId, command: 'receive', actor: officer });
 */
export class DossierEngine {
  readonly store: Store;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly agencies: AgencyDirectory;
  readonly procedures: ProcedureSource;
  private readonly hours: OfficeHours;
  private readonly apologyDays: number;
  private readonly runtimes = new Map<string, Runtime>();
  private readonly storedRevisions = new Set<string>();
  /**
   * The machine snapshot of the row each open dossier was last stepped to, by dossier (valid
   * only for that very row object; bounded; dropped when the dossier ends). A plain map, not a
   * WeakMap keyed by row: weak entries cost the garbage collector on every cycle, and a store
   * that keeps its rows would keep every snapshot alive anyway.
   */
  private readonly snapshots = new Map<string, { row: StoredDossier; snapshot: AnyMachineSnapshot }>();
  private readonly version = engineVersion();
  /**
   * The rows this engine committed last, by dossier (SQL stores only; bounded). A hint, never
   * trusted: see {@link UnitOfWork}. Reading a row back costs more than the whole command.
   */
  private readonly recent: Map<string, StoredDossier> | undefined;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.procedures = options.procedures;
    this.agencies = options.agencies;
    this.calendar = options.calendar;
    this.clock = options.clock ?? systemClock;
    this.hours = options.hours ?? DEFAULT_OFFICE_HOURS;
    this.apologyDays = options.apologyWorkingDays ?? 3;
    this.recent = this.store.kind === 'memory' ? undefined : new Map();
  }

  private remember(rows: readonly StoredDossier[]): void {
    const recent = this.recent;
    if (recent === undefined) return;
    for (const row of rows) {
      recent.delete(row.id);
      recent.set(row.id, row);
    }
    if (recent.size > RECENT_ROWS) {
      // Oldest first (insertion order): drop a tenth at once.
      let drop = recent.size - RECENT_ROWS + Math.floor(RECENT_ROWS / 10);
      for (const id of recent.keys()) {
        if (drop-- <= 0) break;
        recent.delete(id);
      }
    }
  }

  /** Submits a new dossier (SUBMIT), numbered per Circular 01/2018/TT-VPCP art. 19. */
  async create(input: CreateInput): Promise<CommandResult> {
    return (await this.batch([{ kind: 'create', ...input }]))[0] as CommandResult;
  }

  /** Applies one command to a dossier. */
  async apply(input: CommandInput): Promise<CommandResult> {
    return (await this.batch([{ kind: 'command', ...input }]))[0] as CommandResult;
  }

  /**
   * Applies operations in order, in one transaction: all commit or none (group commit for
   * bulk loads and simulations). Each operation keeps every guarantee of a single command.
   */
  async batch(ops: readonly Operation[]): Promise<CommandResult[]> {
    let pins: ReadonlyMap<string, number> | undefined;
    // First an optimistic attempt on the rows this engine wrote last, when it has any of them
    // (the memory store reads its rows for nothing: there, the attempt only skips the look-up
    // of command ids, which its write checks anyway).
    let optimistic = this.recent === undefined || ops.some((o) => o.kind === 'create' || this.recent?.has(o.dossierId) === true);
    for (let attempt = 0; ; attempt++) {
      let uow: UnitOfWork | undefined;
      const cached = optimistic ? (this.recent ?? NO_ROWS) : undefined;
      try {
        const results = await this.store.transaction(async (tx) => {
          uow = new UnitOfWork(tx, pins, cached);
          await uow.prefetch(
            ops.flatMap((o) => (o.kind === 'command' ? [o.dossierId] : [])),
            ops.map((o) => o.commandId),
          );
          const out: CommandResult[] = [];
          for (const op of ops) out.push(op.kind === 'create' ? await this.createIn(uow, op) : await this.applyIn(uow, op));
          await tx.write(uow.changes());
          return out;
        });
        const done = uow as unknown as UnitOfWork;
        for (const r of done.revisions) this.storedRevisions.add(keyOf(r.code, r.revision));
        if (this.recent !== undefined) this.remember(done.written());
        return results;
      } catch (error) {
        if (cached !== undefined) {
          // Anything may come from a stale row or an unseen replay: forget the rows, run again
          // the ordinary way (fresh reads, command ids looked up), and let that attempt decide.
          for (const o of ops) if (o.kind === 'command') this.recent?.delete(o.dossierId);
          if (!(error instanceof EngineError) && !(error instanceof DuplicateCommandError)) throw error;
          optimistic = false;
          continue;
        }
        // Another transaction wrote one of these dossiers first (the same command, or another
        // one). Run again with each dossier pinned to the version this attempt saw: the same
        // command id is then found and replayed; anything else is a version conflict.
        if (!(error instanceof DuplicateCommandError)) throw error;
        if (attempt >= 5) throw new EngineError('version-conflict', { actual: '?', expected: '?' });
        pins = uow?.versions();
      }
    }
  }

  private now(at: number | undefined): number {
    const now = this.clock.now();
    if (at === undefined) return now;
    if (!Number.isFinite(at) || at > now) {
      throw new EngineError('invalid-command', { detail: { vi: 'thời điểm của lệnh ở tương lai.', en: 'the command\'s moment is in the future.' } });
    }
    return at;
  }

  private async runtimeFor(tx: StoreTransaction | null, procedure: string, revision: string): Promise<Runtime> {
    const key = keyOf(procedure, revision);
    let rt = this.runtimes.get(key);
    if (rt !== undefined) return rt;
    let compiled = this.procedures.current(procedure);
    if (compiled === undefined || compiled.revision !== revision) {
      compiled = tx === null ? undefined : await tx.revision(procedure, revision);
      if (compiled === undefined) {
        const stored = tx === null ? await this.store.transaction((t) => t.revision(procedure, revision)) : undefined;
        compiled = stored;
      }
      if (compiled === undefined) throw new EngineError('revision-missing', { procedure, revision });
    }
    rt = buildRuntime(compiled, this.calendar, this.hours);
    this.runtimes.set(key, rt);
    return rt;
  }

  private snapshotOf(rt: Runtime, row: StoredDossier): AnyMachineSnapshot {
    const hit = this.snapshots.get(row.id);
    return hit !== undefined && hit.row === row ? hit.snapshot : restoreSnapshot(rt, row.state, row.context);
  }

  private keepSnapshot(row: StoredDossier, snapshot: AnyMachineSnapshot): void {
    const snapshots = this.snapshots;
    snapshots.delete(row.id);
    if (row.final) return;
    snapshots.set(row.id, { row, snapshot });
    if (snapshots.size > RECENT_ROWS) {
      let drop = Math.floor(RECENT_ROWS / 10);
      for (const id of snapshots.keys()) {
        if (drop-- <= 0) break;
        snapshots.delete(id);
      }
    }
  }

  private async replayed(uow: UnitOfWork, outcome: CommandOutcome, fingerprint: string, commandId: string): Promise<CommandResult> {
    if (outcome.fingerprint !== fingerprint) throw new EngineError('command-id-reused', { command: commandId });
    const row = await uow.row(outcome.dossierId);
    return { dossierId: outcome.dossierId, number: row?.number ?? '', version: outcome.seq, state: outcome.state, documents: outcome.documents, replayed: true };
  }

  private async createIn(uow: UnitOfWork, input: CreateInput): Promise<CommandResult> {
    const fingerprint = fingerprintOf(['submit', input.actor.id, input.procedure, input.agency, input.channel, input.applicant ?? null, input.facts ?? null, input.cases ?? null, input.components ?? null]);
    const outcome = uow.known('outcome', input.commandId) ? uow.outcomeNow(input.commandId) : await uow.outcome(input.commandId);
    if (outcome !== undefined) return this.replayed(uow, outcome, fingerprint, input.commandId);
    const now = this.now(input.at);
    authorizeCreate(input.actor, input.agency);
    const agency = this.agencies.get(input.agency);
    if (agency === undefined) throw new EngineError('unknown-agency', { agency: input.agency });
    const compiled = this.procedures.current(input.procedure);
    if (compiled === undefined) throw new EngineError('procedure-not-served', { procedure: input.procedure });
    const rt = this.runtimes.get(keyOf(compiled.code, compiled.revision)) ?? await this.runtimeFor(null, compiled.code, compiled.revision);
    if (!this.storedRevisions.has(keyOf(compiled.code, compiled.revision)) && !uow.revisions.includes(compiled)) uow.revisions.push(compiled);

    // An applicant files online themselves; at the desk or by post, reception enters the dossier.
    const applicantRole = input.actor.role === 'applicant';
    if (applicantRole && input.channel !== 'online') {
      throw new EngineError('invalid-command', { detail: { vi: 'người nộp tự nộp hồ sơ qua kênh trực tuyến (online).', en: 'an applicant files online (channel online) themselves.' } });
    }
    if (!applicantRole && input.channel === 'online') {
      throw new EngineError('invalid-command', { detail: { vi: 'cán bộ tiếp nhận nhập hồ sơ nộp trực tiếp hoặc qua bưu chính.', en: 'reception enters dossiers filed in person or by post.' } });
    }
    const applicant = applicantRole ? input.actor.id : input.applicant;
    if (applicant === undefined || applicant.trim() === '') {
      throw new EngineError('invalid-command', { detail: { vi: 'thiếu người nộp (applicant).', en: 'the applicant is missing (applicant).' } });
    }
    if (applicantRole && input.applicant !== undefined && input.applicant !== input.actor.id) {
      throw new EngineError('invalid-command', { detail: { vi: 'người nộp chỉ nộp hồ sơ của chính mình.', en: 'an applicant files only their own dossiers.' } });
    }
    checkFacts(rt.compiled.ir, input.facts);
    checkComponents(rt.compiled.ir, input.components);
    checkCases(rt.compiled.ir, input.cases);

    const at = isoOf(now);
    const event: DossierEvent['event'] = {
      type: 'SUBMIT', channel: input.channel, at,
      ...(input.facts === undefined ? {} : { facts: input.facts }),
      ...(input.components === undefined ? {} : { components: input.components }),
      ...(input.cases === undefined ? {} : { cases: input.cases }),
    };
    const next = rt.machine.transition(rt.initial, event as never, rt.scope) as AnyMachineSnapshot;
    if (next === rt.initial) throw refusal(rt, 'draft', rt.initial.context as DossierContext, { type: 'SUBMIT', channel: input.channel });

    const day = dayOf(now);
    const number = dossierNumber(agency.code, day, await uow.nextNumber(agency.code, day));
    const id = crypto.randomUUID();
    const base: StoredDossier = {
      id, number, procedure: compiled.code, revision: compiled.revision, agency: agency.code, handlingAgency: agency.code,
      level: agency.level, field: compiled.meta.field, applicant, channel: input.channel, state: 'draft', final: false, version: 0,
      context: rt.initial.context as DossierContext, timers: [], nextTimerAt: null, submittedAt: now, receivedAt: null,
      dueAt: null, dueBasis: null, appointmentAt: null, decidedAt: null, finishedAt: null, late: false, lateStep: null, onSpot: false,
      apologies: 0, stages: [], statutoryDays: null, processingDays: null, engineVersion: this.version,
      schemaVersion: SCHEMA_VERSION, createdAt: now, updatedAt: now,
    };
    const row = deriveRow({ rt, calendar: this.calendar, prev: base, type: 'SUBMIT', state: next.value as string, context: next.context as DossierContext, now });
    this.keepSnapshot(row, next);
    const ev: DossierEvent = {
      dossierId: id, seq: 1, commandId: input.commandId, fingerprint, command: 'submit', event, actorId: input.actor.id,
      actorRole: input.actor.role, actorAgency: input.actor.agency, at: now, reasons: [], from: null, to: row.state, documents: [],
    };
    uow.record(row, ev, true);
    return { dossierId: id, number, version: 1, state: row.state, documents: [], replayed: false };
  }

  private async applyIn(uow: UnitOfWork, input: CommandInput): Promise<CommandResult> {
    const spec = COMMANDS[input.command];
    if (spec === undefined) {
      throw new EngineError('invalid-command', { detail: { vi: `không có lệnh "${String(input.command)}".`, en: `no command "${String(input.command)}".` } });
    }
    const payload = {
      reasons: input.reasons ?? null, components: input.components ?? null, missing: input.missing ?? null, items: input.items ?? null,
      agency: input.agency ?? null, method: input.method ?? null, amount: input.amount ?? null,
    };
    const fingerprint = fingerprintOf([input.command, input.dossierId, input.actor.id, payload]);
    const outcome = uow.known('outcome', input.commandId) ? uow.outcomeNow(input.commandId) : await uow.outcome(input.commandId);
    if (outcome !== undefined) return this.replayed(uow, outcome, fingerprint, input.commandId);
    const row = uow.known('row', input.dossierId) ? uow.rows.get(input.dossierId) : await uow.row(input.dossierId);
    if (row === undefined) {
      throw new EngineError('unknown-dossier', { dossier: input.dossierId });
    }
    authorizeCommand(input.actor, input.command, row);
    const expected = input.expectedVersion ?? uow.pins?.get(input.dossierId);
    if (expected !== undefined && expected !== row.version) {
      throw new EngineError('version-conflict', { actual: row.version, expected });
    }
    checkReasons(spec.reasons, input.reasons, spec.label);
    const now = this.now(input.at);
    if (now < row.updatedAt) throw new EngineError('invalid-command', { detail: { vi: 'thời điểm của lệnh trước sự kiện cuối của hồ sơ.', en: 'the command\'s moment is before the dossier\'s last event.' } });
    const rt = this.runtimes.get(keyOf(row.procedure, row.revision)) ?? await this.runtimeFor(uow.tx, row.procedure, row.revision);
    checkComponents(rt.compiled.ir, input.components);
    checkComponents(rt.compiled.ir, input.missing);
    if (input.agency !== undefined && this.agencies.get(input.agency) === undefined) throw new EngineError('unknown-agency', { agency: input.agency });
    if (input.command === 'return' && input.method === undefined) {
      throw new EngineError('invalid-command', { detail: { vi: 'trả kết quả cần cách trả (method: in-person, online, post).', en: 'returning needs a method (in-person, online, post).' } });
    }
    if (input.command === 'request-supplement' && (input.items === undefined || input.items.length === 0)) {
      throw new EngineError('invalid-command', { detail: { vi: 'yêu cầu bổ sung phải liệt kê đầy đủ một lần các nội dung cần bổ sung (items).', en: 'a supplement request lists everything needed, at once (items).' } });
    }

    const at = isoOf(now);
    const event: DossierEvent['event'] = { type: spec.event, at };
    if (input.reasons !== undefined) event['reasons'] = input.reasons;
    if (input.command === 'submit-completion') event['components'] = input.components ?? [];
    if (input.command === 'provide-supplement' && input.components !== undefined) event['components'] = input.components;
    if (input.command === 'request-completion' && input.missing !== undefined) event['missing'] = input.missing;
    if (input.command === 'request-supplement') event['items'] = input.items;
    if (input.command === 'request-payment' && input.amount !== undefined) event['amount'] = input.amount;
    if (input.command === 'return') event['method'] = input.method;
    return this.step(uow, rt, row, event, {
      command: input.command, commandId: input.commandId, fingerprint, actor: input.actor, now,
      reasons: input.reasons ?? [], items: input.items, method: input.method, amount: input.amount, handover: input.agency,
    });
  }

  private step(uow: UnitOfWork, rt: Runtime, row: StoredDossier, event: DossierEvent['event'], c: {
    command: DossierEvent['command']; commandId: string; fingerprint: string; actor: Actor; now: number; reasons: string[];
    items?: string[] | undefined; method?: string | undefined; amount?: number | undefined; handover?: string | undefined;
    basis?: CalendarBasis | undefined;
  }): CommandResult {
    const snapshot = this.snapshotOf(rt, row);
    const next = rt.machine.transition(snapshot, event as never, rt.scope) as AnyMachineSnapshot;
    if (next === snapshot) throw refusal(rt, row.state, row.context, event as { type: string; method?: string });
    const after = next.context as DossierContext;
    const newRow = deriveRow({ rt, calendar: this.calendar, prev: row, type: event.type, state: next.value as string, context: after, now: c.now, handover: c.handover });
    this.keepSnapshot(newRow, next);
    const seq = newRow.version;
    let n = 0;
    const documents = documentsOf({
      type: event.type, before: row.context, after, agency: c.actor.agency ?? (event.type.includes('DEADLINE') ? row.handlingAgency : null),
      at: event.at, reasons: c.reasons, items: c.items, method: c.method, amount: c.amount, basis: c.basis,
      componentName: (id) => rt.compiled.ir.components.find((x) => x.id === id)?.name ?? id,
    }, () => `${row.number}/${seq}${n++ === 0 ? '' : `.${n}`}`);
    const ev: DossierEvent = {
      dossierId: row.id, seq, commandId: c.commandId, fingerprint: c.fingerprint, command: c.command, event,
      actorId: c.actor.id, actorRole: c.actor.role, actorAgency: c.actor.agency, at: c.now, reasons: c.reasons,
      from: row.state, to: newRow.state, documents,
    };
    uow.record(newRow, ev, false);
    return { dossierId: row.id, number: row.number, version: seq, state: newRow.state, documents, replayed: false };
  }

  /**
   * Fires the deadline timers due at the clock's moment: each overdue dossier gets an apology
   * slip with a new appointment and stays where it is. Any number of workers may sweep the
   * same store at once; each timer fires once. Runs until nothing is due (or `maxRounds`).
   */
  async sweep(options: { limit?: number; maxRounds?: number; now?: number } = {}): Promise<SweepReport> {
    const limit = options.limit ?? 50;
    const report: SweepReport = { fired: 0, dossiers: 0 };
    for (let round = 0; round < (options.maxRounds ?? Number.POSITIVE_INFINITY); round++) {
      const now = this.now(options.now);
      let uow: UnitOfWork | undefined;
      let fired = 0;
      const done = await this.store.transaction(async (tx) => {
        const claimed = await tx.claimDue(now, limit);
        if (claimed.length === 0) return 0;
        uow = new UnitOfWork(tx);
        for (const d of claimed) uow.adopt(d.id, d);
        for (const d of claimed) fired += await this.fire(uow, d, now);
        await tx.write(uow.changes());
        return claimed.length;
      });
      report.fired += fired;
      if (uow !== undefined && this.recent !== undefined) this.remember(uow.written());
      report.dossiers += done;
      if (done < limit) break;
    }
    return report;
  }

  /** Fires the due timers of one claimed dossier, in order. */
  private async fire(uow: UnitOfWork, claimed: StoredDossier, now: number): Promise<number> {
    let row = claimed;
    let fired = 0;
    const rt = await this.runtimeFor(uow.tx, row.procedure, row.revision);
    for (;;) {
      const due = row.timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0];
      if (due === undefined || row.final) break;
      const { event, basis } = this.deadlineEvent(due, now, row.updatedAt);
      const commandId = `timer:${row.id}:${due.kind}:${due.stage ?? ''}:${due.due}`;
      this.step(uow, rt, row, event, {
        command: due.kind === 'deadline' ? 'deadline-passed' : 'stage-deadline-passed', commandId,
        fingerprint: fingerprintOf([commandId]), actor: SYSTEM_ACTOR, now: Math.max(now, row.updatedAt), reasons: [], basis,
      });
      row = uow.rows.get(row.id) as StoredDossier;
      fired++;
    }
    return fired;
  }

  private deadlineEvent(timer: Timer, now: number, last: number): { event: DossierEvent['event']; basis: CalendarBasis } {
    const at = Math.max(now, last);
    const newDue = dueDate(this.calendar, momentOf(new Date(at)), { value: this.apologyDays, unit: 'working-days' }, this.hours);
    return {
      event: { type: timer.kind === 'deadline' ? 'DEADLINE_PASSED' : 'STAGE_DEADLINE_PASSED', newAppointment: formatMoment(newDue.due), at: isoOf(at) },
      basis: newDue.basis.basis,
    };
  }

  /** A dossier as `actor` may see it (applicants: their own; officers: their agency's). */
  async dossier(id: string, actor: Actor = SYSTEM_ACTOR): Promise<StoredDossier> {
    const row = await this.store.dossier(id);
    if (row === undefined || !canRead(actor, row)) throw new EngineError('unknown-dossier', { dossier: id });
    return row;
  }

  /** A dossier's event log, oldest first. */
  async history(id: string, actor: Actor = SYSTEM_ACTOR): Promise<DossierEvent[]> {
    await this.dossier(id, actor);
    return this.store.events(id);
  }

  /** Dossiers matching a filter, restricted to what `actor` may see. */
  async list(filter: DossierFilter, actor: Actor = SYSTEM_ACTOR): Promise<StoredDossier[]> {
    const scoped: DossierFilter = { ...filter, limit: Math.min(filter.limit ?? LIST_LIMIT, LIST_LIMIT) };
    if (actor.role === 'applicant') scoped.applicant = actor.id;
    else if (actor.role !== 'administrator' && actor.role !== 'system') {
      if (filter.agency !== undefined && filter.agency !== actor.agency) return [];
      scoped.agency = actor.agency ?? '';
    }
    return this.store.list(scoped);
  }

  /**
   * The KPI report over the dossiers submitted in [from, to), judged at `now` (default the
   * clock). Administrators see every agency; officers their own; applicants none.
   */
  async kpi(options: { by: KpiDimension; from?: number; to?: number; now?: number }, actor: Actor = SYSTEM_ACTOR): Promise<KpiReport> {
    if (actor.role === 'applicant') {
      throw new EngineError('role-forbidden', { role: ROLE_LABELS.applicant, command: { vi: 'xem số liệu', en: 'read the figures' }, allowed: { vi: 'cán bộ, quản trị viên', en: 'officers, administrators' } });
    }
    const acc = new KpiAccumulator({
      by: options.by, now: options.now ?? this.clock.now(),
      ...(options.from === undefined ? {} : { from: options.from }), ...(options.to === undefined ? {} : { to: options.to }),
      name: (dimension, key, procedure) => {
        if (dimension === 'agency') return this.agencies.get(key)?.name ?? null;
        if (dimension === 'procedure') return this.procedures.current(key)?.meta.name ?? null;
        if (dimension === 'stage' && procedure !== null) return this.procedures.current(procedure)?.ir.stages.find((s) => s.id === key)?.name ?? null;
        return null;
      },
    });
    const filter: DossierFilter = {
      ...(options.from === undefined ? {} : { from: options.from }), ...(options.to === undefined ? {} : { to: options.to }),
      ...(actor.role === 'administrator' || actor.role === 'system' ? {} : { agency: actor.agency ?? '' }),
    };
    for await (const page of this.store.scan(filter)) acc.add(page);
    return acc.report();
  }

  /** The runtime of a stored dossier (its own revision). */
  async runtimeOf(row: StoredDossier): Promise<Runtime> {
    return this.runtimeFor(null, row.procedure, row.revision);
  }

  /**
   * Replays a dossier's log against the revision it runs under and compares the result with
   * the stored state and context.
   */
  async replay(id: string): Promise<ReplayReport> {
    const row = await this.dossier(id);
    const events = await this.store.events(id);
    const rt = buildRuntime(await this.storedCompiled(row), this.calendar, this.hours);
    let snapshot = rt.initial;
    for (const e of events) snapshot = rt.machine.transition(snapshot, e.event as never, rt.scope) as AnyMachineSnapshot;
    const context = snapshot.context as DossierContext;
    const matches = snapshot.value === row.state && canonicalJson(context) === canonicalJson(row.context) && events.length === row.version;
    return { dossierId: id, events: events.length, state: snapshot.value as string, matches, context };
  }

  /**
   * Replays a dossier's log (as {@link replay}) and throws TTHC619 `replay-mismatch` when it
   * does not give the stored row: the log is the source of truth, so a row that differs was
   * edited outside the engine, or the software changed how it reads the log.
   *
   * @example
   * await engine.verify(dossierId); // { dossierId, events: 6, state: 'returned', matches: true, … }
   */
  async verify(id: string): Promise<ReplayReport> {
    const report = await this.replay(id);
    if (report.matches) return report;
    const row = await this.dossier(id);
    const rt = await this.runtimeOf(row);
    const label = (state: string) => rt.states.get(state)?.label ?? { vi: state, en: state };
    let detail: Bilingual;
    if (report.events !== row.version) {
      detail = { vi: `hồ sơ ghi phiên bản ${row.version} nhưng nhật ký có ${report.events} sự kiện`, en: `the row is at version ${row.version} but the log has ${report.events} events` };
    } else if (report.state !== row.state) {
      const stored = label(row.state);
      const replayed = label(report.state);
      detail = { vi: `trạng thái đã lưu là "${stored.vi}", chạy lại ra "${replayed.vi}"`, en: `the stored state is "${stored.en}", the replay gives "${replayed.en}"` };
    } else {
      const stored = row.context as unknown as Record<string, unknown>;
      const replayed = report.context as unknown as Record<string, unknown>;
      const keys = [...new Set([...Object.keys(stored), ...Object.keys(replayed)])].sort()
        .filter((k) => canonicalJson(stored[k]) !== canonicalJson(replayed[k]));
      detail = { vi: `dữ liệu xử lý đã lưu khác kết quả chạy lại ở ${keys.length} mục`, en: `the stored context differs from the replay in ${keys.join(', ')}` };
    }
    throw new EngineError('replay-mismatch', { dossier: id, detail });
  }

  /** The compiled procedure a dossier runs under, as stored (not the catalogue's current one). */
  private async storedCompiled(row: StoredDossier): Promise<CompiledProcedure> {
    const compiled = await this.store.transaction((tx) => tx.revision(row.procedure, row.revision));
    if (compiled === undefined) throw new EngineError('revision-missing', { procedure: row.procedure, revision: row.revision });
    return compiled;
  }
}
