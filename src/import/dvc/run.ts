import { IMPORT_CODES, type ImportCodeId } from './codes.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { FolderSwap } from '../../util/folder-swap.js';
import path from 'node:path';
import { parse as parseYamlText } from 'yaml';
import { makeDiagnostic } from '../../diagnostics/diagnostic.js';

import type { Diagnostic, MessageData, Range } from '../../diagnostics/types.js';
import { collectFiles, compareCodePoints, findCatalogueRoot } from '../../catalogue/files.js';
import { sniffCode } from '../../catalogue/parse.js';
import { CATALOGUE_CODES } from '../../catalogue/codes.js';
import { decodeUtf8, firstInvalidUtf8 } from '../../catalogue/read.js';
import { both } from '../../diagnostics/diagnostic.js';
import { validators } from '../../catalogue/schemas.js';
import { closest } from '../../util/suggest.js';
import { buildProcedure, RECORD_FIELDS, type PortalRecord, type RecordStats } from './build.js';
import { isImported, renderImported } from './emit.js';
import { compareProcedures, type SyncChange } from './sync.js';

/**
 * `tthc import dvc`: reads portal records (JSON Lines, data/dvc shape) and writes
 * one catalogue file per procedure, `<out>/<input file stem>/<code>.yaml`.
 *
 * Existing files are never overwritten silently. A hand-written file (no import marker)
 * anywhere in the catalogue is authoritative: the record is compared with it (sync
 * report) and nothing is written, even with `--overwrite`. A file written by an earlier
 * import is rewritten only when it differs and `--overwrite` is given.
 */

/** Options of one import run. */
export interface ImportOptions {
  /** Files and folders of portal records (folders: every `*.jsonl` inside, recursively). */
  inputs: readonly string[];
  /** Output folder. */
  out: string;
  /**
   * Catalogue whose hand-written files are authoritative. Default: the catalogue root that
   * contains `out`, if any.
   */
  catalogue?: string;
  overwrite: boolean;
  cwd: string;
  /** The `$schema` path written in each file's modeline (relative to the file). */
  schemaPath?: string;
}

/** What happened to one procedure. */
export type Outcome =
  | 'written'
  | 'updated'
  | 'unchanged'
  | 'differs'
  | 'kept-hand-written'
  /** An earlier import of a code that a hand-written file now owns, deleted with --overwrite. */
  | 'removed'
  | 'rejected';

/** One procedure's outcome, with the sync report when an existing file differs. */
export interface FileOutcome {
  procedure: string;
  /** The catalogue file concerned (absolute). */
  file: string;
  status: Outcome;
  input: { file: string; line: number };
  changes: SyncChange[];
}

/** Coverage of the import, as counts. */
export interface Coverage extends RecordStats {
  recordsRead: number;
  recordsRejected: number;
  procedures: number;
  written: number;
  updated: number;
  unchanged: number;
  differs: number;
  keptHandWritten: number;
  removed: number;
}

/** Everything an import run found and did. */
export interface ImportReport {
  diagnostics: Diagnostic[];
  files: FileOutcome[];
  coverage: Coverage;
}

const DEFAULT_SCHEMA_PATH = '../../../schemas/procedure.schema.json';
const CODE_PATTERN = /^(\d\.\d{6}(\.[0-9A-Za-z]+)*|[A-Z]{1,3}-[A-Z]{2,6}-\d{4,8}-[A-Z]{2})$/;
const FIELD_MEANING: Partial<Record<(typeof RECORD_FIELDS)[number], string>> = {
  ten_thu_tuc: 'tên thủ tục / name',
  cach_thuc_thuc_hien: 'cách thức thực hiện / channels',
  thanh_phan_ho_so: 'thành phần hồ sơ / components',
  cap_thuc_hien: 'cấp thực hiện / levels',
};

function lineRange(line: number, column = 1, length = 1): Range {
  return { start: { line, column }, end: { line, column: column + length } };
}

/** Column (1-based) of `"key"` in a JSON line, or 1. */
function keyColumn(text: string, key: string): number {
  const i = text.indexOf(`"${key}"`);
  return i < 0 ? 1 : i + 1;
}

/** Lists the input files: given files as they are, folders' `*.jsonl` files sorted. */
export function inputFiles(inputs: readonly string[], cwd: string): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const given of inputs) {
    const abs = path.resolve(cwd, given);
    if (!existsSync(abs)) {
      missing.push(given);
      continue;
    }
    if (statSync(abs).isDirectory()) {
      const stack = [abs];
      while (stack.length > 0) {
        const dir = stack.pop() as string;
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          if (entry.name.startsWith('.')) continue;
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) stack.push(full);
          else if (entry.isFile() && entry.name.endsWith('.jsonl')) files.push(full);
        }
      }
    } else {
      files.push(abs);
    }
  }
  return { files: [...new Set(files)].sort(compareCodePoints), missing };
}

