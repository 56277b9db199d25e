import type { StoredDossier } from './model.js';
import { isoOf } from './time.js';

/**
 * The figures the one-stop reports publish (the seeds' "tỷ lệ giải quyết đúng hạn" per level,
 * apology slips, lateness across the levels of a chain), computed from the dossiers in one
 * pass, the same way on every store.
 *
 * Definitions (a dossier counts where it was submitted, in [from, to)):
 * - **resolved** (đã giải quyết): a decision was made — result ready or returned, rejected,
 *   stopped, or handled on the spot; **on time** when decided by the statutory due moment
 *   (pauses for supplements excluded) and no apology slip was needed, else **late**;
 * - **in progress** (đang giải quyết): received, not yet decided; **overdue** when its due
 *   moment has passed at the report's moment or it already needed an apology slip, else
 *   **within time**;
 * - **on-time rate** = (resolved on time + in progress within time) / (resolved + in progress):
 *   in-progress and overdue dossiers count, so a backlog cannot hide behind a good record of
 *   finished ones; the rate among resolved ones only is given beside it;
 * - dossiers refused at reception, withdrawn or never received, and dossiers whose procedure
 *   has no usable period (no unit in the catalogue), have no on-time status and are counted apart;
 * - **online share**: submitted online / submitted; **4 tại chỗ share**: handled on the spot /
 *   resolved; **processing time**: working days from receipt to decision, supplement pauses
 *   excluded, against the statutory period in working days.
 */

/** What figures are grouped by. */
export type KpiDimension = 'total' | 'level' | 'agency' | 'procedure' | 'field' | 'stage';

/** The dimensions, in display order. */
export const KPI_DIMENSIONS: readonly KpiDimension[] = ['total', 'level', 'agency', 'procedure', 'field', 'stage'];

/** The figures of one group. */
export interface KpiRow {
  key: string;
  /** A readable name (agency or procedure name), when known. */
  name: string | null;
  /** The level, for stage rows. */
  level: string | null;
  submitted: number;
  resolvedOnTime: number;
  resolvedLate: number;
  inProgressWithinTime: number;
  inProgressOverdue: number;
  /** Refused, withdrawn, never received, or without a usable period. */
  notRated: number;
  onTimeRate: number | null;
  resolvedOnTimeRate: number | null;
  online: number;
  onlineShare: number | null;
  onSpot: number;
  onSpotShare: number | null;
  apologies: number;
  averageProcessingDays: number | null;
  averageStatutoryDays: number | null;
}

/** Where lateness arose: a stage (interconnected procedures) or a lifecycle step, at a level. */
export interface LatenessRow {
  step: string;
  /** The stage's name (interconnected procedures), or null for a lifecycle step. */
  name: string | null;
  level: string;
  late: number;
}

/** A KPI report. */
export interface KpiReport {
  /** The moment the in-progress dossiers were judged at (ISO). */
  at: string;
  from: string | null;
  to: string | null;
  by: KpiDimension;
  total: KpiRow;
  rows: KpiRow[];
  lateness: LatenessRow[];
}

class Acc {
  submitted = 0;
  resolvedOnTime = 0;
  resolvedLate = 0;
  inProgressWithinTime = 0;
  inProgressOverdue = 0;
  notRated = 0;
  online = 0;
  onSpot = 0;
  apologies = 0;
  processing = 0;
  statutory = 0;
  timed = 0;

  constructor(readonly key: string, readonly level: string | null, readonly procedure: string | null) {}

  row(name: string | null): KpiRow {
    const resolved = this.resolvedOnTime + this.resolvedLate;
    const rated = resolved + this.inProgressWithinTime + this.inProgressOverdue;
    const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
    return {
      key: this.key, name, level: this.level, submitted: this.submitted,
      resolvedOnTime: this.resolvedOnTime, resolvedLate: this.resolvedLate,
      inProgressWithinTime: this.inProgressWithinTime, inProgressOverdue: this.inProgressOverdue, notRated: this.notRated,
      onTimeRate: ratio(this.resolvedOnTime + this.inProgressWithinTime, rated),
      resolvedOnTimeRate: ratio(this.resolvedOnTime, resolved),
      online: this.online, onlineShare: ratio(this.online, this.submitted),
      onSpot: this.onSpot, onSpotShare: ratio(this.onSpot, resolved),
      apologies: this.apologies,
      averageProcessingDays: this.timed === 0 ? null : this.processing / this.timed,
      averageStatutoryDays: this.timed === 0 ? null : this.statutory / this.timed,
    };
  }
}

const MINUTE = 60_000;

/** How one dossier counts. */
type Status = 'resolvedOnTime' | 'resolvedLate' | 'inProgressWithinTime' | 'inProgressOverdue' | 'notRated';

