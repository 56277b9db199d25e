import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { applyBaseline, readBaseline, updatedBaseline, type Baseline } from '../../checks/baseline.js';
import { ensureDir } from '../../util/fs.js';
import path from 'node:path';
import type { Catalogue } from '../../catalogue/catalogue.js';
import { CACHE_OPTIONS, cacheDirOf, openSession } from '../cache-options.js';
import { applyFixes, unifiedDiff } from '../../checks/fix.js';
import { CHECK_FORMATS, formatFindings, type CheckFormat, type FormatOptions } from '../../report/findings.js';
import { formatStatsMarkdown, formatStatsText } from '../../report/stats.js';
import type { CheckResult } from '../../checks/run.js';
import { computeStats } from '../../checks/stats.js';
import type { Fix } from '../../checks/types.js';
import { countBySeverity, renderMessage, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { displayPath } from '../../report/paths.js';
import type { Lang } from '../../i18n/lang.js';
import { cataloguePaths, checkConfig, todayOption } from '../catalogue-args.js';
import { EXIT, LANG_OPTION, UsageError, type Io, type OptionDef, noteBundledRegistry } from '../context.js';
import { HELP_OPTION, type CommandHelp } from '../help.js';

/** `tthc check` options; `config` and `today` are shared with `tthc stats` and `tthc watch`. */
export const CHECK_OPTIONS: Record<string, OptionDef> = {
  format: {
    type: 'string',
    values: CHECK_FORMATS,
    default: 'stylish',
    alias: 'f',
    description: { vi: 'Định dạng in ra: stylish, json, sarif, junit, github, markdown.', en: 'Format on stdout: stylish, json, sarif, junit, github, markdown.' },
  },
  output: {
    type: 'string',
    multiple: true,
    alias: 'o',
    description: { vi: 'Ghi thêm một báo cáo ra tệp: định-dạng:đường-dẫn (lặp lại được), ví dụ -o sarif:tthc.sarif.', en: 'Also write a report to a file: format:path (repeatable), e.g. -o sarif:tthc.sarif.' },
  },
  'fail-on': {
    type: 'string',
    values: ['error', 'warning'],
    default: 'error',
    description: { vi: 'Mã thoát 1 khi có phát hiện từ mức này trở lên.', en: 'Exit 1 when a finding at this severity or above exists.' },
  },
  config: { type: 'string', description: { vi: 'Tệp cấu hình (mặc định tthc.config.yaml nếu có).', en: 'Config file (default tthc.config.yaml when present).' } },
  fix: { type: 'boolean', default: false, description: { vi: 'Sửa những gì không làm đổi nghĩa (bỏ thành phần trùng y hệt, thay giấy tờ đã bãi bỏ bằng giấy tờ thay thế).', en: 'Apply the fixes that cannot change meaning (drop exact duplicates, replace abolished documents by their replacement).' } },
  'fix-dry-run': { type: 'boolean', default: false, description: { vi: 'In các sửa đổi (diff) mà không ghi.', en: 'Print the fixes as a diff without writing.' } },
  today: { type: 'string', description: { vi: 'Ngày dùng để so (YYYY-MM-DD); mặc định hôm nay.', en: 'The date to check against (YYYY-MM-DD); default today.' } },
  baseline: { type: 'string', description: { vi: 'Tệp baseline: ẩn các phát hiện đã được chấp nhận hoặc bác bỏ (có lý do), chỉ báo phát hiện mới hoặc thay đổi.', en: 'Baseline file: hide findings accepted or dismissed (with a reason); report only new or changed ones.' } },
  'update-baseline': { type: 'boolean', default: false, description: { vi: 'Ghi lại tệp --baseline từ lần chạy này: giữ quyết định đã có, thêm phát hiện mới với trạng thái open.', en: 'Rewrite the --baseline file from this run: keep the decisions recorded, add new findings as open.' } },
  ...CACHE_OPTIONS,
  lang: LANG_OPTION,
  help: HELP_OPTION,
};

/** `tthc check` help. */
export const CHECK_HELP: CommandHelp = {
  name: 'check',
  usage: 'tthc check [paths…] [--format stylish|json|sarif|junit|github|markdown] [-o format:file …] [--fail-on error|warning] [--config file] [--baseline file [--update-baseline]] [--fix | --fix-dry-run] [--no-cache] [--cache-dir dir] [--lang vi|en]',
  description: {
    vi: 'Rà soát thủ tục: giấy tờ thừa, giấy tờ đã bãi bỏ, "chỉ một lần", không thống nhất giữa các cấp, thiếu bộ phận, cơ hội "4 tại chỗ" và trực tuyến toàn trình. Mã thoát 1 khi có phát hiện từ mức --fail-on.',
    en: 'Review procedures: redundant and abolished documents, once-only, inconsistencies across levels, missing parts, "4 tại chỗ" and fully-online opportunities. Exit 1 on findings at --fail-on severity.',
  },
  options: CHECK_OPTIONS,
  examples: ['tthc check', 'tthc check procedures/curated --format json', 'tthc check -o sarif:tthc.sarif -o junit:tthc.xml --fail-on warning', 'tthc check --baseline findings.baseline.json --update-baseline', 'tthc check --baseline findings.baseline.json', 'tthc check --fix-dry-run'],
};

/** Options of `tthc stats`. */
export const STATS_OPTIONS: Record<string, OptionDef> = {
  format: {
    type: 'string',
    values: ['stylish', 'json', 'markdown'],
    default: 'stylish',
    alias: 'f',
    description: { vi: 'Định dạng: stylish, json, markdown.', en: 'Format: stylish, json, markdown.' },
  },
  config: CHECK_OPTIONS['config'] as OptionDef,
  today: CHECK_OPTIONS['today'] as OptionDef,
  baseline: { type: 'string', description: { vi: 'Tệp baseline: đếm phát hiện đã xem xét và chưa xem xét.', en: 'Baseline file: count triaged and open findings.' } },
  ...CACHE_OPTIONS,
  lang: LANG_OPTION,
  help: HELP_OPTION,
};

/** `tthc stats` help. */
export const STATS_HELP: CommandHelp = {
  name: 'stats',
  usage: 'tthc stats [paths…] [--format stylish|json|markdown] [--baseline file] [--lang vi|en]',
  description: {
    vi: 'Thống kê: số thủ tục theo cấp, tỷ lệ "4 tại chỗ", tỷ lệ trực tuyến toàn trình / một phần, theo lĩnh vực; phát hiện theo quy tắc; tỷ lệ nếu công bố các thủ tục đủ điều kiện; chi phí tuân thủ và phần tiết kiệm (Thông tư 02/2017/TT-VPCP).',
    en: 'Statistics: procedures per level, "4 tại chỗ" share, online full / partial shares, per field; findings per rule; shares if the candidates were designated; compliance cost and savings (Circular 02/2017/TT-VPCP).',
  },
  options: STATS_OPTIONS,
  examples: ['tthc stats', 'tthc stats procedures/curated --format markdown'],
};

interface Prepared {
  catalogue: Catalogue;
  result: CheckResult;
  files: string[];
  loadErrors: Diagnostic[];
}

function prepare(paths: string[], options: { config?: string; today?: string; lang: Lang; cache?: boolean; cacheDir?: string }, io: Io): Prepared {
  const { given, files: found } = cataloguePaths(paths, io, options.lang);
  todayOption(options.today);
  const config = checkConfig(io, options.config);
  const cacheDir = cacheDirOf({ cache: options.cache, 'cache-dir': options.cacheDir }, io);
  const state = openSession({
    paths: given, cwd: io.cwd, ...(cacheDir !== undefined ? { cacheDir } : {}),
    checks: { ...(config !== undefined ? { config } : {}), ...(options.today !== undefined ? { today: options.today } : {}) },
  }, io, options.lang).state;
  const catalogue = state.catalogue;
  noteBundledRegistry(catalogue, io, options.lang);
  const loadErrors = catalogue.diagnostics.filter((d) => d.severity === 'error');
  const result = state.checks as CheckResult;
  return { catalogue, result, files: found, loadErrors };
}

function render(format: CheckFormat, list: readonly Diagnostic[], o: FormatOptions, io: Io): string {
  return formatFindings(format, list, { ...o, color: format === 'stylish' && io.isTTY && io.env['NO_COLOR'] === undefined });
}

/** Runs `tthc check`; returns the exit code. */
export function runCheck(
  paths: string[],
  options: { format: string; outputs: string[]; failOn: string; config?: string; fix: boolean; fixDryRun: boolean; today?: string; baseline?: string; updateBaseline?: boolean; lang: Lang; version: string; cache?: boolean; cacheDir?: string },
  io: Io,
): number {
  if (options.updateBaseline === true && options.baseline === undefined) {
    throw new UsageError({ vi: '--update-baseline cần --baseline <tệp>.', en: '--update-baseline needs --baseline <file>.' });
  }
  const outputs = options.outputs.map((spec) => {
    const colon = spec.indexOf(':');
    const format = spec.slice(0, colon);
    const file = spec.slice(colon + 1);
    if (colon <= 0 || file === '' || !(CHECK_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError({ vi: `-o cần dạng định-dạng:tệp với định dạng trong ${CHECK_FORMATS.join(', ')}; nhận được "${spec}".`, en: `-o takes format:file with a format among ${CHECK_FORMATS.join(', ')}; got "${spec}".` });
    }
    return { format: format as CheckFormat, file: path.resolve(io.cwd, file) };
  });
  if (options.fix && options.fixDryRun) throw new UsageError({ vi: 'Chỉ dùng một trong --fix và --fix-dry-run.', en: 'Use either --fix or --fix-dry-run, not both.' });
  const prep = prepare(paths, options, io);
  const base = options.baseline !== undefined ? loadBaselineFile(options.baseline, io, options.updateBaseline === true) : undefined;
  if (options.updateBaseline === true && options.baseline !== undefined) {
    const next = updatedBaseline(prep.result.findings, base?.baseline, io.cwd);
    writeAtomically(path.resolve(io.cwd, options.baseline), `${JSON.stringify(next, null, 2)}\n`);
    const open = next.findings.filter((e) => e.status === 'open').length;
    io.stderr(options.lang === 'vi'
      ? `tthc: đã ghi ${options.baseline}: ${next.findings.length} phát hiện, ${open} chưa xem xét (status: open). Ghi quyết định accepted/dismissed kèm lý do vào từng mục.\n`
      : `tthc: wrote ${options.baseline}: ${next.findings.length} findings, ${open} not triaged (status: open). Record accepted/dismissed with a reason in each entry.\n`);
  }
  const triage = base?.baseline !== undefined ? applyBaseline(prep.result.findings, base.baseline) : undefined;
  if (triage !== undefined) {
    io.stderr(options.lang === 'vi'
      ? `tthc: baseline ${options.baseline ?? ''}: ẩn ${triage.counts.accepted} đã chấp nhận, ${triage.counts.dismissed} đã bác bỏ; báo ${triage.counts.new} mới hoặc thay đổi, ${triage.counts.open} chưa xem xét; ${triage.counts.gone} mục không còn xuất hiện.\n`
      : `tthc: baseline ${options.baseline ?? ''}: hiding ${triage.counts.accepted} accepted, ${triage.counts.dismissed} dismissed; reporting ${triage.counts.new} new or changed, ${triage.counts.open} open; ${triage.counts.gone} entries no longer found.\n`);
  }
  const findings = triage?.shown ?? prep.result.findings;
  const all = sortDiagnostics([...prep.loadErrors, ...prep.result.meta, ...(base?.diagnostics ?? []), ...findings]);
  const o: FormatOptions = { lang: options.lang, cwd: io.cwd, version: options.version, files: prep.files };
  if (options.fix || options.fixDryRun) {
    const byFile = new Map<string, Fix[]>();
    for (const f of prep.result.findings) if (f.fix !== undefined) byFile.set(f.fix.file, [...(byFile.get(f.fix.file) ?? []), f.fix.fix]);
    const fixed = applyFixes(byFile, { write: options.fix });
    const vi = options.lang === 'vi';
    const lines: string[] = [];
    for (const f of fixed) {
      if (f.refused !== undefined) lines.push(vi ? `✖ ${displayPath(f.file, io.cwd)}: không sửa (${f.refused})` : `✖ ${displayPath(f.file, io.cwd)}: not fixed (${f.refused})`);
      else if (f.applied > 0 && options.fixDryRun) lines.push(unifiedDiff(displayPath(f.file, io.cwd), f.before, f.after));
    }
    const applied = fixed.reduce((n, f) => n + f.applied, 0);
    lines.push(options.fixDryRun
      ? (vi ? `${applied} sửa đổi có thể áp dụng cho ${fixed.filter((f) => f.applied > 0).length} tệp (chưa ghi).` : `${applied} fixes could be applied to ${fixed.filter((f) => f.applied > 0).length} files (nothing written).`)
      : (vi ? `Đã sửa ${applied} chỗ trong ${fixed.filter((f) => f.applied > 0).length} tệp.` : `Applied ${applied} fixes to ${fixed.filter((f) => f.applied > 0).length} files.`));
    io.stdout(`${lines.join('\n')}\n`);
    return fixed.some((f) => f.refused !== undefined) ? EXIT.findings : EXIT.ok;
  }
  for (const out of outputs) {
    try {
      ensureDir(path.dirname(out.file));
      const tmp = `${out.file}.tmp-${process.pid}`;
      writeFileSync(tmp, render(out.format, all, o, io), 'utf8');
      renameSync(tmp, out.file);
    } catch (error) {
      const reason = (error as Error).message;
      throw new UsageError({ vi: `Không ghi được ${out.file}: ${reason}`, en: `Cannot write ${out.file}: ${reason}` });
    }
  }
  io.stdout(render(options.format as CheckFormat, all, o, io));
  const counts = countBySeverity(all);
  const failing = options.failOn === 'warning' ? counts.error + counts.warning : counts.error;
  return failing > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * Reads a baseline file. A missing file is an empty baseline when it is about to be written
 * (--update-baseline), a usage error otherwise; a broken one is reported and not used.
 */
function loadBaselineFile(file: string, io: Io, creating: boolean): { baseline: Baseline | undefined; diagnostics: Diagnostic[] } {
  const abs = path.resolve(io.cwd, file);
  if (!existsSync(abs)) {
    if (creating) return { baseline: undefined, diagnostics: [] };
    throw new UsageError({ vi: `Không có tệp baseline "${file}". Tạo bằng --update-baseline.`, en: `No baseline file "${file}". Create it with --update-baseline.` });
  }
  return readBaseline(abs, readFileSync(abs, 'utf8'));
}

/** Writes a file through a temporary one and a rename: never a half-written file. */
function writeAtomically(file: string, text: string): void {
  try {
    ensureDir(path.dirname(file));
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, file);
  } catch (error) {
    const reason = (error as Error).message;
    throw new UsageError({ vi: `Không ghi được ${file}: ${reason}`, en: `Cannot write ${file}: ${reason}` });
  }
}

/** Runs `tthc stats`; returns the exit code. */
export function runStats(paths: string[], options: { format: string; config?: string; today?: string; baseline?: string; lang: Lang; cache?: boolean; cacheDir?: string }, io: Io): number {
  const prep = prepare(paths, options, io);
  const requested = new Set(prep.catalogue.files.filter((f) => f.requested).map((f) => f.file));
  const codes = [...prep.catalogue.procedures.values()].filter((e) => requested.has(e.file)).map((e) => e.code);
  const stats = computeStats(prep.catalogue, prep.result, codes);
  if (options.baseline !== undefined) {
    const base = loadBaselineFile(options.baseline, io, false);
    for (const d of base.diagnostics) io.stderr(`${displayPath(d.file, io.cwd)}:${d.range?.start.line ?? 1}:${d.range?.start.column ?? 1} ${d.code} ${renderMessage(d, options.lang)}\n`);
    if (base.baseline !== undefined) {
      const t = applyBaseline(prep.result.findings, base.baseline);
      stats.triage = { open: t.counts.open + t.counts.new, accepted: t.counts.accepted, dismissed: t.counts.dismissed, gone: t.counts.gone };
    }
  }
  if (options.format === 'json') io.stdout(`${JSON.stringify(stats, null, 2)}\n`);
  else if (options.format === 'markdown') io.stdout(formatStatsMarkdown(stats, options.lang));
  else io.stdout(formatStatsText(stats, options.lang));
  return prep.loadErrors.length > 0 ? EXIT.findings : EXIT.ok;
}
