import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as a developer gets it: `npm pack`, installed from the tarball into an empty
 * project with only the registry's packages, then test/package/consumer.ts (the README's
 * embedding example) type-checked under `nodenext` and `bundler` resolution and run: a birth
 * registration dossier to `returned`, due across Ngày Văn hóa Việt Nam (24/11/2026).
 * Needs the npm registry (or npm's cache); `npm test` builds dist/ first (pretest).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'tthc-package-'));
const project = path.join(work, 'consumer');
let installLog = '';

function run(cmd: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // dist/ is fresh (npm test's pretest builds it), so the pack skips prepack's build.
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz')) as string;
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const versions = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const install = run('npm', ['install', path.join(work, tarball), `xstate@${versions.dependencies['xstate']}`, `typescript@${versions.devDependencies['typescript']}`,
    `@types/node@${versions.devDependencies['@types/node']}`, '--no-audit', '--no-fund', '--prefer-offline'], project);
  installLog = install.stderr;
  expect(install.status, install.stderr).toBe(0);
  copyFileSync(path.join(ROOT, 'test/package/consumer.ts'), path.join(project, 'consumer.ts'));
}, 600_000);

describe('the packed package, installed in an empty project', () => {
  it('runs no install script of its own', () => {
    expect(installLog).not.toMatch(/install-scripts[^\n]*tthc/u);
    const manifest = JSON.parse(readFileSync(path.join(project, 'node_modules/tthc/package.json'), 'utf8')) as { scripts?: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts?.[hook], hook).toBeUndefined();
  });

  it('type-checks the embedding example under nodenext resolution, and runs a dossier to its result across 24/11/2026', () => {
    writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, outDir: 'out', types: ['node'] },
      files: ['consumer.ts'],
    }));
    const tsc = run(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project);
    expect(tsc.status, tsc.stdout).toBe(0);
    const out = run(process.execPath, ['out/consumer.js'], project);
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      procedure: '1.001193',
      state: 'returned',
      due: '2026-11-25T17:00:00+07:00',
      basis: 'announced',
      sameModule: true,
      workingOn24Nov: false,
    });
  }, 300_000);

  it('type-checks under bundler resolution too', () => {
    writeFileSync(path.join(project, 'tsconfig.bundler.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'esnext', moduleResolution: 'bundler', strict: true, noEmit: true, types: ['node'] },
      files: ['consumer.ts'],
    }));
    const tsc = run(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.bundler.json'], project);
    expect(tsc.status, tsc.stdout).toBe(0);
  }, 300_000);

  it('is the example the README shows', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(readFileSync(path.join(ROOT, 'test/package/consumer.ts'), 'utf8').trim());
  });
});
