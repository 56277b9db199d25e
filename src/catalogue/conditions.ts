import type { Channel, Condition, Fact, Procedure } from '../../generated/types/catalogue.js';
import { entriesOf } from '../util/records.js';
import { both } from '../diagnostics/diagnostic.js';
import { closest } from '../util/suggest.js';
import type { Issue } from './issue.js';
import { toPointer } from './source.js';

/** The comparison operators of a condition on one fact. */
const COMPARATORS = ['is', 'in', 'gt', 'gte', 'lt', 'lte'] as const;
const COMBINATORS = ['all', 'any', 'not'] as const;

type ConditionObject = Exclude<Condition, string>;

/** Every `when` of a procedure, with its JSON pointer. */
export function conditionsOf(p: Procedure): { pointer: string; condition: Condition }[] {
  const out: { pointer: string; condition: Condition }[] = [];
  const add = (segments: (string | number)[], c: Condition | undefined) => {
    if (c !== undefined) out.push({ pointer: toPointer([...segments, 'when']), condition: c });
  };
  p.components?.forEach((c, i) => add(['components', i], c.when));
  p.cases?.forEach((k, i) => {
    add(['cases', i], k.when);
    k.components.forEach((c, j) => add(['cases', i, 'components', j], c.when));
  });
  for (const [name, channel] of entriesOf<Channel>(p.channels)) {
    channel.fees?.forEach((f, i) => add(['channels', name, 'fees', i], f.when));
    channel.durationCases?.forEach((d, i) => add(['channels', name, 'durationCases', i], d.when));
  }
  return out;
}

/**
 * Checks a condition against the declared facts: every fact exists, each comparison fits
 * the fact's type (an enum fact is compared with its option values), and each object has
 * exactly one form. Returns issues with pointers; nothing here knows about lines.
 */
export function checkCondition(condition: Condition, pointer: string, facts: Readonly<Record<string, Fact>>): Issue[] {
  const issues: Issue[] = [];
  const stack: { c: Condition; at: string }[] = [{ c: condition, at: pointer }];
  while (stack.length > 0) {
    const { c, at } = stack.pop() as { c: Condition; at: string };
    if (typeof c === 'string') {
      const fact = facts[c];
      if (fact === undefined) issues.push(unknownFact(c, at, facts));
      else if (fact.type !== 'boolean') {
        issues.push(invalid(at, both(
          `"${c}" là câu hỏi kiểu ${fact.type}, không dùng một mình được; viết {fact: ${c}, is: …}.`,
          `"${c}" is a ${fact.type} fact and cannot stand alone; write {fact: ${c}, is: …}.`,
        )));
      }
      continue;
    }
    const obj = c as ConditionObject;
    const forms = [obj.fact !== undefined ? 'fact' : null, ...COMBINATORS.filter((k) => obj[k] !== undefined)].filter((x) => x !== null);
    const comparators = COMPARATORS.filter((k) => obj[k] !== undefined);
    if (forms.length !== 1) {
      issues.push(invalid(at, forms.length === 0
        ? both('thiếu "fact", "all", "any" hoặc "not".', 'it needs "fact", "all", "any" or "not".')
        : both(`chỉ được dùng một trong ${forms.join(', ')} trong cùng một điều kiện.`, `use only one of ${forms.join(', ')} in one condition.`)));
      continue;
    }
    if (obj.all !== undefined) obj.all.forEach((sub, i) => stack.push({ c: sub, at: `${at}/all/${i}` }));
    if (obj.any !== undefined) obj.any.forEach((sub, i) => stack.push({ c: sub, at: `${at}/any/${i}` }));
    if (obj.not !== undefined) stack.push({ c: obj.not, at: `${at}/not` });
    if (obj.fact === undefined) {
      if (comparators.length > 0) {
        issues.push(invalid(at, both(`"${comparators.join(', ')}" chỉ dùng cùng "fact".`, `"${comparators.join(', ')}" only goes with "fact".`)));
      }
      continue;
    }
    const fact = facts[obj.fact];
    if (fact === undefined) {
      issues.push(unknownFact(obj.fact, `${at}/fact`, facts));
      continue;
    }
    if (comparators.length > 1) {
      issues.push(invalid(at, both(`chỉ dùng một phép so sánh, đang có ${comparators.join(', ')}.`, `use one comparison; found ${comparators.join(', ')}.`)));
      continue;
    }
    const op = comparators[0];
    if (op === undefined) {
      if (fact.type !== 'boolean') {
        issues.push(invalid(at, both(`câu hỏi "${obj.fact}" kiểu ${fact.type} cần một phép so sánh (is, in…).`, `fact "${obj.fact}" is a ${fact.type} and needs a comparison (is, in…).`)));
      }
      continue;
    }
    const values = op === 'in' ? (obj.in ?? []) : [obj[op]];
    issues.push(...checkValues(fact, obj.fact, op, values, `${at}/${op}`));
  }
  return issues;
}

function checkValues(fact: Fact, name: string, op: string, values: unknown[], at: string): Issue[] {
  if ((op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') && fact.type !== 'number') {
    return [invalid(at, both(`phép "${op}" chỉ dùng cho câu hỏi kiểu number; "${name}" là ${fact.type}.`, `"${op}" only applies to number facts; "${name}" is ${fact.type}.`))];
  }
  const issues: Issue[] = [];
  values.forEach((v, i) => {
    const where = op === 'in' ? `${at}/${i}` : at;
    if (fact.type === 'boolean' && typeof v !== 'boolean') {
      issues.push(invalid(where, both(`"${name}" là câu hỏi có/không: so sánh với true hoặc false.`, `"${name}" is a yes/no fact: compare it with true or false.`)));
    } else if (fact.type === 'number' && typeof v !== 'number') {
      issues.push(invalid(where, both(`"${name}" là câu hỏi kiểu số: so sánh với một con số.`, `"${name}" is a number fact: compare it with a number.`)));
    } else if (fact.type === 'enum') {
      const options = (fact.options ?? []).map((o) => o.value);
      if (!options.includes(String(v)) || typeof v !== 'string') {
        const near = typeof v === 'string' ? closest(v, options) : undefined;
        const hint = near === undefined ? '' : ` (${near}?)`;
        issues.push(invalid(where, both(
          `"${String(v)}" không phải lựa chọn của "${name}"; các lựa chọn: ${options.join(', ')}${hint}.`,
          `"${String(v)}" is not an option of "${name}"; options: ${options.join(', ')}${hint}.`,
        )));
      }
    }
  });
  return issues;
}

function unknownFact(name: string, at: string, facts: Readonly<Record<string, Fact>>): Issue {
  const names = Object.keys(facts);
  const near = closest(name, names);
  const suggestion = near !== undefined
    ? both(`Có phải ý bạn là "${near}"?`, `Did you mean "${near}"?`)
    : both(`Khai báo "${name}" trong facts (type, question).`, `Declare "${name}" under facts (type, question).`);
  return { id: 'unknown-fact', pointer: at, mode: 'value', data: { fact: name, suggestion } };
}

function invalid(at: string, detail: ReturnType<typeof both>): Issue {
  return { id: 'invalid-condition', pointer: at, mode: 'value', data: { detail } };
}

export { evaluateCondition, type FactValues } from './evaluate.js';
