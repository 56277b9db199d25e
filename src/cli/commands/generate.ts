import path from 'node:path';
import { formatStylish } from '../../report/stylish.js';
import { renderGenerated, syncGenerated } from '../../generate/generate.js';
import type { Lang } from '../../i18n/lang.js';
import { EXIT, LANG_OPTION, UsageError, type Io, type OptionDef } from '../context.js';
import { HELP_OPTION, type CommandHelp } from '../help.js';

/** Options of `tthc generate`. */
export const GENERATE_OPTIONS: Record<string, OptionDef> = {
  check: {
    type: 'boolean',
    default: false,
    description: {
      vi: 'Không ghi gì; báo lỗi (mã thoát 1) nếu generated/ không khớp với mã sinh ra.',
      en: 'Write nothing; fail (exit 1) when generated/ differs from what would be generated.',
    },
  },
  out: {
    type: 'string',
    default: 'generated',
    description: { vi: 'Thư mục đích.', en: 'Output folder.' },
  },
  lang: LANG_OPTION,
  help: HELP_OPTION,
};

/** `tthc generate` help. */
export const GENERATE_HELP: CommandHelp = {
  name: 'generate',
  usage: 'tthc generate [--check] [--out generated]',
  description: {
    vi: 'Sinh mã trong generated/: kiểu TypeScript từ schemas/, và cho mỗi thủ tục của procedures/ một mô-đun máy trạng thái XState có kiểu và một sơ đồ Mermaid. Chỉ ghi tệp thay đổi, xóa tệp thừa; --check dùng trong CI.',
    en: 'Generate generated/: TypeScript types from schemas/, and for every procedure of procedures/ a typed XState machine module and a Mermaid diagram. Writes only what changed and removes stale files; --check is for CI.',
  },
  options: GENERATE_OPTIONS,
  examples: ['tthc generate', 'tthc generate --check'],
};

/** Runs `tthc generate`; returns the exit code. */
export async function runGenerate(options: { check: boolean; out: string; lang: Lang }, io: Io): Promise<number> {
  const outDir = path.resolve(io.cwd, options.out);
  const { files, errors } = await renderGenerated({ cwd: io.cwd });
  if (errors.length > 0) {
    io.stdout(formatStylish(errors, { lang: options.lang, cwd: io.cwd, color: io.isTTY && io.env['NO_COLOR'] === undefined, fileCount: new Set(errors.map((e) => e.file)).size }));
    io.stdout(options.lang === 'vi' ? '✖ Danh mục có lỗi: không sinh mã. Sửa lỗi (tthc validate) rồi chạy lại.\n' : '✖ The catalogue has errors: nothing generated. Fix them (tthc validate) and run again.\n');
    return EXIT.findings;
  }
  let report;
  try {
    report = syncGenerated(outDir, files, { check: options.check });
  } catch (error) {
    const reason = (error as Error).message;
    throw new UsageError({ vi: `Không ghi được ${options.out}/: ${reason}`, en: `Cannot write ${options.out}/: ${reason}` });
  }
  const vi = options.lang === 'vi';
  const all = [...report.written.map((f) => `  ${options.check ? (vi ? 'lỗi thời' : 'stale') : (vi ? 'đã ghi' : 'wrote')}: ${options.out}/${f}`),
    ...report.removed.map((f) => `  ${options.check ? (vi ? 'thừa' : 'extra') : (vi ? 'đã xóa' : 'removed')}: ${options.out}/${f}`)];
  const LIST_LIMIT = 20;
  const changed = all.length > LIST_LIMIT ? [...all.slice(0, LIST_LIMIT), vi ? `  … và ${all.length - LIST_LIMIT} tệp khác` : `  … and ${all.length - LIST_LIMIT} more`] : all;
  if (options.check) {
    if (changed.length === 0) {
      io.stdout(vi ? `✓ ${options.out}/ khớp với mã sinh ra (${report.unchanged.length} tệp).\n` : `✓ ${options.out}/ is up to date (${report.unchanged.length} files).\n`);
      return EXIT.ok;
    }
    io.stdout(
      (vi ? `✖ ${options.out}/ đã lỗi thời: chạy "npm run generate" rồi commit.\n` : `✖ ${options.out}/ is stale: run "npm run generate" and commit.\n`) +
        changed.join('\n') + '\n',
    );
    return EXIT.findings;
  }
  io.stdout(
    (vi
      ? `✓ Đã sinh ${options.out}/: ${report.written.length} tệp ghi mới, ${report.unchanged.length} tệp không đổi, ${report.removed.length} tệp xóa.\n`
      : `✓ Generated ${options.out}/: ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed.\n`) +
      (changed.length > 0 ? changed.join('\n') + '\n' : ''),
  );
  return EXIT.ok;
}
