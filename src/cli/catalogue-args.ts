import path from 'node:path';
import { parseIsoDate } from '../calendar/dates.js';
import { CATALOGUE_CODES } from '../catalogue/codes.js';
import { collectFiles } from '../catalogue/files.js';
import { ConfigError, loadConfig, type CheckConfig } from '../checks/config.js';
import { makeDiagnostic, renderMessage } from '../diagnostics/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import { UsageError, type Io } from './context.js';

/**
 * The catalogue paths a command was given (default `procedures/`) with their files; a path
 * that does not exist or holds no catalogue file is a usage error (TTHC901, TTHC902).
 */
export function cataloguePaths(paths: readonly string[], io: Io, lang: Lang): { given: string[]; files: string[] } {
  const given = paths.length > 0 ? [...paths] : ['procedures'];
  const found = collectFiles(given, io.cwd);
  if (found.missing.length > 0 || found.empty.length > 0) {
    const problems = [
      ...found.missing.map((p) => makeDiagnostic(CATALOGUE_CODES.info('path-not-found'), { file: path.resolve(io.cwd, p), range: null, procedure: null }, { path: p })),
      ...found.empty.map((p) => makeDiagnostic(CATALOGUE_CODES.info('no-catalogue-files'), { file: path.resolve(io.cwd, p), range: null, procedure: null }, { path: p })),
    ];
    const text = problems.map((d) => `${d.code}  ${renderMessage(d, lang)}`).join('\n');
    throw new UsageError({ vi: text, en: text });
  }
  return { given, files: found.files };
}

/** The check configuration (`--config`, else tthc.config.yaml when present); a broken one is a usage error. */
export function checkConfig(io: Io, file: string | undefined): CheckConfig | undefined {
  try {
    return loadConfig(io.cwd, file);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.text);
    throw error;
  }
}

/** `--today`: a calendar date YYYY-MM-DD, or a usage error. */
export function todayOption(today: string | undefined): string | undefined {
  if (today === undefined) return undefined;
  try {
    parseIsoDate(today);
    return today;
  } catch {
    throw new UsageError({ vi: `--today cần dạng YYYY-MM-DD, nhận được "${today}".`, en: `--today takes YYYY-MM-DD, got "${today}".` });
  }
}
