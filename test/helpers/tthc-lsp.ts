import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import { ROOT } from './paths.js';

/** An LSP diagnostic as published. */
export interface PublishedDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  source: string;
  message: string;
  relatedInformation?: { location: { uri: string }; message: string }[];
}

/** A text edit of a WorkspaceEdit. */
export interface TextEdit {
  range: PublishedDiagnostic['range'];
  newText: string;
}

interface Published {
  seq: number;
  uri: string;
  version?: number;
  diagnostics: PublishedDiagnostic[];
}

/** Applies LSP text edits (0-based line/character, UTF-16) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsetOf = (p: { line: number; character: number }): number => {
    let offset = 0;
    for (let l = 0; l < p.line; l++) offset = text.indexOf('\n', offset) + 1;
    return offset + p.character;
  };
  const spans = edits.map((e) => ({ from: offsetOf(e.range.start), to: offsetOf(e.range.end), text: e.newText })).sort((a, b) => b.from - a.from);
  let out = text;
  for (const s of spans) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return out;
}

/**
 * A real LSP client for `tthc lsp`, over stdio with vscode-jsonrpc (the protocol library
 * under vscode-languageclient): it spawns the built command, keeps what the server
 * publishes, and edits documents with full-text changes.
 */
export class TthcLspClient {
  readonly connection: MessageConnection;
  private readonly child: ChildProcessWithoutNullStreams;
  private seq = 0;
  private readonly published: Published[] = [];
  private readonly waiters: (() => void)[] = [];
  readonly messages: string[] = [];
  private readonly versions = new Map<string, number>();
  stderr = '';

  constructor(cwd: string, env: Record<string, string> = { LANG: 'C' }) {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['LC_ALL', 'LC_MESSAGES', 'LANG'].includes(k)));
    this.child = spawn(process.execPath, [path.join(ROOT, 'bin', 'tthc.js'), 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...clean, ...env } });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Omit<Published, 'seq'>) => {
      this.published.push({ ...p, seq: ++this.seq });
      this.wake();
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
      this.wake();
    });
    this.connection.listen();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Initializes with a locale and one workspace folder. */
  async initialize(workspace: string, locale: string | undefined): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: null,
      ...(locale !== undefined ? { locale } : {}),
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
      capabilities: {},
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** A sequence mark: diagnostics published after it are newer than anything seen so far. */
  mark(): number {
    return this.seq;
  }

  /** Resolves with the first diagnostics of `uri` published after `since` that satisfy `accept`. */
  async diagnostics(uri: string, since: number, accept: (d: PublishedDiagnostic[]) => boolean = () => true, timeoutMs = 30_000): Promise<PublishedDiagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.published.find((p) => p.uri === uri && p.seq > since && accept(p.diagnostics));
      if (hit !== undefined) return hit.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(this.published.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? null)}\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Resolves with the first window message matching `pattern`. */
  async message(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.messages.find((m) => pattern.test(m));
      if (hit !== undefined) return hit;
      if (Date.now() > deadline) throw new Error(`no message ${String(pattern)}; got ${JSON.stringify(this.messages)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** An incremental change, as VS Code sends while typing: `newText` replaces `range`. */
  async edit(uri: string, range: TextEdit['range'], newText: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.connection.sendNotification('exit');
    } finally {
      setTimeout(() => this.child.kill(), 1000).unref();
      this.connection.dispose();
    }
  }

  /** Whether the server process is still running. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}
