import { CatalogueSession } from '../dist/src/cache/index.js';
const root = new URL('..', import.meta.url).pathname;
const t = performance.now();
const s = CatalogueSession.open({ paths: ['procedures'], cwd: root, checks: {}, dropTrees: false });
console.log('total', (performance.now() - t).toFixed(0), JSON.stringify(Object.fromEntries(Object.entries(s.state.work.ms).map(([k, v]) => [k, Math.round(v)]))));
console.log(Object.entries(s.state.checks.timings).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k}:${v.toFixed(0)}`).join(' '));
