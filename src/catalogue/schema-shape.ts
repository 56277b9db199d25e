import { stringify } from 'yaml';
import { validators } from './schemas.js';

type Schema = Record<string, unknown>;

/**
 * The expected shape of a property, as one line of YAML, built from the schema: its first
 * `examples` entry when the schema gives one, else a skeleton of its required parts
 * (`provenance: [ { url: https://… } ]`). Shown by "missing required property" so a policy
 * officer writes the whole shape at once instead of learning it one error at a time.
 *
 * @example
 * shapeOf('provenance', schema) // 'provenance: [ { url: https://… } ]'
 */
export function shapeOf(property: string, schema: unknown): string {
  const value = skeleton(schema, 0);
  return `${property}: ${stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim()}`;
}

/** Resolves a `$ref` ("common.schema.json#/definitions/source", "#/definitions/level") against the loaded schemas. */
function resolve(schema: Schema): Schema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  const [file = '', pointer = ''] = ref.split('#');
  const documents = validators().schemas;
  const candidates = file !== '' ? [documents.get(file)] : [...documents.values()];
  for (const doc of candidates) {
    let node: unknown = doc;
    for (const part of pointer.split('/').filter((p) => p !== '')) node = (node as Schema | undefined)?.[part];
    if (node !== undefined && node !== null && typeof node === 'object') return { ...(node as Schema), ...withoutRef(schema) };
  }
  return withoutRef(schema);
}

function withoutRef(schema: Schema): Schema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

function skeleton(raw: unknown, depth: number): unknown {
  if (raw === null || typeof raw !== 'object') return '…';
  const schema = resolve(raw as Schema);
  const examples = schema['examples'];
  if (Array.isArray(examples) && examples.length > 0) return examples[0];
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0];
  if (depth > 3) return '…';
  const type = Array.isArray(schema['type']) ? schema['type'][0] : schema['type'];
  const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
  if (type === 'object' || (type === undefined && schema['properties'] !== undefined)) {
    const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
    const keys = required.length > 0 ? required : Object.keys(properties).slice(0, 1);
    return Object.fromEntries(keys.map((k) => [k, skeleton(properties[k], depth + 1)]));
  }
  if (type === 'array') return [skeleton(schema['items'], depth + 1)];
  if (type === 'integer' || type === 'number') return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
  if (type === 'boolean') return true;
  if (schema['format'] === 'uri') return 'https://…';
  if (schema['format'] === 'date') return '2026-01-01';
  return '…';
}
