import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { schemasDir } from '../util/package-root.js';

/** The kinds of catalogue file and the schema each is validated against. */
export const FILE_KINDS = {
  procedure: 'procedure.schema.json',
  documents: 'document-registry.schema.json',
  databases: 'database-registry.schema.json',
  legal: 'legal-registry.schema.json',
  holidays: 'holiday-calendar.schema.json',
} as const;

/** A kind of catalogue file. */
export type FileKind = keyof typeof FILE_KINDS;

/** The registry kinds (files with a top-level `registry:` key). */
export const REGISTRY_KINDS = ['documents', 'databases', 'legal', 'holidays'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

/** Compiled validators, one per file kind, from one ajv instance. */
export interface Validators {
  validate(kind: FileKind, value: unknown): ErrorObject[];
  /** The raw schema documents, by file name (for messages that quote descriptions). */
  schemas: ReadonlyMap<string, Record<string, unknown>>;
}

let cached: Validators | undefined;

// ajv-formats is CommonJS with a default export; under NodeNext the namespace is what arrives.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
  formats: string[],
) => Ajv;

/**
 * Compiles every schema of `schemas/` once per process (DESIGN.md: one ajv instance).
 * `allErrors` collects everything so that a policy editor fixes a file in one pass;
 * `verbose` keeps each failing value and schema for precise messages.
 */
export function validators(dir: string = schemasDir()): Validators {
  if (cached !== undefined && dir === schemasDir()) return cached;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ['date', 'uri']);
  // Annotations for editors (yaml-language-server shows them in completion lists).
  ajv.addKeyword({ keyword: 'enumDescriptions' });
  const schemas = new Map<string, Record<string, unknown>>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.schema.json')).sort()) {
    const schema = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown>;
    schemas.set(name, schema);
    ajv.addSchema(schema, name);
  }
  const compiled = new Map<FileKind, ValidateFunction>();
  for (const [kind, name] of Object.entries(FILE_KINDS) as [FileKind, string][]) {
    const fn = ajv.getSchema(name);
    if (fn === undefined) throw new Error(`internal: schema ${name} missing from ${dir}`);
    compiled.set(kind, fn);
  }
  const result: Validators = {
    schemas,
    validate(kind, value) {
      const fn = compiled.get(kind) as ValidateFunction;
      return fn(value) ? [] : [...(fn.errors ?? [])];
    },
  };
  if (dir === schemasDir()) cached = result;
  return result;
}
