import type { Channel, Component, Condition, Fact, Fee, LegalRef, Procedure } from '../../generated/types/catalogue.js';
import { evaluateCondition, evaluateKnown, factsIn, type FactValues } from '../catalogue/evaluate.js';
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

/** One possible answer to an open question, and the components it would make required. */
export interface QuestionAnswer {
  value: boolean | string;
  label?: string;
  labelEn?: string;
  /** Ids of the components this answer makes required (among those still undecided). */
  adds: string[];
}

/** A fact the applicant has not answered yet, on which some components depend. */
export interface OpenQuestion {
  fact: string;
  type: 'boolean' | 'enum' | 'number';
  question?: string;
  questionEn?: string;
  /** The answers and what each adds (a number fact lists none: any value may count). */
  answers: QuestionAnswer[];
}

/** The checklist of a procedure for one applicant. */
export interface Checklist {
  procedure: string;
  name: string;
  components: ChecklistItem[];
  /** Optional components ("nếu có") that apply to the applicant's case. */
  optional: ChecklistItem[];
  /**
   * Components that depend on facts the applicant has not answered yet: neither listed as
   * required nor silently dropped (answer the {@link Checklist.questions} to decide them).
   */
  undecided: ChecklistItem[];
  /** The unanswered facts the undecided components depend on, with what each answer adds. */
  questions: OpenQuestion[];
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

/** The unanswered facts that decide the undecided components, with what each answer adds. */
function openQuestions(procedure: Procedure, facts: FactValues, undecided: readonly { item: ChecklistItem; conditions: Condition[] }[]): OpenQuestion[] {
  const declared = (procedure.facts ?? {}) as Record<string, Fact>;
  const open: string[] = [];
  for (const u of undecided) {
    for (const c of u.conditions) for (const f of factsIn(c)) if (facts[f] === undefined && !open.includes(f) && declared[f] !== undefined) open.push(f);
  }
  return open.map((name) => {
    const fact = declared[name] as Fact;
    const q: OpenQuestion = { fact: name, type: fact.type, answers: [] };
    if (fact.question !== undefined) q.question = fact.question;
    if (fact.questionEn !== undefined) q.questionEn = fact.questionEn;
    const values: { value: boolean | string; label?: string; labelEn?: string }[] = fact.type === 'boolean'
      ? [{ value: true }, { value: false }]
      : fact.type === 'enum'
        ? (fact.options ?? []).map((o) => ({ value: o.value, ...(o.label !== undefined ? { label: o.label } : {}), ...(o.labelEn !== undefined ? { labelEn: o.labelEn } : {}) }))
        : [];
    for (const v of values) {
      const answered = { ...facts, [name]: v.value };
      const adds = undecided.filter((u) => u.conditions.every((c) => evaluateKnown(c, answered) === true)).map((u) => u.item.id);
      q.answers.push({ ...v, adds });
    }
    return q;
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
  const components: ChecklistItem[] = [];
  const optional: ChecklistItem[] = [];
  const undecided: { item: ChecklistItem; conditions: Condition[] }[] = [];
  // Whether a case applies: its condition (three-valued), or the applicant's choice.
  const caseState = (caseId: string): boolean | undefined => {
    const k = ir.cases.find((c) => c.id === caseId);
    if (k === undefined) return false;
    if (k.when !== undefined) return evaluateKnown(k.when, facts);
    return (applicant.cases ?? []).includes(caseId);
  };
  const visit = (c: Component, caseId?: string): void => {
    const inCase = caseId === undefined ? true : caseState(caseId);
    if (inCase === false) return;
    const own = c.when === undefined ? true : evaluateKnown(c.when, facts);
    if (own === false) return;
    const conditions = [
      ...(caseId !== undefined && inCase === undefined ? [ir.cases.find((k) => k.id === caseId)?.when as Condition] : []),
      ...(own === undefined ? [c.when as Condition] : []),
    ];
    if (c.optional === true) {
      if (conditions.length === 0) optional.push(item(c, caseId));
      return;
    }
    if (conditions.length === 0) components.push(item(c, caseId));
    else undecided.push({ item: item(c, caseId), conditions });
  };
  for (const c of procedure.components ?? []) visit(c);
  for (const k of procedure.cases ?? []) for (const c of k.components) visit(c, k.id);
  const questions = openQuestions(procedure, facts, undecided);
  const fees: Partial<Record<ChannelKey, ChecklistFee[]>> = {};
  for (const ch of CHANNELS) if (procedure.channels?.[ch] !== undefined) fees[ch] = feesFor(procedure.channels[ch], facts);
  const result: Checklist = {
    procedure: procedure.code, name: procedure.name ?? procedure.code, components, optional,
    undecided: undecided.map((u) => u.item), questions, fees,
  };
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
