import { AgencyDirectory } from '../../engine/agencies.js';
import { EngineError } from '../../engine/errors.js';
import { KPI_DIMENSIONS, type KpiDimension } from '../../engine/kpi.js';
import { msOf } from '../../engine/time.js';
import type { Lang } from '../../i18n/lang.js';
import { formatKpi, KPI_FORMATS, type KpiFormat } from '../../report/kpi.js';
import { readOperatorFile } from '../../server/operator-file.js';
import { EXIT, LANG_OPTION, UsageError, type Io, type OptionDef } from '../context.js';
import { HELP_OPTION, type CommandHelp } from '../help.js';
import { CATALOGUE_OPTION, catalogueFolder, makeEngine, openStore, printEngineError, STORE_OPTIONS } from './engine-setup.js';
import path from 'node:path';

const OPTIONS: Record<string, OptionDef> = {
  ...STORE_OPTIONS,
  by: { type: 'string', values: KPI_DIMENSIONS, default: 'level', description: { vi: 'Nhóm theo: total, level, agency, procedure, field, stage.', en: 'Group by: total, level, agency, procedure, field, stage.' } },
  from: { type: 'string', description: { vi: 'Hồ sơ nộp từ thời điểm này (ISO).', en: 'Dossiers submitted from this moment (ISO).' } },
  to: { type: 'string', description: { vi: 'Hồ sơ nộp trước thời điểm này (ISO).', en: 'Dossiers submitted before this moment (ISO).' } },
  at: { type: 'string', description: { vi: 'Tính hồ sơ đang giải quyết tại thời điểm này (mặc định: bây giờ).', en: 'Judge open dossiers at this moment (default: now).' } },
  tokens: { type: 'string', description: { vi: 'Tệp cơ quan (để in tên cơ quan).', en: 'Agencies file (to print agency names).' } },
  catalogue: CATALOGUE_OPTION,
  format: { type: 'string', values: KPI_FORMATS, default: 'stylish', alias: 'f', description: { vi: 'Định dạng: stylish, json, markdown, csv.', en: 'Format: stylish, json, markdown, csv.' } },
  lang: LANG_OPTION,
  help: HELP_OPTION,
};

/** `tthc kpi` help. */
export const KPI_HELP: CommandHelp = {
  name: 'kpi',
  usage: 'tthc kpi [--data <folder> | --database-url <url>] [--by level|agency|procedure|field|stage|total] [--from ISO --to ISO] [--format stylish|json|markdown|csv]',
  description: {
    vi: 'Số liệu giải quyết hồ sơ: tỷ lệ đúng hạn (tính cả hồ sơ đang giải quyết và quá hạn), tỷ lệ trực tuyến, 4 tại chỗ, phiếu xin lỗi, trễ phát sinh ở đâu, thời gian xử lý so với luật định.',
    en: 'Dossier figures: on-time rate (open and overdue dossiers included), online and 4 tại chỗ shares, apology slips, where lateness arose, processing time against the statutory one.',
  },
  options: OPTIONS,
  examples: ['tthc kpi --by level', 'tthc kpi --database-url postgres://postgres@127.0.0.1:5432/test --by stage --format markdown'],
};

export { OPTIONS as KPI_OPTIONS };

function moment(o: Record<string, unknown>, name: string): number | undefined {
  const v = o[name];
  if (typeof v !== 'string') return undefined;
  try {
    return msOf(v);
  } catch {
    throw new UsageError({ vi: `--${name}: không phải thời điểm hợp lệ: ${v}.`, en: `--${name}: not a valid moment: ${v}.` });
  }
}

/** Runs `tthc kpi`. */
export async function runKpi(o: Record<string, unknown>, io: Io, lang: Lang): Promise<number> {
  const from = moment(o, 'from');
  const to = moment(o, 'to');
  const at = moment(o, 'at');
  try {
    const agencies = typeof o['tokens'] === 'string' ? new AgencyDirectory(readOperatorFile(path.resolve(io.cwd, o['tokens'])).agencies) : new AgencyDirectory([]);
    const folder = catalogueFolder(o['catalogue'], io, lang);
    const store = await openStore(o, io);
    try {
      const engine = makeEngine(store, folder, agencies);
      const report = await engine.kpi({ by: o['by'] as KpiDimension, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }), ...(at === undefined ? {} : { now: at }) });
      io.stdout(formatKpi(report, o['format'] as KpiFormat, lang));
    } finally {
      await store.close();
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof EngineError) {
      printEngineError(error, io, lang);
      return EXIT.findings;
    }
    throw error;
  }
}
