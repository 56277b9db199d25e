import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The hostile corpus: malformed catalogue files and portal records, generated from a fixed
 * seed out of real ones. Every kind is something an editor, a bad export or an attacker can
 * produce. Each item records its kind and whether it must be rejected with a coded diagnostic
 * ("bad") or only survive ("odd": valid but strange input that must import cleanly).
 */

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEN_MB = 10 * 1024 * 1024;

export type CatalogueKind =
  | 'control' | 'truncated' | 'wrong-type' | 'proto-key' | 'invalid-utf8' | 'nfc-nfd' | 'tab-indent' | 'duplicate-key'
  | 'yaml-tag' | 'multi-document' | 'run-together' | 'empty' | 'utf16' | 'not-a-mapping' | 'deep-nesting' | 'alias-bomb' | 'huge-string';

export interface CatalogueItem {
  file: string;
  kind: CatalogueKind;
}

/** The national procedure files used as the base of mutations: the smallest ones, for speed. */
export function baseProcedures(root: string, count: number): string[] {
  const national = path.join(root, 'procedures', 'national');
  const files = readdirSync(national).flatMap((d) => readdirSync(path.join(national, d)).map((f) => path.join(national, d, f)));
  return files
    .map((f) => ({ f, size: statSync(f).size }))
    .sort((a, b) => a.size - b.size || (a.f < b.f ? -1 : 1))
    .slice(0, count)
    .map(({ f }) => readFileSync(f, 'utf8'));
}

const INVALID_UTF8 = [[0xff], [0xc0, 0x80], [0x80], [0xe1, 0x80], [0xed, 0xa0, 0x80], [0xf5, 0x80, 0x80, 0x80]];
const WRONG_TYPES: [RegExp, string][] = [
  [/^code: "[^"]+"/m, 'code: 9.5'],
  [/^levels:\n(  - .*\n)+/m, 'levels: commune\n'],
  [/^name: .*$/m, 'name:\n  - một\n  - hai'],
  [/^field: .*$/m, 'field: 12'],
  [/^channels:/m, 'channels: 5\nchannels-was:'],
];
const PROTO_KEYS = [
  '__proto__:\n  polluted: true\n',
  'constructor:\n  prototype:\n    polluted: true\n',
  '"__proto__": { polluted: true }\n',
  'prototype:\n  polluted: true\n',
  '<<: { polluted: true }\n',
];

/**
 * Writes the catalogue corpus under `dir` in folders of at most `perFolder` files; the
 * expensive kinds (10,000-deep nesting, alias bombs, 10 MB strings) go to folders of their
 * own so that one of them cannot hide the others. Returns the items and the folders.
 */
export function writeCatalogueCorpus(dir: string, bases: string[], count: number, seed: number, perFolder = 1000): { items: CatalogueItem[]; folders: string[] } {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const items: CatalogueItem[] = [];
  const folders: string[] = [];
  const cheap: CatalogueKind[] = ['truncated', 'wrong-type', 'proto-key', 'invalid-utf8', 'nfc-nfd', 'tab-indent', 'duplicate-key', 'yaml-tag', 'multi-document', 'run-together', 'empty', 'utf16', 'not-a-mapping'];
  let folder = '';
  const newFolder = (name: string): void => {
    folder = path.join(dir, name);
    mkdirSync(folder, { recursive: true });
    folders.push(folder);
  };
  const write = (i: number, kind: CatalogueKind, bytes: Buffer | string): void => {
    const file = path.join(folder, `${String(i).padStart(5, '0')}-${kind}.yaml`);
    writeFileSync(file, bytes);
    items.push({ file, kind });
  };
  let i = 0;
  for (; i < count; i++) {
    if (i % perFolder === 0) newFolder(`batch-${i / perFolder}`);
    // One file in fifty is left valid (with its own code): the control that diagnostics
    // come from the mutation, not from the folder.
    const kind: CatalogueKind = i % 50 === 0 ? 'control' : pick(cheap);
    const code = `9.${String(100000 + i).padStart(6, '0')}`;
    const text = pick(bases).replace(/^code: "[^"]+"/m, `code: "${code}"`);
    write(i, kind, mutateCatalogue(kind, text, random));
  }
  const special: [CatalogueKind, number, (code: string) => string | Buffer][] = [
    ['deep-nesting', 6, (code) => (random() < 0.5 ? `code: "${code}"\nname: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` : blockNesting(code, 10_000))],
    ['alias-bomb', 6, (code) => aliasBomb(code, 3 + Math.floor(random() * 7))],
    ['huge-string', 3, (code) => `code: "${code}"\nname: "${'á'.repeat(TEN_MB / 2)}"\n`],
  ];
  for (const [kind, n, make] of special) {
    newFolder(kind);
    for (let k = 0; k < n; k++, i++) write(i, kind, make(`9.${String(100000 + i).padStart(6, '0')}`));
  }
  return { items, folders };
}

