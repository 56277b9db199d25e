import { CATALOGUE_CODES } from './codes.js';
import path from 'node:path';
import type {
  Database,
  DocumentRegistry,
  DocumentType,
  DatabaseRegistry,
  Fact,
  HolidayCalendar,
  HolidayYear,
  LegalDocument,
  LegalRegistry,
  Procedure,
} from '../../generated/types/catalogue.js';
import { both, makeDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Range, RelatedLocation } from '../diagnostics/types.js';
import { definedOf, entriesOf } from '../util/records.js';
import { closest } from '../util/suggest.js';
import { packageRoot } from '../util/package-root.js';
import { collectFiles, compareCodePoints, findCatalogueRoot, REGISTRY_DIR } from './files.js';
import type { Issue, PointMode } from './issue.js';
import { deepFreeze, normalizeNfc } from './normalize.js';
import { parseYaml, sniffCode } from './parse.js';
import { checkProcedure } from './procedure-checks.js';
import { readText, type ReadResult } from './read.js';
import { checkDocumentRegistry, checkHolidayCalendar, checkLegalRegistry } from './registry-checks.js';
import { schemaDiagnostics } from './schema-errors.js';
import { REGISTRY_KINDS, validators, type FileKind, type RegistryKind } from './schemas.js';
import { rangeOf, type SourceDoc } from './source.js';
import { resolveNational, resolveVariant, type ResolvedProcedure } from './variant.js';

/** One file of the catalogue after reading, parsing and schema validation. */
export interface CatalogueFile {
  /** Absolute path. */
  file: string;
  /** What the file declares itself to be; null when it could not be read that far. */
  kind: FileKind | null;
  source: SourceDoc | null;
  /** The file's content: plain data, text in NFC, frozen. Undefined when unparseable. */
  value: unknown;
  /** True when the file parsed and matches its schema. */
  valid: boolean;
  /** True when the user asked for this file (its diagnostics are reported). */
  requested: boolean;
}

/** A procedure (national or variant) defined by a valid file. */
export interface ProcedureEntry {
  code: string;
  file: string;
  procedure: Procedure;
  source: SourceDoc;
}

/** An entry of a reference-data registry, with where it is defined. */
export interface RegistryEntry<T> {
  id: string;
  file: string;
  pointer: string;
  value: T;
}

/** The reference data of the catalogue, merged across registry files. */
export interface Registries {
  documents: ReadonlyMap<string, RegistryEntry<DocumentType>>;
  databases: ReadonlyMap<string, RegistryEntry<Database>>;
  legal: ReadonlyMap<string, RegistryEntry<LegalDocument>>;
  /** Holiday tables by year ("2025"). */
  holidays: ReadonlyMap<string, RegistryEntry<HolidayYear>>;
  /** Weekly rest days; Saturday and Sunday unless the calendar says otherwise. */
  weekend: readonly string[];
}

/** The loaded catalogue: files, indexes, and what was found wrong. */
export interface Catalogue {
  /**
   * Where the reference data came from when a path has no `registry/` above it (a fresh
   * import folder): the registry bundled with the package. The command line says so once.
   */
  bundledRegistry: string | undefined;
  /** Catalogue roots (folders holding `registry/`) that gave context. */
  roots: readonly string[];
  files: readonly CatalogueFile[];
  /** Valid procedures by code. A code defined twice keeps its first file (by path). */
  procedures: ReadonlyMap<string, ProcedureEntry>;
  registries: Registries;
  /** Diagnostics of the requested files, sorted and de-duplicated. */
  diagnostics: readonly Diagnostic[];
  /** The range of a pointer in a file (for checks that return pointers). */
  locate(file: string, pointer: string, mode?: PointMode): Range | null;
  /** A procedure as it applies: variants merged onto their base. */
  resolve(code: string): ResolvedProcedure | undefined;
}

/** What to load. */
export interface LoadOptions {
  /** Files and folders; default `procedures/`. */
  paths?: readonly string[];
  /** Folder relative paths are resolved from; default `process.cwd()`. */
  cwd?: string;
  /**
   * Load the rest of each path's catalogue (its root holding `registry/`) as context, so
   * that one file can be validated against the registries and other procedures. Default true.
   */
  context?: boolean;
}

function kindOf(value: Record<string, unknown>): FileKind | { unknownRegistry: unknown } {
  if (!Object.prototype.hasOwnProperty.call(value, 'registry')) return 'procedure';
  const r = value['registry'];
  return typeof r === 'string' && (REGISTRY_KINDS as readonly string[]).includes(r) ? (r as RegistryKind) : { unknownRegistry: r };
}

