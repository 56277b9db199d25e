import { countBySeverity } from '../../diagnostics/diagnostic.js';
import { formatJson } from '../../report/json.js';
import { formatStylish } from '../../report/stylish.js';
import type { Lang } from '../../i18n/lang.js';
import { cataloguePaths } from '../catalogue-args.js';
import { EXIT, LANG_OPTION, type Io, type OptionDef, noteBundledRegistry } from '../context.js';
import { HELP_OPTION, type CommandHelp } from '../help.js';
import { CACHE_OPTIONS, cacheDirOf, openSession } from '../cache-options.js';

const OPTIONS: Record<string, OptionDef> = {
  format: {
    type: 'string',
    values: ['stylish', 'json'],
    default: 'stylish',
    alias: 'f',
    description: { vi: 'Định dạng kết quả: stylish (cho người đọc) hoặc json (cho máy).', en: 'Output format: stylish (for people) or json (for scripts).' },
  },
  ...CACHE_OPTIONS,
  lang: LANG_OPTION,
  help: HELP_OPTION,
};

/** `tthc validate` help. */
export const VALIDATE_HELP: CommandHelp = {
  name: 'validate',
  usage: 'tthc validate [paths…] [--format stylish|json] [--no-cache] [--cache-dir dir] [--lang vi|en]',
  description: {
    vi: 'Kiểm tra các tệp danh mục (cú pháp YAML, lược đồ, tham chiếu). Mặc định: thư mục procedures/. Mã thoát 0 khi không có lỗi, 1 khi có lỗi, 2 khi dùng sai lệnh.',
    en: 'Validate catalogue files (YAML syntax, schema, references). Default path: procedures/. Exit 0 when clean, 1 when errors are found, 2 on usage errors.',
  },
  options: OPTIONS,
  examples: ['tthc validate', 'tthc validate procedures/curated/ho-tich --format json', 'tthc validate procedures/curated/ho-tich/1.001193-dang-ky-khai-sinh.yaml --lang en'],
};

export { OPTIONS as VALIDATE_OPTIONS };

/**
 * Runs `tthc validate`. Writes the report to stdout; returns the exit code.
 * A path that does not exist is a usage error (exit 2), reported on stderr.
 */
export function runValidate(paths: string[], options: { format: string; lang: Lang; cache?: boolean; cacheDir?: string }, io: Io): number {
  const { given, files: found } = cataloguePaths(paths, io, options.lang);
  const cacheDir = cacheDirOf({ cache: options.cache, 'cache-dir': options.cacheDir }, io);
  const catalogue = openSession({ paths: given, cwd: io.cwd, checks: false, dropTrees: true, ...(cacheDir !== undefined ? { cacheDir } : {}) }, io, options.lang).state.catalogue;
  noteBundledRegistry(catalogue, io, options.lang);
  const out = options.format === 'json'
    ? formatJson(catalogue.diagnostics, { lang: options.lang, cwd: io.cwd })
    : formatStylish(catalogue.diagnostics, {
        lang: options.lang,
        cwd: io.cwd,
        color: io.isTTY && io.env['NO_COLOR'] === undefined,
        fileCount: found.length,
      });
  io.stdout(out);
  return countBySeverity(catalogue.diagnostics).error > 0 ? EXIT.findings : EXIT.ok;
}
