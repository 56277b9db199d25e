import type { DocumentRegistry, HolidayCalendar, LegalRegistry } from '../../generated/types/catalogue.js';
import { both } from '../diagnostics/diagnostic.js';
import { entriesOf } from '../util/records.js';
import { closest } from '../util/suggest.js';
import type { Issue } from './issue.js';
import { toPointer } from './source.js';

/** What registry checks need to know about the rest of the catalogue. */
export interface RegistryContext {
  documentIds: ReadonlySet<string>;
  databaseIds: ReadonlySet<string>;
  legalNumbers: ReadonlySet<string>;
  hasProcedure(code: string): boolean;
}

const suggestion = (id: string, known: Iterable<string>, registry: string) => {
  const near = closest(id, known);
  return near !== undefined
    ? both(`Có phải ý bạn là "${near}"?`, `Did you mean "${near}"?`)
    : both(`Thêm "${id}" vào danh mục ${registry} hoặc sửa mã.`, `Add "${id}" to the ${registry} registry or fix the id.`);
};

/** References of the document registry: databases, replacements, issuing procedures. */
export function checkDocumentRegistry(r: DocumentRegistry, ctx: RegistryContext): Issue[] {
  const issues: Issue[] = [];
  for (const [id, doc] of entriesOf(r.documents)) {
    if (doc.database !== undefined && !ctx.databaseIds.has(doc.database)) {
      issues.push({ id: 'unknown-database', pointer: toPointer(['documents', id, 'database']), mode: 'value', data: { id: doc.database, suggestion: suggestion(doc.database, ctx.databaseIds, 'databases') } });
    }
    if (doc.replacedBy !== undefined && !ctx.documentIds.has(doc.replacedBy)) {
      issues.push({ id: 'unknown-document', pointer: toPointer(['documents', id, 'replacedBy']), mode: 'value', data: { id: doc.replacedBy, suggestion: suggestion(doc.replacedBy, ctx.documentIds, 'documents') } });
    }
    doc.issuedBy?.forEach((code, i) => {
      if (!ctx.hasProcedure(code)) issues.push({ id: 'unknown-procedure', pointer: toPointer(['documents', id, 'issuedBy', i]), mode: 'value', data: { code } });
    });
  }
  return issues;
}

/** References of the legal registry: what superseded or amended a document. */
export function checkLegalRegistry(r: LegalRegistry, ctx: RegistryContext): Issue[] {
  const issues: Issue[] = [];
  for (const [number, doc] of entriesOf(r.documents)) {
    if (doc.supersededBy !== undefined && !ctx.legalNumbers.has(doc.supersededBy)) {
      issues.push({ id: 'unknown-legal-document', pointer: toPointer(['documents', number, 'supersededBy']), mode: 'value', data: { number: doc.supersededBy } });
    }
    doc.amendedBy?.forEach((n, i) => {
      if (!ctx.legalNumbers.has(n)) issues.push({ id: 'unknown-legal-document', pointer: toPointer(['documents', number, 'amendedBy', i]), mode: 'value', data: { number: n } });
    });
  }
  return issues;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/**
 * The holiday table must be coherent: each date in its year, no date twice, make-up
 * working days on weekly rest days, no day both off and worked (Labour Code 2019
 * arts. 111-112 describe what the table holds).
 */
export function checkHolidayCalendar(r: HolidayCalendar): Issue[] {
  const issues: Issue[] = [];
  const weekend = new Set<string>(r.weekend ?? ['saturday', 'sunday']);
  const bad = (pointer: string, vi: string, en: string) => issues.push({ id: 'invalid-calendar', pointer, mode: 'value', data: { detail: both(vi, en) } });
  for (const [year, table] of entriesOf(r.years)) {
    const off = new Map<string, string>();
    table.daysOff.forEach((d, i) => {
      const at = toPointer(['years', year, 'daysOff', i, 'date']);
      if (!d.date.startsWith(`${year}-`)) bad(at, `ngày ${d.date} không thuộc năm ${year}.`, `${d.date} is not in ${year}.`);
      if (off.has(d.date)) bad(at, `ngày ${d.date} được ghi hai lần.`, `${d.date} is listed twice.`);
      off.set(d.date, at);
    });
    const worked = new Set<string>();
    table.workingDays?.forEach((d, i) => {
      const at = toPointer(['years', year, 'workingDays', i, 'date']);
      if (!d.date.startsWith(`${year}-`)) bad(at, `ngày ${d.date} không thuộc năm ${year}.`, `${d.date} is not in ${year}.`);
      if (worked.has(d.date)) bad(at, `ngày ${d.date} được ghi hai lần.`, `${d.date} is listed twice.`);
      worked.add(d.date);
      const day = WEEKDAYS[new Date(`${d.date}T00:00:00Z`).getUTCDay()];
      if (day !== undefined && !weekend.has(day)) bad(at, `ngày làm bù ${d.date} là ${day}, không phải ngày nghỉ hằng tuần.`, `make-up day ${d.date} is a ${day}, not a weekly rest day.`);
      if (off.has(d.date)) bad(at, `ngày ${d.date} vừa là ngày nghỉ vừa là ngày làm bù.`, `${d.date} is both a day off and a working day.`);
    });
  }
  return issues;
}
