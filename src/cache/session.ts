import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  assembleCatalogue,
  loadFileText,
  planLoad,
  type Catalogue,
  type LoadedFile,
  type LoadOptions,
  type LoadPlan,
} from '../catalogue/catalogue.js';
import { CATALOGUE_EXTENSIONS, compareCodePoints } from '../catalogue/files.js';
import { lazySourceDoc } from '../catalogue/parse.js';
import { decodeUtf8, readBytes, readUnsaved } from '../catalogue/read.js';
import { REGISTRY_KINDS, type FileKind } from '../catalogue/schemas.js';
import { buildIndex, RESULT_MIN_WORDS, resultKeyOf, serviceKey, type CheckIndex } from '../checks/index-build.js';
import {
  checkProcedures,
  mergeChecks,
  suppressionProblems,
  targetCodes,
  type CheckOptions,
  type CheckResult,
  type ProcedureCheck,
} from '../checks/run.js';
import { deepFreeze } from '../catalogue/normalize.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { environmentKey, hashOf } from './fingerprint.js';
import { isPlainJson } from './plain.js';
import { cacheFileName, defaultCacheDir, readStore, writeStore } from './store.js';

/** What the per-file stage gave for one file, as stored (plain JSON). */
interface FileRecord {
  hash: string;
  kind: FileKind | null;
  valid: boolean;
  /** Absent when the file did not parse. */
  value?: unknown;
  /** Whether the file had a source (it was read as text). */
  source: boolean;
  diagnostics: Diagnostic[];
}

/** What the rules found on one procedure, with what it depends on (plain JSON). */
interface TargetRecord {
  key: string;
  files: string[];
  hashes: string[];
  codes: string[];
  /** Which file defines each of `codes`, and whether it is valid (see codesDigest). */
  codesDigest: string;
  findings: ProcedureCheck['findings'];
  suppressed: ProcedureCheck['suppressed'];
}

/** The body of the cache file. Maps are stored as entry lists (a key is never a property). */
interface CacheBody {
  files: [string, FileRecord][];
  checks?: { key: string; targets: [string, TargetRecord][] };
}

/** One file as the session holds it. */
interface FileState {
  hash: string;
  loaded: LoadedFile;
  record: FileRecord | undefined;
  meta?: Diagnostic[];
}

/** Options of a {@link CatalogueSession}. */
export interface SessionOptions extends LoadOptions {
  /** Options of the check rules; `false` to only load and validate. Default: checks on. */
  checks?: CheckOptions | false;
  /**
   * Folder of the persistent cache; `undefined` keeps everything in memory only. The command
   * line uses {@link defaultCacheDir} (`node_modules/.cache/tthc`) unless `--no-cache`.
   */
  cacheDir?: string;
  /**
   * Drop each file's YAML tree once its value and diagnostics are known, and parse it again
   * only when a position in it is asked for (default true: less memory, less garbage
   * collection). Positions are identical either way.
   */
  dropTrees?: boolean;
  /**
   * Prepare for later updates (default true). A one-shot run without a cache folder passes
   * false: no keys or records are computed for a next time that will not come.
   */
  incremental?: boolean;
}

/** The state after opening a session or applying changes. */
export interface SessionState {
  catalogue: Catalogue;
  /** Load, schema and catalogue diagnostics of the requested files (what `tthc validate` reports). */
  diagnostics: readonly Diagnostic[];
  /** What the check rules found, when the session runs them. */
  checks: CheckResult | undefined;
  /**
   * What this step recomputed: files read and parsed, procedures re-checked; and where the
   * time went, in milliseconds (load: per-file stage and assembly; index; keys; rules; merge).
   */
  work: { parsed: number; reused: number; checked: number; checkReused: number; ms: Record<string, number> };
}

/** What changed between two states (see {@link diffDiagnostics}). */
export interface DiagnosticChanges {
  added: Diagnostic[];
  fixed: Diagnostic[];
}

