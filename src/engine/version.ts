import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../util/package-root.js';
import { LATEST_MIGRATION } from './store/migrations.js';

/**
 * The versions a dossier records: the engine's (the package version) and the schema's (the
 * workflow IR format and the store's migration level), so any decision can be explained and
 * replayed later (DESIGN.md: "traceable to the law, replayable").
 */

let cached: string | undefined;

/** The engine version: tthc's package version. */
export function engineVersion(): string {
  cached ??= (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}

/** The workflow IR format version the engine compiles (WorkflowIR.version). */
export const IR_VERSION = 1;

/** The schema version a dossier records: IR format and store migration level. */
export const SCHEMA_VERSION = `ir-${IR_VERSION}+db-${LATEST_MIGRATION}`;
