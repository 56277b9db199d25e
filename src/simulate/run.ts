import type { WorkingCalendar } from '../calendar/calendar.js';
import { AgencyDirectory } from '../engine/agencies.js';
import { SimulatedClock } from '../engine/clock.js';
import { DossierEngine, type Operation } from '../engine/engine.js';
import { EngineError } from '../engine/errors.js';
import type { KpiDimension, KpiReport } from '../engine/kpi.js';
import { staticSource, type CompiledProcedure } from '../engine/procedures.js';
import type { Actor } from '../engine/roles.js';
import type { Store } from '../engine/store/types.js';
import { msOfMoment } from '../engine/time.js';
import { dayNumber } from '../calendar/dates.js';
import { officer, province as makeProvince } from './province.js';
import { cumulative, Random, seedFor } from './random.js';
import { arrivals, offers, planDossier, type Plan } from './workload.js';

/**
 * The province-year simulation: draws the workload, then runs every dossier through the
 * engine in simulated time. Time moves in windows of one simulated hour; each window's
 * commands go to the engine as one batch (one transaction: group commit), then the deadline
 * sweep runs at the window's end. Every command keeps the engine's guarantees — roles,
 * guards, versions, the event log, timers — only the commit is shared.
 */

/** What to simulate. */
export interface SimulationOptions {
  seed: number;
  dossiers: number;
  year?: number;
  /** The procedures (compiled from the catalogue, possibly changed by a what-if). */
  procedures: readonly CompiledProcedure[];
  /** The procedures the workload is drawn from (the baseline), so what-ifs see the same arrivals. */
  workload?: readonly CompiledProcedure[];
  calendar: WorkingCalendar;
  store: Store;
  communes?: number;
  /** The largest batch (commands per transaction). */
  batch?: number;
  by?: KpiDimension;
  /** Called now and then with the share done. */
  progress?: (done: number, total: number) => void;
}

/** What a simulation did. */
export interface SimulationResult {
  report: KpiReport;
  dossiers: number;
  commands: number;
  batches: number;
  sweeps: { fired: number };
  /** Commands the engine refused (the workload drew something the procedure does not allow). */
  refused: number;
  refusals: Record<string, number>;
  /** Wall time of the run through the engine, milliseconds (workload drawing included). */
  wallMs: number;
  /** Dossiers still open when the year ended. */
  open: number;
}

interface Pending {
  at: number;
  plan: Plan;
  step: number;
}

/** A min-heap of pending steps by moment (then dossier index, for determinism). */
class Queue {
  private readonly a: Pending[] = [];
  get size(): number {
    return this.a.length;
  }
  peek(): Pending | undefined {
    return this.a[0];
  }
  private less(x: Pending, y: Pending): boolean {
    return x.at < y.at || (x.at === y.at && x.plan.index < y.plan.index);
  }
  push(p: Pending): void {
    const a = this.a;
    a.push(p);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(p, a[parent] as Pending)) break;
      a[i] = a[parent] as Pending;
      i = parent;
    }
    a[i] = p;
  }
  pop(): Pending | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (top === undefined || last === undefined || a.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const c = r < a.length && this.less(a[r] as Pending, a[l] as Pending) ? r : l;
      if (!this.less(a[c] as Pending, last)) break;
      a[i] = a[c] as Pending;
      i = c;
    }
    a[i] = last;
    return top;
  }
}

const HOUR = 3_600_000;

/**
 * Runs a simulation and returns the KPI report with what it took.
 *
 * @example
 * const result = await simulate({ seed: 1, dossiers: 10_000, procedures, calendar, store: new MemoryStore() });
 * result.report.total.onTimeRate;
 */