/**
 * An incremental catalogue: loads once, then re-reads only the files that changed and
 * re-runs the check rules only on the procedures whose inputs changed. The results are
 * exactly those of a fresh `loadCatalogue` + `runChecks` (a property test compares them over
 * random edit sequences). Used by `tthc validate` and `tthc check` (with a persistent cache),
 * `tthc watch`, and meant for a language server (unsaved text through {@link update}).
 *
 * What is reused, and when:
 * - a file's parse, value and schema diagnostics, when its bytes have the same SHA-256 and the
 *   tool, the schemas and the runtime are the same ({@link environmentKey});
 * - a procedure's findings, when the global inputs of the rules are unchanged (registries,
 *   the set of codes and their files, result names, configuration, date, requested set), the
 *   group of services it is compared with is the same, and none of the files its findings
 *   depend on changed (its own, its base's, the compared and related procedures').
 * The assembly across files (duplicate codes, references, registry merge) always runs: it is
 * cheap, and it is where one file's edit reaches another's diagnostics.
 *
 * @example
 * const session = CatalogueSession.open({ paths: ['procedures'] });
 * const before = session.state;
 * const after = session.update('/abs/procedures/national/1.001193.yaml', editedText);
 * const { added, fixed } = diffDiagnostics([...before.diagnostics, ...before.checks!.findings], [...after.diagnostics, ...after.checks!.findings]);
 */
export class CatalogueSession {
  /** The current state. */
  state!: SessionState;
  /** Notices about the cache itself (TTHC801, TTHC802), for stderr. */
  readonly notices: Diagnostic[] = [];
  private plan: LoadPlan;
  private readonly files = new Map<string, FileState>();
  private readonly stored = new Map<string, FileRecord>();
  private readonly overrides = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private targets = new Map<string, TargetRecord>();
  private storedChecks: CacheBody['checks'];
  private changed = false;
  private envKey: string | undefined;
  private stamps = 0;
  private get env(): string {
    return (this.envKey ??= environmentKey());
  }
  private get hashing(): boolean {
    return this.options.cacheDir !== undefined || this.options.incremental !== false;
  }
  /** The cache file of this catalogue inside the cache folder. */
  readonly storeName: string;

  private constructor(private readonly options: SessionOptions) {
    this.plan = planLoad(options);
    const given = (options.paths ?? ['procedures']).map((p) => path.resolve(this.plan.cwd, p)).sort(compareCodePoints);
    this.storeName = cacheFileName(hashOf(JSON.stringify([this.plan.roots, given])));
    if (options.cacheDir !== undefined) {
      const read = readStore<CacheBody>(options.cacheDir, this.storeName, this.env);
      this.notices.push(...read.notices);
      const body = read.body;
      if (body !== undefined && Array.isArray(body.files)) {
        for (const [file, record] of body.files) this.stored.set(file, record);
        this.storedChecks = body.checks;
        if (body.checks !== undefined) this.targets = new Map(body.checks.targets);
      }
      if (read.notices.length > 0) this.changed = true;
    }
  }

  /** Opens a session: loads (and checks) the catalogue, through the cache when given one. */
  static open(options: SessionOptions = {}): CatalogueSession {
    const session = new CatalogueSession(options);
    session.state = session.recompute();
    return session;
  }

  /** The default persistent cache folder of a working folder. */
  static defaultCacheDir(cwd: string): string {
    return defaultCacheDir(cwd);
  }

  /**
   * Applies a change to one file and returns the new state.
   * - `text` given: the file's current (possibly unsaved) content;
   * - `text` undefined: the file changed on disk (or was created or deleted): read it again.
   */
  update(file: string, text?: string): SessionState {
    return this.updateMany([{ file, ...(text !== undefined ? { text } : {}) }]);
  }

  /** Applies several changes at once (a debounced batch of saves). */
  updateMany(changes: readonly { file: string; text?: string }[]): SessionState {
    let replan = false;
    for (const c of changes) {
      const file = path.resolve(this.plan.cwd, c.file);
      if (c.text !== undefined) this.overrides.set(file, c.text);
      else this.overrides.delete(file);
      this.dirty.add(file);
      const known = this.plan.files.includes(file);
      if (!known || (c.text === undefined && !existsSync(file))) replan = true;
    }
    if (replan) this.plan = planLoad(this.options);
    this.state = this.recompute();
    return this.state;
  }

