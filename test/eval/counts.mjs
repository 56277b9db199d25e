// `npm run eval:counts`: findings per rule and severity of `tthc check` on the bundled catalogue,
// next to the counts recorded before the precision work of issue 9 (counts-before.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from '../../dist/src/catalogue/catalogue.js';
import { runChecks } from '../../dist/src/checks/run.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const before = JSON.parse(readFileSync(path.join(ROOT, 'test/eval/counts-before.json'), 'utf8'));
const catalogue = loadCatalogue({ paths: [path.join(ROOT, 'procedures')], cwd: ROOT });
const result = runChecks(catalogue, { today: '2026-11-25' });
const now = {};
for (const f of result.findings) {
  now[f.id] ??= { error: 0, warning: 0, info: 0 };
  now[f.id][f.severity]++;
}
const cell = (c) => (c === undefined ? '—' : (['error', 'warning', 'info'].map((s) => c[s]).join(' / ')));
const total = (c) => (c === undefined ? 0 : c.error + c.warning + c.info);
const rules = [...new Set([...Object.keys(before.rules), ...Object.keys(now)])].sort();
const lines = ['| rule | before (error / warning / info) | now (error / warning / info) | before | now |', '|---|---:|---:|---:|---:|'];
for (const r of rules) lines.push(`| ${r} | ${cell(before.rules[r])} | ${cell(now[r])} | ${total(before.rules[r])} | ${total(now[r])} |`);
lines.push(`| **all** | | | **${before.total}** | **${result.findings.length}** |`);
process.stdout.write(`${lines.join('\n')}\n`);
