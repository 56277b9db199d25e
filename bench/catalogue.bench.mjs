// Benchmarks of the catalogue commands, each against the floor it cannot beat, run side by
// side in one process so that machine load affects both alike. Prints medians and ratios.
//
//   npm run build && node bench/catalogue.bench.mjs [--iterations 5]
//
// validate: baseline = read every catalogue file and parse it with `yaml` (parseDocument +
//           LineCounter), subject = loadCatalogue() (parse + schema + meaning checks).
// import:   baseline = read the portal's JSONL and JSON.parse every record, subject =
//           buildProcedure() + schema check + renderImported() for every record (no disk writes).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Bench } from 'tinybench';
import { LineCounter, parseDocument } from 'yaml';
import { loadCatalogue } from '../dist/src/catalogue/catalogue.js';
import { collectFiles } from '../dist/src/catalogue/files.js';
import { buildProcedure } from '../dist/src/import/dvc/build.js';
import { renderImported } from '../dist/src/import/dvc/emit.js';
import { schemaProblem } from '../dist/src/import/dvc/run.js';

const root = path.resolve(import.meta.dirname, '..');
const data = path.resolve(root, 'data/dvc');
const argIndex = process.argv.indexOf('--iterations');
const iterations = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 5;

const files = collectFiles(['procedures'], root).files;
const jsonl = readdirSync(data).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(data, f));

const bench = new Bench({ iterations, time: 0, warmupIterations: 1, warmupTime: 0 });
bench
  .add('validate: baseline (read + YAML parse)', () => {
    for (const f of files) parseDocument(readFileSync(f, 'utf8'), { lineCounter: new LineCounter() });
  })
  .add('validate: loadCatalogue', () => {
    loadCatalogue({ paths: ['procedures'], cwd: root });
  })
  .add('import: baseline (read + JSON.parse)', () => {
    for (const f of jsonl) for (const l of readFileSync(f, 'utf8').split('\n')) if (l.trim() !== '') JSON.parse(l);
  })
  .add('import: build + check + render', () => {
    for (const f of jsonl) {
      for (const l of readFileSync(f, 'utf8').split('\n')) {
        if (l.trim() === '') continue;
        const built = buildProcedure(JSON.parse(l), path.basename(f));
        schemaProblem(built.procedure);
        renderImported(built.procedure, { schemaPath: '../../../schemas/procedure.schema.json', source: path.basename(f) });
      }
    }
  });
await bench.run();

const median = (name) => bench.tasks.find((t) => t.name === name).result.latency.p50;
const rows = [
  ['validate', `${files.length} files`, 'validate: baseline (read + YAML parse)', 'validate: loadCatalogue'],
  ['import', `${jsonl.length} files of records`, 'import: baseline (read + JSON.parse)', 'import: build + check + render'],
];
console.log(`median of ${iterations} runs (ms)`);
console.log('benchmark  input                 baseline   subject    ratio');
for (const [name, input, base, subject] of rows) {
  const b = median(base);
  const s = median(subject);
  console.log(`${name.padEnd(10)} ${input.padEnd(21)} ${b.toFixed(0).padStart(8)}   ${s.toFixed(0).padStart(8)}   ${(s / b).toFixed(2)}x`);
}
