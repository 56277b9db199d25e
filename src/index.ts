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
export { evaluateCondition, checkCondition } from './catalogue/conditions.js';
export type { FactValues } from './catalogue/conditions.js';
export { CODES, findCode } from './diagnostics/codes.js';
export type { CodeInfo, CodeId } from './diagnostics/codes.js';
export { renderMessage, sortDiagnostics } from './diagnostics/diagnostic.js';
export type { Diagnostic, Severity, Range, Position, RelatedLocation } from './diagnostics/types.js';
export { formatJson, toJsonDiagnostics } from './format/json.js';
export type { JsonDiagnostic } from './format/json.js';
export { formatStylish } from './format/stylish.js';
export { langFromEnv } from './i18n/lang.js';
export type { Lang } from './i18n/lang.js';
export { main } from './cli/main.js';
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
export {
  DossierEngine, MemoryStore, AgencyDirectory, SimulatedClock, systemClock, EngineError, isEngineError, ENGINE_CODES, engineCode,
  dossierNumber, parseDossierNumber, catalogueSource, compileIR, compileProcedure, staticSource, COMMANDS, COMMAND_NAMES, ROLES,
  KpiAccumulator, KPI_DIMENSIONS, MIGRATIONS, SCHEMA_VERSION, engineVersion, DOCUMENT_TITLES,
} from './engine/index.js';
export type {
  EngineOptions, CreateInput, CommandInput, CommandResult, Operation, SweepReport, ReplayReport, Agency, AgencyLevel, Clock,
  EngineCodeInfo, DossierEvent, IssuedDocument, StoredDossier, Timer, CompiledProcedure, ProcedureSource, Actor, CommandName, Role,
  Store, StoreKind, DossierFilter, KpiDimension, KpiReport, KpiRow,
} from './engine/index.js';
export { openEmbeddedStore, type EmbeddedOptions } from './engine/store/embedded-store.js';
export { openPostgresStore, type PostgresOptions } from './engine/store/postgres-store.js';
export { buildServer, type ServerOptions } from './server/app.js';
export { TokenVerifier, readOperatorFile, hashToken, newToken } from './server/operator-file.js';
export { formatKpi, type KpiFormat } from './report/kpi.js';
export { simulate, type SimulationOptions, type SimulationResult } from './simulate/run.js';
