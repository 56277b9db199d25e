import { CodeActionKind, MessageType, TextDocuments, TextDocumentSyncKind, type CodeAction, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { collectFiles } from '../catalogue/files.js';
import { MAX_FILE_BYTES } from '../catalogue/read.js';
import { ConfigError, loadConfig, type CheckConfig } from '../checks/config.js';
import { fixText } from '../checks/fix.js';
import type { Fix } from '../checks/types.js';
import { both, makeDiagnostic, renderMessage } from '../diagnostics/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import { LSP_CODES } from './codes.js';
import { fileOf, langOfLocale, minimalEdit, toLspDiagnostic, toLspRange, uriOf, type LspRange } from './convert.js';
import { hoverAt } from './hover.js';
import { CatalogueSession as CacheSession } from '../cache/index.js';
import { IncrementalSession } from './incremental-session.js';
import { catalogueFolderOf, type Analysis, type CatalogueSession, type SessionOptions } from './session.js';

/** How the server is set up (the command line passes the environment; tests may pass more). */
export interface ServerOptions {
  /** The language when the client gives no locale (`--lang`, else from LANG…). */
  fallbackLang: Lang;
  /** Quiet time after an edit before the catalogue is checked again, in ms; default 150. */
  debounceMs?: number;
  /**
   * Builds the session that loads and checks; default an {@link IncrementalSession} on the
   * incremental cache (see `cacheDir`).
   */
  createSession?: (options: SessionOptions) => CatalogueSession;
  /**
   * The persistent cache folder of the default session; default the first workspace folder's
   * `node_modules/.cache/tthc` (as the command line); `null`: keep everything in memory.
   */
  cacheDir?: string | null;
  /** ISO date of "today" for date-dependent rules; default the real date. */
  today?: string;
}

const isCatalogueFile = (file: string): boolean => /\.ya?ml$/i.test(file);

function overlaps(a: LspRange, b: LspRange): boolean {
  const before = (x: { line: number; character: number }, y: { line: number; character: number }) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * Wires tthc's language server onto a connection (stdio from `tthc lsp`, or any stream
 * pair): diagnostics of the open files as they are edited, the safe fixes as code actions,
 * hover on registry entries and facts. Returns nothing; the connection must be `listen()`ed
 * by the caller.
 */
export function startLanguageServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const debounceMs = options.debounceMs ?? 150;
  let lang: Lang = options.fallbackLang;
  let folders: { workspace: string; catalogue: string }[] = [];
  let session: CatalogueSession | undefined;
  let config: CheckConfig | undefined;
  let configProblem: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let last: Analysis | undefined;
  /** The text of each open file that `last` was computed from. */
  let analyzedText = new Map<string, string>();
  /** What was last published per URI, to republish only what changed. */
  const published = new Map<string, string>();
  /** URIs edited since the last run: always answered, even when nothing changed. */
  const dirty = new Set<string>();
  /** Closed files that carry diagnostics because an open file draws them in. */
  let closedShown = new Set<string>();

  const say = (code: 'lsp-no-catalogue' | 'lsp-config-ignored', file: string, data: Record<string, string>): void => {
    const d = makeDiagnostic(LSP_CODES.info(code), { file, range: null, procedure: null }, data);
    void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: `${d.code} ${renderMessage(d, lang)}` });
  };

  const sessionOf = (): CatalogueSession => {
    if (session === undefined) {
      const cwd = folders[0]?.workspace ?? process.cwd();
      const cacheDir = options.cacheDir === undefined ? CacheSession.defaultCacheDir(cwd) : options.cacheDir;
      const make = options.createSession ?? ((o: SessionOptions) => new IncrementalSession({ ...o, ...(cacheDir !== null ? { cacheDir } : {}) }));
      session = make({
        folders: folders.map((f) => f.catalogue).filter((f) => collectFiles([f], cwd).files.length > 0),
        cwd,
        ...(config !== undefined ? { config } : {}),
        ...(options.today !== undefined ? { today: options.today } : {}),
      });
    }
    return session;
  };

  const openFiles = (): { uri: string; file: string; doc: TextDocument }[] =>
    documents.all().flatMap((doc) => {
      const file = fileOf(doc.uri);
      return file !== null && isCatalogueFile(file) ? [{ uri: doc.uri, file, doc }] : [];
    });

  /** One run: the open texts as they are now, analysed, then published where they changed. */
  const runOnce = async (): Promise<void> => {
    const open = openFiles();
    const texts = new Map(open.map((o) => [o.file, o.doc.getText()]));
    const edited = new Set(dirty);
    dirty.clear();
    let analysis: Analysis;
    try {
      analysis = await sessionOf().analyze(open.map((o) => o.file));
    } catch (error) {
      // Never let one bad run take the server down: say so on the files being edited.
      const reason = error instanceof Error ? error.message : String(error);
      connection.console.error(`tthc lsp: ${reason}`);
      for (const o of open) {
        if (!edited.has(o.uri)) continue;
        const d = makeDiagnostic(LSP_CODES.info('lsp-internal-error'), { file: o.file, range: null, procedure: null }, { reason: both('lỗi nội bộ khi nạp hoặc rà soát danh mục', reason) });
        const list = [toLspDiagnostic(d, lang)];
        published.set(o.uri, JSON.stringify(list));
        void connection.sendDiagnostics({ uri: o.uri, version: o.doc.version, diagnostics: list });
      }
      return;
    }
    // The cache's own notices go to the editor's log for this server (not to a file).
    for (const d of session?.takeNotices?.() ?? []) connection.console.warn(`tthc: ${d.code} ${renderMessage(d, lang)}`);
    last = analysis;
    analyzedText = texts;
    for (const o of open) {
      if (documents.get(o.uri) === undefined) continue; // closed meanwhile
      const list = (analysis.diagnostics.get(o.file) ?? []).map((d) => toLspDiagnostic(d, lang));
      const key = JSON.stringify(list);
      if (published.get(o.uri) === key && !edited.has(o.uri)) continue;
      published.set(o.uri, key);
      void connection.sendDiagnostics({ uri: o.uri, version: o.doc.version, diagnostics: list });
    }
    // Closed files that an open one draws in (the other definition of a duplicate code), and
    // clearing those that no longer are.
    const openUris = new Set(open.map((o) => o.uri));
    const drawn = new Set<string>();
    for (const [file, found] of analysis.diagnostics) {
      const uri = uriOf(file);
      if (openUris.has(uri) || found.length === 0) continue;
      drawn.add(uri);
      const list = found.map((d) => toLspDiagnostic(d, lang));
      const key = JSON.stringify(list);
      if (published.get(uri) === key) continue;
      published.set(uri, key);
      void connection.sendDiagnostics({ uri, diagnostics: list });
    }
    for (const uri of closedShown) {
      if (drawn.has(uri) || openUris.has(uri)) continue;
      published.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    closedShown = drawn;
  };

  // Runs never overlap (a session may answer asynchronously); requests made while one is
  // queued share it.
  let chain: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  const run = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (queued !== undefined) return queued;
    const next = chain.then(() => {
      queued = undefined;
      return runOnce();
    });
    queued = next;
    chain = next.catch(() => undefined);
    return next;
  };

  const later = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
  };

  const schedule = (uri: string): void => {
    dirty.add(uri);
    later();
  };

  /** The analysis of the texts open now (runs at once when an edit is still pending). */
  const fresh = async (): Promise<Analysis | undefined> => {
    await chain;
    const stale = timer !== undefined || last === undefined || openFiles().some((o) => analyzedText.get(o.file) !== o.doc.getText());
    if (stale) await run();
    return last;
  };

  connection.onInitialize((params): InitializeResult => {
    lang = langOfLocale(params.locale, options.fallbackLang);
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri !== null ? [params.rootUri] : []);
    const roots = uris.map(fileOf).filter((f): f is string => f !== null);
    if (roots.length === 0 && typeof params.rootPath === 'string' && params.rootPath !== '') roots.push(params.rootPath);
    folders = roots.map((workspace) => ({ workspace, catalogue: catalogueFolderOf(workspace) }));
    const first = folders[0];
    if (first !== undefined) {
      try {
        config = loadConfig(first.workspace);
      } catch (error) {
        configProblem = error instanceof ConfigError ? error.text[lang] : lang === 'vi' ? 'không đọc được tệp tthc.config.yaml' : `cannot read tthc.config.yaml (${(error as Error).message})`;
      }
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      },
      serverInfo: { name: 'tthc' },
    };
  });

  connection.onInitialized(() => {
    if (configProblem !== undefined) say('lsp-config-ignored', folders[0]?.workspace ?? '', { reason: configProblem });
    for (const f of folders) {
      if (collectFiles([f.catalogue], f.workspace).files.length === 0) say('lsp-no-catalogue', f.workspace, { folder: f.workspace });
    }
    // Load the catalogue once now, so the first opened file is answered from memory.
    setTimeout(() => {
      if (last === undefined && timer === undefined) void run();
    }, 0);
  });

  documents.onDidOpen((e) => {
    const file = fileOf(e.document.uri);
    if (file === null || !isCatalogueFile(file)) return;
    sessionOf().setText(file, e.document.getText());
    schedule(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    const file = fileOf(e.document.uri);
    if (file === null || !isCatalogueFile(file)) return;
    sessionOf().setText(file, e.document.getText());
    schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    const file = fileOf(e.document.uri);
    if (file === null || !isCatalogueFile(file)) return;
    sessionOf().setText(file, undefined);
    published.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    // Other open files may have depended on the unsaved text (a duplicate code…).
    later();
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const file = fileOf(params.textDocument.uri);
    if (doc === undefined || file === null) return [];
    const fixes = (await fresh())?.fixes.get(file) ?? [];
    if (fixes.length === 0) return [];
    const text = doc.getText();
    const names = last?.catalogue?.registries.documents;
    const titleOf = (fix: Fix): string => {
      if (fix.kind === 'remove-item') return lang === 'vi' ? 'Xóa thành phần trùng lặp y hệt' : 'Remove the exact duplicate component';
      const entry = names?.get(fix.value)?.value;
      const name = entry === undefined ? fix.value : lang === 'vi' ? entry.name : (entry.nameEn ?? entry.name);
      return lang === 'vi' ? `Thay bằng giấy tờ thay thế: ${name}` : `Replace by the replacement document: ${name}`;
    };
    const editOf = (list: readonly Fix[]) => {
      const fixed = fixText(file, text, list);
      const edit = fixed.applied > 0 ? minimalEdit(text, fixed.after) : null;
      return edit === null ? undefined : { changes: { [params.textDocument.uri]: [edit] } };
    };
    const only = params.context.only;
    const wants = (kind: string) => only === undefined || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const f of fixes) {
        const range = toLspRange(f.diagnostic.range);
        if (!overlaps(range, params.range)) continue;
        const edit = editOf([f.fix]);
        if (edit === undefined) continue;
        actions.push({ title: titleOf(f.fix), kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [toLspDiagnostic(f.diagnostic, lang)], edit });
      }
    }
    if (wants(CodeActionKind.SourceFixAll)) {
      const edit = editOf(fixes.map((f) => f.fix));
      if (edit !== undefined) {
        actions.push({
          title: lang === 'vi' ? `Sửa mọi chỗ sửa được an toàn trong tệp (${fixes.length})` : `Apply every safe fix in this file (${fixes.length})`,
          kind: CodeActionKind.SourceFixAll,
          edit,
        });
      }
    }
    return actions;
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const file = fileOf(params.textDocument.uri);
    if (doc === undefined || file === null) return null;
    const catalogue = (last ?? (await fresh()))?.catalogue;
    if (catalogue === null || catalogue === undefined) return null;
    const text = doc.getText();
    if (text.length > MAX_FILE_BYTES) return null;
    const found = hoverAt(text, doc.offsetAt(params.position), file, catalogue, lang);
    if (found === undefined) return null;
    return { contents: { kind: 'markdown', value: found.markdown }, range: { start: doc.positionAt(found.from), end: doc.positionAt(found.to) } };
  });

  // A catalogue file changed on disk (a checkout, another tool): check the open files again.
  connection.onDidChangeWatchedFiles(() => later());

  connection.onShutdown(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    session?.save?.();
  });

  documents.listen(connection);
}
