import { watch as fsWatch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { diffDiagnostics, CACHE_CODES, type CatalogueSession, type SessionState } from '../../cache/index.js';
import { CATALOGUE_EXTENSIONS } from '../../catalogue/files.js';
import { countBySeverity, makeDiagnostic, renderMessage } from '../../diagnostics/diagnostic.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Lang } from '../../i18n/lang.js';
import { formatChanges } from '../../report/changes.js';
import { CACHE_OPTIONS, cacheDirOf, openSession, printNotices } from '../cache-options.js';
import { cataloguePaths, checkConfig, todayOption } from '../catalogue-args.js';
import { EXIT, LANG_OPTION, type Io, type OptionDef } from '../context.js';
import { HELP_OPTION, type CommandHelp } from '../help.js';
import { CHECK_OPTIONS } from './check.js';

const OPTIONS: Record<string, OptionDef> = {
  config: CHECK_OPTIONS['config'] as OptionDef,
  today: CHECK_OPTIONS['today'] as OptionDef,
  ...CACHE_OPTIONS,
  lang: LANG_OPTION,
  help: HELP_OPTION,
};

/** `tthc watch` help. */
export const WATCH_HELP: CommandHelp = {
  name: 'watch',
  usage: 'tthc watch [paths…] [--config file] [--today YYYY-MM-DD] [--no-cache] [--cache-dir dir] [--lang vi|en]',
  description: {
    vi: 'Theo dõi tệp danh mục: mỗi lần lưu, kiểm tra và rà soát lại, chỉ in những gì thay đổi (vấn đề mới, vấn đề đã hết). Chỉ đọc lại tệp đã đổi và chỉ rà soát lại thủ tục bị ảnh hưởng. Dừng bằng Ctrl+C.',
    en: 'Watch catalogue files: on every save, validate and check again and print only what changed (new problems, fixed ones). Only changed files are re-read and only affected procedures re-checked. Stop with Ctrl+C.',
  },
  options: OPTIONS,
  examples: ['tthc watch', 'tthc watch procedures/curated --lang en'],
};

export { OPTIONS as WATCH_OPTIONS };

/** Test seams of {@link runWatch}. */
export interface WatchHooks {
  /** Stops watching when aborted (the command line stops on SIGINT and SIGTERM). */
  signal?: AbortSignal;
  /** The file-watching function (node:fs watch). */
  watch?: (dir: string, listener: (event: string, name: string | null) => void) => FSWatcher;
  /** Milliseconds to wait for more saves before re-checking (editors write in several steps). */
  debounceMs?: number;
}

const everything = (s: SessionState): Diagnostic[] => [...s.diagnostics, ...(s.checks?.meta ?? []), ...(s.checks?.findings ?? [])];

/**
 * Runs `tthc watch`: loads and checks once, then on each change re-validates and re-checks
 * incrementally and prints what changed. Resolves with the exit code when stopped.
 */
export async function runWatch(
  paths: string[],
  options: { lang: Lang; config?: string; today?: string; cache?: boolean; cacheDir?: string },
  io: Io,
  hooks: WatchHooks = {},
): Promise<number> {
  const lang = options.lang;
  const vi = lang === 'vi';
  const { given, files: found } = cataloguePaths(paths, io, lang);
  todayOption(options.today);
  const config = checkConfig(io, options.config);
  const cacheDir = cacheDirOf({ cache: options.cache, 'cache-dir': options.cacheDir }, io);
  const started = performance.now();
  const session: CatalogueSession = openSession({
    dropTrees: true,
    incremental: true,
    paths: given, cwd: io.cwd, ...(cacheDir !== undefined ? { cacheDir } : {}),
    checks: { ...(config !== undefined ? { config } : {}), ...(options.today !== undefined ? { today: options.today } : {}) },
  }, io, lang);
  let noticed = session.notices.length;
  let current = everything(session.state);

  // Watch every folder holding a catalogue file (and the folders given): a save reaches the
  // session as that one file, whatever else the folder holds.
  const dirs = new Set<string>();
  for (const f of session.state.catalogue.files) dirs.add(path.dirname(f.file));
  for (const p of given) {
    const abs = path.resolve(io.cwd, p);
    dirs.add(found.includes(abs) ? path.dirname(abs) : abs);
  }
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const debounce = hooks.debounceMs ?? 40;
  const flush = (): void => {
    timer = undefined;
    const files = [...pending].sort();
    pending.clear();
    const t0 = performance.now();
    const state = session.updateMany(files.map((file) => ({ file })));
    const next = everything(state);
    const changes = diffDiagnostics(current, next);
    current = next;
    const ms = performance.now() - t0;
    if (changes.added.length > 0 || changes.fixed.length > 0) {
      io.stdout(formatChanges(changes, { lang, cwd: io.cwd, color: io.isTTY && io.env['NO_COLOR'] === undefined, files, ms }));
    } else {
      io.stdout(vi ? `${files.map((f) => path.relative(io.cwd, f)).join(', ')}: không có gì thay đổi (${Math.round(ms)} mili giây).\n` : `${files.map((f) => path.relative(io.cwd, f)).join(', ')}: nothing changed (${Math.round(ms)} ms).\n`);
    }
    noticed = printNotices(session, io, lang, noticed);
  };
  const onEvent = (dir: string) => (_event: string, name: string | null): void => {
    if (name === null || !CATALOGUE_EXTENSIONS.some((e) => name.endsWith(e))) return;
    pending.add(path.join(dir, name));
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, debounce);
  };
  const watchFn = hooks.watch ?? ((dir, listener) => fsWatch(dir, listener));
  const watchers: FSWatcher[] = [];
  const stopAll = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
  for (const dir of [...dirs].sort()) {
    try {
      const w = watchFn(dir, onEvent(dir));
      watchers.push(w);
    } catch (error) {
      stopAll();
      const d = makeDiagnostic(CACHE_CODES.info('watch-failed'), { file: dir, range: null, procedure: null }, { path: path.relative(io.cwd, dir) || '.', reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
      io.stderr(`tthc: ${d.code} ${renderMessage(d, lang)}\n`);
      return EXIT.usage;
    }
  }
  const counts = countBySeverity(current);
  const files = session.state.catalogue.files.filter((f) => f.requested).length;
  io.stdout(vi
    ? `Đang theo dõi ${files} tệp (${dirs.size} thư mục): ${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} gợi ý (${Math.round(performance.now() - started)} mili giây). Lưu tệp để kiểm tra lại; Ctrl+C để dừng.\n`
    : `Watching ${files} files (${dirs.size} folders): ${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos (${Math.round(performance.now() - started)} ms). Save a file to check again; Ctrl+C to stop.\n`);
  return await new Promise<number>((resolve) => {
    const stop = (): void => {
      stopAll();
      session.save();
      printNotices(session, io, lang, noticed);
      resolve(EXIT.ok);
    };
    if (hooks.signal?.aborted === true) stop();
    else hooks.signal?.addEventListener('abort', stop, { once: true });
    for (const w of watchers) {
      w.on('error', (error: NodeJS.ErrnoException) => {
        const d = makeDiagnostic(CACHE_CODES.info('watch-failed'), { file: io.cwd, range: null, procedure: null }, { path: '.', reason: error.code ?? error.message });
        io.stderr(`tthc: ${d.code} ${renderMessage(d, lang)}\n`);
        stopAll();
        resolve(EXIT.usage);
      });
    }
  });
}
