import { findCode } from '../../report/codes.js';
import type { Lang } from '../../i18n/lang.js';
import { EXIT, LANG_OPTION, UsageError, type Io, type OptionDef } from '../context.js';
import { HELP_OPTION, type CommandHelp } from '../help.js';

/** Options of `tthc explain`. */
export const EXPLAIN_OPTIONS: Record<string, OptionDef> = { lang: LANG_OPTION, help: HELP_OPTION };

/** `tthc explain` help. */
export const EXPLAIN_HELP: CommandHelp = {
  name: 'explain',
  usage: 'tthc explain <code|id> [--lang vi|en]',
  description: {
    vi: 'Giải thích một mã chẩn đoán (ví dụ TTHC202 hoặc unknown-property).',
    en: 'Explain a diagnostic code (e.g. TTHC202 or unknown-property).',
  },
  options: EXPLAIN_OPTIONS,
  examples: ['tthc explain TTHC202', 'tthc explain duplicate-key --lang en'],
};

/** Runs `tthc explain`; returns the exit code. */
export function runExplain(args: string[], options: { lang: Lang }, io: Io): number {
  const [wanted, ...rest] = args;
  if (wanted === undefined || rest.length > 0) {
    throw new UsageError({ vi: 'Cần đúng một mã, ví dụ: tthc explain TTHC202.', en: 'Give exactly one code, e.g. tthc explain TTHC202.' });
  }
  const info = findCode(wanted);
  if (info === undefined) {
    throw new UsageError({ vi: `Không có mã "${wanted}".`, en: `There is no code "${wanted}".` });
  }
  const l = options.lang;
  const blank = (t: string) => t.replace(/\{[a-zA-Z]+\}/g, '…');
  const severity = { error: { vi: 'lỗi', en: 'error' }, warning: { vi: 'cảnh báo', en: 'warning' }, info: { vi: 'gợi ý', en: 'info' } }[info.severity][l];
  const message = [blank(info.message[l]), blank(info.hint[l])].filter((t) => t.trim() !== '…' && t.trim() !== '').join(' ');
  io.stdout(`${info.code} ${info.id} (${severity})\n\n${info.explain[l]}\n\n${l === 'vi' ? 'Thông báo' : 'Message'}: ${message}\n`);
  return EXIT.ok;
}
