import { loadCatalogue } from '../dist/src/catalogue/catalogue.js';
import { runChecks as newRun } from '../dist/src/checks/run.js';
const { runChecks: baseRun } = await import('/tmp/cache-scratch/base/dist/src/checks/run.js');
const { loadCatalogue: baseLoad } = await import('/tmp/cache-scratch/base/dist/src/catalogue/catalogue.js');
const root = new URL('..', import.meta.url).pathname;
const c = loadCatalogue({ paths: ['procedures'], cwd: root });
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const r = { base: [], new: [], baseLoad: [], newLoad: [] };
for (let i = 0; i < 3; i++) {
  let t = performance.now(); baseRun(c, { today: '2026-11-25' }); r.base.push(performance.now() - t);
  t = performance.now(); newRun(c, { today: '2026-11-25' }); r.new.push(performance.now() - t);
  t = performance.now(); baseLoad({ paths: ['procedures'], cwd: root }); r.baseLoad.push(performance.now() - t);
  t = performance.now(); loadCatalogue({ paths: ['procedures'], cwd: root }); r.newLoad.push(performance.now() - t);
}
for (const [k, v] of Object.entries(r)) console.log(k, med(v).toFixed(0), v.map((x) => x.toFixed(0)).join(' '));
