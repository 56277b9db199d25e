// The Spectral yardstick of bench/suite.mjs: a ruleset doing what `tthc validate` and the
// duplicate-component rule do on procedure files — JSON-Schema validation against
// schemas/procedure.schema.json (and the schemas it refers to) and the same document twice
// in one procedure or one case — in two variants:
//   shipped   Spectral's own `schema` function (it compiles the schema with ajv per document)
//   compiled  a custom function holding one ajv validator compiled once
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Spectral from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import functions from '@stoplight/spectral-functions';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { documentKey } from '../dist/src/checks/index-build.js';

const { Spectral: SpectralClass, Document, createRulesetFunction } = Spectral;
const addFormats = addFormatsModule.default ?? addFormatsModule;
const ROOT = path.resolve(import.meta.dirname, '..');
const SCHEMAS = path.join(ROOT, 'schemas');

/**
 * procedure.schema.json made self-contained (Spectral's `schema` function resolves no file
 * references): every schema it refers to is copied under `definitions` as `<stem>__<name>`.
 */
export function bundledProcedureSchema() {
  const files = Object.fromEntries(readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json')).map((f) => [f, JSON.parse(readFileSync(path.join(SCHEMAS, f), 'utf8'))]));
  const stem = (f) => f.replace(/\.schema\.json$/, '');
  const root = structuredClone(files['procedure.schema.json']);
  root.definitions ??= {};
  const needed = new Set();
  const rewrite = (node, own) => {
    if (Array.isArray(node)) return node.forEach((n) => rewrite(n, own));
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        const [file, pointer] = v.split('#');
        const target = file === '' ? own : file;
        if (target === 'procedure.schema.json') node[k] = `#${pointer}`;
        else {
          const name = pointer.replace(/^\/definitions\//, '');
          needed.add(`${target}#${name}`);
          node[k] = `#/definitions/${stem(target)}__${name}`;
        }
      } else rewrite(v, own);
    }
  };
  rewrite(root, 'procedure.schema.json');
  const done = new Set();
  while ([...needed].some((n) => !done.has(n))) {
    for (const n of [...needed]) {
      if (done.has(n)) continue;
      done.add(n);
      const [file, name] = n.split('#');
      const copy = structuredClone(files[file].definitions[name]);
      rewrite(copy, file);
      root.definitions[`${stem(file)}__${name}`] = copy;
    }
  }
  delete root.$id;
  return root;
}

/** The duplicate-component rule as a Spectral function: same key as TTHC401 (case, kind, document key). */
const duplicateComponent = createRulesetFunction({ input: null, options: null }, (procedure) => {
  const results = [];
  const scan = (components, base, caseId) => {
    const seen = new Map();
    (Array.isArray(components) ? components : []).forEach((c, i) => {
      if (c === null || typeof c !== 'object' || typeof c.name !== 'string') return;
      const key = `${caseId}|${c.kind}|${c.document ?? documentKey(c.name)}`;
      if (documentKey(c.name) === '' && c.document === undefined) return;
      if (seen.has(key)) results.push({ message: `Component "${c.name}" duplicates "${seen.get(key)}"`, path: [...base, i] });
      else seen.set(key, c.name);
    });
  };
  if (procedure !== null && typeof procedure === 'object') {
    scan(procedure.components, ['components'], '');
    (Array.isArray(procedure.cases) ? procedure.cases : []).forEach((k, i) => scan(k?.components, ['cases', i, 'components'], k?.id ?? String(i)));
  }
  return results;
});

/** One ajv validator compiled once, as a Spectral function. */
function compiledSchemaFunction(schema) {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return createRulesetFunction({ input: null, options: null }, (value) =>
    validate(value) ? [] : (validate.errors ?? []).map((e) => ({ message: e.message ?? e.keyword, path: e.instancePath.split('/').slice(1) })));
}

/** A Spectral instance with the ruleset, and a runner over documents. */
export async function makeSpectral(variant) {
  const schema = bundledProcedureSchema();
  const spectral = new SpectralClass();
  spectral.setRuleset({
    rules: {
      'procedure-schema': {
        given: '$', severity: 'error',
        then: variant === 'shipped'
          ? { function: functions.schema, functionOptions: { schema, allErrors: true } }
          : { function: compiledSchemaFunction(schema) },
      },
      'duplicate-component': { given: '$', severity: 'warn', then: { function: duplicateComponent } },
    },
  });
  return {
    /** Lints every document; returns how many findings and their paths (to compare variants). */
    async run(docs) {
      let count = 0;
      const keys = [];
      for (const { file, text } of docs) {
        const results = await spectral.run(new Document(text, Parsers.Yaml, file));
        count += results.length;
        for (const r of results) keys.push(`${path.basename(file)}:${r.code}:${r.path.join('/')}`);
      }
      return { count, keys: [...new Set(keys)].sort().join('\n') };
    },
  };
}