function codeOf(value: unknown): string | null {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * What reading, parsing and schema-validating one file gives, before the catalogue is
 * assembled: the per-file stage, which depends on nothing but the file's bytes, the schemas
 * and the tool (so an incremental layer may keep it keyed by content hash).
 */
export interface LoadedFile {
  kind: FileKind | null;
  /** The parsed source (it may parse lazily, on first use of `doc` or `lineCounter`). */
  source: SourceDoc | null;
  value: unknown;
  valid: boolean;
  /** Read, parse and schema diagnostics of this file alone. */
  diagnostics: Diagnostic[];
}

/** Reads one file from disk and runs the per-file stage on it. */
export type FileLoader = (file: string) => LoadedFile;

/** The per-file stage on a file's text (or why it could not be read). */
export function loadFileText(file: string, read: ReadResult): LoadedFile {
  const out: Diagnostic[] = [];
  const failed = (source: SourceDoc | null): LoadedFile => ({ kind: null, source, value: undefined, valid: false, diagnostics: out });
  if (!read.ok) {
    const range = read.position === null ? null : { start: read.position, end: read.position };
    out.push(makeDiagnostic(CATALOGUE_CODES.info(read.id), { file, range, procedure: null }, read.data));
    return failed(null);
  }
  const parsed = parseYaml(file, read.text);
  out.push(...parsed.diagnostics);
  if (!parsed.ok) return failed(parsed.source);
  const value = deepFreeze(normalizeNfc(parsed.value as Record<string, unknown>));
  const kind = kindOf(value);
  const procedure = codeOf(value) ?? sniffCode(read.text);
  if (typeof kind === 'object') {
    const given = String(kind.unknownRegistry);
    const near = closest(given, REGISTRY_KINDS);
    out.push(
      makeDiagnostic(CATALOGUE_CODES.info('unknown-registry'), { file, range: rangeOf(parsed.source, '/registry'), procedure }, {
        value: given,
        allowed: REGISTRY_KINDS.join(', '),
        suggestion: near === undefined ? both('', '') : both(`Có phải ý bạn là "${near}"?`, `Did you mean "${near}"?`),
      }),
    );
    return { kind: null, source: parsed.source, value, valid: false, diagnostics: out };
  }
  const errors = validators().validate(kind, value);
  out.push(...schemaDiagnostics(parsed.source, errors, procedure));
  return { kind, source: parsed.source, value, valid: errors.length === 0, diagnostics: out };
}

/** The default loader: reads the file from disk. */
export const readAndLoadFile: FileLoader = (file) => loadFileText(file, readText(file));

/** Which files a load reads and which of them were asked for (see {@link planLoad}). */
export interface LoadPlan {
  cwd: string;
  /** Every file to load (requested and context), sorted by code point. */
  files: readonly string[];
  requested: ReadonlySet<string>;
  roots: readonly string[];
  bundledRegistry: string | undefined;
}

/**
 * Loads a catalogue: every YAML file under the given paths (and, for context, the rest of
 * their catalogue root), in a stable order. One bad file never stops the others. Returns
 * the indexes and every diagnostic of the requested files.
 *
 * @example
 * const catalogue = loadCatalogue({ paths: ['procedures'] });
 * catalogue.procedures.get('1.001193')?.procedure.name // 'Thủ tục đăng ký khai sinh'
 */
export function loadCatalogue(options: LoadOptions = {}): Catalogue {
  return assembleCatalogue(planLoad(options));
}

/**
 * The files a load reads: every YAML file under the given paths and, for context, the rest
 * of their catalogue root (or the bundled registry when a path has none).
 */
export function planLoad(options: LoadOptions = {}): LoadPlan {
  const cwd = options.cwd ?? process.cwd();
  const given = options.paths ?? ['procedures'];
  const requested = collectFiles(given, cwd).files;
  const requestedSet = new Set(requested);
  const roots = new Set<string>();
  if (options.context !== false) {
    for (const p of given) {
      const root = findCatalogueRoot(path.resolve(cwd, p));
      if (root !== undefined) roots.add(root);
    }
  }
  const all = new Set(requested);
  for (const root of roots) for (const f of collectFiles([root], cwd).files) all.add(f);
  // A path with no registry/ above it: never check it against no reference data at all.
  let bundledRegistry: string | undefined;
  if (options.context !== false && given.some((p) => findCatalogueRoot(path.resolve(cwd, p)) === undefined)) {
    const bundled = path.join(packageRoot(), 'procedures', REGISTRY_DIR);
    const present = [...all].some((f) => path.dirname(f) === bundled || f.startsWith(`${bundled}${path.sep}`));
    if (!present && roots.size === 0) {
      bundledRegistry = bundled;
      for (const f of collectFiles([bundled], cwd).files) all.add(f);
    }
  }
  return { cwd, files: [...all].sort(compareCodePoints), requested: requestedSet, roots: [...roots].sort(compareCodePoints), bundledRegistry };
}

/**
 * Assembles a catalogue from a plan, loading each file through `loader` (the default reads
 * it from disk): the registries merged across files, procedures by code, and the checks
 * within and across files. {@link loadCatalogue} is `assembleCatalogue(planLoad(options))`.
 */
export function assembleCatalogue(plan: LoadPlan, loader: FileLoader = readAndLoadFile): Catalogue {
  const { cwd, requested: requestedSet, bundledRegistry } = plan;
  const diagnostics: Diagnostic[] = [];
  const files: CatalogueFile[] = plan.files.map((f) => {
    const loaded = loader(f);
    diagnostics.push(...loaded.diagnostics);
    return { file: f, kind: loaded.kind, source: loaded.source, value: loaded.value, valid: loaded.valid, requested: requestedSet.has(f) };
  });
  const byFile = new Map(files.map((f) => [f.file, f]));

  const locate = (file: string, pointer: string, mode: PointMode = 'value'): Range | null => {
    const source = byFile.get(file)?.source;
    return source === null || source === undefined ? null : rangeOf(source, pointer, mode);
  };
  const emit = (file: string, procedure: string | null, issue: Issue): void => {
    const related: RelatedLocation[] = (issue.related ?? []).map((r) => ({
      file: r.file,
      range: locate(r.file, r.pointer, r.mode),
      procedure: codeOf(byFile.get(r.file)?.value),
    }));
    diagnostics.push(makeDiagnostic(CATALOGUE_CODES.info(issue.id), { file, range: locate(file, issue.pointer, issue.mode), procedure }, issue.data, { related }));
  };

  // ── registries, merged across files ───────────────────────────────────────────────────
  const documents = new Map<string, RegistryEntry<DocumentType>>();
  const databases = new Map<string, RegistryEntry<Database>>();
  const legal = new Map<string, RegistryEntry<LegalDocument>>();
  const holidays = new Map<string, RegistryEntry<HolidayYear>>();
  let weekend: readonly string[] = ['saturday', 'sunday'];
  const register = <T>(registry: string, map: Map<string, RegistryEntry<T>>, file: string, key: string, entries: Readonly<Record<string, T | undefined>>) => {
    for (const [id, value] of entriesOf(entries)) {
      const pointer = `/${key}/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const first = map.get(id);
      if (first !== undefined) {
        emit(file, null, {
          id: 'duplicate-registry-entry', pointer, mode: 'key',
          data: { id, registry, others: path.relative(cwd, first.file) },
          related: [{ file: first.file, pointer: first.pointer, mode: 'key' }],
        });
      } else map.set(id, { id, file, pointer, value });
    }
  };
  for (const f of files) {
    if (!f.valid || f.kind === null || f.kind === 'procedure') continue;
    if (f.kind === 'documents') register('documents', documents, f.file, 'documents', (f.value as DocumentRegistry).documents);
    if (f.kind === 'databases') register('databases', databases, f.file, 'databases', (f.value as DatabaseRegistry).databases);
    if (f.kind === 'legal') register('legal', legal, f.file, 'documents', (f.value as LegalRegistry).documents);
    if (f.kind === 'holidays') {
      const cal = f.value as HolidayCalendar;
      if (cal.weekend !== undefined) weekend = cal.weekend;
      register('holidays', holidays, f.file, 'years', cal.years);
    }
  }

  // ── procedures by code ────────────────────────────────────────────────────────────────
  const definitions = new Map<string, CatalogueFile[]>();
  for (const f of files) {
    if (f.kind !== 'procedure') continue;
    const code = codeOf(f.value);
    if (code === null) continue;
    definitions.set(code, [...(definitions.get(code) ?? []), f]);
  }
  const procedures = new Map<string, ProcedureEntry>();
  for (const [code, defs] of definitions) {
    if (defs.length > 1) {
      for (const d of defs) {
        const others = defs.filter((o) => o !== d);
        emit(d.file, code, {
          id: 'duplicate-code', pointer: '/code', mode: 'value',
          data: { code, others: others.map((o) => path.relative(cwd, o.file)).join(', ') },
          related: others.map((o) => ({ file: o.file, pointer: '/code', mode: 'value' as const })),
        });
      }
    }
    const first = defs.find((d) => d.valid);
    if (first !== undefined && first.source !== null) {
      procedures.set(code, { code, file: first.file, procedure: first.value as Procedure, source: first.source });
    }
  }
  const hasProcedure = (code: string) => definitions.has(code);

  const documentIds = new Set(documents.keys());
  const databaseIds = new Set(databases.keys());
  const legalNumbers = new Set(legal.keys());

  // ── per-procedure checks ──────────────────────────────────────────────────────────────
  for (const entry of procedures.values()) {
    const p = entry.procedure;
    let facts: Record<string, Fact> = definedOf(p.facts);
    if (p.variantOf !== undefined) {
      const baseDefs = definitions.get(p.variantOf);
      const base = procedures.get(p.variantOf);
      if (baseDefs === undefined) {
        const near = closest(p.variantOf, [...definitions.keys()].filter((c) => c !== p.code));
        emit(entry.file, entry.code, {
          id: 'unknown-base', pointer: '/variantOf', mode: 'value',
          data: { code: p.variantOf, suggestion: near === undefined ? both('Kiểm tra lại mã thủ tục gốc.', 'Check the base code.') : both(`Có phải ý bạn là "${near}"?`, `Did you mean "${near}"?`) },
        });
      } else if (base !== undefined) {
        if (base.procedure.variantOf !== undefined) {
          emit(entry.file, entry.code, { id: 'variant-of-variant', pointer: '/variantOf', mode: 'value', data: { code: p.variantOf, base: base.procedure.variantOf }, related: [{ file: base.file, pointer: '/variantOf', mode: 'value' }] });
        }
        facts = { ...definedOf(base.procedure.facts), ...definedOf(p.facts) };
        const baseIds = new Set<string>();
        base.procedure.components?.forEach((c) => baseIds.add(c.id));
        base.procedure.cases?.forEach((k) => k.components.forEach((c) => baseIds.add(c.id)));
        p.removeComponents?.forEach((id, i) => {
          if (!baseIds.has(id)) {
            const near = closest(id, baseIds);
            emit(entry.file, entry.code, {
              id: 'unknown-component', pointer: `/removeComponents/${i}`, mode: 'value',
              data: { id, base: p.variantOf as string, suggestion: near === undefined ? both('Xem id các thành phần trong tệp thủ tục gốc.', 'See the component ids in the base file.') : both(`Có phải ý bạn là "${near}"?`, `Did you mean "${near}"?`) },
              related: [{ file: base.file, pointer: '/components', mode: 'key' }],
            });
          }
        });
      }
    }
    const source = entry.source;
    const issues = checkProcedure(p, {
      facts,
      documentIds,
      databaseIds,
      hasProcedure,
      lineOf: (pointer) => rangeOf(source, pointer)?.start.line ?? 0,
    });
    for (const issue of issues) emit(entry.file, entry.code, issue);
  }

  // ── registry checks ───────────────────────────────────────────────────────────────────
  const registryContext = { documentIds, databaseIds, legalNumbers, hasProcedure };
  for (const f of files) {
    if (!f.valid) continue;
    const issues =
      f.kind === 'documents' ? checkDocumentRegistry(f.value as DocumentRegistry, registryContext)
      : f.kind === 'legal' ? checkLegalRegistry(f.value as LegalRegistry, registryContext)
      : f.kind === 'holidays' ? checkHolidayCalendar(f.value as HolidayCalendar)
      : [];
    for (const issue of issues) emit(f.file, null, issue);
  }

  const resolved = new Map<string, ResolvedProcedure>();
  const resolve = (code: string): ResolvedProcedure | undefined => {
    const cached = resolved.get(code);
    if (cached !== undefined) return cached;
    const entry = procedures.get(code);
    if (entry === undefined) return undefined;
    let result: ResolvedProcedure | undefined;
    const baseCode = entry.procedure.variantOf;
    if (baseCode === undefined) result = resolveNational(entry.procedure, entry.file);
    else {
      const base = procedures.get(baseCode);
      if (base === undefined || base.procedure.variantOf !== undefined) return undefined;
      result = resolveVariant(base.procedure, base.file, entry.procedure, entry.file);
    }
    resolved.set(code, result);
    return result;
  };

  return {
    roots: plan.roots,
    bundledRegistry,
    files,
    procedures,
    registries: { documents, databases, legal, holidays, weekend },
    diagnostics: sortDiagnostics(diagnostics.filter((d) => requestedSet.has(d.file))),
    locate,
    resolve,
  };
}
