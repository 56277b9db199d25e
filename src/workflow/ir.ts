import type { Component, Condition, Duration, Fact, Procedure } from '../../generated/types/catalogue.js';
import { entriesOf } from '../util/records.js';

/**
 * The workflow IR (our own plain data, DESIGN.md "workflow IR"): what one procedure changes
 * in the common dossier lifecycle — its channels, online level, "4 tại chỗ", supplement
 * limit, statutory periods, interconnected stages, and the components (with the conditions
 * that make them required). The lifecycle graph itself is derived from these parameters by
 * {@link lifecycle} (lifecycle.ts), once, for every procedure; the XState backend
 * (machine.ts) emits a machine from that graph. Everything here is JSON.
 */

/** Submission channels (kênh nộp hồ sơ). */
export type ChannelKey = 'in-person' | 'online' | 'postal';

/** All channels, in display order. */
export const CHANNELS: readonly ChannelKey[] = ['in-person', 'online', 'postal'];

/** A statutory period; `unit` absent when the catalogue only has a bare number. */
export interface IRPeriod {
  value: number;
  unit?: 'working-days' | 'days' | 'hours' | 'months';
  sameDayCutoff?: string;
}

/** A component with the condition that makes it required. */
export interface IRComponent {
  id: string;
  name: string;
  kind: 'submit' | 'present';
  /** `true` = always required; a condition on facts; or `false` = optional ("nếu có"). */
  required: Condition | boolean;
  /** The case (trường hợp) it belongs to, when the law lists it per case. */
  case?: string;
}

/** A case of the procedure: required when its condition holds, or when the applicant selects it. */
export interface IRCase {
  id: string;
  name: string;
  when?: Condition;
}

/** A fact the applicant answers, with its type (for the generated `Facts` type). */
export interface IRFact {
  name: string;
  type: 'boolean' | 'enum' | 'number';
  options?: string[];
}

/** A stage of an interconnected procedure (liên thông), with its duration budget. */
export interface IRStage {
  id: string;
  name: string;
  level: string;
  budget?: IRPeriod;
}

/** The parameters of one procedure's workflow. */
export interface WorkflowIR {
  /** IR format version. */
  version: 1;
  procedure: string;
  name: string;
  /** Channels a dossier may be submitted through. */
  channels: ChannelKey[];
  /** Online service level (Decree 42/2022/NĐ-CP art. 11); `unknown` when the catalogue does not say. */
  online: 'full' | 'partial' | 'none' | 'unknown';
  /** "4 tại chỗ": received, appraised, approved and returned on the spot, same day. */
  fourOnSpot: boolean;
  /** How many supplement notices the procedure allows (1 when the catalogue does not say). */
  supplementLimit: number;
  /** Whether the limit was stated by the catalogue (else the default of one notice). */
  supplementLimitStated: boolean;
  /** Overall period per channel; null when the channel has no usable period. */
  periods: Partial<Record<ChannelKey, IRPeriod | null>>;
  stages: IRStage[];
  components: IRComponent[];
  cases: IRCase[];
  facts: IRFact[];
}

function period(d: Duration | undefined): IRPeriod | null {
  if (d === undefined || typeof d.value !== 'number') return null;
  const p: IRPeriod = { value: d.value };
  if (d.unit !== undefined) p.unit = d.unit;
  if (d.sameDayCutoff !== undefined) p.sameDayCutoff = d.sameDayCutoff;
  return p;
}

function component(c: Component, caseId?: string): IRComponent {
  const required: Condition | boolean = c.optional === true ? false : c.when ?? true;
  const out: IRComponent = { id: c.id, name: c.name, kind: c.kind, required };
  if (caseId !== undefined) out.case = caseId;
  return out;
}

/**
 * The workflow IR of a (resolved) procedure.
 *
 * - Channels: those the procedure lists; none listed → in person only. `online: none`
 *   removes the online channel.
 * - The supplement limit defaults to one notice ("hướng dẫn một lần", the one-stop rule)
 *   when `supplement.maxRequests` is absent; `supplementLimitStated` says which.
 *
 * @example
 * const ir = buildWorkflow(catalogue.resolve('1.001193')!.procedure);
 * ir.channels // ['in-person', 'online', 'postal']
 * ir.supplementLimit // 1
 */
export function buildWorkflow(p: Procedure): WorkflowIR {
  const listed = CHANNELS.filter((c) => p.channels?.[c] !== undefined);
  let channels = listed.length > 0 ? [...listed] : (['in-person'] as ChannelKey[]);
  const online = p.online ?? 'unknown';
  if (online === 'none') channels = channels.filter((c) => c !== 'online');
  if (channels.length === 0) channels = ['in-person'];
  const periods: Partial<Record<ChannelKey, IRPeriod | null>> = {};
  for (const c of channels) periods[c] = period(p.channels?.[c]?.duration);
  const cases = (p.cases ?? []).map((k) => (k.when !== undefined ? { id: k.id, name: k.name, when: k.when } : { id: k.id, name: k.name }));
  const components = [
    ...(p.components ?? []).map((c) => component(c)),
    ...(p.cases ?? []).flatMap((k) => k.components.map((c) => component(c, k.id))),
  ];
  const facts = entriesOf<Fact>(p.facts).map(([name, f]) => {
    const fact: IRFact = { name, type: f.type };
    if (f.type === 'enum') fact.options = (f.options ?? []).map((o) => o.value);
    return fact;
  });
  const stages = (p.stages ?? []).map((s) => {
    const budget = period(s.budget);
    return budget !== null ? { id: s.id, name: s.name, level: s.level, budget } : { id: s.id, name: s.name, level: s.level };
  });
  return {
    version: 1,
    procedure: p.code,
    name: p.name ?? p.code,
    channels,
    online,
    fourOnSpot: p.fourOnSpot === true,
    supplementLimit: p.supplement?.maxRequests ?? 1,
    supplementLimitStated: p.supplement?.maxRequests !== undefined,
    periods,
    stages,
    components,
    cases,
    facts,
  };
}
