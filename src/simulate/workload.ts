import type { WorkingCalendar } from '../calendar/calendar.js';
import { requiredComponents } from '../workflow/checklist.js';
import type { ChannelKey, IRPeriod, WorkflowIR } from '../workflow/ir.js';
import type { CompiledProcedure } from '../engine/procedures.js';
import type { CommandName } from '../engine/roles.js';
import { dayOf, msOfMoment } from '../engine/time.js';
import type { Province } from './province.js';
import { cumulative, Random } from './random.js';

/**
 * The workload of a province-year: which procedures, how many dossiers, through which
 * channel, and what happens to each — drawn from a seed, so two runs (a what-if) see the same
 * arrivals and the same officers' working times.
 *
 * Volumes are weighted toward what a province's one-stop desks mostly receive (seed 002 and
 * the provincial reports): commune-level civil status and certification first, then
 * residence, land and business registration, then everything else in the catalogue at a low
 * rate. Officers finish most steps well inside the statutory period (log-normal with a median
 * of about half of it) with a tail, so some dossiers are late; a few are refused, completed
 * after a request, supplemented, rejected or withdrawn.
 */

/** Relative yearly volumes of the hand-written procedures (the rest share {@link TAIL_SHARE}). */
export const VOLUMES: Readonly<Record<string, number>> = {
  '2.000815': 20, '2.000635': 10, '1.001193': 8, '1.004873': 8, '1.013831': 6, '1.014061': 5, '1.003197': 4,
  '1.013978': 4, '1.000656': 3, '1.000894': 3, '2.000908': 3, '1.001612': 3, '2.000986': 2, '2.001023': 2,
  '1.007277': 2, '3.000346': 2, '1.012782': 1, '1.008498': 1, '1.013225': 1, '1.001456': 1, '2.001194': 1,
  '1.000689': 0.5, '1.008501': 0.5, '1.012753': 0.3, '1.012756': 0.1, '1.000586': 0.05, '1.005401': 0.05,
  '3.000439': 0.05, '2.002349': 0.05, '1.001669': 0.05,
};

/** The share of dossiers spread over the rest of the catalogue. */
export const TAIL_SHARE = 0.15;

/** Probabilities of what happens to a dossier. */
export const RATES = {
  onlineWhereOffered: 0.35,
  onlineWhereFull: 0.7,
  postalWhereOffered: 0.03,
  refused: 0.01,
  completionRequested: 0.07,
  withdrawn: 0.005,
  supplement: 0.06,
  rejected: 0.02,
  payment: 0.3,
  /** Processing time as a share of the period: log-normal median and spread. */
  processingMedian: 0.5,
  processingSigma: 0.5,
};

/** One procedure the workload draws from. */
export interface Offer {
  compiled: CompiledProcedure;
  level: 'commune' | 'province';
  weight: number;
  /** The components and facts of a complete filing (the unconditional required ones). */
  components: string[];
}

/**
 * The procedures of a catalogue a province's desks receive (levels commune or province, with
 * at least one usable period), with their weights.
 */
export function offers(procedures: readonly CompiledProcedure[]): Offer[] {
  const out: Offer[] = [];
  const tail: Offer[] = [];
  for (const compiled of procedures) {
    const levels = compiled.meta.levels;
    const level = levels.includes('commune') ? 'commune' : levels.includes('province') ? 'province' : null;
    if (level === null) continue;
    const ir = compiled.ir;
    if (!ir.channels.some((c) => ir.periods[c]?.unit !== undefined)) continue;
    const components = requiredComponents(ir, { facts: {}, cases: [] }).map((c) => c.id);
    const offer: Offer = { compiled, level, weight: VOLUMES[compiled.code] ?? 0, components };
    if (offer.weight > 0) out.push(offer);
    else tail.push(offer);
  }
  const named = out.reduce((s, o) => s + o.weight, 0);
  const each = tail.length === 0 ? 0 : (named * TAIL_SHARE) / (1 - TAIL_SHARE) / tail.length;
  for (const o of tail) o.weight = each;
  return [...out, ...tail].sort((a, b) => (a.compiled.code < b.compiled.code ? -1 : 1));
}

/** One planned step of a dossier. */
export interface Step {
  at: number;
  command: CommandName | 'create';
  actor: 'applicant' | 'reception' | 'specialist' | 'approver';
  /** The agency whose officer acts (reception: the receiving one; processing: the handling one). */
  agency: string;
  reasons?: string[];
  items?: string[];
  components?: string[];
  method?: 'in-person' | 'online' | 'post';
  /** The agency the dossier is handed to (transfer, complete-stage). */
  handover?: string;
}

