import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/**
 * Bundles the browser scripts of the site (src/site/browser/*.ts) with esbuild: each page's
 * script with the library code it calls (the checklist, the calendar), MiniSearch and
 * Chart.js, minified, as classic scripts (IIFE) — module scripts do not load from file://.
 * Run by `npm run build` (scripts/bundle-site.mjs); the site builder copies the result.
 * esbuild is a development dependency: this module is never loaded by `tthc site`.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
/** The source folder (src/site), whether this runs from src/ (vitest) or dist/src/ (build). */
function sourceDir(): string {
  const fromDist = path.resolve(here, '../../../src/site');
  return here.includes(`${path.sep}dist${path.sep}`) ? fromDist : here;
}

/** The page scripts, by output name. */
export const ENTRY_POINTS = { catalogue: 'browser/catalogue.ts', procedure: 'browser/procedure.ts', dashboard: 'browser/dashboard.ts' } as const;

/**
 * Node built-ins reached only through code the pages never run. Today
 * src/catalogue/conditions.ts imports the diagnostics codes, which import every check rule
 * and through them the file helpers (a cycle the diagnostics refactor removes); the
 * browser never calls that code, so the built-ins resolve to a module that throws if ever
 * used, instead of failing the bundle. The metafile lists what each bundle holds.
 */
const nodeBuiltinsUnavailable: esbuild.Plugin = {
  name: 'node-builtins-unavailable',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'node-unavailable' }));
    build.onLoad({ filter: /.*/, namespace: 'node-unavailable' }, (args) => ({
      loader: 'js',
      contents: `const fail = () => { throw new Error(${JSON.stringify(`${args.path} is not available in the browser`)}); };
export default new Proxy({}, { get: fail });
export const readFileSync = fail, existsSync = fail, readdirSync = fail, statSync = fail, writeFileSync = fail, renameSync = fail, mkdirSync = fail, rmSync = fail, fileURLToPath = fail, createRequire = fail, createHash = fail;`,
    }));
  },
};

/** What a bundle holds: its size and its input modules with their bytes, largest first. */
export interface BundleInfo {
  file: string;
  bytes: number;
  inputs: { path: string; bytes: number }[];
}

/**
 * Bundles the page scripts and copies the stylesheet into `outDir`.
 *
 * @example
 * await bundleBrowser('dist/site') // [{ file: 'catalogue.js', bytes: 40213, inputs: [...] }, …]
 */
export async function bundleBrowser(outDir: string, options: { minify?: boolean } = {}): Promise<BundleInfo[]> {
  const src = sourceDir();
  mkdirSync(outDir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, file]) => [name, path.join(src, file)])),
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: options.minify ?? true,
    legalComments: 'eof',
    metafile: true,
    logLevel: 'silent',
    plugins: [nodeBuiltinsUnavailable],
  });
  copyFileSync(path.join(src, 'assets', 'site.css'), path.join(outDir, 'site.css'));
  return Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, out]) => ({
      file: path.basename(file),
      bytes: out.bytes,
      inputs: Object.entries(out.inputs).map(([p, i]) => ({ path: p, bytes: i.bytesInOutput })).sort((a, b) => b.bytes - a.bytes),
    }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
}
