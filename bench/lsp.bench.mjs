// Latency of `tthc lsp` on the bundled catalogue (procedures/, ~2,100 files): the time from
// an edit (didChange) to the diagnostics of that edit (publishDiagnostics for that version),
// over stdio with a real JSON-RPC client, as an editor sees it. The figure includes the
// server's debounce (150 ms of quiet after the last keystroke); "work" is the rest. The
// first diagnostic after opening a file is the cold load, printed side by side.
//
//   npm run build && node bench/lsp.bench.mjs [--edits 20]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node.js';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = rpc;
const root = path.resolve(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const edits = Number(arg('--edits', '20'));
const DEBOUNCE_MS = 150;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const file = path.join(root, 'procedures/curated/ho-tich/1.001193-dang-ky-khai-sinh.yaml');
const uri = pathToFileURL(file).href;
const text = readFileSync(file, 'utf8');
const typo = text.replace('online: partial', 'online: parital');

const child = spawn(process.execPath, [path.join(root, 'bin/tthc.js'), 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  if (p.uri !== uri) return;
  waiting.get(p.version)?.(p.diagnostics);
  waiting.delete(p.version);
});
connection.listen();
const published = (version) => new Promise((resolve) => waiting.set(version, resolve));

const started = performance.now();
await connection.sendRequest('initialize', { processId: process.pid, locale: 'vi', rootUri: pathToFileURL(root).href, capabilities: {} });
await connection.sendNotification('initialized', {});
let version = 1;
let first = published(version);
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
await first;
const cold = performance.now() - started;

const times = [];
for (let i = 0; i < edits; i++) {
  version++;
  const next = published(version);
  const t0 = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: i % 2 === 0 ? typo : text }] });
  const diagnostics = await next;
  times.push(performance.now() - t0);
  const expected = i % 2 === 0 ? 1 : 0;
  if (diagnostics.length !== expected) throw new Error(`edit ${i}: expected ${expected} diagnostics, got ${JSON.stringify(diagnostics)}`);
}
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');

const m = median(times);
const files = (await import('../dist/src/catalogue/files.js')).collectFiles(['procedures'], root).files.length;
console.log(`tthc lsp on the bundled catalogue (${files} files), node ${process.version}, ${edits} edits`);
console.log('| measure | median ms | ratio to cold |');
console.log('|---|---:|---:|');
console.log(`| cold: initialize → first diagnostics of an opened file | ${cold.toFixed(0)} | 1.00 |`);
console.log(`| edit → its diagnostics (incl. ${DEBOUNCE_MS} ms debounce) | ${m.toFixed(0)} | ${(m / cold).toFixed(3)} |`);
console.log(`| of which work (re-load from memory + checks) | ${(m - DEBOUNCE_MS).toFixed(0)} | ${((m - DEBOUNCE_MS) / cold).toFixed(3)} |`);
console.log(`min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