/** A dossier's plan: where and how it is filed, and its steps in time order. */
export interface Plan {
  index: number;
  offer: Offer;
  agency: string;
  channel: ChannelKey;
  applicant: string;
  steps: Step[];
}

const OPEN = 8 * 60;
const CLOSE = 17 * 60;
const DAY = 86_400_000;

/** Moves a moment forward by working time (office days of 9 hours), skipping days off. */
export function afterWorking(calendar: WorkingCalendar, ms: number, days: number): number {
  let day = dayOf(ms);
  let m = Math.floor((ms - msOfMoment({ day, minutes: 0 })) / 60_000);
  if (!calendar.isWorkingDay(day) || m >= CLOSE) {
    day = calendar.nextWorkingDay(day);
    m = OPEN;
  } else if (m < OPEN) m = OPEN;
  let left = Math.max(0, Math.round(days * (CLOSE - OPEN)));
  while (left > 0) {
    const room = CLOSE - m;
    if (left <= room) {
      m += left;
      left = 0;
    } else {
      left -= room;
      day = calendar.nextWorkingDay(day);
      m = OPEN;
    }
  }
  return msOfMoment({ day, minutes: m });
}

/** A period in working days, roughly (for drawing how long officers take). */
function workingDaysOf(p: IRPeriod | null | undefined): number {
  if (p === null || p === undefined || p.unit === undefined) return 10;
  switch (p.unit) {
    case 'working-days':
      return p.value === 0 ? 0.4 : p.value;
    case 'days':
      return (p.value * 5) / 7;
    case 'months':
      return p.value * 21;
    case 'hours':
      return p.value / 9;
  }
}

