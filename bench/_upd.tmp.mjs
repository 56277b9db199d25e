import { CatalogueSession } from '../dist/src/cache/index.js';
import { readFileSync } from 'node:fs';
const root = new URL('..', import.meta.url).pathname;
const s = CatalogueSession.open({ paths: ['procedures'], cwd: root, checks: { today: '2026-11-25' } });
const file = root + 'procedures/national/bo-cong-an/1.000807.yaml';
const text = readFileSync(file, 'utf8');
for (const [label, t] of [['comment', text + '\n# x\n'], ['same', text], ['component dup', text.replace(/^components:\n(  - .*\n)/m, 'components:\n$1$1')], ['schema', text + '\nfoo: 1\n'], ['back', text]]) {
  const t0 = performance.now();
  const st = s.update(file, t);
  console.log(label, (performance.now() - t0).toFixed(0), JSON.stringify(st.work));
}
