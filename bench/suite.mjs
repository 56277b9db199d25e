// The benchmark suite of issue 12: every row of the speed table, measured side by side in one
// run, printed as ONE table of medians and ratios, with peak memory per row. Not a test: it
// prints, it asserts nothing. See bench/README.md.
//
//   npm run bench                 full run (about 10 minutes on 2 cores)
//   npm run bench -- --quick      CI-sized run (smaller inputs, fewer rounds; about 2 minutes)
//   npm run bench -- --only validate,spectral
//   npm run bench -- --json       the rows as JSON as well
//
// Each row runs in its own child process (node bench/suite.mjs --row <id>) with Node's default
// heap, so its peak RSS is its own; inside a row the subject and its baseline alternate round
// by round, so machine load affects both alike.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const QUICK = flag('quick');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dist = (p) => import(path.join(ROOT, 'dist', p));

/** Peak resident set size of this process so far, in MiB. */
const peakRss = () => process.resourceUsage().maxRSS / 1024;

/** Runs the CLI in process; returns the exit code (output captured and dropped). */
async function cli(args, cwd) {
  const { main } = await dist('src/cli/main.js');
  let out = '';
  let err = '';
  const code = await main(args, { cwd, env: {}, isTTY: false, stdout: (t) => (out += t), stderr: (t) => (err += t) });
  // A usage error would time nothing: never let it pass for a fast run.
  if (code === 2) throw new Error(`tthc ${args.join(' ')} exited 2: ${err.slice(0, 500)}`);
  return { code, out };
}

/** Whether the CLI on this branch has a cache (an option `--no-cache` in validate's help). */
async function hasCache() {
  const { out } = await cli(['validate', '--help', '--lang', 'en'], ROOT);
  return out.includes('--no-cache');
}

/** Times `fn` (sync or async) once, in ms. */
async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/**
 * Alternates `fns` for `rounds` rounds after one warm-up round; medians in ms. The order
 * rotates every round, so that no subject always follows the same one (and pays for the
 * garbage it left).
 */
async function sideBySide(fns, rounds) {
  for (const fn of Object.values(fns)) await fn();
  const entries = Object.entries(fns);
  const samples = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < entries.length; i++) {
      const [k, fn] = entries[(i + r) % entries.length];
      samples[k].push(await time(fn));
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]));
}

/** The parse floor: read every catalogue file and parse it with `yaml` (document + line counter). */
async function parseFloor(files) {
  const { LineCounter, parseDocument } = await import('yaml');
  return () => {
    for (const f of files) parseDocument(readFileSync(f, 'utf8'), { lineCounter: new LineCounter() });
  };
}

async function catalogueFiles(paths, cwd = ROOT) {
  const { collectFiles } = await dist('src/catalogue/files.js');
  return collectFiles(paths, cwd).files;
}

/** A temporary catalogue: the registry plus the given procedure files, `copies` times with suffixed codes. */
function tempCatalogue(texts, copies, label) {
  const dir = mkdtempSync(path.join(tmpdir(), `tthc-bench-${label}-`));
  cpSync(path.join(ROOT, 'procedures', 'registry'), path.join(dir, 'registry'), { recursive: true });
  for (let c = 0; c < copies; c++) {
    const out = path.join(dir, `copy-${c}`);
    mkdirSync(out, { recursive: true });
    texts.forEach((text, i) => writeFileSync(path.join(out, `${i}.yaml`), c === 0 ? text : text.replace(/^code: "([^"]+)"/m, `code: "$1.C${c}"`)));
  }
  return dir;
}

/** A project folder (procedures/registry + procedures/national) of `n` national procedures. */
function quickProject(n) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tthc-bench-quick-'));
  cpSync(path.join(ROOT, 'procedures', 'registry'), path.join(dir, 'procedures', 'registry'), { recursive: true });
  mkdirSync(path.join(dir, 'procedures', 'national'), { recursive: true });
  nationalTexts(n).forEach((t, i) => writeFileSync(path.join(dir, 'procedures', 'national', `${i}.yaml`), t));
  return dir;
}