function blockNesting(code: string, depth: number): string {
  const lines = [`code: "${code}"`];
  for (let d = 0; d < depth; d++) lines.push(`${' '.repeat(d)}k${d}:`);
  lines.push(`${' '.repeat(depth)}v`);
  return lines.join('\n') + '\n';
}

function aliasBomb(code: string, levels: number): string {
  const lines = [`code: "${code}"`, 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let l = 1; l <= levels; l++) lines.push(`a${l}: &a${l} [${Array.from({ length: 10 }, () => `*a${l - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

function mutateCatalogue(kind: CatalogueKind, text: string, random: () => number): Buffer | string {
  const lines = text.split('\n');
  const at = (): number => 2 + Math.floor(random() * Math.max(1, lines.length - 3));
  switch (kind) {
    case 'control':
      return text;
    case 'truncated': {
      const bytes = Buffer.from(text);
      return bytes.subarray(0, Math.floor(bytes.length * (0.05 + 0.5 * random())));
    }
    case 'wrong-type': {
      const [re, by] = WRONG_TYPES[Math.floor(random() * WRONG_TYPES.length)] as [RegExp, string];
      return re.test(text) ? text.replace(re, by) : `${text}\nlevels: 3\n`;
    }
    case 'proto-key': {
      const key = PROTO_KEYS[Math.floor(random() * PROTO_KEYS.length)] as string;
      // At the top, or nested under the first channel.
      return random() < 0.5 ? text.replace(/^name:/m, `${key}name:`) : text.replace(/^channels:\n/m, `channels:\n${key.replace(/^/gm, '  ').trimEnd()}\n`);
    }
    case 'invalid-utf8': {
      const bytes = Buffer.from(text);
      const pos = Math.floor(random() * bytes.length);
      const bad = Buffer.from(INVALID_UTF8[Math.floor(random() * INVALID_UTF8.length)] as number[]);
      return Buffer.concat([bytes.subarray(0, pos), bad, bytes.subarray(pos)]);
    }
    case 'nfc-nfd':
      // The same Vietnamese key twice, precomposed and decomposed: distinct in YAML, one in NFC.
      return text.replace(/^name:/m, `"trường": một\n${'"trường"'.normalize('NFD')}: hai\nname:`).replace(/^field: (.*)$/m, (_, v: string) => `field: ${v.normalize('NFD')}`);
    case 'tab-indent': {
      const i = lines.findIndex((l) => l.startsWith('  ') && l.trim() !== '');
      if (i >= 0) lines[i] = `\t${(lines[i] as string).slice(2)}`;
      else lines.splice(at(), 0, 'x:\n\ty: 1');
      return lines.join('\n');
    }
    case 'duplicate-key':
      return `${text}\nname: lần hai\n`;
    case 'yaml-tag':
      return text.replace(/^name: (.*)$/m, (_, v: string) => `name: ${random() < 0.5 ? '!!js/function "function () { return 1 }"' : `!!binary ${Buffer.from(v).toString('base64').slice(0, 40)}`}`);
    case 'multi-document':
      return `${text}\n---\ncode: "9.999999"\n`;
    case 'run-together': {
      // Two entries on one line, as a bad copy-paste leaves them.
      const i = lines.findIndex((l) => /^[a-z-]+: \S/.test(l) && !l.startsWith('code:'));
      const j = lines.findIndex((l, k) => k > i && /^[a-z-]+: \S/.test(l));
      if (i >= 0 && j > i) {
        lines[i] = `${lines[i] as string} ${lines[j] as string}`;
        lines.splice(j, 1);
        return lines.join('\n');
      }
      return text.replace(/^name: (.*)$/m, 'name: a: b: c');
    }
    case 'empty':
      return random() < 0.5 ? '' : '# only a comment\n\n';
    case 'utf16':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'not-a-mapping':
      return random() < 0.5 ? '- a\n- b\n' : '"a string"\n';
    default:
      throw new Error(`no cheap mutation for ${kind}`);
  }
}

export type RecordKind =
  | 'control' | 'truncated' | 'wrong-type' | 'proto-key' | 'invalid-utf8' | 'nfc-nfd' | 'run-together' | 'not-a-record'
  | 'missing-field' | 'bad-code' | 'deep-nesting' | 'duplicate' | 'huge-string';

/** Kinds that must be rejected or flagged with a coded diagnostic at their line. */
export const BAD_RECORD_KINDS: ReadonlySet<RecordKind> = new Set(['truncated', 'wrong-type', 'proto-key', 'invalid-utf8', 'not-a-record', 'missing-field', 'bad-code', 'deep-nesting', 'duplicate', 'huge-string']);

export interface RecordItem {
  file: string;
  line: number;
  kind: RecordKind;
  code: string;
}

/** Real portal records (parsed) used as bases. */
export function baseRecords(root: string, count: number): Record<string, unknown>[] {
  const text = readFileSync(path.join(root, 'data', 'dvc', 'bo-tu-phap.jsonl'), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').slice(0, count).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Writes the portal-record corpus: JSON Lines files of `perFile` records, plus one file of 10 MB fields. */
export function writeRecordCorpus(dir: string, bases: Record<string, unknown>[], count: number, seed: number, perFile = 1000): { items: RecordItem[]; files: string[] } {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const kinds: RecordKind[] = ['truncated', 'wrong-type', 'proto-key', 'invalid-utf8', 'nfc-nfd', 'run-together', 'not-a-record', 'missing-field', 'bad-code', 'deep-nesting', 'duplicate'];
  mkdirSync(dir, { recursive: true });
  const items: RecordItem[] = [];
  const files: string[] = [];
  let chunks: Buffer[] = [];
  let file = '';
  const flush = (): void => {
    if (file !== '') writeFileSync(file, Buffer.concat(chunks));
    chunks = [];
  };
  let controlCode = '';
  for (let i = 0; i < count; i++) {
    if (i % perFile === 0) {
      flush();
      file = path.join(dir, `records-${i / perFile}.jsonl`);
      files.push(file);
    }
    const kind: RecordKind = i % 50 === 0 ? 'control' : pick(kinds);
    const code = `9.${String(200000 + i).padStart(6, '0')}`;
    // A duplicate repeats the code of the last control record (one that is imported).
    const record: Record<string, unknown> = { ...pick(bases), ma_thu_tuc: kind === 'duplicate' ? controlCode : code };
    if (kind === 'control') controlCode = code;
    chunks.push(mutateRecord(kind, record, random), Buffer.from('\n'));
    items.push({ file, line: (i % perFile) + 1, kind, code });
  }
  flush();
  // A file of its own for the 10 MB fields (and one 10 MB line of garbage).
  file = path.join(dir, 'huge.jsonl');
  files.push(file);
  const huge = [
    JSON.stringify({ ...pick(bases), ma_thu_tuc: '9.300001', thanh_phan_ho_so: 'Tờ khai; '.repeat(TEN_MB / 9) }),
    JSON.stringify({ ...pick(bases), ma_thu_tuc: '9.300002', ten_thu_tuc: 'x'.repeat(TEN_MB) }),
    `{"ma_thu_tuc": "9.300003", "ten_thu_tuc": "${'ạ'.repeat(TEN_MB / 3)}`,
  ];
  writeFileSync(file, huge.join('\n') + '\n');
  huge.forEach((_, k) => items.push({ file, line: k + 1, kind: 'huge-string', code: `9.30000${k + 1}` }));
  return { items, files };
}

function mutateRecord(kind: RecordKind, record: Record<string, unknown>, random: () => number): Buffer {
  const fields = Object.keys(record).filter((k) => k !== 'ma_thu_tuc' && k !== 'detail_url');
  const field = fields[Math.floor(random() * fields.length)] as string;
  switch (kind) {
    case 'control':
    case 'duplicate':
      return Buffer.from(JSON.stringify(record));
    case 'truncated': {
      const text = JSON.stringify(record);
      return Buffer.from(text.slice(0, Math.floor(text.length * random())));
    }
    case 'wrong-type': {
      const values = [42, true, ['a', 'b'], { a: 1 }, 1.5e308];
      return Buffer.from(JSON.stringify({ ...record, [random() < 0.2 ? 'ma_thu_tuc' : field]: values[Math.floor(random() * values.length)] }));
    }
    case 'proto-key': {
      const text = JSON.stringify(record);
      const keys = ['"__proto__": {"polluted": true}', '"constructor": {"prototype": {"polluted": true}}', '"prototype": {"polluted": true}', '"__proto__": "x"'];
      return Buffer.from(`{${keys[Math.floor(random() * keys.length)] as string}, ${text.slice(1)}`);
    }
    case 'invalid-utf8': {
      const bytes = Buffer.from(JSON.stringify(record));
      const pos = 1 + Math.floor(random() * (bytes.length - 2));
      return Buffer.concat([bytes.subarray(0, pos), Buffer.from(INVALID_UTF8[Math.floor(random() * INVALID_UTF8.length)] as number[]), bytes.subarray(pos)]);
    }
    case 'nfc-nfd': {
      // Every other text field decomposed.
      const out: Record<string, unknown> = {};
      Object.entries(record).forEach(([k, v], n) => (out[k] = typeof v === 'string' && n % 2 === 0 && k !== 'ma_thu_tuc' ? v.normalize('NFD') : v));
      return Buffer.from(JSON.stringify(out));
    }
    case 'run-together': {
      // The component and fee cells with their separators lost.
      const squash = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/[\n;]+\s*/g, '') : v);
      return Buffer.from(JSON.stringify({ ...record, thanh_phan_ho_so: squash(record['thanh_phan_ho_so']), cach_thuc_thuc_hien: squash(record['cach_thuc_thuc_hien']) }));
    }
    case 'not-a-record':
      return Buffer.from(JSON.stringify([null, 1, 'a', [record]][Math.floor(random() * 4)]));
    case 'missing-field': {
      const copy = { ...record };
      delete copy[random() < 0.5 ? 'ma_thu_tuc' : 'detail_url'];
      return Buffer.from(JSON.stringify(copy));
    }
    case 'bad-code':
      return Buffer.from(JSON.stringify({ ...record, ma_thu_tuc: ['1.0', '../../etc/passwd', '9.12345x', '', '1.000001; rm -rf /'][Math.floor(random() * 5)] }));
    case 'deep-nesting':
      return Buffer.from(`{"ma_thu_tuc": "${String(record['ma_thu_tuc'])}", "detail_url": "https://dichvucong.gov.vn/x", "ten_thu_tuc": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    default:
      throw new Error(`no mutation for ${kind}`);
  }
}