export async function simulate(o: SimulationOptions): Promise<SimulationResult> {
  const started = performance.now();
  const year = o.year ?? 2026;
  const prov = makeProvince(o.communes ?? 100);
  const clock = new SimulatedClock(msOfMoment({ day: dayNumber(year, 1, 1), minutes: 0 }));
  const engine = new DossierEngine({ store: o.store, procedures: staticSource(o.procedures), agencies: new AgencyDirectory(prov.agencies), calendar: o.calendar, clock });
  const rnd = new Random(o.seed);
  const drawn = offers(o.workload ?? o.procedures);
  if (drawn.length === 0) throw new EngineError('procedure-not-served', { procedure: '—' });
  const byCode = new Map(o.procedures.map((p) => [p.code, p]));
  const offerCumulative = cumulative(drawn.map((d) => d.weight));
  // Commune sizes vary: a few large wards, many small communes.
  const communeCumulative = cumulative(prov.communes.map((_, i) => 1 / Math.sqrt(i + 1)));
  const times = arrivals(o.dossiers, year, o.calendar, rnd);
  const queue = new Queue();
  const ids = new Map<number, string>();
  let nextArrival = 0;
  const result: SimulationResult = {
    report: undefined as unknown as KpiReport, dossiers: o.dossiers, commands: 0, batches: 0, sweeps: { fired: 0 }, refused: 0, refusals: {}, wallMs: 0, open: 0,
  };
  const maxBatch = o.batch ?? 2000;

  const arrive = (upTo: number): void => {
    while (nextArrival < times.length && (times[nextArrival] as number) < upTo) {
      const index = nextArrival++;
      const offer = drawn[rnd.pick(offerCumulative)];
      if (offer === undefined) continue;
      // The plan is drawn on the baseline; the run uses the (possibly changed) procedure.
      const compiled = byCode.get(offer.compiled.code) ?? offer.compiled;
      const plan = planDossier(index, times[index] as number, { ...offer, compiled }, prov, o.calendar, new Random(seedFor(o.seed, index)), communeCumulative);
      const first = plan.steps[0];
      if (first !== undefined) queue.push({ at: first.at, plan, step: 0 });
    }
  };

  const actorOf = (plan: Plan, i: number): Actor => {
    const s = plan.steps[i] as Plan['steps'][number];
    return s.actor === 'applicant' ? { id: plan.applicant, role: 'applicant', agency: null } : officer(s.actor, s.agency);
  };

  const operation = (p: Pending): Operation => {
    const s = p.plan.steps[p.step] as Plan['steps'][number];
    const base = { commandId: `sim:${o.seed}:${p.plan.index}:${p.step}`, actor: actorOf(p.plan, p.step), at: s.at };
    if (s.command === 'create') {
      return {
        kind: 'create', ...base, procedure: p.plan.offer.compiled.code, agency: p.plan.agency, channel: p.plan.channel,
        ...(p.plan.channel === 'online' ? {} : { applicant: p.plan.applicant }), components: s.components ?? [],
      };
    }
    return {
      kind: 'command', ...base, dossierId: ids.get(p.plan.index) as string, command: s.command,
      ...(s.reasons === undefined ? {} : { reasons: s.reasons }), ...(s.items === undefined ? {} : { items: s.items }),
      ...(s.components === undefined ? {} : { components: s.components }), ...(s.method === undefined ? {} : { method: s.method }),
      ...(s.handover === undefined ? {} : { agency: s.handover }),
    };
  };

  const advance = (p: Pending, dossierId: string | undefined): void => {
    if (dossierId !== undefined) ids.set(p.plan.index, dossierId);
    const next = p.step + 1;
    const step = p.plan.steps[next];
    if (step === undefined) {
      ids.delete(p.plan.index);
      return;
    }
    queue.push({ at: step.at, plan: p.plan, step: next });
  };

  const refuse = (p: Pending, error: unknown): void => {
    result.refused++;
    if (process.env.TTHC_SIM_DEBUG) console.error(p.plan.offer.compiled.code, p.plan.steps.map((s) => s.command + "@" + s.agency).join(" "), p.step, error instanceof Error ? error.message : error);
    const key = error instanceof EngineError ? `${error.code} ${p.plan.steps[p.step]?.command ?? ''}` : String(error);
    result.refusals[key] = (result.refusals[key] ?? 0) + 1;
    ids.delete(p.plan.index);
  };

  const run = async (due: Pending[]): Promise<void> => {
    const ops = due.map(operation);
    result.batches++;
    result.commands += ops.length;
    try {
      const out = await engine.batch(ops);
      due.forEach((p, i) => advance(p, out[i]?.dossierId));
    } catch {
      // One command was refused: apply them one at a time, so only that dossier stops.
      for (const [i, p] of due.entries()) {
        try {
          const [r] = await engine.batch([ops[i] as Operation]);
          advance(p, r?.dossierId);
        } catch (error) {
          refuse(p, error);
        }
      }
    }
  };

  const start = msOfMoment({ day: dayNumber(year, 1, 1), minutes: 0 });
  const yearEnd = msOfMoment({ day: dayNumber(year + 1, 1, 1), minutes: 0 });
  let windowEnd = start + HOUR;
  const total = o.dossiers;
  for (;;) {
    arrive(windowEnd);
    // Run what falls in this window; steps a batch schedules inside it run in the next round.
    for (;;) {
      const due: Pending[] = [];
      const seen = new Set<number>();
      while (due.length < maxBatch) {
        const top = queue.peek();
        if (top === undefined || top.at >= windowEnd) break;
        // A dossier's next step waits for its previous one (its id, its version).
        if (seen.has(top.plan.index)) break;
        queue.pop();
        seen.add(top.plan.index);
        due.push(top);
      }
      if (due.length === 0) break;
      clock.set(Math.max(clock.now(), ...due.map((p) => p.plan.steps[p.step]?.at ?? 0)));
      await run(due);
    }
    clock.set(Math.max(clock.now(), windowEnd));
    const swept = await engine.sweep({ limit: 500 });
    result.sweeps.fired += swept.fired;
    // The year ends: what is still open stays in progress (some of it overdue), as in a yearly report.
    if (nextArrival >= times.length && (queue.size === 0 || windowEnd >= yearEnd)) break;
    const next = Math.min(queue.peek()?.at ?? Number.POSITIVE_INFINITY, times[nextArrival] ?? Number.POSITIVE_INFINITY);
    // Skip empty hours, but never past a timer that may fall due: sweep at least daily.
    windowEnd = Math.min(yearEnd, Math.max(windowEnd + HOUR, Math.min(Math.floor(next / HOUR) * HOUR + HOUR, windowEnd + 24 * HOUR)));
    o.progress?.(nextArrival, total);
  }
  result.report = await engine.kpi({ by: o.by ?? 'level', now: clock.now() });
  result.open = queue.size;
  result.wallMs = performance.now() - started;
  return result;
}