function nationalTexts(limit) {
  const national = path.join(ROOT, 'procedures', 'national');
  const files = readdirSync(national).sort().flatMap((d) => readdirSync(path.join(national, d)).sort().map((f) => path.join(national, d, f)));
  return files.slice(0, limit).map((f) => readFileSync(f, 'utf8'));
}

// ── rows (each runs in a child process) ─────────────────────────────────────────────────────

const ROWS = {
  /** validate / check / generate --check against the same parse floor, side by side. */
  async commands() {
    const rounds = QUICK ? 3 : 5;
    // --quick: a project of 300 national procedures and the registry, not the whole catalogue.
    const cwd = QUICK ? quickProject(300) : ROOT;
    const files = await catalogueFiles(['procedures'], cwd);
    const floor = await parseFloor(files);
    const cache = (await hasCache()) ? ['--no-cache'] : [];
    const m = await sideBySide({
      floor,
      validate: () => cli(['validate', 'procedures', '--format', 'json', ...cache], cwd),
      check: () => cli(['check', 'procedures', '--format', 'json', ...cache], cwd),
      generate: () => cli(['generate', '--check'], cwd), // generate has no cache
    }, rounds);
    if (QUICK) rmSync(cwd, { recursive: true, force: true });
    return {
      note: `${files.length} files${QUICK ? ' (300 national procedures + registry)' : ' (procedures/)'}, median of ${rounds}`,
      rows: [
        { id: 'validate', measure: '`tthc validate procedures` ÷ bare yaml parse of the same files', base: m.floor, subject: m.validate, unit: 'ms', ratio: m.validate / m.floor, target: '≤ 1.3× cold', ok: m.validate / m.floor <= 1.3 },
        { id: 'check', measure: '`tthc check procedures` ÷ the same parse floor', base: m.floor, subject: m.check, unit: 'ms', ratio: m.check / m.floor, target: '≤ 1.5× cold', ok: m.check / m.floor <= 1.5 },
        { id: 'generate', measure: '`tthc generate --check` ÷ the same parse floor', base: m.floor, subject: m.generate, unit: 'ms', ratio: m.generate / m.floor, target: '≤ 1.5× cold', ok: m.generate / m.floor <= 1.5 },
      ],
    };
  },

  /** One file re-validated after an edit ÷ a cold full run: through the cache when there is one. */
  async incremental() {
    const rounds = QUICK ? 3 : 5;
    const dir = mkdtempSync(path.join(tmpdir(), 'tthc-bench-inc-'));
    try {
      if (QUICK) {
        cpSync(path.join(ROOT, 'procedures', 'registry'), path.join(dir, 'procedures', 'registry'), { recursive: true });
        mkdirSync(path.join(dir, 'procedures', 'national'), { recursive: true });
        nationalTexts(300).forEach((t, i) => writeFileSync(path.join(dir, 'procedures', 'national', `${i}.yaml`), t));
      } else cpSync(path.join(ROOT, 'procedures'), path.join(dir, 'procedures'), { recursive: true });
      const files = (await catalogueFiles(['procedures'], dir)).filter((f) => f.includes(`${path.sep}national${path.sep}`));
      const target = files[Math.floor(files.length / 2)];
      const original = readFileSync(target, 'utf8');
      let n = 0;
      const edit = () => writeFileSync(target, original.replace(/^name: (.*)$/m, `name: $1 (sửa ${++n})`));
      const cache = await hasCache();
      const rows = [];
      const cold = () => cli(['validate', 'procedures', '--format', 'json', ...(cache ? ['--no-cache'] : [])], dir);
      // Without a cache, the only incremental path is naming the one file: it still loads its
      // catalogue for context (references, duplicates), so it costs about a full run.
      const single = () => {
        edit();
        return cli(['validate', path.relative(dir, target), '--format', 'json', ...(cache ? ['--no-cache'] : [])], dir);
      };
      const fns = { cold, single };
      if (cache) {
        const cacheDir = path.join(dir, 'cache');
        fns.cached = () => {
          edit();
          return cli(['validate', 'procedures', '--format', 'json', '--cache-dir', cacheDir], dir);
        };
      }
      if (cache) fns.coldCheck = () => cli(['check', 'procedures', '--format', 'json', '--no-cache'], dir);
      const m = await sideBySide(fns, rounds);
      if (cache) {
        // What \`tthc watch\` and \`tthc lsp\` do on a save or a keystroke: one running session
        // re-reads the edited file and re-checks the procedures it feeds.
        const { CatalogueSession } = await dist('src/cache/index.js');
        const session = CatalogueSession.open({ paths: ['procedures'], cwd: dir, checks: {}, dropTrees: true, incremental: true });
        const times = [];
        for (let i = 0; i < (QUICK ? 5 : 15); i++) {
          edit();
          times.push(await time(() => session.update(target)));
        }
        const t = median(times);
        rows.push({ id: 'session', measure: 'one file re-validated and re-checked after an edit in a running session (`tthc watch`, `tthc lsp`) ÷ a cold full `tthc check`', base: m.coldCheck, subject: t, unit: 'ms', ratio: t / m.coldCheck, target: '≤ 0.05 and ≤ 300 ms', ok: t / m.coldCheck <= 0.05 && t <= 300 });
      }
      rows.push(cache
        ? { id: 'incremental', measure: 'one file re-validated after an edit, by a new `tthc validate` run through the cache file, ÷ a cold full run', base: m.cold, subject: m.cached, unit: 'ms', ratio: m.cached / m.cold, target: '≤ 0.05 and ≤ 300 ms', ok: m.cached / m.cold <= 0.05 && m.cached <= 300 }
        : { id: 'incremental', measure: 'one file re-validated after an edit ÷ a cold full run', base: m.cold, subject: null, unit: 'ms', ratio: null, text: 'n/a (no cache on this branch)', target: '≤ 0.05 and ≤ 300 ms', ok: false });
      rows.push({ id: 'single-file', measure: '`tthc validate <one file>` after an edit ÷ a cold full run (no cache)', base: m.cold, subject: m.single, unit: 'ms', ratio: m.single / m.cold, target: '—', ok: null });
      return { note: `${files.length} national files${QUICK ? ' (quick project)' : ''}; median of ${rounds}`, rows };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },

  /** check at 1×, 5×, 10× the bundled national catalogue, Node's default heap. */
  async scale() {
    const unit = QUICK ? 200 : 2114;
    const rounds = QUICK ? 3 : Number(opt('scale-rounds', '3'));
    const texts = nationalTexts(unit);
    const { loadCatalogue } = await dist('src/catalogue/catalogue.js');
    const { runChecks } = await dist('src/checks/run.js');
    const sizes = [1, 5, 10];
    const dirs = Object.fromEntries(sizes.map((s) => [s, tempCatalogue(texts, s, `${s}x`)]));
    try {
      const check = (s) => () => {
        const catalogue = loadCatalogue({ paths: [dirs[s]], cwd: dirs[s] });
        runChecks(catalogue, { today: '2026-11-22' });
      };
      // Rounds alternate the sizes; the 10× run is the expensive one, so one warm-up of 1× only.
      await check(1)();
      const samples = { 1: [], 5: [], 10: [] };
      for (let r = 0; r < rounds; r++) for (const s of sizes) samples[s].push(await time(check(s)));
      const m = Object.fromEntries(sizes.map((s) => [s, median(samples[s])]));
      return {
        note: `1× = ${texts.length} national procedures (+ registry); load + all rules; median of ${rounds}`,
        rows: [
          { id: 'scale-5', measure: 'check on a 5× catalogue ÷ 1× (default heap)', base: m[1], subject: m[5], unit: 'ms', ratio: m[5] / m[1], target: '≤ 5.5× (linear)', ok: m[5] / m[1] <= 5.5 },
          { id: 'scale-10', measure: 'check on a 10× catalogue ÷ 1× (default heap)', base: m[1], subject: m[10], unit: 'ms', ratio: m[10] / m[1], target: '≤ 11×', ok: m[10] / m[1] <= 11 },
        ],
      };
    } finally {
      for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
    }
  },

  /** docs/s of check and validate vs Spectral with the same schema and duplicate-component rule. */
  async spectral() {
    const n = QUICK ? 60 : Number(opt('spectral-docs', '300'));
    const rounds = QUICK ? 3 : 3;
    const texts = nationalTexts(n);
    const noCache = (await hasCache()) ? ['--no-cache'] : [];
    const dir = tempCatalogue(texts, 1, 'spectral');
    const { makeSpectral } = await import('./spectral-ruleset.mjs');
    const shipped = await makeSpectral('shipped');
    const compiled = await makeSpectral('compiled');
    const docs = readdirSync(path.join(dir, 'copy-0')).sort().map((f) => ({ file: path.join(dir, 'copy-0', f), text: readFileSync(path.join(dir, 'copy-0', f), 'utf8') }));
    try {
      const findings = { shipped: { count: 0, keys: '' }, compiled: { count: 0, keys: '' } };
      const m = await sideBySide({
        // Cold, as Spectral is: no cache (it would answer a repeated run from disk).
        check: () => cli(['check', dir, '--format', 'json', ...noCache], dir),
        validate: () => cli(['validate', dir, '--format', 'json', ...noCache], dir),
        shipped: async () => (findings.shipped = await shipped.run(docs)),
        compiled: async () => (findings.compiled = await compiled.run(docs)),
      }, rounds);
      const rate = (ms) => (docs.length * 1000) / ms;
      return {
        note: `${docs.length} national files; Spectral findings: as shipped ${findings.shipped.count}, compiled once ${findings.compiled.count} (${findings.shipped.keys === findings.compiled.keys ? 'identical' : 'different'} paths); median of ${rounds}`,
        rows: [
          { id: 'spectral', measure: 'docs/s of `check` ÷ Spectral (same schema + duplicate-component rule), as shipped', base: rate(m.shipped), subject: rate(m.check), unit: 'docs/s', ratio: m.shipped / m.check, target: '≥ 20×', ok: m.shipped / m.check >= 20 },
          { id: 'spectral-validate', measure: 'docs/s of `validate` ÷ that Spectral, as shipped', base: rate(m.shipped), subject: rate(m.validate), unit: 'docs/s', ratio: m.shipped / m.validate, target: '—', ok: null },
          { id: 'spectral-compiled', measure: 'docs/s of `check` ÷ Spectral with the schema compiled once (the fair yardstick)', base: rate(m.compiled), subject: rate(m.check), unit: 'docs/s', ratio: m.compiled / m.check, target: '≥ 2×', ok: m.compiled / m.check >= 2 },
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },

  /** events/s through the generated machine vs a hand-written XState machine; snapshot persist + restore. */
  async machines() {
    const { createActor } = await import('xstate');
    const { workflow, createMachine } = await dist('generated/workflows/1.004873.js');
    const { holidayTable } = await dist('generated/calendar.js');
    const { WorkingCalendar } = await dist('src/calendar/index.js');
    const { handWrittenMachine } = await import('./handwritten-machine.mjs');
    const generated = createMachine();
    const hand = handWrittenMachine(workflow, new WorkingCalendar(holidayTable));
    // Many short rounds: event throughput is sensitive to bursts of load on a shared machine.
    const dossiers = QUICK ? 500 : 2000;
    const rounds = QUICK ? 5 : 25;
    const at = '2026-03-02T09:00';
    const components = ['to-khai', 'giay-to-tuy-than', 'giay-to-cu-tru'];
    const life = (machine) => () => {
      for (let i = 0; i < dossiers; i++) {
        const a = createActor(machine).start();
        a.send({ type: 'SUBMIT', channel: 'in-person', components, at });
        a.send({ type: 'RECEIVE', at });
        a.send({ type: 'TRANSFER', at });
        a.send({ type: 'APPRAISE', at });
        a.send({ type: 'APPROVE', at });
        a.send({ type: 'RETURN', method: 'in-person', at });
        if (a.getSnapshot().value !== 'returned') throw new Error(`${machine.id} did not reach returned`);
        a.stop();
      }
    };
    // Persist + restore: a received dossier's snapshot to JSON and back into a new actor.
    const received = createActor(generated).start();
    received.send({ type: 'SUBMIT', channel: 'in-person', components, at });
    received.send({ type: 'RECEIVE', at });
    const snapshots = () => {
      let snap = received.getPersistedSnapshot();
      for (let i = 0; i < dossiers; i++) {
        const text = JSON.stringify(snap);
        const a = createActor(generated, { snapshot: JSON.parse(text) }).start();
        snap = a.getPersistedSnapshot();
        a.stop();
      }
      if (snap.value !== 'received') throw new Error('restore lost the state');
    };
    const m = { ...(await sideBySide({ generated: life(generated), hand: life(hand) }, rounds)), ...(await sideBySide({ snapshots }, rounds)) };
    const eps = (ms) => (dossiers * 6 * 1000) / ms;
    return {
      note: `1.004873, ${dossiers} dossiers × 6 events per round; median of ${rounds}`,
      rows: [
        { id: 'events', measure: 'events/s through the generated machine ÷ a hand-written XState machine of the same shape', base: eps(m.hand), subject: eps(m.generated), unit: 'events/s', ratio: m.hand / m.generated, target: '≥ 0.9', ok: m.hand / m.generated >= 0.9 },
        { id: 'snapshots', measure: 'snapshot persist + restore (JSON round trip into a new actor) per second', base: null, subject: (dossiers * 1000) / m.snapshots, unit: '/s', ratio: null, target: '—', ok: null },
      ],
    };
  },
};

// ── orchestration ──────────────────────────────────────────────────────────────────────────

const row = opt('row', undefined);
if (row !== undefined) {
  const result = await ROWS[row]();
  result.rss = peakRss();
  process.stdout.write(`\n@@ROW ${JSON.stringify(result)}\n`);
  process.exit(0);
}

const only = opt('only', Object.keys(ROWS).join(',')).split(',');
const results = [];
const started = performance.now();
for (const id of Object.keys(ROWS).filter((k) => only.includes(k))) {
  process.stderr.write(`bench: ${id}…\n`);
  const t = performance.now();
  const r = spawnSync(process.execPath, [import.meta.filename, '--row', id, ...(QUICK ? ['--quick'] : []), ...argv.filter((a) => a !== '--quick')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('@@ROW '));
  if (line === undefined) {
    process.stderr.write(`bench: ${id} failed (exit ${r.status}):\n${r.stderr}\n`);
    results.push({ id, failed: true, rows: [], note: `failed: exit ${r.status}` });
    continue;
  }
  const result = JSON.parse(line.slice(6));
  result.id = id;
  result.seconds = (performance.now() - t) / 1000;
  results.push(result);
}

const num = (x, unit) => {
  if (x === null || x === undefined) return '—';
  if (unit === 'ms') return `${x.toFixed(0)} ms`;
  return `${Math.round(x).toLocaleString('en-US')} ${unit}`;
};
const lines = [];
lines.push(`| measure | baseline | tthc | now | target | met | peak RSS |`);
lines.push(`|---|---:|---:|---:|---|---|---:|`);
for (const r of results) {
  for (const x of r.rows) {
    const now = x.text ?? (x.ratio === null ? num(x.subject, x.unit) : `${x.ratio.toFixed(2)}×`);
    const met = x.ok === null ? '—' : x.ok ? 'met' : 'not met';
    lines.push(`| ${x.measure} | ${num(x.base, x.unit)} | ${num(x.subject, x.unit)} | ${now} | ${x.target} | ${met} | ${r.rss.toFixed(0)} MiB |`);
  }
}
const cpu = cpus();
console.log(`tthc benchmarks${QUICK ? ' (--quick)' : ''}: node ${process.version}, ${cpu.length} cores (${cpu[0]?.model ?? '?'}), ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log('Ratios are subject ÷ baseline for times (lower is better); for docs/s and events/s they are how many times faster tthc is (baseline time ÷ tthc time).\n');
console.log(lines.join('\n'));
console.log('');
for (const r of results) console.log(`- ${r.id}: ${r.note}${r.seconds !== undefined ? ` (${r.seconds.toFixed(0)} s, peak RSS ${r.rss.toFixed(0)} MiB)` : ''}`);
if (flag('json')) console.log(JSON.stringify(results, null, 2));
// A row that could not run fails the command (CI); targets not met do not: the table says so.
if (results.some((r) => r.failed)) process.exitCode = 1;
