import path from 'node:path';
import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import type { Lang } from '../../i18n/lang.js';
import { startLanguageServer } from '../../lsp/index.js';
import { CACHE_OPTIONS } from '../cache-options.js';
import { EXIT, LANG_OPTION, type OptionDef } from '../context.js';
import { HELP_OPTION, type CommandHelp } from '../help.js';

/** Options of `tthc lsp`. */
export const LSP_OPTIONS: Record<string, OptionDef> = {
  stdio: { type: 'boolean', default: true, description: { vi: 'Giao tiếp qua đầu vào/ra chuẩn (mặc định, cách duy nhất).', en: 'Talk over standard input/output (the default and only transport).' } },
  ...CACHE_OPTIONS,
  lang: LANG_OPTION,
  help: HELP_OPTION,
};

/** `tthc lsp` help. */
export const LSP_HELP: CommandHelp = {
  name: 'lsp',
  usage: 'tthc lsp [--stdio] [--no-cache] [--cache-dir dir] [--lang vi|en]',
  description: {
    vi: 'Máy chủ ngôn ngữ cho trình soạn thảo: hiện lỗi nạp, lược đồ, tham chiếu và các phát hiện rà soát (cả giữa các thủ tục) ngay khi gõ, sửa an toàn bằng một cú nhấp, thông tin giấy tờ, văn bản pháp luật và câu hỏi khi rê chuột. Ngôn ngữ theo trình soạn thảo; --lang khi trình soạn thảo không nói.',
    en: 'Language server (LSP) for editors: load, schema, reference and review findings (cross-procedure ones too) as you type, safe fixes in one click, documents, legal references and facts on hover. Language follows the editor; --lang when the editor gives none.',
  },
  options: LSP_OPTIONS,
  examples: ['tthc lsp --stdio', 'tthc lsp --lang en'],
};

/**
 * Runs `tthc lsp` on stdin/stdout until the client says exit (the protocol library then ends
 * the process). Nothing else may write to stdout: it carries the protocol.
 */
export function runLsp(options: { lang: Lang; cache?: boolean; cacheDir?: string }): Promise<number> {
  // stdout carries the protocol: anything a library logs goes to stderr (the editor's log).
  for (const name of ['log', 'info', 'debug', 'warn'] as const) console[name] = (...args: unknown[]) => process.stderr.write(`${format(...args)}\n`);
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  // The cache folder: --cache-dir (from where the command runs), else the workspace's default.
  const cacheDir = options.cache === false ? null : options.cacheDir !== undefined ? path.resolve(options.cacheDir) : undefined;
  startLanguageServer(connection, { fallbackLang: options.lang, ...(cacheDir !== undefined ? { cacheDir } : {}) });
  connection.listen();
  return new Promise((resolve) => connection.onExit(() => resolve(EXIT.ok)));
}
