import type { Condition } from '../../generated/types/catalogue.js';

/**
 * Evaluating conditions (`when`) on an applicant's answers: the rules-as-code core that a
 * checklist, a workflow guard and the browser share. Pure; imports nothing of the loader.
 */

/** The answers an applicant gives to a procedure's facts. */
export type FactValues = Readonly<Record<string, boolean | string | number | undefined>>;

type ConditionObject = Exclude<Condition, string>;

/**
 * Evaluates a (checked) condition for an applicant's answers. An unanswered fact makes
 * its comparison false; use {@link evaluateKnown} to tell "no" from "not answered yet".
 *
 * @example
 * evaluateCondition({ fact: 'age', gte: 14 }, { age: 15 }) // true
 */
export function evaluateCondition(condition: Condition, values: FactValues): boolean {
  return evaluateKnown(condition, values) === true;
}

/**
 * Three-valued evaluation: `true` or `false` when the answers decide the condition,
 * `undefined` when it depends on a fact not answered yet (Kleene logic: `any` with one true
 * part is true whatever the others; `all` with one false part is false).
 *
 * @example
 * evaluateKnown({ all: ['married', { fact: 'age', gte: 18 }] }, { married: false }) // false
 * evaluateKnown({ all: ['married', { fact: 'age', gte: 18 }] }, { married: true })  // undefined
 */
export function evaluateKnown(condition: Condition, values: FactValues): boolean | undefined {
  if (typeof condition === 'string') {
    const v = values[condition];
    return v === undefined ? undefined : v === true;
  }
  const c = condition as ConditionObject;
  if (c.all !== undefined) {
    let unknown = false;
    for (const s of c.all) {
      const r = evaluateKnown(s, values);
      if (r === false) return false;
      if (r === undefined) unknown = true;
    }
    return unknown ? undefined : true;
  }
  if (c.any !== undefined) {
    let unknown = false;
    for (const s of c.any) {
      const r = evaluateKnown(s, values);
      if (r === true) return true;
      if (r === undefined) unknown = true;
    }
    return unknown ? undefined : false;
  }
  if (c.not !== undefined) {
    const r = evaluateKnown(c.not, values);
    return r === undefined ? undefined : !r;
  }
  if (c.fact === undefined) return false;
  const v = values[c.fact];
  if (v === undefined) return undefined;
  if (c.is !== undefined) return v === c.is;
  if (c.in !== undefined) return c.in.some((x) => x === v);
  if (typeof v !== 'number') return c.gt === undefined && c.gte === undefined && c.lt === undefined && c.lte === undefined && v === true;
  if (c.gt !== undefined) return v > c.gt;
  if (c.gte !== undefined) return v >= c.gte;
  if (c.lt !== undefined) return v < c.lt;
  if (c.lte !== undefined) return v <= c.lte;
  return false;
}

/** The facts a condition reads, in first-use order. */
export function factsIn(condition: Condition): string[] {
  const out: string[] = [];
  const visit = (x: Condition): void => {
    if (typeof x === 'string') {
      if (!out.includes(x)) out.push(x);
      return;
    }
    const c = x as ConditionObject;
    for (const s of [...(c.all ?? []), ...(c.any ?? [])]) visit(s);
    if (c.not !== undefined) visit(c.not);
    if (c.fact !== undefined && !out.includes(c.fact)) out.push(c.fact);
  };
  visit(condition);
  return out;
}