function statusOf(d: StoredDossier, now: number): Status {
  if (d.decidedAt !== null) return d.late ? 'resolvedLate' : 'resolvedOnTime';
  if (d.final || d.receivedAt === null) return 'notRated';
  if (d.late) return 'inProgressOverdue';
  if (d.dueAt === null) {
    // Paused for a supplement (the clock stopped): within time; without a period: not rated.
    return d.context.clock === null ? 'notRated' : 'inProgressWithinTime';
  }
  return now >= d.dueAt + MINUTE ? 'inProgressOverdue' : 'inProgressWithinTime';
}

/** Options of a report. */
export interface KpiOptions {
  by: KpiDimension;
  /** The moment in-progress dossiers are judged at (epoch ms). */
  now: number;
  from?: number;
  to?: number;
  /** Names for keys (agency codes, procedure codes, stage ids of a procedure). */
  name?: (dimension: KpiDimension, key: string, procedure: string | null) => string | null;
}

/**
 * Accumulates dossiers into a KPI report.
 *
 * @example
 * const kpi = new KpiAccumulator({ by: 'level', now: Date.now() });
 * for await (const page of store.scan({})) kpi.add(page);
 * const report = kpi.report();
 */
export class KpiAccumulator {
  private readonly total = new Acc('total', null, null);
  private readonly groups = new Map<string, Acc>();
  private readonly lateness = new Map<string, LatenessRow>();

  constructor(private readonly options: KpiOptions) {}

  private group(key: string, procedure: string, level: string | null = null): Acc {
    const k = level === null ? key : `${key}\u0000${level}`;
    let acc = this.groups.get(k);
    if (acc === undefined) this.groups.set(k, (acc = new Acc(key, level, procedure)));
    return acc;
  }

  private late(step: string, level: string, stageOf: string | null): void {
    const k = `${step}\u0000${level}`;
    const row = this.lateness.get(k);
    if (row === undefined) this.lateness.set(k, { step, name: stageOf === null ? null : this.options.name?.('stage', step, stageOf) ?? null, level, late: 1 });
    else row.late++;
  }

  /** Adds dossiers (those outside [from, to) are skipped). */
  add(dossiers: Iterable<StoredDossier>): void {
    const { from, to, now, by } = this.options;
    for (const d of dossiers) {
      if ((from !== undefined && d.submittedAt < from) || (to !== undefined && d.submittedAt >= to)) continue;
      const status = statusOf(d, now);
      this.count(this.total, d, status);
      if (by === 'stage') {
        for (const s of d.stages) this.countStage(this.group(s.stage, d.procedure, s.level), d, s, now);
      } else if (by !== 'total') {
        const key = by === 'level' ? d.level : by === 'agency' ? d.agency : by === 'procedure' ? d.procedure : (d.field ?? '—');
        this.count(this.group(key, d.procedure), d, status);
      }
      for (const s of d.stages) if (s.late) this.late(s.stage, s.level, d.procedure);
      if (d.late && d.stages.length === 0) this.late(d.lateStep ?? '—', d.level, null);
    }
  }

  private count(acc: Acc, d: StoredDossier, status: Status): void {
    acc.submitted++;
    acc[status]++;
    if (d.channel === 'online') acc.online++;
    if (d.onSpot) acc.onSpot++;
    acc.apologies += d.apologies;
    if (d.decidedAt !== null && d.processingDays !== null && d.statutoryDays !== null) {
      acc.timed++;
      acc.processing += d.processingDays;
      acc.statutory += d.statutoryDays;
    }
  }

  private countStage(acc: Acc, d: StoredDossier, s: StoredDossier['stages'][number], now: number): void {
    acc.submitted++;
    if (d.channel === 'online') acc.online++;
    if (s.doneAt !== null) {
      if (s.late) acc.resolvedLate++;
      else acc.resolvedOnTime++;
    } else if (d.final) acc.notRated++;
    else if (s.late || (s.dueAt !== null && now >= s.dueAt + MINUTE)) acc.inProgressOverdue++;
    else acc.inProgressWithinTime++;
  }

  /** The report. Rows are sorted by key. */
  report(): KpiReport {
    const { by, now, from, to, name } = this.options;
    const named = (acc: Acc): KpiRow => acc.row(name?.(by, acc.key, acc.procedure) ?? null);
    const rows = [...this.groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : (a.level ?? '') < (b.level ?? '') ? -1 : 1)).map(named);
    const lateness = [...this.lateness.values()].sort((a, b) => b.late - a.late || (a.step < b.step ? -1 : 1));
    return { at: isoOf(now), from: from === undefined ? null : isoOf(from), to: to === undefined ? null : isoOf(to), by, total: this.total.row(null), rows, lateness };
  }
}
