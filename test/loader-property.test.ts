import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/catalogue.js';
import { collectFiles } from '../src/catalogue/files.js';
import { ALL_CODES as CODES } from '../src/report/codes.js';
import { renderMessage } from '../src/diagnostics/diagnostic.js';
import { FIXTURES, ROOT } from './helpers/paths.js';

// Valid files to mutate: the bundled hand-written procedures and registries, and the test registries.
const seeds = [
  ...collectFiles([path.join(ROOT, 'procedures')], ROOT).files.slice(0, 40),
  ...collectFiles([path.join(FIXTURES, 'base')], ROOT).files,
].map((f) => readFileSync(f));

const tmp = mkdtempSync(path.join(tmpdir(), 'tthc-prop-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Mutation = (bytes: Buffer) => Buffer;

const lineEdit = (edit: (lines: string[], i: number, arg: string) => void) =>
  fc.tuple(fc.nat(), fc.string({ maxLength: 20 })).map(([n, arg]): Mutation => (bytes) => {
    const lines = bytes.toString('latin1').split('\n');
    edit(lines, n % Math.max(1, lines.length), arg);
    return Buffer.from(lines.join('\n'), 'latin1');
  });

const SWAPS = ['123', '-1', '1.5', '"x"', '[1, 2]', '{a: b}', 'true', 'null', '~', '""', '[]', '{}', '- x', '&a 1', '*a', '!tag x', '"1.000110"', '1.000110'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // delete a line
  lineEdit((lines, i) => lines.splice(i, 1)),
  // duplicate a line (duplicate keys, repeated items)
  lineEdit((lines, i) => lines.splice(i, 0, lines[i] ?? '')),
  // swap a value for one of another type
  fc.tuple(fc.nat(), fc.constantFrom(...SWAPS)).map(([n, v]): Mutation => (bytes) => {
    const lines = bytes.toString('utf8').split('\n');
    const i = n % Math.max(1, lines.length);
    lines[i] = (lines[i] ?? '').replace(/:\s.*$/, `: ${v}`);
    return Buffer.from(lines.join('\n'), 'utf8');
  }),
  // shift indentation, sometimes with a tab
  lineEdit((lines, i, arg) => {
    lines[i] = (arg.length % 3 === 0 ? '\t' : ' '.repeat(arg.length % 5)) + (lines[i] ?? '').trimStart();
  }),
  // junk bytes anywhere (invalid UTF-8, NUL, control characters)
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([n, junk]): Mutation => (bytes) => {
    const at = n % (bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(junk), bytes.subarray(at)]);
  }),
  // deep nesting
  fc.tuple(fc.integer({ min: 10, max: 3000 }), fc.constantFrom('[', '{a: ', '- ')).map(([depth, open]): Mutation => (bytes) => {
    const close = open === '[' ? ']' : open === '{a: ' ? '}' : '';
    const nested = open === '- ' ? Array.from({ length: Math.min(depth, 200) }, (_, k) => ' '.repeat(k * 2) + '- ').join('\n') + 'x' : open.repeat(depth) + 'x' + close.repeat(depth);
    return Buffer.concat([bytes, Buffer.from(`\nnested: ${nested}\n`)]);
  }),
  // a huge string
  fc.integer({ min: 10_000, max: 500_000 }).map((size): Mutation => (bytes) => Buffer.concat([bytes, Buffer.from(`\nname: "${'đ'.repeat(size)}"\n`)])),
  // truncate
  fc.nat().map((n): Mutation => (bytes) => bytes.subarray(0, n % (bytes.length + 1))),
);

const KNOWN = new Set(CODES.map((c) => c.code));

describe('the loader under random mutations of valid files', () => {
  it('never throws and always yields registered, positioned, bilingual diagnostics', () => {
    let run = 0;
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, mutations) => {
        const bytes = mutations.reduce<Buffer>((b, m) => m(b), seed);
        const file = path.join(tmp, `m${run++}.yaml`);
        writeFileSync(file, bytes);
        const catalogue = loadCatalogue({ paths: [file], context: false });
        const lineCount = bytes.toString('utf8').split('\n').length;
        for (const d of catalogue.diagnostics) {
          seen.add(d.code);
          expect(KNOWN.has(d.code)).toBe(true);
          expect(['error', 'warning', 'info']).toContain(d.severity);
          expect(d.range).not.toBeNull();
          expect(d.range?.start.line).toBeGreaterThanOrEqual(1);
          expect(d.range?.start.column).toBeGreaterThanOrEqual(1);
          expect(d.range?.start.line).toBeLessThanOrEqual(lineCount + 1);
          for (const lang of ['vi', 'en'] as const) {
            const text = renderMessage(d, lang);
            expect(text.length).toBeGreaterThan(10);
            expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
          }
        }
      }),
      { numRuns: 300 },
    );
    // The mutations must actually break files in many ways, or the property proves nothing.
    expect(seen.size).toBeGreaterThanOrEqual(8);
  });
});
