import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './helpers/lsp.js';
import { ROOT } from './helpers/paths.js';

/**
 * Editor support, proven with the real yaml-language-server (the engine of the VS Code
 * YAML extension): the modeline at the top of each catalogue file is enough for it to
 * report a misspelt key on the right line, offer enum values and show Vietnamese help.
 */
const SOURCE = path.join(ROOT, 'procedures', 'curated', 'ho-tich', '1.001193-dang-ky-khai-sinh.yaml');
// An unsaved document beside the real file, so the relative $schema modeline resolves.
const URI = pathToFileURL(path.join(path.dirname(SOURCE), '__editor-test__.yaml')).href;

interface Diagnostic { range: { start: { line: number; character: number } }; message: string }
interface CompletionItem { label: string; documentation?: unknown }

let client: LspClient;
let lines: string[];
let typoLine: number;
let onlineLine: number;

beforeAll(async () => {
  lines = readFileSync(SOURCE, 'utf8').split('\n');
  // Misspell one top-level key ("targets" → "target") and blank the online level.
  typoLine = lines.findIndex((l) => l.startsWith('targets:'));
  lines[typoLine] = 'target:';
  onlineLine = lines.findIndex((l) => l.startsWith('online:'));
  lines[onlineLine] = 'online: ';
  client = new LspClient({ validate: true, completion: true, hover: true, schemaStore: { enable: false } });
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(ROOT).href,
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } }, hover: { contentFormat: ['markdown', 'plaintext'] } } },
  });
  client.notify('initialized', {});
  client.notify('workspace/didChangeConfiguration', { settings: { yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false } } } });
}, 60_000);

afterAll(async () => {
  await client.close();
});

describe('yaml-language-server on a catalogue file', () => {
  it('reports the misspelt key on its line', async () => {
    const published = client.waitFor<{ uri: string; diagnostics: Diagnostic[] }>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === URI && p.diagnostics.length > 0,
    );
    client.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: lines.join('\n') } });
    const { diagnostics } = await published;
    const typo = diagnostics.find((d) => d.message.includes('target'));
    expect(typo?.range.start.line).toBe(typoLine);
    expect(typo?.range.start.character).toBe(0);
  });

  it('offers the enum values, with their Vietnamese meaning, when completing online:', async () => {
    const result = await client.request<{ items: CompletionItem[] } | CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: onlineLine, character: 'online: '.length },
    });
    const items = Array.isArray(result) ? result : result.items;
    expect(items.map((i) => i.label).sort()).toEqual(['full', 'none', 'partial']);
    expect(JSON.stringify(items.find((i) => i.label === 'full')?.documentation)).toContain('Toàn trình');
  });

  it('shows the Vietnamese description on hover', async () => {
    const line = lines.findIndex((l) => l.startsWith('levels:'));
    const hover = await client.request<{ contents: { value: string } | string }>('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line, character: 2 },
    });
    const text = typeof hover.contents === 'string' ? hover.contents : hover.contents.value;
    expect(text).toContain('Cấp thực hiện');
  });
});