  /** Writes the persistent cache (when the session has a folder and something changed). */
  save(): Diagnostic[] {
    if (this.options.cacheDir === undefined || !this.changed) return [];
    const files: [string, FileRecord][] = [];
    for (const [file, s] of this.files) if (s.record !== undefined) files.push([file, s.record]);
    const body: CacheBody = { files };
    if (this.options.checks !== false && this.checkKey !== undefined) body.checks = { key: this.checkKey, targets: [...this.targets] };
    else if (this.storedChecks !== undefined) body.checks = this.storedChecks;
    const notices = writeStore(this.options.cacheDir, this.storeName, this.env, body);
    this.notices.push(...notices);
    this.changed = false;
    return notices;
  }

  private checkKey: string | undefined;
  private readonly resultKeys = new Map<string, { stamp: string; keys: string[] }>();

  private planFiles(): LoadPlan {
    const extra = [...this.overrides.keys()].filter((f) => !this.plan.files.includes(f) && CATALOGUE_EXTENSIONS.some((e) => f.endsWith(e)));
    if (extra.length === 0) return this.plan;
    const requested = new Set(this.plan.requested);
    for (const f of extra) requested.add(f);
    return { ...this.plan, files: [...this.plan.files, ...extra].sort(compareCodePoints), requested };
  }

  private loadOne(file: string, work: SessionState['work']): LoadedFile {
    const held = this.files.get(file);
    if (held !== undefined && !this.dirty.has(file)) {
      work.reused += 1;
      return held.loaded;
    }
    const override = this.overrides.get(file);
    let hash: string;
    let text: string | undefined;
    let bytes: Buffer | undefined;
    if (override !== undefined) {
      text = override;
      hash = hashOf(`text\0${override}`);
    } else {
      const read = readBytes(file);
      if (!read.ok) {
        // Unreadable: never cached, reported afresh each time.
        const loaded = loadFileText(file, read);
        this.files.set(file, { hash: `unreadable\0${JSON.stringify(read.data)}`, loaded, record: undefined });
        work.parsed += 1;
        return loaded;
      }
      bytes = read.bytes;
      // A one-shot run without a cache file compares no hashes: a unique stamp will do.
      hash = this.hashing ? hashOf(bytes) : `unhashed\0${++this.stamps}`;
    }
    if (held !== undefined && held.hash === hash) {
      work.reused += 1;
      return held.loaded;
    }
    // Unsaved text has the disk's size limit too.
    const decode = () => (text !== undefined ? readUnsaved(text) : decodeUtf8(bytes as Buffer));
    const record = this.stored.get(file);
    if (record !== undefined && record.hash === hash) {
      const read = decode();
      const loaded: LoadedFile = {
        kind: record.kind,
        source: record.source && read.ok ? lazySourceDoc(file, read.text) : null,
        value: record.value === undefined ? undefined : deepFreeze(record.value),
        valid: record.valid,
        diagnostics: record.diagnostics,
      };
      this.files.set(file, { hash, loaded, record });
      work.reused += 1;
      return loaded;
    }
    const read = decode();
    const parsed = loadFileText(file, read);
    // Keep the text, not the YAML tree: a tree weighs many times the value, and a catalogue
    // of trees held for the session's life is what made the garbage collector the largest
    // cost. A position is asked for rarely (a finding, a reference): the tree is parsed again
    // then, once, identically.
    const loaded: LoadedFile = parsed.source !== null && read.ok && this.options.dropTrees !== false ? { ...parsed, source: lazySourceDoc(file, read.text) } : parsed;
    // A record only matters when it is written to the cache file.
    const fresh: FileRecord | undefined = this.options.cacheDir === undefined || override !== undefined ? undefined : {
      hash, kind: loaded.kind, valid: loaded.valid, source: loaded.source !== null, diagnostics: loaded.diagnostics,
      ...(loaded.value !== undefined ? { value: loaded.value } : {}),
    };
    const cacheable = fresh !== undefined && isPlainJson(fresh);
    this.files.set(file, { hash, loaded, record: cacheable ? fresh : undefined });
    if (cacheable) this.changed = true;
    work.parsed += 1;
    return loaded;
  }

