import type { Channel, Component, Fact, Procedure } from '../../generated/types/catalogue.js';
import { entriesOf } from '../util/records.js';
import { both } from '../diagnostics/diagnostic.js';
import { closest } from '../util/suggest.js';
import { checkCondition, conditionsOf } from './conditions.js';
import type { Issue } from './issue.js';
import { toPointer } from './source.js';

/** What the per-procedure checks need to know about the rest of the catalogue. */
export interface CheckContext {
  /** The facts in scope: the procedure's own, plus its base's for a variant. */
  facts: Readonly<Record<string, Fact>>;
  documentIds: ReadonlySet<string>;
  databaseIds: ReadonlySet<string>;
  hasProcedure(code: string): boolean;
  /** Line of a pointer in this file, for "first used at line N" messages. */
  lineOf(pointer: string): number;
}

/** Every component of a procedure (common and per case), with its pointer. */
export function componentsOf(p: Procedure): { pointer: string; component: Component }[] {
  const out: { pointer: string; component: Component }[] = [];
  p.components?.forEach((c, i) => out.push({ pointer: toPointer(['components', i]), component: c }));
  p.cases?.forEach((k, i) => k.components.forEach((c, j) => out.push({ pointer: toPointer(['cases', i, 'components', j]), component: c })));
  return out;
}

function suggestion(id: string, known: Iterable<string>, registry: string): ReturnType<typeof both> {
  const near = closest(id, known);
  return near !== undefined
    ? both(`Có phải ý bạn là "${near}"?`, `Did you mean "${near}"?`)
    : both(`Thêm "${id}" vào danh mục ${registry} hoặc sửa mã.`, `Add "${id}" to the ${registry} registry or fix the id.`);
}

/**
 * Checks that need one whole procedure: the form of a national procedure or variant,
 * facts, conditions, unique ids, references into the registries and to other procedures,
 * and date ranges. Schema-valid input is assumed.
 */
