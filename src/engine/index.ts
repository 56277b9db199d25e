/**
 * The dossier engine (hồ sơ): runs dossiers through each procedure's compiled workflow with
 * durable deadlines, an append-only event log, roles, and stores in memory, in an embedded
 * PGlite folder, or on PostgreSQL. See docs/engine.md.
 *
 * @example
 * import { DossierEngine, MemoryStore, AgencyDirectory, catalogueSource } from 'tthc';
 * const engine = new DossierEngine({ store: new MemoryStore(), procedures: catalogueSource(catalogue), agencies, calendar });
 */
export { DossierEngine, type EngineOptions, type CreateInput, type CommandInput, type CommandResult, type Operation, type SweepReport, type ReplayReport } from './engine.js';
export { AgencyDirectory, AGENCY_CODE, AGENCY_LEVELS, type Agency, type AgencyLevel } from './agencies.js';
export { SimulatedClock, systemClock, type Clock } from './clock.js';
export { ENGINE_CODES, engineCode, type EngineCodeId, type EngineCodeInfo } from './codes.js';
export { EngineError, isEngineError } from './errors.js';
export { dossierNumber, parseDossierNumber, MAX_DAILY_SEQUENCE } from './dossier-number.js';
export { DOCUMENT_TITLES } from './documents.js';
export type { DossierEvent, IssuedDocument, DocumentKind, StageRecord, StoredDossier, Timer, TimerKind } from './model.js';
export { catalogueSource, compileIR, compileProcedure, staticSource, type CompiledProcedure, type ProcedureMeta, type ProcedureSource } from './procedures.js';
export { COMMANDS, COMMAND_NAMES, CREATE_ROLES, ROLES, ROLE_LABELS, SYSTEM_ACTOR, type Actor, type CommandName, type CommandSpec, type Role } from './roles.js';
export { engineVersion, SCHEMA_VERSION } from './version.js';
export { MemoryStore } from './store/memory-store.js';
export { MIGRATIONS, LATEST_MIGRATION, type Migration } from './store/migrations.js';
export type { Store, StoreKind, StoreTransaction, DossierFilter, Changes, CommandOutcome } from './store/types.js';
export { KpiAccumulator, KPI_DIMENSIONS, type KpiDimension, type KpiOptions, type KpiReport, type KpiRow, type LatenessRow } from './kpi.js';