  private recompute(): SessionState {
    const work = { parsed: 0, reused: 0, checked: 0, checkReused: 0, ms: {} as Record<string, number> };
    let t = performance.now();
    const plan = this.planFiles();
    const catalogue = assembleCatalogue(plan, (f) => this.loadOne(f, work));
    work.ms['load'] = performance.now() - t;
    this.dirty.clear();
    const present = new Set(plan.files);
    for (const f of [...this.files.keys()]) if (!present.has(f)) this.files.delete(f);
    const checks = this.options.checks === false ? undefined : this.runChecks(catalogue, this.options.checks ?? {}, work);
    return { catalogue, diagnostics: catalogue.diagnostics, checks, work };
  }

  private hashOfFile(file: string): string | undefined {
    return this.files.get(file)?.hash;
  }

  private globalKey(catalogue: Catalogue, index: CheckIndex, options: CheckOptions, today: string): string {
    const registries: string[] = [];
    for (const f of catalogue.files) {
      if (f.valid && f.kind !== null && (REGISTRY_KINDS as readonly string[]).includes(f.kind)) registries.push(`${f.file}\0${this.hashOfFile(f.file) ?? ''}`);
    }
    // (Procedures the registry names as issuers are not part of it: issued-by-catalogue records
    // them as read by the procedures whose components demand their documents.)
    return hashOf(JSON.stringify([this.env, options.config ?? null, today, options.rules?.map((r) => r.id) ?? null, registries]));
  }

  /**
   * What a procedure's findings read of the catalogue beyond its dependency files: the group
   * of the same service at other levels (and which of them are requested: a pair is reported
   * on the first requested one), and the specific results its components name.
   */
  private targetKey(global: string, catalogue: Catalogue, index: CheckIndex, code: string, requested: ReadonlySet<string>): string {
    const name = index.procedures.get(code)?.name;
    const group = name !== undefined && catalogue.procedures.get(code)?.procedure.variantOf === undefined ? index.services.get(serviceKey(name)) ?? [] : [];
    const specific = index.specificResults();
    const named: string[] = [];
    // The lookup keys of a procedure's components depend on its files only: kept per content.
    const stamp = this.filesHash(catalogue, code);
    let memo = this.resultKeys.get(code);
    if (memo === undefined || memo.stamp !== stamp) {
      const keys: string[] = [];
      for (const { component } of index.components(code)) {
        const key = resultKeyOf(component.name);
        if (key.split(' ').length >= RESULT_MIN_WORDS) keys.push(key);
      }
      memo = { stamp, keys };
      this.resultKeys.set(code, memo);
    }
    for (const key of memo.keys) {
      const issuer = specific.get(key)?.code;
      named.push(issuer === undefined ? '' : `${issuer}\0${resultsDigest(index, issuer)}`);
    }
    // Compared as text, not hashed: cheaper for two thousand procedures on every keystroke.
    return JSON.stringify([global, index.files.get(code) ?? '', group.map((c) => `${c}\0${requested.has(c) ? 1 : 0}`), named]);
  }

  /** The files that define a procedure as it applies (its own and its base's), by content. */
  private filesHash(catalogue: Catalogue, code: string): string {
    const entry = catalogue.procedures.get(code);
    if (entry === undefined) return '';
    const base = entry.procedure.variantOf === undefined ? undefined : catalogue.procedures.get(entry.procedure.variantOf);
    return `${entry.file}\0${this.hashOfFile(entry.file) ?? ''}\0${base?.file ?? ''}\0${base === undefined ? '' : this.hashOfFile(base.file) ?? ''}`;
  }

  private codesDigest(index: CheckIndex, codes: readonly string[]): string {
    let out = '';
    for (const c of codes) out += `${c}\0${index.files.get(c) ?? ''}\0${index.procedures.has(c) ? 1 : 0}\0`;
    return out;
  }

