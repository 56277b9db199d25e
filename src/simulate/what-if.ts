import { compileIR, type CompiledProcedure } from '../engine/procedures.js';
import type { Bilingual } from '../i18n/lang.js';
import type { ChannelKey, IRPeriod } from '../workflow/ir.js';

/**
 * What-if changes a simulation can compare against the catalogue as it is:
 *
 * - `four-on-spot=<code>`: the procedure is handled "4 tại chỗ" (received, decided and
 *   returned on the spot, same day) for dossiers filed in person;
 * - `stage-budget=<code>:<stage>:<working days>`: a stage of an interconnected procedure gets
 *   another budget (officers keep working at the same pace, so a shorter budget shows where
 *   lateness would arise);
 * - `period=<code>:<working days>`: the statutory period of every channel changes.
 */
export type WhatIf =
  | { kind: 'four-on-spot'; code: string }
  | { kind: 'stage-budget'; code: string; stage: string; days: number }
  | { kind: 'period'; code: string; days: number };

/** A what-if that cannot be read or applied. */
export class WhatIfError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

/** Reads a what-if specification. */
export function parseWhatIf(spec: string): WhatIf {
  const [kind, rest = ''] = spec.split('=', 2) as [string, string | undefined];
  const parts = rest.split(':');
  const days = (s: string | undefined): number => {
    const n = Number(s);
    if (s === undefined || s === '' || !Number.isFinite(n) || n < 0) throw new WhatIfError({ vi: `"${spec}": số ngày không hợp lệ.`, en: `"${spec}": invalid number of days.` });
    return n;
  };
  if (kind === 'four-on-spot' && parts.length === 1 && parts[0] !== '') return { kind, code: parts[0] as string };
  if (kind === 'stage-budget' && parts.length === 3) return { kind, code: parts[0] as string, stage: parts[1] as string, days: days(parts[2]) };
  if (kind === 'period' && parts.length === 2) return { kind, code: parts[0] as string, days: days(parts[1]) };
  throw new WhatIfError({
    vi: `Không hiểu phương án "${spec}". Dùng four-on-spot=<mã>, stage-budget=<mã>:<giai đoạn>:<ngày>, period=<mã>:<ngày>.`,
    en: `Cannot read the what-if "${spec}". Use four-on-spot=<code>, stage-budget=<code>:<stage>:<days>, period=<code>:<days>.`,
  });
}

/** The procedures with the what-ifs applied (each changed procedure gets a new revision). */
export function applyWhatIfs(procedures: readonly CompiledProcedure[], whatIfs: readonly WhatIf[]): CompiledProcedure[] {
  const byCode = new Map(procedures.map((p) => [p.code, p]));
  for (const w of whatIfs) {
    const p = byCode.get(w.code);
    if (p === undefined) throw new WhatIfError({ vi: `Không có thủ tục ${w.code} trong danh mục mô phỏng.`, en: `No procedure ${w.code} in the simulated catalogue.` });
    let ir = p.ir;
    if (w.kind === 'four-on-spot') ir = { ...ir, fourOnSpot: true };
    if (w.kind === 'stage-budget') {
      if (!ir.stages.some((s) => s.id === w.stage)) {
        throw new WhatIfError({ vi: `Thủ tục ${w.code} không có giai đoạn ${w.stage} (có: ${ir.stages.map((s) => s.id).join(', ') || '—'}).`, en: `Procedure ${w.code} has no stage ${w.stage} (has: ${ir.stages.map((s) => s.id).join(', ') || '—'}).` });
      }
      ir = { ...ir, stages: ir.stages.map((s) => (s.id === w.stage ? { ...s, budget: { value: w.days, unit: 'working-days' } } : s)) };
    }
    if (w.kind === 'period') {
      const periods: Partial<Record<ChannelKey, IRPeriod | null>> = {};
      for (const c of ir.channels) periods[c] = { value: w.days, unit: 'working-days' };
      ir = { ...ir, periods };
    }
    byCode.set(w.code, compileIR(ir, { field: p.meta.field, levels: p.meta.levels }));
  }
  return procedures.map((p) => byCode.get(p.code) as CompiledProcedure);
}
