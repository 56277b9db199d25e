import type { WorkflowIR } from '../workflow/ir.js';

/** An applicant's answers to the procedure's questions. */
type FactValues = Readonly<Record<string, string | number | boolean | undefined>>;
import { EngineError } from './errors.js';

/**
 * Checks what an applicant or officer sends against the procedure it is for: facts are the
 * procedure's questions with values of their type, components and cases are its own ids. A
 * wrong answer would make the completeness check wrong, so it is refused, never guessed.
 */

/** Throws `invalid-facts` unless every fact is declared and of its type. */
export function checkFacts(ir: WorkflowIR, facts: FactValues | undefined): void {
  if (facts === undefined) return;
  for (const [name, value] of Object.entries(facts)) {
    const fact = ir.facts.find((f) => f.name === name);
    if (fact === undefined) {
      const known = ir.facts.map((f) => f.name).join(', ') || '—';
      throw new EngineError('invalid-facts', { detail: { vi: `không có câu hỏi "${name}" (có: ${known}).`, en: `no question "${name}" (known: ${known}).` } });
    }
    const ok = fact.type === 'boolean' ? typeof value === 'boolean'
      : fact.type === 'number' ? typeof value === 'number' && Number.isFinite(value)
        : typeof value === 'string' && (fact.options ?? []).includes(value);
    if (!ok) {
      const expected = fact.type === 'enum' ? (fact.options ?? []).join(' | ') : fact.type;
      throw new EngineError('invalid-facts', {
        detail: { vi: `"${name}" = ${JSON.stringify(value)} không hợp lệ; cần ${expected}.`, en: `"${name}" = ${JSON.stringify(value)} is not valid; expected ${expected}.` },
      });
    }
  }
}

/** Throws `invalid-command` unless every id is one of the procedure's components. */
export function checkComponents(ir: WorkflowIR, ids: readonly string[] | undefined): void {
  if (ids === undefined) return;
  const known = new Set(ir.components.map((c) => c.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new EngineError('invalid-command', {
      detail: { vi: `thủ tục ${ir.procedure} không có thành phần: ${unknown.join(', ')}.`, en: `procedure ${ir.procedure} has no component: ${unknown.join(', ')}.` },
    });
  }
}

/** Throws `invalid-command` unless every id is one of the procedure's cases. */
export function checkCases(ir: WorkflowIR, ids: readonly string[] | undefined): void {
  if (ids === undefined) return;
  const known = new Set(ir.cases.map((c) => c.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new EngineError('invalid-command', {
      detail: { vi: `thủ tục ${ir.procedure} không có trường hợp: ${unknown.join(', ')}.`, en: `procedure ${ir.procedure} has no case: ${unknown.join(', ')}.` },
    });
  }
}

/** Throws `invalid-command` when written reasons are required and none is given. */
export function checkReasons(required: boolean, reasons: readonly string[] | undefined, label: { vi: string; en: string }): void {
  if (!required) return;
  if (reasons === undefined || reasons.length === 0 || reasons.some((r) => r.trim() === '')) {
    throw new EngineError('invalid-command', {
      detail: { vi: `"${label.vi}" phải nêu rõ lý do bằng văn bản (reasons).`, en: `"${label.en}" must state written reasons (reasons).` },
    });
  }
}
