// `npm run eval:checks`: runs the checks on the bundled catalogue and prints precision per
// rule and per severity on the labelled set, and recall on the known patterns.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadCatalogue } from '../../dist/src/catalogue/catalogue.js';
import { runChecks } from '../../dist/src/checks/run.js';
import { evaluate, formatReport, TARGETS } from './evaluate.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const labels = parse(readFileSync(path.join(ROOT, 'test/eval/labels.yaml'), 'utf8'));
const catalogue = loadCatalogue({ paths: [path.join(ROOT, 'procedures')], cwd: ROOT });
const result = runChecks(catalogue, { today: labels.today });
const report = evaluate(result.findings.map((f) => ({ fingerprint: f.fingerprint, id: f.id, severity: f.severity, procedure: f.procedure, pointer: f.pointer, document: typeof f.data['document'] === 'string' ? f.data['document'] : undefined })), labels, labels.patternRules);
process.stdout.write(formatReport(report));
const met = (report.errorPrecision ?? 1) >= TARGETS.errorPrecision && (report.overallPrecision ?? 0) >= TARGETS.overallPrecision && (report.patternRecall ?? 0) >= TARGETS.patternRecall;
process.exitCode = met ? 0 : 1;

// `npm run eval:checks -- --wrong`: the labelled findings judged wrong that the checks still
// report, with the labeller's reason: the work list for the next precision fix.
if (process.argv.includes('--wrong')) {
  const live = new Map(result.findings.map((f) => [f.fingerprint, f]));
  const wrong = labels.findings.filter((l) => l.verdict === 'wrong' && live.has(l.fingerprint));
  process.stdout.write(`\n${wrong.length} labelled wrong and still reported:\n`);
  for (const l of wrong) {
    const f = live.get(l.fingerprint);
    process.stdout.write(`\n- ${f.id} ${f.severity} ${f.procedure} ${f.pointer} (${l.round ?? 'tuning'})\n  reason: ${l.reason}\n`);
  }
}
