// Runs one stage of the hostile-input suite in its own process (test/hostile.test.ts spawns it
// with a timeout), on the built code in dist/. Prints one JSON line: the coded diagnostics per
// file (and line, for portal records) and whether Object.prototype and friends were touched.
//
//   node test/hostile/driver.mjs load <folder>            loadCatalogue
//   node test/hostile/driver.mjs validate <folder>        tthc validate (the CLI's main, in process)
//   node test/hostile/driver.mjs cached <folder> <cache>  tthc validate twice through the cache in <cache>
//                                                          (cold, then warm): the warm run must say the same
//   node test/hostile/driver.mjs import <out> <inputs…>   importDvc
import path from 'node:path';

const before = snapshot();
const [mode, ...args] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, '..', '..');
const dist = (p) => import(path.join(root, 'dist', 'src', p));

/** Own property names of the built-in prototypes, to detect pollution. */
function snapshot() {
  const protos = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
  return Object.fromEntries(Object.entries(protos).map(([k, p]) => [k, Object.getOwnPropertyNames(p).sort().join(',')]));
}

/** Diagnostics grouped by file (or file:line), each as its code. */
const byKey = {};
const add = (key, d) => (byKey[key] ??= []).push(`${d.code}:${d.severity}`);
let crashed = null;

try {
  if (mode === 'load') {
    const { loadCatalogue } = await dist('catalogue/catalogue.js');
    const catalogue = loadCatalogue({ paths: [args[0]], cwd: args[0] });
    for (const d of catalogue.diagnostics) add(path.resolve(args[0], d.file), d);
  } else if (mode === 'validate') {
    const { main } = await dist('cli/main.js');
    let out = '';
    const code = await main(['validate', args[0], '--format', 'json', '--lang', 'en'], {
      cwd: args[0], env: {}, isTTY: false, stdout: (t) => (out += t), stderr: () => {},
    });
    if (code !== 1) crashed = `validate exited ${code}`;
    for (const d of JSON.parse(out)) add(path.resolve(args[0], d.file), d);
  } else if (mode === 'cached') {
    const { main } = await dist('cli/main.js');
    const once = async () => {
      let out = '';
      const code = await main(['validate', args[0], '--format', 'json', '--lang', 'en', '--cache-dir', args[1]], {
        cwd: args[0], env: {}, isTTY: false, stdout: (t) => (out += t), stderr: () => {},
      });
      return { code, out };
    };
    const cold = await once();
    const warm = await once();
    if (cold.code !== 1 || warm.code !== 1) crashed = `validate exited ${cold.code} then ${warm.code}`;
    else if (cold.out !== warm.out) crashed = 'the warm run through the cache differs from the cold run';
    for (const d of JSON.parse(warm.out)) add(path.resolve(args[0], d.file), d);
  } else if (mode === 'import') {
    const { importDvc } = await dist('import/dvc/run.js');
    const [out, ...inputs] = args;
    const report = importDvc({ inputs, out, overwrite: true, cwd: out });
    for (const d of report.diagnostics) add(`${path.resolve(out, d.file)}:${d.range?.start.line ?? 0}`, d);
  } else {
    crashed = `unknown mode ${mode}`;
  }
} catch (error) {
  crashed = String(error?.stack ?? error);
}

const after = snapshot();
const polluted = Object.keys(before).filter((k) => before[k] !== after[k]);
// The classic probe: a property every object would inherit.
if ({}.polluted !== undefined || [].polluted !== undefined) polluted.push('polluted');
process.stdout.write(JSON.stringify({ crashed, polluted, diagnostics: byKey }) + '\n');
