/**
 * `tthc/engine` — the dossier engine (bộ máy giải quyết hồ sơ): runs dossiers through the
 * compiled workflows with working-day deadlines, an append-only event log and durable timers,
 * in memory, in an embedded PGlite folder or in PostgreSQL. A separate entry so that
 * `import 'tthc'` loads no database driver.
 *
 * @example
 * import { DossierEngine, MemoryStore, catalogueSource } from 'tthc/engine';
 *
 * @packageDocumentation
 */
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
export { formatKpi, type KpiFormat } from './report/kpi.js';
export { simulate, type SimulationOptions, type SimulationResult } from './simulate/run.js';
