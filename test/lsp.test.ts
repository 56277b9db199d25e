import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startLanguageServer } from '../src/lsp/server.js';
import { MemorySession, type Analysis } from '../src/lsp/session.js';
import { langOfLocale, minimalEdit, toLspRange } from '../src/lsp/convert.js';
import { applyEdits, TthcLspClient, type PublishedDiagnostic, type TextEdit } from './helpers/tthc-lsp.js';
import { ROOT } from './helpers/paths.js';

/**
 * `tthc lsp` driven as an editor drives it: the built command over stdio, a real JSON-RPC
 * client (vscode-jsonrpc), a temporary copy of a small catalogue (the registry and two
 * civil-status procedures). Typing a mistake publishes it at the right range; a duplicate
 * code shows in the other open file and goes away; a code action fixes an abolished
 * document; hover shows registry entries; hostile text never takes the server down.
 */

const BIRTH = '1.001193-dang-ky-khai-sinh.yaml';
const DEATH = '1.000656-dang-ky-khai-tu.yaml';

function makeWorkspace(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'tthc-lsp-'));
  cpSync(path.join(ROOT, 'procedures', 'registry'), path.join(ws, 'procedures', 'registry'), { recursive: true });
  const dir = path.join(ws, 'procedures', 'curated', 'ho-tich');
  mkdirSync(dir, { recursive: true });
  for (const f of [BIRTH, DEATH]) cpSync(path.join(ROOT, 'procedures', 'curated', 'ho-tich', f), path.join(dir, f));
  return ws;
}

const fileIn = (ws: string, name: string) => path.join(ws, 'procedures', 'curated', 'ho-tich', name);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;

