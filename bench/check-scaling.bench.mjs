// How `tthc check` grows with the catalogue: the bundled catalogue at 1x, 2x, 5x and 10x its
// size (copies of procedures/national with suffixed codes, so every copy is a distinct
// procedure and services group across copies as they would in a larger catalogue). Loading
// (YAML parse + schema) and checking (index + all rules) are timed separately; medians of
// --iterations runs, side by side, with the ratio to 1x and the time per procedure.
//
//   npm run build && node bench/check-scaling.bench.mjs [--iterations 3] [--sizes 1,2,5,10]
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCatalogue } from '../dist/src/catalogue/catalogue.js';
import { runChecks } from '../dist/src/checks/run.js';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const iterations = Number(arg('--iterations', '3'));
const sizes = arg('--sizes', '1,2,5,10').split(',').map(Number);

const national = path.join(root, 'procedures/national');
const sources = readdirSync(national).flatMap((d) => readdirSync(path.join(national, d)).map((f) => path.join(national, d, f)));
const texts = sources.map((f) => readFileSync(f, 'utf8'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = [];
for (const size of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), `tthc-scale-${size}x-`));
  cpSync(path.join(root, 'procedures/registry'), path.join(dir, 'registry'), { recursive: true });
  for (let copy = 0; copy < size; copy++) {
    const out = path.join(dir, `copy-${copy}`);
    mkdirSync(out, { recursive: true });
    texts.forEach((text, i) => {
      const t = copy === 0 ? text : text.replace(/^code: "([^"]+)"/m, `code: "$1.C${copy}"`);
      writeFileSync(path.join(out, `${i}.yaml`), t);
    });
  }
  const load = [];
  const check = [];
  let procedures = 0;
  let findings = 0;
  for (let i = 0; i < iterations; i++) {
    let t = performance.now();
    const catalogue = loadCatalogue({ paths: [dir], cwd: dir });
    load.push(performance.now() - t);
    t = performance.now();
    const result = runChecks(catalogue, { today: '2026-11-22' });
    check.push(performance.now() - t);
    procedures = result.procedures;
    findings = result.findings.length;
  }
  rmSync(dir, { recursive: true, force: true });
  rows.push({ size, procedures, findings, load: median(load), check: median(check) });
}
const base = rows[0];
console.log(`median of ${iterations} runs; check = index + all ${'rules'}; load = read + YAML + schema`);
console.log('size  procedures  findings   load ms  check ms  check ratio  check µs/procedure');
for (const r of rows) {
  console.log(`${String(r.size).padStart(3)}x  ${String(r.procedures).padStart(10)}  ${String(r.findings).padStart(8)}  ${r.load.toFixed(0).padStart(8)}  ${r.check.toFixed(0).padStart(8)}  ${(r.check / base.check).toFixed(2).padStart(10)}x  ${((1000 * r.check) / r.procedures).toFixed(0).padStart(8)}`);
}
