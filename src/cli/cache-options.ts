import path from 'node:path';
import { CatalogueSession, type SessionOptions } from '../cache/index.js';
import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import type { Io, OptionDef } from './context.js';

/** `--cache` / `--no-cache` and `--cache-dir`, shared by the commands that load the catalogue. */
export const CACHE_OPTIONS: Record<string, OptionDef> = {
  cache: {
    type: 'boolean',
    default: true,
    description: {
      vi: 'Dùng bộ nhớ đệm (mặc định bật): chỉ đọc lại tệp đã đổi, chỉ rà soát lại thủ tục bị ảnh hưởng; --no-cache để tắt.',
      en: 'Use the cache (on by default): re-read only changed files, re-check only affected procedures; --no-cache to skip it.',
    },
  },
  'cache-dir': {
    type: 'string',
    description: { vi: 'Thư mục bộ nhớ đệm (mặc định node_modules/.cache/tthc).', en: 'Cache folder (default node_modules/.cache/tthc).' },
  },
};

/** The cache folder the options ask for, or undefined with --no-cache. */
export function cacheDirOf(options: Record<string, unknown>, io: Io): string | undefined {
  if (options['cache'] === false) return undefined;
  const dir = options['cache-dir'];
  return typeof dir === 'string' ? path.resolve(io.cwd, dir) : CatalogueSession.defaultCacheDir(io.cwd);
}

/** Prints the cache's notices (TTHC801, TTHC802) on stderr. */
export function printNotices(session: CatalogueSession, io: Io, lang: Lang, from = 0): number {
  for (const d of session.notices.slice(from)) io.stderr(`tthc: ${d.code} ${renderMessage(d, lang)}\n`);
  return session.notices.length;
}

/** Opens a session through the cache, saves it, and prints what the cache had to say. */
export function openSession(options: SessionOptions, io: Io, lang: Lang): CatalogueSession {
  const session = CatalogueSession.open({ dropTrees: false, incremental: false, ...options });
  session.save();
  printNotices(session, io, lang);
  return session;
}