export function checkProcedure(p: Procedure, ctx: CheckContext): Issue[] {
  const issues: Issue[] = [];
  const isVariant = p.variantOf !== undefined;

  // Form: a national procedure stands alone; a variant says where it applies.
  if (!isVariant) {
    for (const property of ['name', 'field', 'levels'] as const) {
      if (p[property] === undefined) issues.push({ id: 'incomplete-procedure', pointer: '', mode: 'owner', data: { property, what: both('Thủ tục quốc gia', 'The national procedure'), advice: both(`Thêm "${property}"; nếu đây là bản của tỉnh thì khai báo variantOf và jurisdiction.`, `Add "${property}"; if this is a provincial variant, declare variantOf and jurisdiction.`) } });
    }
    for (const property of ['jurisdiction', 'removeComponents'] as const) {
      if (p[property] !== undefined) issues.push({ id: 'variant-only-field', pointer: `/${property}`, mode: 'key', data: { property } });
    }
  } else if (p.jurisdiction === undefined) {
    issues.push({ id: 'incomplete-procedure', pointer: '/variantOf', mode: 'key', data: { property: 'jurisdiction', what: both('Bản của tỉnh', 'The provincial variant'), advice: both('Thêm jurisdiction: { province: …, name: … } cho biết tỉnh ban hành.', 'Add jurisdiction: { province: …, name: … } naming the province.') } });
  }

  // Facts: options only for enums, ranges only for numbers.
  for (const [name, fact] of entriesOf(p.facts)) {
    const at = toPointer(['facts', name]);
    const bad = (vi: string, en: string, prop: string) =>
      issues.push({ id: 'invalid-fact', pointer: prop === '' ? at : `${at}/${prop}`, mode: prop === '' ? 'key' : 'key', data: { fact: name, detail: both(vi, en) } });
    if (fact.type === 'enum' && fact.options === undefined) bad('kiểu enum nhưng không có options.', 'it is an enum without options.', '');
    if (fact.type !== 'enum' && fact.options !== undefined) bad(`options chỉ dùng cho kiểu enum, câu hỏi này là ${fact.type}.`, `options only go with enum; this fact is ${fact.type}.`, 'options');
    for (const prop of ['minimum', 'maximum', 'unit'] as const) {
      if (fact.type !== 'number' && fact[prop] !== undefined) bad(`${prop} chỉ dùng cho kiểu number.`, `${prop} only goes with number.`, prop);
    }
    if (fact.minimum !== undefined && fact.maximum !== undefined && fact.minimum > fact.maximum) {
      bad(`minimum ${fact.minimum} lớn hơn maximum ${fact.maximum}.`, `minimum ${fact.minimum} exceeds maximum ${fact.maximum}.`, 'minimum');
    }
    const seen = new Map<string, number>();
    fact.options?.forEach((o, i) => {
      const first = seen.get(o.value);
      const pointer = `${at}/options/${i}/value`;
      if (first !== undefined) {
        issues.push({ id: 'duplicate-id', pointer, mode: 'value', data: { kind: both('lựa chọn', 'option'), id: o.value, line: ctx.lineOf(`${at}/options/${first}/value`) } });
      } else seen.set(o.value, i);
    });
  }

  // Conditions against the facts in scope.
  for (const { pointer, condition } of conditionsOf(p)) issues.push(...checkCondition(condition, pointer, ctx.facts));

  // Unique ids: components across the whole procedure, then cases and stages.
  const componentIds = new Map<string, string>();
  for (const { pointer, component } of componentsOf(p)) {
    const first = componentIds.get(component.id);
    if (first !== undefined) {
      issues.push({ id: 'duplicate-component-id', pointer: `${pointer}/id`, mode: 'value', data: { id: component.id, line: ctx.lineOf(`${first}/id`) } });
    } else componentIds.set(component.id, pointer);
  }
  for (const [list, kind] of [[p.cases, both('trường hợp', 'case')], [p.stages, both('giai đoạn', 'stage')]] as const) {
    const name = list === p.cases ? 'cases' : 'stages';
    const seen = new Map<string, number>();
    list?.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        issues.push({ id: 'duplicate-id', pointer: toPointer([name, i, 'id']), mode: 'value', data: { kind, id: item.id, line: ctx.lineOf(toPointer([name, first, 'id'])) } });
      } else seen.set(item.id, i);
    });
  }

  // References into the registries.
  for (const { pointer, component } of componentsOf(p)) {
    if (component.document !== undefined && !ctx.documentIds.has(component.document)) {
      issues.push({ id: 'unknown-document', pointer: `${pointer}/document`, mode: 'value', data: { id: component.document, suggestion: suggestion(component.document, ctx.documentIds, 'documents') } });
    }
    if (component.dataSource !== undefined && !ctx.databaseIds.has(component.dataSource)) {
      issues.push({ id: 'unknown-database', pointer: `${pointer}/dataSource`, mode: 'value', data: { id: component.dataSource, suggestion: suggestion(component.dataSource, ctx.databaseIds, 'databases') } });
    }
  }
  p.results?.forEach((r, i) => {
    if (r.document !== undefined && !ctx.documentIds.has(r.document)) {
      issues.push({ id: 'unknown-document', pointer: toPointer(['results', i, 'document']), mode: 'value', data: { id: r.document, suggestion: suggestion(r.document, ctx.documentIds, 'documents') } });
    }
  });
  p.stages?.forEach((s, i) => {
    if (s.procedure !== undefined && !ctx.hasProcedure(s.procedure)) {
      issues.push({ id: 'unknown-procedure', pointer: toPointer(['stages', i, 'procedure']), mode: 'value', data: { code: s.procedure } });
    }
  });

  // Fee validity periods.
  for (const [name, channel] of entriesOf<Channel>(p.channels)) {
    channel.fees?.forEach((f, i) => {
      if (f.validFrom !== undefined && f.validTo !== undefined && f.validFrom > f.validTo) {
        issues.push({ id: 'invalid-date-range', pointer: toPointer(['channels', name, 'fees', i, 'validFrom']), mode: 'value', data: { from: f.validFrom, to: f.validTo } });
      }
    });
  }
  return issues;
}