describe('tthc lsp in Vietnamese (locale vi)', () => {
  let ws: string;
  let client: TthcLspClient;
  let birthUri: string;
  let deathUri: string;
  let birth: string;
  let death: string;

  beforeAll(async () => {
    ws = makeWorkspace();
    client = new TthcLspClient(ws);
    const init = await client.initialize(ws, 'vi');
    expect(init.capabilities).toMatchObject({ hoverProvider: true, codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll'] } });
    birthUri = pathToFileURL(fileIn(ws, BIRTH)).href;
    deathUri = pathToFileURL(fileIn(ws, DEATH)).href;
    birth = readFileSync(fileIn(ws, BIRTH), 'utf8');
    death = readFileSync(fileIn(ws, DEATH), 'utf8');
    const mark = client.mark();
    await client.open(birthUri, birth);
    await client.open(deathUri, death);
    // A curated procedure is clean: the first answer for each file is an empty list.
    expect(await client.diagnostics(birthUri, mark)).toEqual([]);
    expect(await client.diagnostics(deathUri, mark)).toEqual([]);
  });

  afterAll(async () => {
    await client.close();
    rmSync(ws, { recursive: true, force: true });
  });

  it('publishes a schema error as it is typed, at its 0-based range, with its code, in Vietnamese', async () => {
    const mark = client.mark();
    const typed = birth.replace('online: partial', 'online: parital');
    const line = lineOf(typed, 'online: parital');
    // Typed as an editor sends it: an incremental change of two characters ("ti" → "it").
    await client.edit(birthUri, { start: { line, character: 11 }, end: { line, character: 13 } }, 'it');
    const list = await client.diagnostics(birthUri, mark, (d) => d.length > 0);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ code: 'TTHC204', severity: 1, source: 'tthc', range: { start: { line, character: 8 }, end: { line, character: 15 } } });
    expect(list[0]?.message).toContain('"parital"');
    expect(list[0]?.message).toMatch(VIETNAMESE);
    // Undoing the typo clears it (unsaved text, the file on disk never changed).
    const undo = client.mark();
    await client.change(birthUri, birth);
    expect(await client.diagnostics(birthUri, undo)).toEqual([]);
  });

  it('shows a cross-procedure finding in the other open file, and takes it back', async () => {
    const mark = client.mark();
    // Give the death-registration file the birth-registration code: both now define 1.001193.
    await client.change(deathUri, death.replace('code: "1.000656"', 'code: "1.001193"'));
    const inBirth = await client.diagnostics(birthUri, mark, (d) => d.some((x) => x.code === 'TTHC304'));
    const dup = inBirth.find((d) => d.code === 'TTHC304') as PublishedDiagnostic;
    const codeLine = lineOf(birth, 'code: "1.001193"');
    expect(dup.range.start).toEqual({ line: codeLine, character: 6 });
    expect(dup.relatedInformation?.[0]?.location.uri).toBe(deathUri);
    const back = client.mark();
    await client.change(deathUri, death);
    expect(await client.diagnostics(birthUri, back, (d) => !d.some((x) => x.code === 'TTHC304'))).toEqual([]);
  });

  it('shows a duplicate code in the other file even when that file is closed, and clears it', async () => {
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: deathUri } });
    const mark = client.mark();
    await client.change(birthUri, birth.replace('code: "1.001193"', 'code: "1.000656"'));
    const inDeath = await client.diagnostics(deathUri, mark, (d) => d.length > 0);
    expect(inDeath.map((d) => d.code)).toEqual(['TTHC304']);
    expect(inDeath[0]?.range.start).toEqual({ line: lineOf(death, 'code: "1.000656"'), character: 6 });
    const back = client.mark();
    await client.change(birthUri, birth);
    expect(await client.diagnostics(deathUri, back)).toEqual([]);
    const reopened = client.mark();
    await client.open(deathUri, death);
    expect(await client.diagnostics(deathUri, reopened)).toEqual([]);
  });

  it('offers the safe fix of an abolished document as a code action; applying it clears the finding', async () => {
    const mark = client.mark();
    const typed = birth.replace('document: giay-chung-sinh', 'document: phieu-bao-thay-doi-ho-khau');
    await client.change(birthUri, typed);
    const list = await client.diagnostics(birthUri, mark, (d) => d.some((x) => x.code === 'TTHC402'));
    const finding = list.find((d) => d.code === 'TTHC402') as PublishedDiagnostic;
    const line = lineOf(typed, 'phieu-bao-thay-doi-ho-khau');
    expect(finding.range.start).toEqual({ line, character: typed.split('\n')[line]?.indexOf('phieu') });
    const actions = await client.connection.sendRequest<{ title: string; kind: string; diagnostics?: PublishedDiagnostic[]; edit: { changes: Record<string, TextEdit[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: birthUri },
      range: finding.range,
      context: { diagnostics: [finding] },
    });
    const quick = actions.find((a) => a.kind === 'quickfix');
    expect(quick?.title).toBe('Thay bằng giấy tờ thay thế: Tờ khai thay đổi thông tin cư trú');
    expect(quick?.diagnostics?.[0]?.code).toBe('TTHC402');
    expect(actions.some((a) => a.kind === 'source.fixAll')).toBe(true);
    const fixed = applyEdits(typed, quick?.edit.changes[birthUri] ?? []);
    expect(fixed).toBe(typed.replace('document: phieu-bao-thay-doi-ho-khau', 'document: to-khai-thay-doi-thong-tin-cu-tru'));
    const after = client.mark();
    await client.change(birthUri, fixed);
    expect((await client.diagnostics(birthUri, after)).some((d) => d.code === 'TTHC402')).toBe(false);
    // A suppression typed (unsaved) above the component silences the finding too.
    const silenced = client.mark();
    await client.change(birthUri, typed.replace('  - id: giay-chung-sinh', '  # tthc-disable-next-line abolished-document -- thử nghiệm\n  - id: giay-chung-sinh'));
    expect((await client.diagnostics(birthUri, silenced)).some((d) => d.code === 'TTHC402')).toBe(false);
    const reset = client.mark();
    await client.change(birthUri, birth);
    await client.diagnostics(birthUri, reset);
  });

  it('shows the registry entry of a document id, a legal reference and a fact on hover, in Vietnamese', async () => {
    type Hover = { contents: { kind: string; value: string } } | null;
    const hover = (line: number, character: number) => client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: birthUri }, position: { line, character } });
    const docLine = lineOf(birth, 'document: giay-chung-sinh');
    const doc = await hover(docLine, (birth.split('\n')[docLine] ?? '').indexOf('giay') + 3);
    expect(doc?.contents.kind).toBe('markdown');
    expect(doc?.contents.value).toContain('**Giấy chứng sinh** — giấy tờ trong danh mục');
    expect(doc?.contents.value).toContain('Tình trạng: còn sử dụng');
    const lawLine = lineOf(birth, '- number: 60/2014/QH13');
    const law = await hover(lawLine, (birth.split('\n')[lawLine] ?? '').indexOf('60/') + 4);
    expect(law?.contents.value).toContain('**60/2014/QH13** — Luật Hộ tịch');
    expect(law?.contents.value).toContain('Ngày có hiệu lực: 01/01/2016');
    const factLine = lineOf(birth, 'when: { fact: birthEvidence');
    const fact = await hover(factLine, (birth.split('\n')[factLine] ?? '').indexOf('birthEvidence') + 2);
    expect(fact?.contents.value).toContain('Các lựa chọn: Giấy chứng sinh điện tử');
    expect(fact?.contents.value === undefined ? '' : fact.contents.value).toMatch(/^\*\*Giấy tờ chứng minh việc sinh là gì\?\*\* — câu hỏi cho người nộp/);
    // Not a registry value: no hover.
    expect(await hover(lineOf(birth, 'kind: submit'), 9)).toBeNull();
  });

  it('survives malformed, huge and deeply nested text, and answers afterwards', async () => {
    const hostile = [
      'code: [unclosed\n  - : : :\n\t\tname: "x',
      `code: "1.001193"\nname: ${'x'.repeat(5 * 1024 * 1024)}\n`,
      `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n',
      '__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\ncode: "1.001193"\n',
      '\uD800\uFFFE\u0000 code: x\n',
    ];
    for (const text of hostile) {
      const mark = client.mark();
      await client.change(birthUri, text);
      const list = await client.diagnostics(birthUri, mark);
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((d) => /^TTHC\d{3}$/.test(d.code))).toBe(true);
      // The server still answers requests.
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: birthUri }, position: { line: 0, character: 3 } });
      expect(client.alive).toBe(true);
    }
    const mark = client.mark();
    await client.change(birthUri, `code: "1.001193"\nname: ${'x'.repeat(5 * 1024 * 1024)}\n`);
    expect((await client.diagnostics(birthUri, mark)).map((d) => d.code)).toEqual(['TTHC101']);
    const back = client.mark();
    await client.change(birthUri, birth);
    expect(await client.diagnostics(birthUri, back)).toEqual([]);
  });
});

describe('tthc lsp in English (locale en)', () => {
  let ws: string;
  let client: TthcLspClient;

  beforeAll(async () => {
    ws = makeWorkspace();
    client = new TthcLspClient(ws);
    await client.initialize(ws, 'en-GB');
  });

  afterAll(async () => {
    await client.close();
    rmSync(ws, { recursive: true, force: true });
  });

  it('publishes the message and shows hover in English', async () => {
    const uri = pathToFileURL(fileIn(ws, BIRTH)).href;
    const birth = readFileSync(fileIn(ws, BIRTH), 'utf8');
    const mark = client.mark();
    const typed = birth.replace('online: partial', 'online: parital');
    await client.open(uri, typed);
    const list = await client.diagnostics(uri, mark, (d) => d.length > 0);
    expect(list[0]?.code).toBe('TTHC204');
    expect(list[0]?.message).toContain('Did you mean "partial"?');
    expect(list[0]?.message).not.toMatch(VIETNAMESE);
    const docLine = lineOf(typed, 'document: giay-chung-sinh');
    const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: docLine, character: 16 } });
    expect(hover?.contents.value).toContain('— registry document');
    expect(hover?.contents.value).toContain('Status: in use');
  });
});

describe('tthc lsp without a client locale', () => {
  it('falls back to LANG', async () => {
    const ws = makeWorkspace();
    const client = new TthcLspClient(ws, { LANG: 'en_US.UTF-8' });
    try {
      await client.initialize(ws, undefined);
      const uri = pathToFileURL(fileIn(ws, BIRTH)).href;
      const mark = client.mark();
      await client.open(uri, readFileSync(fileIn(ws, BIRTH), 'utf8').replace('online: partial', 'online: parital'));
      expect((await client.diagnostics(uri, mark, (d) => d.length > 0))[0]?.message).toContain('Did you mean "partial"?');
    } finally {
      await client.close();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('conversions between tthc and the protocol', () => {
  it('picks the language from the locale, then the fallback', () => {
    expect(langOfLocale('vi', 'en')).toBe('vi');
    expect(langOfLocale('vi-VN', 'en')).toBe('vi');
    expect(langOfLocale('en-US', 'vi')).toBe('en');
    expect(langOfLocale('fr', 'vi')).toBe('en');
    expect(langOfLocale(undefined, 'vi')).toBe('vi');
    expect(langOfLocale('', 'en')).toBe('en');
  });

  it('turns 1-based line:column into 0-based positions, a file-wide diagnostic into the start', () => {
    expect(toLspRange({ start: { line: 3, column: 9 }, end: { line: 3, column: 16 } })).toEqual({ start: { line: 2, character: 8 }, end: { line: 2, character: 15 } });
    expect(toLspRange(null)).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  it('edits only what changed, never half a surrogate pair', () => {
    expect(minimalEdit('a: x\nb: y\n', 'a: x\nb: zz\n')).toEqual({ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } }, newText: 'zz' });
    expect(minimalEdit('same', 'same')).toBeNull();
    const before = 'k: \u{1F600}\n';
    const after = 'k: \u{1F601}\n';
    const edit = minimalEdit(before, after);
    expect(edit?.newText).toBe('\u{1F601}');
    expect(applyEdits(before, edit === null ? [] : [edit])).toBe(after);
  });
});

describe('tthc lsp tells what stands in its way', () => {
  it('says TTHC830 when the workspace folder holds no catalogue file', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'tthc-lsp-empty-'));
    const client = new TthcLspClient(ws);
    try {
      await client.initialize(ws, 'en');
      expect(await client.message(/^TTHC830 /)).toContain('holds no catalogue YAML file');
    } finally {
      await client.close();
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('says TTHC832 and keeps checking when tthc.config.yaml is broken', async () => {
    const ws = makeWorkspace();
    writeFileSync(path.join(ws, 'tthc.config.yaml'), 'rulez: {}\n');
    const client = new TthcLspClient(ws);
    try {
      await client.initialize(ws, 'vi');
      const message = await client.message(/^TTHC832 /);
      expect(message).toContain('rulez');
      expect(message).toMatch(VIETNAMESE);
      const uri = pathToFileURL(fileIn(ws, BIRTH)).href;
      const mark = client.mark();
      await client.open(uri, readFileSync(fileIn(ws, BIRTH), 'utf8').replace('online: partial', 'online: 3'));
      expect((await client.diagnostics(uri, mark, (d) => d.length > 0))[0]?.code).toBe('TTHC203');
    } finally {
      await client.close();
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('publishes TTHC831 instead of crashing when a run fails, and recovers on the next edit', async () => {
    const ws = makeWorkspace();
    const up = new PassThrough();
    const down = new PassThrough();
    let fail = true;
    const server = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down));
    startLanguageServer(server, {
      fallbackLang: 'en',
      debounceMs: 10,
      createSession: () => ({
        setText: () => undefined,
        analyze: (files) => {
          if (fail) throw new Error('disk on fire');
          return { diagnostics: new Map(files.map((f) => [f, []])), fixes: new Map(), catalogue: null };
        },
      }),
    });
    server.listen();
    const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    const published: { uri: string; diagnostics: PublishedDiagnostic[] }[] = [];
    client.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: PublishedDiagnostic[] }) => published.push(p));
    client.listen();
    try {
      await client.sendRequest('initialize', { processId: null, locale: 'en', rootUri: pathToFileURL(ws).href, capabilities: {} });
      await client.sendNotification('initialized', {});
      const uri = pathToFileURL(fileIn(ws, BIRTH)).href;
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: 'code: x\n' } });
      const until = async (accept: () => boolean) => {
        for (let i = 0; i < 400 && !accept(); i++) await new Promise((r) => setTimeout(r, 25));
      };
      await until(() => published.length > 0);
      expect(published[0]?.diagnostics[0]).toMatchObject({ code: 'TTHC831', range: { start: { line: 0, character: 0 } } });
      expect(published[0]?.diagnostics[0]?.message).toContain('disk on fire');
      fail = false;
      await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'code: y\n' }] });
      await until(() => published.length > 1);
      expect(published[1]?.diagnostics).toEqual([]);
    } finally {
      client.dispose();
      server.dispose();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('the server with another session behind CatalogueSession (as the cache will be)', () => {
  it('awaits an asynchronous session, never runs two at once, and publishes for the latest text', async () => {
    const ws = makeWorkspace();
    const up = new PassThrough();
    const down = new PassThrough();
    const texts = new Map<string, string>();
    let running = 0;
    let most = 0;
    const server = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down));
    startLanguageServer(server, {
      fallbackLang: 'vi',
      debounceMs: 1,
      createSession: () => ({
        setText: (file, text) => void (text === undefined ? texts.delete(file) : texts.set(file, text)),
        analyze: async (files) => {
          running++;
          most = Math.max(most, running);
          const seen = new Map(files.map((f) => [f, texts.get(f) ?? '']));
          await new Promise((r) => setTimeout(r, 30));
          running--;
          // One made-up finding whose range is as long as the text: tells which text was analysed.
          const diagnostics = new Map(files.map((f) => [f, [{
            code: 'TTHC831', id: 'lsp-internal-error', severity: 'error' as const, data: { reason: { vi: 'x', en: 'x' } }, file: f,
            range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 + (seen.get(f)?.length ?? 0) } }, procedure: null, related: [],
            template: { message: { vi: '{reason}', en: '{reason}' }, hint: { vi: '', en: '' } },
          }]]));
          return { diagnostics, fixes: new Map(), catalogue: null };
        },
      }),
    });
    server.listen();
    const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    const published: { version?: number; diagnostics: PublishedDiagnostic[] }[] = [];
    client.onNotification('textDocument/publishDiagnostics', (p: { version?: number; diagnostics: PublishedDiagnostic[] }) => published.push(p));
    client.listen();
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: pathToFileURL(ws).href, capabilities: {} });
      await client.sendNotification('initialized', {});
      const uri = pathToFileURL(fileIn(ws, BIRTH)).href;
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: 'a' } });
      for (let v = 2; v <= 6; v++) {
        await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: 'a'.repeat(v) }] });
        await new Promise((r) => setTimeout(r, 12));
      }
      for (let i = 0; i < 400 && published.at(-1)?.diagnostics[0]?.range.end.character !== 6; i++) await new Promise((r) => setTimeout(r, 25));
      expect(published.at(-1)?.version).toBe(6);
      expect(published.at(-1)?.diagnostics[0]?.range.end.character).toBe(6);
      expect(most).toBe(1);
      // A request while edits are pending is answered from a run over the latest text.
      await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 7 }, contentChanges: [{ text: 'a'.repeat(9) }] });
      await client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
      expect(published.at(-1)?.diagnostics[0]?.range.end.character).toBe(9);
      expect(most).toBe(1);
    } finally {
      client.dispose();
      server.dispose();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('MemorySession (the in-memory re-run behind the server)', () => {
  it('re-parses only what changed, lets unsaved text override the disk, and notices disk edits', () => {
    const ws = makeWorkspace();
    try {
      const a = fileIn(ws, BIRTH);
      const b = fileIn(ws, DEATH);
      const session = new MemorySession({ folders: [path.join(ws, 'procedures')], cwd: ws });
      const sourceOf = (r: Analysis, f: string) => r.catalogue?.files.find((x) => x.file === f)?.source;
      const first = session.analyze([a]);
      expect(first.diagnostics.get(a)).toEqual([]);
      const again = session.analyze([a]);
      expect(sourceOf(again, a)).toBe(sourceOf(first, a));
      expect(sourceOf(again, b)).toBe(sourceOf(first, b));

      session.setText(a, readFileSync(a, 'utf8').replace('online: partial', 'online: parital'));
      const typed = session.analyze([a, b]);
      expect(typed.diagnostics.get(a)?.map((d) => d.code)).toEqual(['TTHC204']);
      expect(typed.diagnostics.get(b)).toEqual([]);
      expect(sourceOf(typed, a)).not.toBe(sourceOf(first, a));
      expect(sourceOf(typed, b)).toBe(sourceOf(first, b));

      session.setText(a, undefined);
      expect(session.analyze([a]).diagnostics.get(a)).toEqual([]);

      // Another tool rewrites b on disk: the next run reads it.
      writeFileSync(b, readFileSync(b, 'utf8').replace('code: "1.000656"', 'code: "1.001193"'));
      expect(session.analyze([a]).diagnostics.get(a)?.map((d) => d.code)).toEqual(['TTHC304']);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('keeps __proto__ and constructor keys as data, never on Object.prototype', () => {
    const ws = makeWorkspace();
    try {
      const a = fileIn(ws, BIRTH);
      const session = new MemorySession({ folders: [path.join(ws, 'procedures')], cwd: ws });
      session.setText(a, `${readFileSync(a, 'utf8')}\n__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n`);
      const codes = session.analyze([a]).diagnostics.get(a)?.map((d) => d.code) ?? [];
      expect(codes.length).toBeGreaterThan(0);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