  private runChecks(catalogue: Catalogue, options: CheckOptions, work: SessionState['work']): CheckResult {
    let t = performance.now();
    const lap = (phase: string): void => {
      const now = performance.now();
      work.ms[phase] = now - t;
      t = now;
    };
    const index = buildIndex(catalogue);
    const targets = targetCodes(catalogue, index);
    lap('index');
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const requested = new Set(targets);
    // Keys serve a later run (a cache file, a watcher's next save); a one-shot run without a
    // cache file and without earlier results has no use for them.
    const needKeys = this.targets.size > 0 || this.hashing;
    const global = needKeys ? this.globalKey(catalogue, index, options, today) : '';
    const keys = new Map(needKeys ? targets.map((c) => [c, this.targetKey(global, catalogue, index, c, requested)]) : []);
    const stale: string[] = [];
    for (const code of targets) {
      const r = this.targets.get(code);
      const fresh = r !== undefined && r.key === keys.get(code) && r.files.every((f, i) => this.hashOfFile(f) === r.hashes[i]) && r.codesDigest === this.codesDigest(index, r.codes);
      if (!fresh) stale.push(code);
    }
    lap('keys');
    const { results, timings } = stale.length > 0
      ? checkProcedures(catalogue, index, stale, { ...options, today, requested })
      : { results: new Map<string, ProcedureCheck>(), timings: {} };
    lap('rules');
    const next = new Map<string, TargetRecord>();
    const merged: ProcedureCheck[] = [];
    for (const code of targets) {
      const fresh = results.get(code);
      if (fresh !== undefined) {
        const record: TargetRecord = {
          key: keys.get(code) as string, files: fresh.files, hashes: fresh.files.map((f) => this.hashOfFile(f) ?? ''),
          codes: fresh.codes, codesDigest: this.codesDigest(index, fresh.codes), findings: fresh.findings, suppressed: fresh.suppressed,
        };
        // A finding that does not survive JSON (it never should) is recomputed every time.
        if (needKeys && isPlainJson(record)) next.set(code, record);
        merged.push(fresh);
        this.changed = true;
      } else {
        const r = this.targets.get(code) as TargetRecord;
        next.set(code, r);
        merged.push({ code, findings: r.findings, suppressed: r.suppressed, files: r.files, codes: r.codes });
      }
    }
    if (next.size !== this.targets.size) this.changed = true;
    this.targets = next;
    this.checkKey = global;
    work.checked += stale.length;
    work.checkReused += targets.length - stale.length;
    const meta: Diagnostic[] = [];
    for (const f of catalogue.files) {
      if (!f.requested) continue;
      const held = this.files.get(f.file);
      if (held === undefined) continue;
      held.meta ??= suppressionProblems(f.file, f.source !== null ? f.source.text : textOnDisk(f.file));
      meta.push(...held.meta);
    }
    const result = mergeChecks(merged, meta, targets.length, timings);
    lap('merge');
    return result;
  }
}

/** A file's text as the check runner reads it when the loader could not (see runChecks). */
function textOnDisk(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Identity of a diagnostic across edits: a finding by its fingerprint (it survives line moves). */
function identity(d: Diagnostic): string {
  const print = (d as { fingerprint?: string }).fingerprint;
  return JSON.stringify([d.file, d.code, d.severity, print ?? d.data]);
}

/**
 * What appeared and what went away between two lists of diagnostics. A diagnostic that only
 * moved (lines inserted above it) is neither: findings are matched by their fingerprint,
 * other diagnostics by file, code and message data.
 */
export function diffDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[]): DiagnosticChanges {
  const count = new Map<string, number>();
  for (const d of before) count.set(identity(d), (count.get(identity(d)) ?? 0) + 1);
  const added: Diagnostic[] = [];
  for (const d of after) {
    const k = identity(d);
    const n = count.get(k) ?? 0;
    if (n > 0) count.set(k, n - 1);
    else added.push(d);
  }
  const left = new Map<string, number>();
  for (const d of after) left.set(identity(d), (left.get(identity(d)) ?? 0) + 1);
  const fixed: Diagnostic[] = [];
  for (const d of before) {
    const k = identity(d);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else fixed.push(d);
  }
  return { added, fixed };
}

/**
 * What issued-by-catalogue reads of an issuing procedure: whether it is in the catalogue and
 * its result names (as resolved, a variant's inherited ones included).
 */
function resultsDigest(index: CheckIndex, code: string): string {
  const p = index.procedures.get(code);
  return p === undefined ? '-' : JSON.stringify((p.results ?? []).map((r) => r.name));
}
