import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/catalogue.js';
import { runChecks } from '../src/checks/run.js';
// @ts-expect-error: plain ESM module shared with the eval:checks script, typed by its JSDoc
import { evaluate, formatReport, TARGETS } from './eval/evaluate.mjs';

/**
 * The labelled evaluation set (test/eval/labels.yaml): findings drawn at random from the
 * bundled catalogue, stratified by rule, each judged correct / wrong / debatable against the
 * portal record and the law; and places that name the household book, the CMND, the district
 * level or a certified copy, each judged "must report" or "must not". The targets are issue 9's.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const labels = parse(readFileSync(path.join(ROOT, 'test/eval/labels.yaml'), 'utf8')) as {
  today: string;
  patternRules: Record<string, string>;
  findings: { fingerprint: string; rule: string; verdict: 'correct' | 'wrong' | 'debatable'; reason: string }[];
  patterns: { procedure: string; pointer: string; pattern: string; report: boolean; severity?: string; reason: string }[];
};

describe('precision and recall of the checks on the labelled set', () => {
  const catalogue = loadCatalogue({ paths: ['procedures'], cwd: ROOT });
  const result = runChecks(catalogue, { today: labels.today });
  const report = evaluate(
    result.findings.map((f) => ({ fingerprint: f.fingerprint, id: f.id, severity: f.severity, procedure: f.procedure, pointer: f.pointer, document: typeof f.data['document'] === 'string' ? f.data['document'] : undefined })),
    labels,
    labels.patternRules,
  );

  it('has at least 150 labelled findings, each with a verdict and a reason, across the rules', () => {
    expect(labels.findings.length).toBeGreaterThanOrEqual(150);
    for (const l of labels.findings) {
      expect(['correct', 'wrong', 'debatable']).toContain(l.verdict);
      expect(l.reason.trim().length, l.fingerprint).toBeGreaterThan(10);
    }
    expect(new Set(labels.findings.map((l) => l.rule)).size).toBeGreaterThanOrEqual(12);
  });

  it(`keeps error-severity precision ≥ ${TARGETS.errorPrecision * 100} % and overall precision ≥ ${TARGETS.overallPrecision * 100} %`, () => {
    const text = formatReport(report);
    expect(report.errorPrecision ?? 1, text).toBeGreaterThanOrEqual(TARGETS.errorPrecision);
    expect(report.overallPrecision ?? 0, text).toBeGreaterThanOrEqual(TARGETS.overallPrecision);
  });

  it('reports every known-pattern demand (household book, CMND incl. steps, district level, certified copy), and none of the known traps', () => {
    const text = formatReport(report);
    expect(report.patternRecall, text).toBe(TARGETS.patternRecall);
    expect(report.falseAlarms, text).toEqual([]);
  });

  it('still reports every finding judged correct', () => {
    expect(report.lost.correct, formatReport(report)).toEqual([]);
  });
});
