import type { WorkingCalendar } from '../calendar/calendar.js';
import { parseMoment } from '../calendar/dates.js';
import type { DossierContext } from '../workflow/machine.js';
import type { StageRecord, StoredDossier, Timer } from './model.js';
import type { Runtime } from './runtime.js';
import { dayOf, msOf } from './time.js';

/**
 * The columns of a dossier row that follow from its machine snapshot after a transition:
 * due moments, the decision, lateness, stages, timers, processing time. Pure: the same
 * transition always gives the same row, which is what lets a replay check the log.
 */

/** A minute: a dossier is overdue once its due minute has passed (the machine's `overdue` guard). */
const MINUTE = 60_000;

const DECISIONS = new Set(['resultReady', 'rejected', 'stopped']);

/** Moments parsed once: due dates repeat across dossiers (bounded, cleared when full). */
const parsed = new Map<string, number>();
function msCached(iso: string): number {
  let v = parsed.get(iso);
  if (v === undefined) {
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(iso, (v = msOf(iso)));
  }
  return v;
}

const msOrNull = (iso: string | null): number | null => (iso === null ? null : msCached(iso));

/** Same ISO text, same moment: reuse the previous parse. */
function carry(prevIso: string | null | undefined, prevMs: number | null | undefined, iso: string | null): number | null {
  return prevIso === iso && prevMs !== undefined ? prevMs : msOrNull(iso);
}

/** The deadline timers a dossier has in a state. */
export function timersOf(rt: Runtime, state: string, ctx: DossierContext): Timer[] {
  const info = rt.states.get(state);
  if (info === undefined || info.final) return [];
  const timers: Timer[] = [];
  let deadline = false;
  let stageDeadline = false;
  for (const t of info.on) {
    if (t.event === 'DEADLINE_PASSED') deadline = true;
    else if (t.event === 'STAGE_DEADLINE_PASSED') stageDeadline = true;
  }
  const due = ctx.appointment ?? ctx.due;
  if (deadline && due !== null) timers.push({ kind: 'deadline', stage: null, due, at: msCached(due) + MINUTE });
  if (stageDeadline && ctx.stageDue !== null) timers.push({ kind: 'stage-deadline', stage: ctx.stage, due: ctx.stageDue, at: msCached(ctx.stageDue) + MINUTE });
  return timers;
}

/** What a transition did, for deriving the row. */
export interface DeriveInput {
  rt: Runtime;
  calendar: WorkingCalendar;
  prev: StoredDossier;
  type: string;
  state: string;
  context: DossierContext;
  now: number;
  /** The agency the dossier is handed to (TRANSFER, STAGE_DONE), when the command names one. */
  handover?: string | undefined;
}

/** Working days used between receipt and decision, pauses (supplements) excluded. */
function processingDays(calendar: WorkingCalendar, ctx: DossierContext, receivedAt: number, decidedAt: number): number {
  let days = calendar.workingDaysBetween(dayOf(receivedAt), dayOf(decidedAt));
  for (const p of ctx.clock?.pauses ?? []) {
    if (p.to === undefined) continue;
    days -= calendar.workingDaysBetween(parseMoment(p.from).day, parseMoment(p.to).day);
  }
  return Math.max(0, days);
}

function closeStage(s: StageRecord, now: number): StageRecord {
  return { ...s, doneAt: now, late: s.late || (s.dueAt !== null && now >= s.dueAt + MINUTE) };
}

/**
 * The row after a transition (version + 1). `prev` is the row before it; for a new dossier,
 * the row the engine prepared with version 0.
 */
export function deriveRow(p: DeriveInput): StoredDossier {
  const { prev, context: ctx, now, state } = p;
  const before = prev.context;
  const info = p.rt.states.get(state);
  const final = info?.final ?? false;

  const dueAt = carry(before.due, prev.dueAt, ctx.due);
  const appointmentAt = carry(before.appointment, prev.appointmentAt, ctx.appointment);
  const receivedAt = prev.receivedAt ?? (ctx.receivedAt === null ? null : now);
  const handlingAgency = p.handover ?? prev.handlingAgency;

  let stages = prev.stages;
  if (ctx.stage !== before.stage || p.type === 'STAGE_DEADLINE_PASSED' || (final && stages.some((s) => s.doneAt === null))) {
    stages = stages.map((s) => {
      if (s.doneAt !== null) return s;
      if (p.type === 'STAGE_DEADLINE_PASSED') return { ...s, late: true };
      return closeStage(s, now);
    });
    if (ctx.stage !== null && ctx.stage !== before.stage) {
      const stage = p.rt.compiled.ir.stages.find((s) => s.id === ctx.stage);
      stages = [...stages, {
        stage: ctx.stage, level: stage?.level ?? prev.level, agency: handlingAgency, startedAt: now,
        dueAt: msOrNull(ctx.stageDue), doneAt: null, late: false,
      }];
    }
  }

  let { decidedAt, late, statutoryDays, processingDays: used } = prev;
  const wasLate = prev.late;
  const onSpot = prev.onSpot || p.type === 'RETURN_ON_SPOT';
  if (decidedAt === null && (DECISIONS.has(state) || p.type === 'RETURN_ON_SPOT')) {
    decidedAt = now;
    if (dueAt !== null && now >= dueAt + MINUTE) late = true;
    if (receivedAt !== null) {
      used = processingDays(p.calendar, ctx, receivedAt, now);
      statutoryDays = dueAt === null ? null : p.calendar.workingDaysBetween(dayOf(receivedAt), dayOf(dueAt));
    }
  }
  if (ctx.apologies.length > before.apologies.length) late = true;
  // Where it arose: the stage that overran, else the step the dossier was in.
  const lateStep = prev.lateStep ?? (late && !wasLate ? (before.stage ?? prev.state) : null);

  const timers = final ? [] : timersOf(p.rt, state, ctx);
  let nextTimerAt: number | null = null;
  for (const t of timers) if (nextTimerAt === null || t.at < nextTimerAt) nextTimerAt = t.at;

  // Every field written out (no spread): one object shape for every row keeps this hot path fast.
  return {
    id: prev.id, number: prev.number, procedure: prev.procedure, revision: prev.revision, agency: prev.agency,
    handlingAgency, level: prev.level, field: prev.field, applicant: prev.applicant, channel: prev.channel,
    state, final, version: prev.version + 1, context: ctx, timers, nextTimerAt,
    submittedAt: prev.submittedAt, receivedAt, dueAt, dueBasis: ctx.dueBasis, appointmentAt, decidedAt,
    finishedAt: final ? now : null, late, lateStep, onSpot, apologies: ctx.apologies.length, stages, statutoryDays,
    processingDays: used, engineVersion: prev.engineVersion, schemaVersion: prev.schemaVersion,
    createdAt: prev.createdAt, updatedAt: now,
  };
}
