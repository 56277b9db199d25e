import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

/** One schema file of `schemas/`. */
interface SchemaFile {
  /** File name, e.g. `procedure.schema.json`. */
  name: string;
  schema: Record<string, unknown>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads every `*.schema.json` of a folder, sorted by name. */
export async function readSchemas(dir: string): Promise<SchemaFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.schema.json')).sort();
  const out: SchemaFile[] = [];
  for (const name of names) {
    out.push({ name, schema: JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Record<string, unknown> });
  }
  return out;
}

function pointerGet(root: Json, pointer: string): Json | undefined {
  if (pointer === '' || pointer === '/') return root;
  let node: Json | undefined = root;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Turns the schemas into one self-contained schema that json-schema-to-typescript can
 * compile without inventing names.
 *
 * Why: the schemas put a `description` beside most `$ref`s so that editors show help on
 * hover. json-schema-to-typescript then sees a "different" schema at every use and emits
 * `Channel1`, `Slug7`… Here every `$ref` to a titled definition becomes a `tsType` naming
 * that definition (its siblings, the description, are kept for the doc comment), every
 * titled definition is declared once, and a `$ref` into the middle of a definition is
 * inlined. Draft-07 ignores `$ref` siblings for validation, so nothing changes meaning.
 */
export function flattenForTypes(files: readonly SchemaFile[]): JSONSchema {
  const byName = new Map(files.map((f) => [f.name, f.schema as unknown as Json]));
  const definitions: Record<string, Json> = {};

  const resolve = (ref: string, currentFile: string): { file: string; pointer: string; target: Json } => {
    const [filePart, pointer = ''] = ref.split('#');
    const file = filePart === '' || filePart === undefined ? currentFile : filePart;
    const root = byName.get(file);
    if (root === undefined) throw new Error(`schema ${currentFile}: $ref to unknown file ${ref}`);
    const target = pointerGet(root, pointer);
    if (target === undefined) throw new Error(`schema ${currentFile}: dangling $ref ${ref}`);
    return { file, pointer, target };
  };

  const transform = (node: Json, file: string, depth: number): Json => {
    if (depth > 50) throw new Error(`schema ${file}: $ref cycle through inlined pointers`);
    if (Array.isArray(node)) return node.map((n) => transform(n, file, depth));
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' || key === '$schema' || key === '$comment' || key === 'enumDescriptions') continue;
      if (key === 'definitions') continue;
      out[key] = transform(value, file, depth);
    }
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      const { file: targetFile, target } = resolve(ref, file);
      if (isObject(target) && typeof target['title'] === 'string') {
        out['tsType'] = target['title'];
      } else {
        // An untitled target (a property of another definition): inline its content.
        const inlined = transform(target, targetFile, depth + 1);
        if (isObject(inlined)) {
          for (const [k, v] of Object.entries(inlined)) if (!(k in out)) out[k] = v;
        }
      }
    }
    return out;
  };

  const declare = (schema: Json, file: string, where: string): void => {
    if (!isObject(schema)) return;
    const title = schema['title'];
    if (typeof title !== 'string') throw new Error(`schema ${file}: ${where} has no title`);
    if (title in definitions) throw new Error(`schema ${file}: title ${title} declared twice`);
    definitions[title] = transform(schema, file, 0);
  };

  for (const f of files) {
    const root = f.schema as unknown as JsonObject;
    const defs = root['definitions'];
    if (isObject(defs)) for (const [key, def] of Object.entries(defs)) declare(def, f.name, `definitions/${key}`);
    if (root['type'] !== undefined) declare(root, f.name, 'the root');
  }

  const properties: JsonObject = {};
  for (const f of files) {
    const title = (f.schema as JsonObject)['title'];
    if (typeof title === 'string' && (f.schema as JsonObject)['type'] !== undefined) {
      const key = title.charAt(0).toLowerCase() + title.slice(1);
      properties[key] = { tsType: title, description: `A file of kind ${title} (${f.name}).` };
    }
  }
  return {
    title: 'CatalogueSchemas',
    description: 'The kinds of files in a tthc catalogue, one property per schema.',
    type: 'object',
    additionalProperties: false,
    properties,
    definitions,
  } as unknown as JSONSchema;
}

/** The banner of every generated file. */
export function banner(source: string): string {
  return `/* eslint-disable */\n// Code generated by \`tthc generate\` from ${source}. DO NOT EDIT.\n// Change the source and run \`npm run generate\`; CI fails when this file is stale.`;
}

/** Compiles the schemas of `dir` into the TypeScript declarations of the catalogue. */
export async function schemaTypes(dir: string): Promise<string> {
  const files = await readSchemas(dir);
  const root = flattenForTypes(files);
  return compile(root, 'CatalogueSchemas', {
    bannerComment: banner('schemas/*.schema.json'),
    additionalProperties: false,
    unreachableDefinitions: true,
    declareExternallyReferenced: true,
    strictIndexSignatures: true,
    cwd: dir,
    format: true,
    style: { singleQuote: true, printWidth: 110 },
  });
}
