import type { Channel, Component, Fee, LegalRef, Procedure } from '../../generated/types/catalogue.js';
import { evaluateCondition, type FactValues } from '../catalogue/conditions.js';
import type { WorkingCalendar } from '../calendar/calendar.js';
import { formatMoment, type LocalMoment } from '../calendar/dates.js';
import type { SpanBasis } from '../calendar/calendar.js';
import { dueDate, PeriodError } from '../calendar/deadline.js';
import { buildWorkflow, CHANNELS, type ChannelKey, type IRComponent, type WorkflowIR } from './ir.js';

/**
 * Rules as code: given a procedure and an applicant's answers (facts), the exact dossier
 * (thành phần hồ sơ) to bring, the fee per channel and the due date. The same function
 * guards the workflow: a dossier cannot be received while a required component is missing.
 */

/** What the applicant declared: answers to the procedure's facts and, where the law lists cases, the cases that apply. */
export interface Applicant {
  facts?: FactValues;
  /** Case ids chosen by the applicant for cases that have no condition (imported procedures). */
  cases?: readonly string[];
}

/** Whether a case applies: its condition holds, or (no condition) the applicant chose it. */
function caseApplies(ir: Pick<WorkflowIR, 'cases'>, caseId: string, applicant: Applicant): boolean {
  const k = ir.cases.find((c) => c.id === caseId);
  if (k === undefined) return false;
  if (k.when !== undefined) return evaluateCondition(k.when, applicant.facts ?? {});
  return (applicant.cases ?? []).includes(caseId);
}

/**
 * The components an applicant must submit or present, in catalogue order.
 *
 * @example
 * requiredComponents(buildWorkflow(khaiSinh), { facts: { applicant: 'authorised' } }).map((c) => c.id)
 * // ['to-khai', 'van-ban-uy-quyen', 'giay-to-tuy-than', 'giay-to-cu-tru']
 */
export function requiredComponents(ir: Pick<WorkflowIR, 'components' | 'cases'>, applicant: Applicant): IRComponent[] {
  return ir.components.filter((c) => {
    if (c.case !== undefined && !caseApplies(ir, c.case, applicant)) return false;
    if (typeof c.required === 'boolean') return c.required;
    return evaluateCondition(c.required, applicant.facts ?? {});
  });
}

/**
 * Ids of required components not among those provided (what reception must ask for).
 *
 * @example
 * missingComponents(buildWorkflow(khaiSinh), { facts: { applicant: 'authorised' } }, ['to-khai', 'giay-to-tuy-than'])
 * // ['van-ban-uy-quyen', 'giay-to-cu-tru']
 */
export function missingComponents(ir: Pick<WorkflowIR, 'components' | 'cases'>, applicant: Applicant, provided: readonly string[]): string[] {
  const have = new Set(provided);
  return requiredComponents(ir, applicant).map((c) => c.id).filter((id) => !have.has(id));
}

/** One line of a checklist. */
export interface ChecklistItem {
  id: string;
  name: string;
  kind: 'submit' | 'present';
  form?: string;
  quantity?: { originals?: number; copies?: number };
  case?: string;
  /** The national database that can supply it instead (once-only). */
  dataSource?: string;
  legalBasis?: LegalRef[];
}

/** A fee that applies. */
export interface ChecklistFee {
  label?: string;
  amount: number;
  currency: string;
  per?: string;
  note?: string;
}

/** The checklist of a procedure for one applicant. */
export interface Checklist {
  procedure: string;
  name: string;
  components: ChecklistItem[];
  /** Optional components ("nếu có") that apply to the applicant's case. */
  optional: ChecklistItem[];
  fees: Partial<Record<ChannelKey, ChecklistFee[]>>;
  /** Due moment for the channel and submission time asked for. */
  due?: {
    channel: ChannelKey;
    submittedAt: string;
    due: string | null;
    /** What the due date's calendar rests on (announced, provisional or fallback years). */
    basis?: SpanBasis;
    reason?: 'unit-missing' | 'no-period' | 'channel-not-offered';
  };
}

function item(c: Component, caseId?: string): ChecklistItem {
  const out: ChecklistItem = { id: c.id, name: c.name, kind: c.kind };
  if (c.form !== undefined) out.form = c.form;
  if (c.quantity !== undefined) out.quantity = { ...c.quantity };
  if (caseId !== undefined) out.case = caseId;
  if (c.dataSource !== undefined) out.dataSource = c.dataSource;
  if (c.legalBasis !== undefined) out.legalBasis = c.legalBasis;
  return out;
}

function feesFor(channel: Channel | undefined, facts: FactValues): ChecklistFee[] {
  return (channel?.fees ?? [])
    .filter((f: Fee) => f.when === undefined || evaluateCondition(f.when, facts))
    .map((f: Fee) => {
      const fee: ChecklistFee = { amount: f.amount, currency: f.currency ?? 'VND' };
      if (f.label !== undefined) fee.label = f.label;
      if (f.per !== undefined) fee.per = f.per;
      if (f.note !== undefined) fee.note = f.note;
      return fee;
    });
}

/**
 * The checklist of a procedure for an applicant: required and optional components, fees per
 * channel, and — given a channel, a submission moment and a calendar — the due moment.
 *
 * @example
 * checklist(khaiSinh, { facts: { surrogacy: true } }, { channel: 'online', at: parseMoment('2026-02-13T15:30'), calendar })
 */
export function checklist(
  procedure: Procedure,
  applicant: Applicant,
  options: { channel?: ChannelKey; at?: LocalMoment; calendar?: WorkingCalendar } = {},
): Checklist {
  const ir = buildWorkflow(procedure);
  const facts = applicant.facts ?? {};
  const requiredIds = new Set(requiredComponents(ir, applicant).map((c) => `${c.case ?? ''}/${c.id}`));
  const components: ChecklistItem[] = [];
  const optional: ChecklistItem[] = [];
  const visit = (c: Component, caseId?: string): void => {
    if (requiredIds.has(`${caseId ?? ''}/${c.id}`)) components.push(item(c, caseId));
    else if (c.optional === true && (caseId === undefined || caseApplies(ir, caseId, applicant)) && (c.when === undefined || evaluateCondition(c.when, facts))) {
      optional.push(item(c, caseId));
    }
  };
  for (const c of procedure.components ?? []) visit(c);
  for (const k of procedure.cases ?? []) for (const c of k.components) visit(c, k.id);
  const fees: Partial<Record<ChannelKey, ChecklistFee[]>> = {};
  for (const ch of CHANNELS) if (procedure.channels?.[ch] !== undefined) fees[ch] = feesFor(procedure.channels[ch], facts);
  const result: Checklist = { procedure: procedure.code, name: procedure.name ?? procedure.code, components, optional, fees };
  if (options.channel !== undefined && options.at !== undefined && options.calendar !== undefined) {
    const submittedAt = formatMoment(options.at);
    const period = ir.periods[options.channel];
    if (!ir.channels.includes(options.channel)) {
      result.due = { channel: options.channel, submittedAt, due: null, reason: 'channel-not-offered' };
    } else if (period === null || period === undefined) {
      result.due = { channel: options.channel, submittedAt, due: null, reason: 'no-period' };
    } else {
      try {
        const d = dueDate(options.calendar, options.at, period);
        result.due = { channel: options.channel, submittedAt, due: formatMoment(d.due), basis: d.basis };
      } catch (error) {
        if (!(error instanceof PeriodError)) throw error;
        result.due = { channel: options.channel, submittedAt, due: null, reason: 'unit-missing' };
      }
    }
  }
  return result;
}
