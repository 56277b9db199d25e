import { gzipSync } from 'node:zlib';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * A generated workflow loads only what it needs (issue 10): the workflow runtime, the
 * calendar, the condition evaluator and xstate — nothing of the loader, the schema
 * validator, the checks, the importer, the report layer, the engine or the site. Measured on
 * the built module (dist/, as the package ships it) by bundling it with esbuild and reading
 * the bundle's inputs; the README quotes the size printed here.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const ALLOWED = /^(dist\/src\/(workflow|calendar|util)\/|dist\/src\/catalogue\/evaluate\.js$|dist\/generated\/(calendar\.js|workflows\/1\.001193\.js)$|node_modules\/xstate\/)/u;

describe('one generated workflow, bundled', () => {
  it('pulls the workflow runtime, the calendar and xstate only, and stays small', async () => {
    const result = await esbuild.build({
      absWorkingDir: ROOT, entryPoints: ['dist/generated/workflows/1.001193.js'], bundle: true, write: false, minify: true,
      format: 'esm', platform: 'neutral', metafile: true, logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => !ALLOWED.test(i))).toEqual([]);
    expect(inputs.some((i) => i.startsWith('node_modules/xstate/'))).toBe(true);
    const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
    const ours = inputs.filter((i) => i.startsWith('dist/'));
    process.stdout.write(`workflow 1.001193: ${ours.length} modules of tthc + xstate, ${(bytes.length / 1024).toFixed(1)} KiB minified, ${(gzipSync(bytes).length / 1024).toFixed(1)} KiB gzipped\n`);
    // A bound, not a timing: a stray import of the loader or the checks would add hundreds of KiB.
    expect(bytes.length).toBeLessThan(150 * 1024);
  });
});
