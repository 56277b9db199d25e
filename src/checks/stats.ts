import type { Procedure } from '../../generated/types/catalogue.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { compareCodePoints } from '../catalogue/files.js';
import { componentsOf } from './index-build.js';
import { RULES } from './registry.js';
import type { CheckResult } from './run.js';

/**
 * Statistics the seeds report (procedures per level, share with "4 tại chỗ", share online
 * full / partial / none, per field), findings per rule, how the shares would change if the
 * candidates were designated, and compliance cost per Circular 02/2017/TT-VPCP art. 27:
 * cost of one filing = the cost of the tasks (preparing each required component: money and
 * hours × hourly income) + fees + other costs; yearly = that × times per year × applicants
 * per year; after = the same without the components the checks flag as redundant.
 */

const LEVELS = ['ministry', 'province', 'commune', 'other', 'district'] as const;
const ONLINE = ['full', 'partial', 'none', 'unknown'] as const;
/** Rules whose findings on a component mean it can go (its cost is saved). */
const REMOVABLE = new Set(['duplicate-component', 'abolished-document', 'once-only', 'issued-by-catalogue']);

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10;
}

/** Compliance cost of one procedure. */
export interface ComplianceCost {
  code: string;
  name: string;
  perFiling: number;
  perYear: number;
  afterPerFiling: number;
  afterPerYear: number;
  savingPerYear: number;
  removedComponents: string[];
}

/** The statistics of a catalogue. */
export interface Stats {
  procedures: number;
  levels: Record<(typeof LEVELS)[number], number>;
  fourOnSpot: { designated: number; share: number; candidates: number; shareIfDesignated: number };
  online: Record<(typeof ONLINE)[number], number> & { fullShare: number; candidates: number; fullShareIfDesignated: number };
  fields: { field: string; procedures: number; fourOnSpot: number; onlineFull: number }[];
  findings: Record<string, number>;
  compliance: { procedures: ComplianceCost[]; perYear: number; afterPerYear: number; savingPerYear: number };
  /** Triaged and open findings, when a baseline was given. */
  triage?: { open: number; accepted: number; dismissed: number; gone: number };
}

function costOf(p: Procedure, removed: ReadonlySet<string>): { perFiling: number; removed: string[] } {
  const c = p.compliance ?? {};
  const hourly = c.hourlyIncome ?? 0;
  let perFiling = c.otherCosts ?? 0;
  const gone: string[] = [];
  for (const { component, pointer } of componentsOf(p)) {
    if (component.optional === true || component.cost === undefined) continue;
    if (removed.has(pointer)) {
      gone.push(component.id);
      continue;
    }
    perFiling += (component.cost.amount ?? 0) + (component.cost.hours ?? 0) * hourly;
  }
  const fees = p.channels?.['in-person']?.fees ?? Object.values(p.channels ?? {})[0]?.fees ?? [];
  perFiling += fees.filter((f) => f.when === undefined && f.currency !== 'USD').reduce((n, f) => n + f.amount, 0);
  return { perFiling, removed: gone };
}

/** Computes the statistics of the procedures checked. */
export function computeStats(catalogue: Catalogue, result: CheckResult, codes: readonly string[]): Stats {
  const levels = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Stats['levels'];
  const online = Object.fromEntries(ONLINE.map((o) => [o, 0])) as Record<(typeof ONLINE)[number], number>;
  const fields = new Map<string, { procedures: number; fourOnSpot: number; onlineFull: number }>();
  let fourOnSpot = 0;
  const findings: Record<string, number> = Object.fromEntries(RULES.map((r) => [r.id, 0]));
  for (const f of result.findings) findings[f.id] = (findings[f.id] ?? 0) + 1;
  const candidates = (rule: string): number => new Set(result.findings.filter((f) => f.id === rule).map((f) => f.procedure)).size;
  // Components the checks say can go, by procedure: their pointers.
  const flagged = new Map<string, string[]>();
  for (const f of result.findings) {
    if (!REMOVABLE.has(f.id) || f.procedure === null) continue;
    flagged.set(f.procedure, [...(flagged.get(f.procedure) ?? []), f.pointer]);
  }
  const costs: ComplianceCost[] = [];
  for (const code of codes) {
    const p = catalogue.resolve(code)?.procedure;
    if (p === undefined) continue;
    for (const l of p.levels ?? []) levels[l]++;
    if (p.fourOnSpot === true) fourOnSpot++;
    online[p.online ?? 'unknown']++;
    const field = p.field ?? '—';
    const f = fields.get(field) ?? { procedures: 0, fourOnSpot: 0, onlineFull: 0 };
    f.procedures++;
    if (p.fourOnSpot === true) f.fourOnSpot++;
    if (p.online === 'full') f.onlineFull++;
    fields.set(field, f);
    const c = p.compliance;
    if (c?.applicantsPerYear !== undefined) {
      const pointers = flagged.get(code) ?? [];
      const removed = new Set(componentsOf(p).map((x) => x.pointer).filter((ptr) => pointers.some((q) => q === ptr || q.startsWith(`${ptr}/`))));
      const times = (c.timesPerYear ?? 1) * c.applicantsPerYear;
      const before = costOf(p, new Set());
      const after = costOf(p, removed);
      costs.push({
        code, name: p.name ?? code, perFiling: before.perFiling, perYear: before.perFiling * times,
        afterPerFiling: after.perFiling, afterPerYear: after.perFiling * times, savingPerYear: (before.perFiling - after.perFiling) * times,
        removedComponents: after.removed,
      });
    }
  }
  const n = codes.length;
  const fourCandidates = candidates('four-on-spot-candidate');
  const onlineCandidates = candidates('online-full-candidate');
  return {
    procedures: n,
    levels,
    fourOnSpot: { designated: fourOnSpot, share: share(fourOnSpot, n), candidates: fourCandidates, shareIfDesignated: share(fourOnSpot + fourCandidates, n) },
    online: { ...online, fullShare: share(online.full, n), candidates: onlineCandidates, fullShareIfDesignated: share(online.full + onlineCandidates, n) },
    fields: [...fields].sort(([a], [b]) => compareCodePoints(a, b)).map(([field, v]) => ({ field, ...v })),
    findings,
    compliance: {
      procedures: costs,
      perYear: costs.reduce((s, c) => s + c.perYear, 0),
      afterPerYear: costs.reduce((s, c) => s + c.afterPerYear, 0),
      savingPerYear: costs.reduce((s, c) => s + c.savingPerYear, 0),
    },
  };
}
