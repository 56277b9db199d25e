import { CATALOGUE_CODES } from '../../catalogue/codes.js';
import path from 'node:path';
import { countBySeverity, makeDiagnostic, renderMessage, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { formatImportJson, formatImportText } from '../../report/import.js';
import type { Lang } from '../../i18n/lang.js';
import { importDvc, inputFiles } from '../../import/dvc/run.js';
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
    'tthc import dvc data/dvc --out procedures/national',
    'tthc import dvc export.jsonl --out /tmp/catalogue --format json',
    'tthc import dvc data/dvc --out /tmp/national --catalogue procedures',
  ],
};

export { OPTIONS as IMPORT_OPTIONS };

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
        const d = makeDiagnostic(CATALOGUE_CODES.info('path-not-found'), { file: path.resolve(io.cwd, p), range: null, procedure: null }, { path: p });
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
  if (options.format === 'json') io.stdout(formatImportJson(report, diagnostics, { lang: options.lang, cwd: io.cwd }));
  else io.stdout(formatImportText(report, diagnostics, { lang: options.lang, cwd: io.cwd, color: io.isTTY && io.env['NO_COLOR'] === undefined, fileCount: found.files.length }));
  return countBySeverity(report.diagnostics).error > 0 ? EXIT.findings : EXIT.ok;
}
