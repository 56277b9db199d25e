// Latency of `tthc watch` for a one-file edit on the bundled catalogue: from the moment a
// file is saved to the moment the change report is printed (file-system notification,
// debounce, re-read, re-validate, re-check, diff, print), measured on the real process.
// Also the cold `tthc check` run it replaces, for the ratio. Prints medians.
//
//   npm run build && node bench/watch.bench.mjs [--edits 15]
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'tthc.js');
const argIndex = process.argv.indexOf('--edits');
const edits = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 15;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(path.join(tmpdir(), 'tthc-watch-bench-'));
cpSync(path.join(root, 'procedures'), path.join(dir, 'procedures'), { recursive: true });
writeFileSync(path.join(dir, 'package.json'), '{"name":"bench","private":true}\n');

// Files to edit: procedures spread over the catalogue (national, provincial, curated).
const targets = ['procedures/curated/ho-tich', 'procedures/national', 'procedures/provinces']
  .map((d) => execFileSync('find', [path.join(dir, d), '-name', '*.yaml'], { encoding: 'utf8' }).trim().split('\n').sort()[3]);

// The cold run the watcher saves: a full `tthc check --no-cache`.
const coldStart = performance.now();
try {
  execFileSync(process.execPath, [bin, 'check', 'procedures', '--no-cache', '--format', 'json'], { cwd: dir, stdio: 'ignore' });
} catch {
  // exit 1: findings
}
const cold = performance.now() - coldStart;

const child = spawn(process.execPath, [bin, 'watch', 'procedures', '--lang', 'en'], { cwd: dir });
let out = '';
child.stdout.on('data', (b) => (out += b.toString()));
const waitFor = (from, pattern) => new Promise((resolve, reject) => {
  const t = setInterval(() => {
    if (pattern.test(out.slice(from))) {
      clearInterval(t);
      resolve(performance.now());
    }
  }, 1);
  setTimeout(() => reject(new Error(`timeout waiting for ${pattern}: ${out.slice(from)}`)), 60_000);
});
await waitFor(0, /Watching \d+ files/);
const startLine = /Watching .*\((\d+) ms\)/.exec(out)?.[1];
const latencies = [];
for (let i = 0; i < edits; i++) {
  const file = targets[i % targets.length];
  const before = readFileSync(file, 'utf8');
  // An edit that changes a finding: a top-level key the schema refuses, then its removal.
  for (const text of [`${before}\nbenchKey${i}: 1\n`, before]) {
    const from = out.length;
    const t0 = performance.now();
    writeFileSync(file, text);
    const t1 = await waitFor(from, /\((\d+) ms\)\.\n/);
    latencies.push(t1 - t0);
  }
}
const exited = new Promise((resolve) => child.on('exit', resolve));
child.kill('SIGTERM');
await exited;
rmSync(dir, { recursive: true, force: true });
const m = median(latencies);
console.log(`catalogue: ${execFileSync('find', [path.join(root, 'procedures'), '-name', '*.yaml'], { encoding: 'utf8' }).trim().split('\n').length} files; ${latencies.length} saves`);
console.log(`watch start (load + check, cache cold or warm): ${startLine} ms`);
console.log(`cold tthc check --no-cache (process):          ${cold.toFixed(0)} ms`);
console.log(`one-file edit, save → report printed: median ${m.toFixed(0)} ms (min ${Math.min(...latencies).toFixed(0)}, max ${Math.max(...latencies).toFixed(0)}); target ≤ 300 ms`);
console.log(`every save (ms): ${latencies.map((x) => x.toFixed(0)).join(' ')}`);
console.log(`ratio to a cold full run: ${(m / cold).toFixed(3)} (target ≤ 0.05)`);