/** The folder name for an input file: its name without extension, as a slug. */
export function stemOf(file: string): string {
  const base = path.basename(file).replace(/\.[^.]*$/u, '');
  const slug = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return slug === '' ? 'records' : slug;
}

interface Existing {
  file: string;
  imported: boolean;
}

/** Procedure files by code: the catalogue's hand-written ones and whatever is in `out`. */
function indexExisting(catalogue: string | undefined, out: string): Map<string, Existing[]> {
  const byCode = new Map<string, Existing[]>();
  const add = (file: string, insideOut: boolean): void => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    const imported = isImported(text);
    // Imported files outside `out` are what this run regenerates elsewhere: not authoritative.
    if (imported && !insideOut) return;
    const code = sniffCode(text);
    if (code === null) return;
    const list = byCode.get(code) ?? [];
    list.push({ file, imported });
    byCode.set(code, list);
  };
  const outFiles = existsSync(out) ? collectFiles([out], out).files : [];
  const outSet = new Set(outFiles);
  if (catalogue !== undefined && existsSync(catalogue)) {
    for (const f of collectFiles([catalogue], catalogue).files) if (!outSet.has(f)) add(f, false);
  }
  for (const f of outFiles) add(f, true);
  return byCode;
}

/**
 * Longest text field accepted from a record. The portal's longest field is a few tens of
 * thousands of characters; a catalogue file over the loader's 4 MiB limit could not be read.
 */
export const MAX_FIELD_CHARS = 1024 * 1024;

/**
 * Splits JSON Lines bytes into text lines (a UTF-8 byte-order mark dropped). A line that is
 * not valid UTF-8 is returned empty with where its first bad byte is.
 */
function decodeLines(bytes: Buffer): { lines: string[]; invalid: Map<number, { column: number; detail: MessageData[string] }> } {
  const invalid = new Map<number, { column: number; detail: MessageData[string] }>();
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (firstInvalidUtf8(body) < 0) return { lines: body.toString('utf8').split('\n'), invalid };
  const lines: string[] = [];
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf(0x0a, start);
    if (end < 0) end = body.length;
    const decoded = decodeUtf8(body.subarray(start, end));
    if (decoded.ok) lines.push(decoded.text);
    else {
      invalid.set(lines.length, { column: decoded.position?.column ?? 1, detail: decoded.data['detail'] ?? '' });
      lines.push('');
    }
    start = end + 1;
  }
  return { lines, invalid };
}

function emptyCoverage(): Coverage {
  return {
    recordsRead: 0, recordsRejected: 0, procedures: 0, written: 0, updated: 0, unchanged: 0, differs: 0, keptHandWritten: 0, removed: 0,
    componentRows: 0, componentRowsParsed: 0, components: 0, notes: 0, channelRows: 0, channelRowsParsed: 0,
    durations: 0, durationsExplicit: 0, durationsInferred: 0, durationsBare: 0, durationsNone: 0, durationsText: 0,
    feeCells: 0, feeCellsParsed: 0, fees: 0, legalEntries: 0, results: 0, reviewItems: 0,
  };
}

/** Checks one parsed JSON value; returns the record, or null after reporting why not. */
function checkRecord(value: unknown, site: { file: string; line: number; text: string }, report: (id: ImportCodeId, data: MessageData, column?: number, severity?: 'warning') => void): PortalRecord | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report('import-not-a-record', { kind: Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value });
    return null;
  }
  const record = value as Record<string, unknown>;
  const known = new Set<string>(RECORD_FIELDS);
  for (const key of Object.keys(record)) {
    if (!known.has(key)) {
      const near = closest(key, RECORD_FIELDS);
      report('import-unknown-field', {
        field: key,
        suggestion: near !== undefined ? { vi: `Có phải "${near}"?`, en: `Did you mean "${near}"?` } : { vi: 'Kiểm tra tên trường.', en: 'Check the field name.' },
      }, keyColumn(site.text, key));
    }
  }
  for (const key of RECORD_FIELDS) {
    const v = record[key];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      report('import-invalid-field', { field: key, detail: `${typeof v}, ${'not a string'}` }, keyColumn(site.text, key));
      return null;
    }
  }
  for (const key of RECORD_FIELDS) {
    const v = record[key];
    if (typeof v === 'string' && v.length > MAX_FIELD_CHARS) {
      report('import-invalid-field', {
        field: key,
        detail: both(`dài ${v.length} ký tự, vượt giới hạn ${MAX_FIELD_CHARS}`, `${v.length} characters, over the ${MAX_FIELD_CHARS}-character limit`),
      }, keyColumn(site.text, key));
      return null;
    }
  }
  for (const key of ['ma_thu_tuc', 'detail_url'] as const) {
    const v = record[key];
    if (typeof v !== 'string' || v.trim() === '') {
      report('import-missing-field', { field: key }, v === undefined ? 1 : keyColumn(site.text, key));
      return null;
    }
  }
  const code = (record['ma_thu_tuc'] as string).trim();
  if (!CODE_PATTERN.test(code)) {
    report('import-invalid-field', { field: 'ma_thu_tuc', detail: `"${code}"` }, keyColumn(site.text, 'ma_thu_tuc'));
    return null;
  }
  const url = (record['detail_url'] as string).trim();
  if (!/^https?:\/\/[^\s/]+\.[^\s]+$/u.test(url)) {
    report('import-invalid-field', { field: 'detail_url', detail: `"${url.slice(0, 80)}"` }, keyColumn(site.text, 'detail_url'));
    return null;
  }
  for (const [key, meaning] of Object.entries(FIELD_MEANING)) {
    const v = record[key];
    if (typeof v !== 'string' || v.trim() === '') {
      report('import-field-missing', { field: key, meaning: meaning as string }, v === undefined ? 1 : keyColumn(site.text, key), 'warning');
    }
  }
  return record as PortalRecord;
}

