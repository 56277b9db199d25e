import { describe, expect, it } from 'vitest';
import type { Fact } from '../generated/types/catalogue.js';
import { checkCondition, evaluateCondition } from '../src/catalogue/conditions.js';

const facts: Record<string, Fact> = {
  abroad: { type: 'boolean', question: 'Ở nước ngoài?' },
  relation: { type: 'enum', question: 'Quan hệ?', options: [{ value: 'parent', label: 'Cha mẹ' }, { value: 'relative', label: 'Người thân' }] },
  age: { type: 'number', question: 'Tuổi?' },
};

describe('conditions are evaluated for an applicant', () => {
  it.each([
    ['abroad', { abroad: true }, true],
    ['abroad', { abroad: false }, false],
    ['abroad', {}, false],
    [{ fact: 'relation', is: 'parent' }, { relation: 'parent' }, true],
    [{ fact: 'relation', in: ['relative'] }, { relation: 'parent' }, false],
    [{ fact: 'age', gte: 14 }, { age: 14 }, true],
    [{ fact: 'age', lt: 14 }, { age: 14 }, false],
    [{ all: ['abroad', { fact: 'age', gt: 17 }] }, { abroad: true, age: 18 }, true],
    [{ any: ['abroad', { fact: 'age', lte: 5 }] }, { abroad: false, age: 6 }, false],
    [{ not: 'abroad' }, { abroad: false }, true],
  ] as const)('%j with %j → %s', (condition, values, expected) => {
    expect(evaluateCondition(condition as never, values)).toBe(expected);
  });
});

describe('conditions are checked against the declared facts', () => {
  it('accepts well-formed conditions', () => {
    expect(checkCondition({ all: ['abroad', { fact: 'relation', in: ['parent', 'relative'] }, { not: { fact: 'age', gte: 14 } }] }, '/when', facts)).toEqual([]);
  });

  it('points at the exact sub-condition that is wrong', () => {
    const issues = checkCondition({ any: ['abroad', { fact: 'relation', is: 'grandparent' }, { fact: 'agee', gte: 1 }] }, '/components/0/when', facts);
    expect(issues.map((i) => `${i.id} ${i.pointer}`).sort()).toEqual([
      'invalid-condition /components/0/when/any/1/is',
      'unknown-fact /components/0/when/any/2/fact',
    ]);
  });

  it.each([
    [{ fact: 'age', is: 'old' }, 'invalid-condition'],
    [{ fact: 'abroad', gte: 1 }, 'invalid-condition'],
    [{ fact: 'relation' }, 'invalid-condition'],
    [{ fact: 'abroad', all: ['abroad'] }, 'invalid-condition'],
    [{ gte: 1 }, 'invalid-condition'],
    ['relation', 'invalid-condition'],
    ['nobody', 'unknown-fact'],
  ] as const)('%j is reported as %s', (condition, id) => {
    expect(checkCondition(condition as never, '/when', facts).map((i) => i.id)).toContain(id);
  });
});
