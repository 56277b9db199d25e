// VS Code extension of tthc: starts `tthc lsp` over stdio for the catalogue's YAML files.
// Schema completion and hover on keys stay with the YAML extension (yaml-language-server),
// which reads the `# yaml-language-server: $schema=…` line of each file; tthc adds its own
// findings, quick fixes and registry hover beside it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/**
 * How to start the server: the configured path, else the workspace's own tthc
 * (node_modules/.bin), else the tthc repository's bin/tthc.js, else tthc on the PATH.
 * `--stdio` is appended by the client (TransportKind.stdio).
 */
function serverCommand(configured, folder) {
  const windows = process.platform === 'win32';
  if (configured) return { command: configured, args: ['lsp'], transport: TransportKind.stdio, options: { shell: windows } };
  if (folder) {
    const local = path.join(folder, 'node_modules', '.bin', windows ? 'tthc.cmd' : 'tthc');
    if (fs.existsSync(local)) return { command: local, args: ['lsp'], transport: TransportKind.stdio, options: { cwd: folder, shell: windows } };
    const repo = path.join(folder, 'bin', 'tthc.js');
    if (fs.existsSync(repo) && fs.existsSync(path.join(folder, 'dist'))) return { command: 'node', args: [repo, 'lsp'], transport: TransportKind.stdio, options: { cwd: folder, shell: windows } };
  }
  return { command: 'tthc', args: ['lsp'], transport: TransportKind.stdio, options: { shell: windows } };
}

/** @param {vscode.ExtensionContext} context */
function activate(context) {
  const config = vscode.workspace.getConfiguration('tthc');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const run = serverCommand(config.get('path', ''), folder);
  const pattern = config.get('documents', '**/procedures/**/*.{yaml,yml}');
  client = new LanguageClient('tthc', 'tthc', { run, debug: run }, {
    documentSelector: [{ scheme: 'file', language: 'yaml', pattern }],
    // Files changed on disk (a checkout) can change the findings of the open ones.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(pattern) },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client === undefined ? undefined : client.stop();
}

module.exports = { activate, deactivate, serverCommand };
