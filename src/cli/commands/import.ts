import path from 'node:path';
import { countBySeverity, makeDiagnostic, renderMessage, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { toJsonDiagnostics } from '../../format/json.js';
import { displayPath } from '../../format/paths.js';
import { formatStylish } from '../../format/stylish.js';
import type { Lang } from '../../i18n/lang.js';
import { importDvc, inputFiles, type Coverage, type ImportReport } from '../../import/dvc/run.js';
import { EXIT, LANG_OPTION, UsageError, type Io, type OptionDef } from '../context.js';
import { HELP_OPTION, type CommandHelp } from '../help.js';

const OPTIONS: Record<string, OptionDef> = {
  out: {
    type: 'string',
    alias: 'o',
    description: { vi: 'Thư mục ghi tệp danh mục (bắt buộc); mỗi tệp nguồn một thư mục con.', en: 'Folder to write catalogue files to (required); one subfolder per input file.' },
  },
  catalogue: {
    type: 'string',
    description: {
      vi: 'Danh mục có các tệp viết tay được giữ nguyên (mặc định: danh mục chứa --out).',
      en: 'Catalogue whose hand-written files are kept as they are (default: the catalogue that contains --out).',
    },
  },
  overwrite: {
    type: 'boolean',
    default: false,
    description: { vi: 'Ghi đè các tệp đã nhập trước đó khi Cổng khác đi (không bao giờ ghi đè tệp viết tay).', en: 'Rewrite previously imported files that differ from the portal (hand-written files are never touched).' },
  },
  format: {
    type: 'string',
    values: ['stylish', 'json'],
    default: 'stylish',
    alias: 'f',
    description: { vi: 'Định dạng báo cáo: stylish hoặc json.', en: 'Report format: stylish or json.' },
  },
  lang: LANG_OPTION,
  help: HELP_OPTION,
};

/** `tthc import` help. */
export const IMPORT_HELP: CommandHelp = {
  name: 'import',
  usage: 'tthc import dvc <files|folders…> --out <folder> [--catalogue <folder>] [--overwrite] [--format stylish|json] [--lang vi|en]',
  description: {
    vi: 'Nhập bản ghi thủ tục của Cổng Dịch vụ công quốc gia (JSON Lines) thành tệp YAML của danh mục, kèm báo cáo đồng bộ và độ bao phủ. Mã thoát 1 khi có bản ghi bị loại.',
    en: 'Import national-portal procedure records (JSON Lines) as catalogue YAML, with a sync report and coverage. Exit 1 when a record is rejected.',
  },
  options: OPTIONS,
  examples: [
    'tthc import dvc ../shared/data/dvc --out procedures/national',
    'tthc import dvc export.jsonl --out /tmp/catalogue --format json',
    'tthc import dvc ../shared/data/dvc --out /tmp/national --catalogue procedures',
  ],
};

export { OPTIONS as IMPORT_OPTIONS };

/** A share as a percentage with one decimal. */
function pct(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((1000 * part) / whole) / 10;
}

/** The coverage figures scripts read (`--format json`): counts and percentages. */
export function coverageFigures(c: Coverage): Record<string, number> {
  return {
    ...c,
    componentRowsParsedPct: pct(c.componentRowsParsed, c.componentRows),
    channelRowsParsedPct: pct(c.channelRowsParsed, c.channelRows),
    durationsKnownUnitPct: pct(c.durationsExplicit + c.durationsInferred, c.channelRows),
    feeCellsParsedPct: pct(c.feeCellsParsed, c.feeCells),
  };
}

function summaryTable(c: Coverage, lang: Lang): string {
  const vi = lang === 'vi';
  const rows: [string, string][] = [
    [vi ? 'Bản ghi đã đọc' : 'Records read', `${c.recordsRead}`],
    [vi ? 'Bản ghi bị loại' : 'Records rejected', `${c.recordsRejected}`],
    [vi ? 'Thủ tục (ghi mới / cập nhật / không đổi / khác, giữ nguyên / viết tay, giữ nguyên)' : 'Procedures (written / updated / unchanged / differ, kept / hand-written, kept)',
      `${c.procedures} (${c.written} / ${c.updated} / ${c.unchanged} / ${c.differs} / ${c.keptHandWritten})`],
    ...(c.removed > 0 ? [[vi ? 'Tệp đã nhập bị xóa vì đã có tệp viết tay' : 'Imported files deleted (now hand-written)', `${c.removed}`] as [string, string]] : []),
    [vi ? 'Hàng thành phần hồ sơ đọc được không cần rà soát' : 'Component rows parsed without a review item',
      `${c.componentRowsParsed} / ${c.componentRows} (${pct(c.componentRowsParsed, c.componentRows)}%)`],
    [vi ? '  thành phần / ghi chú' : '  components / notes', `${c.components} / ${c.notes}`],
    [vi ? 'Hàng kênh nộp đọc được không cần rà soát' : 'Channel rows parsed without a review item',
      `${c.channelRowsParsed} / ${c.channelRows} (${pct(c.channelRowsParsed, c.channelRows)}%)`],
    [vi ? 'Thời hạn có đơn vị (ghi rõ + suy từ bản ghi)' : 'Durations with a known unit (printed + inferred from the record)',
      `${c.durationsExplicit + c.durationsInferred} / ${c.channelRows} (${pct(c.durationsExplicit + c.durationsInferred, c.channelRows)}%) = ${c.durationsExplicit} + ${c.durationsInferred}`],
    [vi ? '  chỉ có số / không có thông tin / văn bản' : '  bare number / no information / free text', `${c.durationsBare} / ${c.durationsNone} / ${c.durationsText}`],
    [vi ? 'Ô phí, lệ phí đọc được' : 'Fee cells parsed', `${c.feeCellsParsed} / ${c.feeCells} (${pct(c.feeCellsParsed, c.feeCells)}%), ${c.fees} ${vi ? 'khoản' : 'fees'}`],
    [vi ? 'Văn bản căn cứ pháp lý' : 'Legal references', `${c.legalEntries}`],
    [vi ? 'Kết quả' : 'Results', `${c.results}`],
    [vi ? 'Mục cần rà soát' : 'Review items', `${c.reviewItems}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

function syncText(report: ImportReport, lang: Lang, cwd: string): string {
  const vi = lang === 'vi';
  const blocks: string[] = [];
  for (const f of report.files) {
    if (f.changes.length === 0) continue;
    const head = `${f.procedure}  ${displayPath(f.file, cwd)}  (${f.status})`;
    const lines = f.changes.map((c) =>
      c.field === 'components'
        ? c.catalogue === '—'
          ? `  + ${vi ? 'Cổng có thành phần' : 'portal has component'}: ${c.portal}`
          : `  - ${vi ? 'chỉ danh mục có thành phần' : 'only the catalogue has component'}: ${c.catalogue}`
        : `  ~ ${c.field}: ${vi ? 'danh mục' : 'catalogue'} ${c.catalogue} → ${vi ? 'Cổng' : 'portal'} ${c.portal}`,
    );
    blocks.push([head, ...lines].join('\n'));
  }
  if (blocks.length === 0) return '';
  return `${vi ? 'Báo cáo đồng bộ (Cổng so với danh mục)' : 'Sync report (portal vs catalogue)'}:\n${blocks.join('\n')}\n\n`;
}

/** Runs `tthc import dvc …`; returns the exit code. */
export function runImport(args: string[], options: { out?: string; catalogue?: string; overwrite: boolean; format: string; lang: Lang }, io: Io): number {
  const [source, ...inputs] = args;
  if (source !== 'dvc') {
    throw new UsageError({
      vi: `Nguồn nhập "${source ?? ''}" không được hỗ trợ; hiện có: dvc (Cổng Dịch vụ công quốc gia).`,
      en: `Import source "${source ?? ''}" is not supported; available: dvc (the national public-service portal).`,
    });
  }
  if (inputs.length === 0) throw new UsageError({ vi: 'Cần ít nhất một tệp hoặc thư mục bản ghi (.jsonl).', en: 'Give at least one file or folder of records (.jsonl).' });
  if (options.out === undefined || options.out === '') throw new UsageError({ vi: 'Thiếu --out <thư mục>.', en: 'Missing --out <folder>.' });
  const found = inputFiles(inputs, io.cwd);
  if (found.missing.length > 0) {
    const text = found.missing
      .map((p) => {
        const d = makeDiagnostic('path-not-found', { file: path.resolve(io.cwd, p), range: null, procedure: null }, { path: p });
        return `${d.code}  ${renderMessage(d, options.lang)}`;
      })
      .join('\n');
    throw new UsageError({ vi: text, en: text });
  }
  if (found.files.length === 0) throw new UsageError({ vi: 'Không có tệp .jsonl nào trong các thư mục đã cho.', en: 'No .jsonl file in the given folders.' });
  const report = importDvc({
    inputs,
    out: options.out,
    ...(options.catalogue !== undefined ? { catalogue: options.catalogue } : {}),
    overwrite: options.overwrite,
    cwd: io.cwd,
  });
  const diagnostics = sortDiagnostics(report.diagnostics);
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({
      coverage: coverageFigures(report.coverage),
      files: report.files.map((f) => ({
        procedure: f.procedure,
        file: f.file === '' ? null : displayPath(f.file, io.cwd),
        status: f.status,
        input: `${displayPath(f.input.file, io.cwd)}:${f.input.line}`,
        changes: f.changes,
      })),
      diagnostics: toJsonDiagnostics(diagnostics, { lang: options.lang, cwd: io.cwd }),
    }, null, 2)}\n`);
  } else {
    const listed = diagnostics.length > 0
      ? formatStylish(diagnostics, { lang: options.lang, cwd: io.cwd, color: io.isTTY && io.env['NO_COLOR'] === undefined, fileCount: found.files.length })
      : '';
    io.stdout(`${listed}${listed === '' ? '' : '\n'}${syncText(report, options.lang, io.cwd)}${summaryTable(report.coverage, options.lang)}\n`);
  }
  return countBySeverity(report.diagnostics).error > 0 ? EXIT.findings : EXIT.ok;
}
