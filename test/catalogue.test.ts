import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/catalogue.js';
import { ALL_CODES as CODES } from '../src/report/codes.js';
import { ROOT } from './helpers/paths.js';

const catalogue = loadCatalogue({ paths: [path.join(ROOT, 'procedures')] });
const SCHEMA_OF = { procedure: 'procedure', documents: 'document-registry', databases: 'database-registry', legal: 'legal-registry', holidays: 'holiday-calendar' } as const;

describe('the bundled catalogue', () => {
  it('has no error', () => {
    expect(catalogue.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('starts every file with the modeline of its schema', () => {
    for (const f of catalogue.files) {
      expect(f.kind).not.toBeNull();
      const first = readFileSync(f.file, 'utf8').split('\n')[0] ?? '';
      const rel = path.relative(path.dirname(f.file), path.join(ROOT, 'schemas', `${SCHEMA_OF[f.kind ?? 'procedure']}.schema.json`)).split(path.sep).join('/');
      expect(first, path.relative(ROOT, f.file)).toBe(`# yaml-language-server: $schema=${rel}`);
    }
  });

  it('gives every procedure a provenance URL and resolves every variant onto its base', () => {
    for (const [code, entry] of catalogue.procedures) {
      expect(entry.procedure.provenance.length, code).toBeGreaterThan(0);
      expect(catalogue.resolve(code), code).toBeDefined();
    }
  });

  it('is mapped in the editor settings for every schema', () => {
    const settings = JSON.parse(readFileSync(path.join(ROOT, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, unknown> };
    for (const schema of Object.values(SCHEMA_OF)) expect(Object.keys(settings['yaml.schemas'])).toContain(`./schemas/${schema}.schema.json`);
  });
});

describe('the README', () => {
  it('documents every diagnostic code (generated/docs/codes.md, linked from the README)', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('generated/docs/codes.md');
    const reference = readFileSync(path.join(ROOT, 'generated/docs/codes.md'), 'utf8');
    for (const c of CODES) expect(reference).toContain(`| ${c.code} | \`${c.id}\``);
  });
});
