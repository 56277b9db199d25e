import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The importer checks every procedure it built against the schema before writing it
// (TTHC511). The builder is correct on every real record, so the only way to see the guard
// work is to break the builder: this file replaces it with one that drops required fields.
vi.mock('../src/import/dvc/build.js', async (original) => {
  const real = await original<typeof import('../src/import/dvc/build.js')>();
  return {
    ...real,
    buildProcedure: (...args: Parameters<typeof real.buildProcedure>) => {
      const built = real.buildProcedure(...args);
      const { provenance: _dropped, ...procedure } = built.procedure as Record<string, unknown>;
      return { ...built, procedure };
    },
  };
});

const { importDvc } = await import('../src/import/dvc/run.js');
const ROOT = path.resolve(import.meta.dirname, '..');

describe('import-invalid-output (TTHC511)', () => {
  it('refuses a procedure the builder got wrong, says so, and writes no file', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'tthc-import-invalid-'));
    const line = readFileSync(path.join(ROOT, 'data/dvc/bo-tu-phap.jsonl'), 'utf8').split('\n')[0] as string;
    writeFileSync(path.join(d, 'r.jsonl'), `${line}\n`);
    const report = importDvc({ inputs: [path.join(d, 'r.jsonl')], out: path.join(d, 'out'), overwrite: false, cwd: d });
    const found = report.diagnostics.filter((x) => x.code === 'TTHC511');
    expect(found).toHaveLength(1);
    expect(found[0]?.data['detail']).toMatch(/provenance/u);
    expect(report.coverage.recordsRejected).toBe(1);
    expect(readdirSync(d)).toEqual(['r.jsonl']);
  });
});