/**
 * Runs an import. Never throws for bad input: every problem is a diagnostic with the
 * input file and line. The caller decides the exit code (1 when a record was rejected or
 * a file could not be written).
 */
export function importDvc(options: ImportOptions): ImportReport {
  const diagnostics: Diagnostic[] = [];
  const files: FileOutcome[] = [];
  const coverage = emptyCoverage();
  const out = path.resolve(options.cwd, options.out);
  const catalogue = options.catalogue !== undefined ? path.resolve(options.cwd, options.catalogue) : findCatalogueRoot(out);
  const existing = indexExisting(catalogue, out);
  const schemaPath = options.schemaPath ?? DEFAULT_SCHEMA_PATH;
  const { files: inputs } = inputFiles(options.inputs, options.cwd);
  const seen = new Map<string, string>();
  // Every write and removal is staged and the output folder replaced in one step at the end,
  // so a killed import leaves the old files or the new ones, never a mix.
  const swap = new FolderSwap(out);
  const relOut = (file: string): string => path.relative(out, file);
  const importedPerStem = new Map<string, Set<string>>();

  for (const input of inputs) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(input);
    } catch (error) {
      diagnostics.push(makeDiagnostic(IMPORT_CODES.info('import-write-failed'), { file: input, range: null, procedure: null }, { reason: (error as Error).message }));
      continue;
    }
    const stem = stemOf(input);
    const source = path.basename(input);
    const codesHere = importedPerStem.get(stem) ?? new Set<string>();
    importedPerStem.set(stem, codesHere);
    const { lines, invalid } = decodeLines(bytes);
    lines.forEach((rawLine, index) => {
      const line = index + 1;
      const text = rawLine.replace(/\r$/u, '');
      const bad = invalid.get(index);
      if (bad === undefined && text.trim() === '') return;
      coverage.recordsRead++;
      let procedureCode: string | null = null;
      let rejected = false;
      const report = (id: ImportCodeId, data: MessageData, column = 1, severity?: 'warning'): void => {
        const d = makeDiagnostic(IMPORT_CODES.info(id), { file: input, range: lineRange(line, column), procedure: procedureCode }, data, severity !== undefined ? { severity } : {});
        if (d.severity === 'error') rejected = true;
        diagnostics.push(d);
      };
      if (bad !== undefined) {
        // Never decode a damaged line with U+FFFD replacements: the record is skipped.
        diagnostics.push(makeDiagnostic(CATALOGUE_CODES.info('not-utf8'), { file: input, range: lineRange(line, bad.column), procedure: null }, { detail: bad.detail }));
        coverage.recordsRejected++;
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        const message = (error as Error).message;
        const at = /position (\d+)/u.exec(message);
        const column = at !== null ? Number(at[1]) + 1 : /end of JSON/u.test(message) ? text.length + 1 : 1;
        report('import-invalid-json', { detail: message.slice(0, 120) }, column);
        coverage.recordsRejected++;
        return;
      }
      if (value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)['ma_thu_tuc'] === 'string') {
        procedureCode = ((value as Record<string, unknown>)['ma_thu_tuc'] as string).trim() || null;
      }
      const record = checkRecord(value, { file: input, line, text }, report);
      if (record === null || rejected) {
        coverage.recordsRejected++;
        return;
      }
      const code = procedureCode as string;
      const first = seen.get(code);
      if (first !== undefined) {
        report('import-duplicate-record', { code, first }, keyColumn(text, 'ma_thu_tuc'));
        coverage.recordsRejected++;
        return;
      }
      seen.set(code, `${source}:${line}`);
      codesHere.add(code);

      const built = buildProcedure(record, source);
      const problem = schemaProblem(built.procedure);
      if (problem !== undefined) {
        report('import-invalid-output', { detail: problem });
        coverage.recordsRejected++;
        files.push({ procedure: code, file: '', status: 'rejected', input: { file: input, line }, changes: [] });
        return;
      }
      coverage.procedures++;
      for (const [k, n] of Object.entries(built.stats) as [keyof RecordStats, number][]) coverage[k] += n;
      const target = path.join(out, stem, `${code}.yaml`);
      const yaml = renderImported(built.procedure, { schemaPath, source });
      const known = existing.get(code) ?? [];
      const handWritten = known.find((e) => !e.imported);
      const outcome = (status: Outcome, file: string, changes: SyncChange[] = []): void => {
        files.push({ procedure: code, file, status, input: { file: input, line }, changes });
      };
      if (handWritten !== undefined) {
        const changes = compareWith(handWritten.file, built.procedure);
        coverage.keptHandWritten++;
        report('import-hand-written-kept', { code, file: path.relative(options.cwd, handWritten.file) || handWritten.file, count: changes.length });
        outcome('kept-hand-written', handWritten.file, changes);
        // An earlier import of the same code in `out` would define the code twice.
        for (const shadow of known.filter((e) => e.imported)) {
          if (options.overwrite) {
            try {
              swap.remove(relOut(shadow.file));
              coverage.removed++;
              outcome('removed', shadow.file);
            } catch (error) {
              report('import-write-failed', { reason: (error as Error).message });
            }
          } else {
            diagnostics.push(makeDiagnostic(IMPORT_CODES.info('import-shadowed-file'), { file: shadow.file, range: lineRange(1), procedure: code }, { code, file: path.relative(options.cwd, handWritten.file) || handWritten.file }));
          }
        }
        return;
      }
      const previous = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
      if (previous !== undefined && previous === yaml) {
        coverage.unchanged++;
        outcome('unchanged', target);
        return;
      }
      if (previous !== undefined && !options.overwrite) {
        const changes = compareWith(target, built.procedure);
        coverage.differs++;
        const d = makeDiagnostic(IMPORT_CODES.info('import-catalogue-differs'), { file: target, range: lineRange(1), procedure: code }, { count: changes.length });
        diagnostics.push(d);
        outcome('differs', target, changes);
        return;
      }
      try {
        swap.write(relOut(target), yaml);
      } catch (error) {
        report('import-write-failed', { reason: (error as Error).message });
        coverage.recordsRejected++;
        outcome('rejected', target);
        return;
      }
      if (previous === undefined) coverage.written++;
      else coverage.updated++;
      outcome(previous === undefined ? 'written' : 'updated', target, previous === undefined ? [] : compareWith(undefined, built.procedure, previous));
    });
  }
  try {
    swap.commit();
  } catch (error) {
    swap.abort();
    diagnostics.push(makeDiagnostic(IMPORT_CODES.info('import-write-failed'), { file: out, range: null, procedure: null }, { reason: (error as Error).message }));
  }
  // Imported files of the same sources whose records are gone.
  for (const [code, list] of existing) {
    for (const e of list) {
      if (!e.imported || !e.file.startsWith(out + path.sep)) continue;
      const stem = path.basename(path.dirname(e.file));
      const codes = importedPerStem.get(stem);
      if (codes !== undefined && !codes.has(code)) {
        diagnostics.push(makeDiagnostic(IMPORT_CODES.info('import-stale-file'), { file: e.file, range: lineRange(1), procedure: code }, { code }));
      }
    }
  }
  return { diagnostics, files, coverage };
}

/**
 * The first schema violation of a built procedure, or undefined when it is valid. Every
 * file is checked before it is written (a guard against importer bugs).
 */
export function schemaProblem(procedure: Record<string, unknown>): string | undefined {
  const errors = validators().validate('procedure', procedure);
  const e = errors[0];
  return e === undefined ? undefined : `${e.instancePath === '' ? '/' : e.instancePath} ${e.message ?? ''}`.trim();
}

function compareWith(file: string | undefined, portal: Record<string, unknown>, text?: string): SyncChange[] {
  try {
    const source = text ?? readFileSync(file as string, 'utf8');
    const parsed = parseYamlText(source, { uniqueKeys: false, maxAliasCount: 100 }) as unknown;
    const catalogue = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    return compareProcedures(catalogue, portal);
  } catch {
    return [{ field: 'file', catalogue: 'không đọc được / unreadable', portal: '' }];
  }
}
