// Draws candidates for the known-pattern recall set: every place in the bundled catalogue's
// components, remarks, steps and conditions that names the household or temporary-residence
// book, the CMND, the district level, or a certified copy; a fixed-seed sample per pattern,
// with context, for labellers to judge which are demands the checks must report.
//   node test/eval/sample-patterns.mjs <out-folder> [perPattern=40] [seed=20261126]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from '../../dist/src/catalogue/catalogue.js';

const [out = '.tmp/eval', perPattern = '40', seedText = '20261126'] = process.argv.slice(2);
const ROOT = path.resolve(import.meta.dirname, '../..');
let seed = Number(seedText);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
export const PATTERNS = {
  'household-book': { re: /sổ hộ khẩu|sổ tạm trú/iu, rule: 'abolished-document' },
  cmnd: { re: /chứng minh nhân dân|\bCMND\b|chứng minh thư nhân dân/iu, rule: 'abolished-document' },
  district: { re: /cấp huyện|UBND huyện|ủy ban nhân dân huyện|ủy ban nhân dân quận|phòng tư pháp|phòng tài nguyên và môi trường/iu, rule: 'abolished-level' },
  'certified-copy': { re: /bản sao (có )?chứng thực|bản sao công chứng/iu, rule: 'certified-copy-demanded' },
};
const catalogue = loadCatalogue({ paths: [path.join(ROOT, 'procedures')], cwd: ROOT });
const records = new Map();
for (const f of readdirSync(path.join(ROOT, 'data/dvc')).filter((f) => f.endsWith('.jsonl'))) {
  for (const line of readFileSync(path.join(ROOT, 'data/dvc', f), 'utf8').split('\n')) if (line.trim() !== '') { const r = JSON.parse(line); records.set(r.ma_thu_tuc, r); }
}
const found = Object.fromEntries(Object.keys(PATTERNS).map((k) => [k, []]));
for (const [code] of catalogue.procedures) {
  const p = catalogue.resolve(code)?.procedure;
  if (p === undefined) continue;
  const places = [
    ...(p.components ?? []).map((c, i) => [`/components/${i}/name`, c.name]),
    ...(p.cases ?? []).flatMap((k, i) => k.components.map((c, j) => [`/cases/${i}/components/${j}/name`, c.name])),
    ...(p.componentNotes ?? []).map((t, i) => [`/componentNotes/${i}`, t]),
    ...(p.steps ?? []).map((t, i) => [`/steps/${i}`, t]),
    ...(p.conditions ?? []).map((t, i) => [`/conditions/${i}`, t]),
    ...Object.entries(p.agencies ?? {}).flatMap(([k, list]) => (list ?? []).map((t, i) => [`/agencies/${k}/${i}`, t])),
  ];
  for (const [pointer, text] of places) {
    for (const [name, { re }] of Object.entries(PATTERNS)) {
      const m = re.exec(text);
      if (m === null) continue;
      const at = m.index;
      found[name].push({ pattern: name, procedure: code, pointer, file: path.relative(ROOT, catalogue.procedures.get(code).file), snippet: text.slice(Math.max(0, at - 60), at + 90), text: text.slice(0, 3000) });
    }
  }
}
mkdirSync(out, { recursive: true });
const items = [];
for (const [name, list] of Object.entries(found)) {
  for (let i = list.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [list[i], list[j]] = [list[j], list[i]]; }
  console.log(`${name}: ${list.length} places`);
  items.push(...list.slice(0, Number(perPattern)).map((x) => ({ ...x, expectRule: PATTERNS[name].rule, portalUrl: records.get(x.procedure)?.detail_url ?? null })));
}
for (let k = 0; k < 3; k++) writeFileSync(path.join(out, `patterns-${k + 1}.json`), JSON.stringify(items.filter((_, i) => i % 3 === k), null, 1));
console.log(`${items.length} places drawn`);
