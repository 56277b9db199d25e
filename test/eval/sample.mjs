// Draws the labelled evaluation set's candidates: findings of `tthc check` on the bundled
// catalogue, stratified by rule (up to PER_RULE each, all of a smaller rule), with a fixed
// seed, and a worksheet per labeller with the context a reviewer needs (the node's text, the
// portal record, the rule's documentation). Findings already labelled in test/eval/labels.yaml
// are left out (a held-out draw), and every error-severity finding is included. Run after
// `npm run build`:
//   node test/eval/sample.mjs <out-folder> [labellers=3] [perRule=14] [seed=20261125] [prefix=worksheet]
// perRule "uniform:N" draws N findings uniformly at random instead (what a reviewer opening
// findings at random meets: the rules that report most come up most).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from '../../dist/src/catalogue/catalogue.js';
import { RULES } from '../../dist/src/checks/registry.js';
import { runChecks } from '../../dist/src/checks/run.js';
import { renderMessage } from '../../dist/src/diagnostics/diagnostic.js';

const [out = '.tmp/eval', labellers = '3', perRule = '14', seedText = '20261125', prefix = 'worksheet'] = process.argv.slice(2);
const ROOT = path.resolve(import.meta.dirname, '../..');
let seed = Number(seedText);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

const catalogue = loadCatalogue({ paths: [path.join(ROOT, 'procedures')], cwd: ROOT });
const result = runChecks(catalogue, { today: '2026-11-25' });
const records = new Map();
for (const f of readdirSync(path.join(ROOT, 'data/dvc')).filter((f) => f.endsWith('.jsonl'))) {
  for (const line of readFileSync(path.join(ROOT, 'data/dvc', f), 'utf8').split('\n')) if (line.trim() !== '') { const r = JSON.parse(line); records.set(r.ma_thu_tuc, r); }
}
const nodeAt = (code, pointer) => {
  let v = catalogue.resolve(code)?.procedure;
  for (const k of pointer.split('/').slice(1)) v = v?.[k.replace(/~1/g, '/').replace(/~0/g, '~')];
  return v;
};
const labelled = new Set();
try {
  const { parse } = await import('yaml');
  for (const l of parse(readFileSync(path.join(ROOT, 'test/eval/labels.yaml'), 'utf8')).findings) labelled.add(l.fingerprint);
} catch {
  // no labels yet: the first draw
}
const byRule = new Map();
for (const f of result.findings) if (!labelled.has(f.fingerprint)) byRule.set(f.id, [...(byRule.get(f.id) ?? []), f]);
const uniform = /^uniform:(\d+)$/u.exec(perRule);
const picked = uniform ? [] : result.findings.filter((f) => f.severity === 'error' && !labelled.has(f.fingerprint));
if (uniform) {
  const list = result.findings.filter((f) => !labelled.has(f.fingerprint));
  for (let i = list.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [list[i], list[j]] = [list[j], list[i]]; }
  picked.push(...list.slice(0, Number(uniform[1])));
}
for (const rule of uniform ? [] : RULES) {
  const list = [...(byRule.get(rule.id) ?? [])];
  for (let i = list.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [list[i], list[j]] = [list[j], list[i]]; }
  picked.push(...list.filter((f) => f.severity !== 'error').slice(0, Number(perRule)));
}
const items = picked.map((f) => {
  const r = records.get(f.procedure);
  const pointer = f.pointer;
  const item = pointer.split('/').slice(0, 3).join('/');
  return {
    fingerprint: f.fingerprint, rule: f.id, severity: f.severity, procedure: f.procedure,
    where: `${path.relative(ROOT, f.file)}:${f.range?.start.line ?? 1}:${f.range?.start.column ?? 1}`, pointer,
    messageVi: renderMessage(f, 'vi'), messageEn: renderMessage(f, 'en'),
    node: nodeAt(f.procedure, pointer), item: nodeAt(f.procedure, item),
    related: f.related.map((x) => `${path.relative(ROOT, x.file)}:${x.range?.start.line ?? 1} (${x.procedure})`),
    portalRecord: r === undefined ? null : Object.fromEntries(Object.entries(r).filter(([k]) => !['detail_url'].includes(k)).map(([k, v]) => [k, String(v).slice(0, 4000)])),
    portalUrl: r?.detail_url ?? null,
  };
});
mkdirSync(out, { recursive: true });
const rules = Object.fromEntries(RULES.map((r) => [r.id, { code: r.info.code, what: r.doc.what.en, why: r.doc.why.en, legalBasis: r.doc.legalBasis, limits: r.doc.limits.en, severities: r.doc.severities }]));
const n = Number(labellers);
for (let k = 0; k < n; k++) {
  const mine = items.filter((_, i) => i % n === k);
  writeFileSync(path.join(out, `${prefix}-${k + 1}.json`), JSON.stringify({ rules, items: mine }, null, 1));
  console.log(`${prefix}-${k + 1}.json: ${mine.length} findings`);
}
console.log(`${items.length} findings drawn from ${result.findings.length}`);
