import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { ROOT } from './helpers/paths.js';

/**
 * editors/vscode: the manifest is well formed, and activating the extension (with VS Code and
 * vscode-languageclient stood in for) starts a client whose server command really is a
 * working `tthc lsp` over stdio.
 */
const DIR = path.join(ROOT, 'editors', 'vscode');
const manifest = JSON.parse(readFileSync(path.join(DIR, 'package.json'), 'utf8')) as {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  dependencies: Record<string, string>;
  contributes: { configuration: { properties: Record<string, { default: unknown }> } };
};

interface Launch { command: string; args: string[]; transport: number; options: { cwd?: string } }

function activateWithStandIns(folder: string): { id: string; server: { run: Launch }; client: { documentSelector: unknown[]; synchronize?: unknown } } {
  const created: { id: string; server: { run: Launch }; client: { documentSelector: unknown[]; synchronize?: unknown } }[] = [];
  const vscode = {
    workspace: {
      getConfiguration: () => ({ get: (key: string, fallback: unknown) => manifest.contributes.configuration.properties[`tthc.${key}`]?.default ?? fallback }),
      workspaceFolders: [{ uri: { fsPath: folder } }],
      createFileSystemWatcher: (pattern: string) => ({ pattern }),
    },
  };
  const languageClient = {
    TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 },
    LanguageClient: class {
      constructor(id: string, _name: string, server: { run: Launch }, client: { documentSelector: unknown[]; synchronize?: unknown }) {
        created.push({ id, server, client });
      }
      start() {
        return Promise.resolve();
      }
    },
  };
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request: string, ...rest: unknown[]) =>
    request === 'vscode' ? vscode : request === 'vscode-languageclient/node' ? languageClient : original(request, ...rest);
  try {
    const ext = createRequire(import.meta.url)(path.join(DIR, manifest.main)) as { activate: (c: { subscriptions: unknown[] }) => Promise<void> };
    void ext.activate({ subscriptions: [] });
  } finally {
    loader._load = original;
  }
  const first = created[0];
  if (first === undefined) throw new Error('activate() created no client');
  return first;
}

describe('editors/vscode', () => {
  it('has a manifest that activates on a catalogue and pins its one dependency', () => {
    expect(existsSync(path.join(DIR, manifest.main))).toBe(true);
    expect(manifest.dependencies).toEqual({ 'vscode-languageclient': '9.0.1' });
    // vscode-languageclient 9.0.1 needs VS Code ^1.82.0.
    expect(manifest.engines.vscode).toBe('^1.82.0');
    expect(manifest.activationEvents).toContain('workspaceContains:procedures/registry/documents.yaml');
    // The root package does not carry the client: only the extension uses it.
    const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect({ ...root.dependencies, ...root.devDependencies }['vscode-languageclient']).toBeUndefined();
  });

  it('starts a client for the catalogue YAML whose command is a working tthc lsp', async () => {
    const { id, server, client } = activateWithStandIns(ROOT);
    expect(id).toBe('tthc');
    expect(client.documentSelector).toEqual([{ scheme: 'file', language: 'yaml', pattern: '**/procedures/**/*.{yaml,yml}' }]);
    expect(client).toMatchObject({ synchronize: { fileEvents: { pattern: '**/procedures/**/*.{yaml,yml}' } } });
    const run = server.run;
    expect(run).toMatchObject({ command: 'node', args: [path.join(ROOT, 'bin', 'tthc.js'), 'lsp'], transport: 0 });
    // Start it as vscode-languageclient does for TransportKind.stdio: the args plus --stdio.
    const child = spawn(process.execPath, [...run.args.slice(0), '--stdio'], { cwd: run.options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const result = await connection.sendRequest<{ serverInfo: { name: string } }>('initialize', { processId: null, locale: 'vi', rootUri: pathToFileURL(path.join(ROOT, 'test', 'fixtures')).href, capabilities: {} });
      expect(result.serverInfo.name).toBe('tthc');
      await connection.sendRequest('shutdown');
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
