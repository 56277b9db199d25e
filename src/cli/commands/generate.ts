import path from 'node:path';
import { renderGenerated, syncGenerated } from '../../generate/generate.js';
import type { Lang } from '../../i18n/lang.js';
import { EXIT, LANG_OPTION, type Io, type OptionDef } from '../context.js';
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
    vi: 'Sinh mã trong generated/ (kiểu TypeScript từ schemas/). Chỉ ghi tệp thay đổi, xóa tệp thừa; --check dùng trong CI.',
    en: 'Generate generated/ (TypeScript types from schemas/). Writes only what changed and removes stale files; --check is for CI.',
  },
  options: GENERATE_OPTIONS,
  examples: ['tthc generate', 'tthc generate --check'],
};

/** Runs `tthc generate`; returns the exit code. */
export async function runGenerate(options: { check: boolean; out: string; lang: Lang }, io: Io): Promise<number> {
  const outDir = path.resolve(io.cwd, options.out);
  const files = await renderGenerated();
  const report = syncGenerated(outDir, files, { check: options.check });
  const vi = options.lang === 'vi';
  const changed = [...report.written.map((f) => `  ${options.check ? (vi ? 'lỗi thời' : 'stale') : (vi ? 'đã ghi' : 'wrote')}: ${options.out}/${f}`),
    ...report.removed.map((f) => `  ${options.check ? (vi ? 'thừa' : 'extra') : (vi ? 'đã xóa' : 'removed')}: ${options.out}/${f}`)];
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
