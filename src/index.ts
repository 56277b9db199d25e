/**
 * tthc — Vietnam's administrative procedures (thủ tục hành chính) as code.
 *
 * The public API: load and validate a catalogue, resolve provincial variants, evaluate
 * conditions on an applicant's facts, and render diagnostics.
 *
 * @example
 * import { loadCatalogue, renderMessage } from 'tthc';
 * const catalogue = loadCatalogue({ paths: ['procedures'] });
 * for (const d of catalogue.diagnostics) console.log(d.code, renderMessage(d, 'en'));
 * const khaiSinh = catalogue.resolve('1.001193')?.procedure;
 *
 * @packageDocumentation
 */
export { loadCatalogue } from './catalogue/catalogue.js';
export type { Catalogue, CatalogueFile, LoadOptions, ProcedureEntry, Registries, RegistryEntry } from './catalogue/catalogue.js';
export { resolveVariant, resolveNational } from './catalogue/variant.js';
export type { ResolvedProcedure, Origin } from './catalogue/variant.js';
export { checkCondition } from './catalogue/conditions.js';
export { evaluateCondition, evaluateKnown, factsIn, type FactValues } from './catalogue/evaluate.js';
export { ALL_CODES, CODE_REGISTRY, findCode } from './report/codes.js';
export { CodeRegistry, codeSet, type CodeSet } from './diagnostics/registry.js';
export type { CodeInfo, CodeCategory } from './diagnostics/types.js';
export { renderMessage, sortDiagnostics } from './diagnostics/diagnostic.js';
export type { Diagnostic, Severity, Range, Position, RelatedLocation } from './diagnostics/types.js';
export { formatJson, toJsonDiagnostics } from './report/json.js';
export type { JsonDiagnostic } from './report/json.js';
export { formatStylish } from './report/stylish.js';
export { langFromEnv } from './i18n/lang.js';
export type { Lang } from './i18n/lang.js';
export type * from '../generated/types/catalogue.js';
export {
  WorkingCalendar, DeadlineClock, dueMoment, calendarOf, parseMoment, formatMoment, lunarNewYear, hungKingsDay, PeriodError,
} from './calendar/index.js';
export type { ClockData, HolidayTable, LocalMoment, OfficeHours, PeriodSpec } from './calendar/index.js';
export {
  buildWorkflow, lifecycle, createWorkflowMachine, checklist, requiredComponents, missingComponents, toMermaid,
} from './workflow/index.js';
export type {
  WorkflowIR, Lifecycle, DossierContext, WorkflowEvent, WorkflowMachine, MachineOptions, Checklist, Applicant, ChannelKey,
} from './workflow/index.js';
export { analysePaths, type PathReport } from './workflow/paths.js';
export { importDvc, type ImportOptions, type ImportReport } from './import/dvc/run.js';
export { runChecks, type CheckResult, type CheckOptions, type Finding } from './checks/run.js';
export { RULES, findRule } from './checks/registry.js';
export { computeStats, type Stats } from './checks/stats.js';
export type { Rule, RuleDoc, RawFinding } from './checks/types.js';