/** Draws the plan of one dossier arriving at `at`. */
export function planDossier(
  index: number, at: number, offer: Offer, province: Province, calendar: WorkingCalendar, rnd: Random, communeCumulative: readonly number[],
): Plan {
  const ir: WorkflowIR = offer.compiled.ir;
  const full = ir.online === 'full';
  const onlineOffered = ir.channels.includes('online');
  const postalOffered = ir.channels.includes('postal');
  const inPersonOffered = ir.channels.includes('in-person');
  const roll = rnd.float();
  let channel: ChannelKey = inPersonOffered ? 'in-person' : (ir.channels[0] as ChannelKey);
  if (onlineOffered && roll < (full ? RATES.onlineWhereFull : RATES.onlineWhereOffered)) channel = 'online';
  else if (postalOffered && roll > 1 - RATES.postalWhereOffered) channel = 'postal';
  const agency = offer.level === 'commune' ? (province.communes[rnd.pick(communeCumulative)] as { code: string }).code : province.centre.code;
  const steps: Step[] = [];
  const applicant = `0${String(10_000_000_000 + index)}`;
  // Online filings arrive at any hour; desks work office hours.
  const filed = channel === 'online' ? at : afterWorking(calendar, at, 0);
  steps.push({ at: filed, command: 'create', actor: channel === 'online' ? 'applicant' : 'reception', agency, components: offer.components });
  let t = channel === 'online' ? afterWorking(calendar, filed, rnd.float() * 0.5) : filed + 5 * 60_000;
  const draws = {
    refused: rnd.chance(RATES.refused), completion: rnd.chance(RATES.completionRequested), withdrawn: rnd.chance(RATES.withdrawn),
    supplement: rnd.chance(RATES.supplement), rejected: rnd.chance(RATES.rejected), payment: rnd.chance(RATES.payment),
    completionDays: 1 + rnd.float() * 4, supplementDays: rnd.lognormal(3, 0.6), collectDays: rnd.float() * 3,
    processing: rnd.lognormal(RATES.processingMedian, RATES.processingSigma),
    stages: ir.stages.map(() => rnd.lognormal(RATES.processingMedian, RATES.processingSigma)),
  };
  const r = (actor: Step['actor'], command: CommandName, extra: Partial<Step> = {}): void => {
    steps.push({ at: t, command, actor, agency, ...extra });
  };
  if (draws.refused) {
    r('reception', 'refuse', { reasons: ['Hồ sơ không thuộc thẩm quyền giải quyết'] });
    return { index, offer, agency, channel, applicant, steps };
  }
  if (draws.completion) {
    r('reception', 'request-completion');
    t = afterWorking(calendar, t, draws.completionDays);
    r(channel === 'online' ? 'applicant' : 'reception', 'submit-completion', { components: [] });
    t += 60_000;
  }
  if (ir.fourOnSpot && channel === 'in-person') {
    r('reception', 'process-on-spot');
    t += 30 * 60_000;
    r('approver', 'return-on-spot');
    return { index, offer, agency, channel, applicant, steps };
  }
  r('reception', 'receive');
  if (draws.withdrawn) {
    t = afterWorking(calendar, t, 1);
    r(channel === 'online' ? 'applicant' : 'reception', 'withdraw', { reasons: ['Người nộp xin rút hồ sơ'] });
    return { index, offer, agency, channel, applicant, steps };
  }
  const period = workingDaysOf(ir.periods[channel]);
  t = afterWorking(calendar, t, Math.min(0.2, period * 0.05));
  const department = province.department.code;
  if (ir.stages.length > 0) {
    const first = ir.stages[0];
    const stageAgency = (level: string): string => (level === 'commune' && offer.level === 'commune' ? agency : level === 'commune' ? (province.communes[0] as { code: string }).code : department);
    r('reception', 'transfer', { handover: stageAgency(first?.level ?? 'commune') });
    for (const [i, stage] of ir.stages.entries()) {
      const here = stageAgency(stage.level);
      const budget = workingDaysOf(stage.budget);
      const took = budget * (draws.stages[i] as number);
      if (i === 0 && draws.supplement && ir.supplementLimit > 0) {
        t = afterWorking(calendar, t, took * 0.3);
        steps.push({ at: t, command: 'request-supplement', actor: 'specialist', agency: here, items: ['Bổ sung giấy tờ theo yêu cầu'] });
        t = afterWorking(calendar, t, draws.supplementDays);
        r(channel === 'online' ? 'applicant' : 'reception', 'provide-supplement');
        t = afterWorking(calendar, t, took * 0.7);
      } else {
        t = afterWorking(calendar, t, took);
      }
      if (i === 0 && draws.rejected) {
        steps.push({ at: t, command: 'reject', actor: 'specialist', agency: here, reasons: ['Không đủ điều kiện theo quy định'] });
        break;
      }
      const next = ir.stages[i + 1];
      steps.push({ at: t, command: 'complete-stage', actor: 'approver', agency: here, ...(next === undefined ? { handover: agency } : { handover: stageAgency(next.level) }) });
    }
    if (steps[steps.length - 1]?.command === 'reject') return { index, offer, agency, channel, applicant, steps };
  } else {
    r('reception', 'transfer');
    const took = period * draws.processing;
    if (draws.supplement && ir.supplementLimit > 0) {
      t = afterWorking(calendar, t, took * 0.3);
      r('specialist', 'request-supplement', { items: ['Bổ sung giấy tờ theo yêu cầu'] });
      t = afterWorking(calendar, t, draws.supplementDays);
      r(channel === 'online' ? 'applicant' : 'reception', 'provide-supplement');
      t = afterWorking(calendar, t, took * 0.4);
    } else {
      t = afterWorking(calendar, t, took * 0.7);
    }
    if (draws.rejected) {
      r('specialist', 'reject', { reasons: ['Không đủ điều kiện theo quy định'] });
      return { index, offer, agency, channel, applicant, steps };
    }
    r('specialist', 'appraise');
    if (draws.payment && (ir.procedure.startsWith('1.01') || ir.procedure === '1.001612')) {
      t = afterWorking(calendar, t, took * 0.1);
      r('specialist', 'request-payment');
      t = afterWorking(calendar, t, 1 + rnd.float() * 2);
      r('reception', 'confirm-payment');
    }
    t = afterWorking(calendar, t, took * 0.3);
    r('approver', 'approve');
  }
  t = afterWorking(calendar, t, draws.collectDays);
  if (channel === 'online' && !full) {
    r('reception', 'present-originals');
    t += 5 * 60_000;
  }
  r('reception', 'return', { method: full && channel !== 'in-person' ? 'online' : channel === 'postal' ? 'post' : 'in-person' });
  return { index, offer, agency, channel, applicant, steps };
}

/** Arrival moments of `count` dossiers over a year: working days weighted, office hours, some online at night. */
export function arrivals(count: number, year: number, calendar: WorkingCalendar, rnd: Random): number[] {
  const start = dayOf(Date.UTC(year, 0, 1, 0, 0));
  const end = dayOf(Date.UTC(year + 1, 0, 1, 0, 0));
  const days: number[] = [];
  for (let d = start; d < end; d++) if (calendar.isWorkingDay(d)) days.push(d);
  const out: number[] = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const day = days[Math.floor((i / count) * days.length)] as number;
    const minutes = rnd.chance(0.1) ? rnd.int(0, 24 * 60 - 1) : OPEN + rnd.int(0, CLOSE - OPEN - 1);
    out[i] = msOfMoment({ day, minutes });
  }
  return out.sort((a, b) => a - b);
}

export { DAY };
