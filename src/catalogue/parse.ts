import { CATALOGUE_CODES } from './codes.js';
import { isAlias, isCollection, isMap, isPair, isScalar, LineCounter, parseDocument, type Node, type YAMLError } from 'yaml';
import { both, makeDiagnostic } from '../diagnostics/diagnostic.js';
import type { Bilingual } from '../i18n/lang.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { nodeRange, offsetRange, type SourceDoc } from './source.js';

/** Most nodes an alias may expand to (YAML "billion laughs" protection). */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting accepted; real procedures nest fewer than 12 levels. */
export const MAX_DEPTH = 64;

/** A parsed file: its source and its plain value, or the diagnostics that stopped it. */
export type ParseResult =
  | { ok: true; source: SourceDoc; value: unknown; diagnostics: Diagnostic[] }
  | { ok: false; source: SourceDoc | null; diagnostics: Diagnostic[] };

/** Bilingual explanations of the YAML parser's error codes (the library's text is English). */
const YAML_ERRORS: Record<string, Bilingual> = {
  ALIAS_PROPS: both('alias (*) không được có anchor hay thẻ', 'an alias (*) cannot have an anchor or a tag'),
  BAD_ALIAS: both('alias (*) trỏ đến anchor (&) không tồn tại', 'an alias (*) refers to an anchor (&) that does not exist'),
  BAD_COLLECTION_TYPE: both('kiểu danh sách/đối tượng không hợp lệ', 'invalid collection type'),
  BAD_DIRECTIVE: both('chỉ thị % không hợp lệ', 'invalid % directive'),
  BAD_DQ_ESCAPE: both('ký tự thoát (\\) không hợp lệ trong chuỗi ngoặc kép', 'invalid escape (\\) in a double-quoted string'),
  BAD_INDENT: both('thụt lề không đúng', 'wrong indentation'),
  BAD_PROP_ORDER: both('anchor và thẻ đặt sai thứ tự', 'anchor and tag in the wrong order'),
  BAD_SCALAR_START: both('giá trị không được bắt đầu bằng ký tự này; đặt chuỗi trong ngoặc kép', 'a plain value cannot start with this character; quote the string'),
  BLOCK_AS_IMPLICIT_KEY: both('khối nhiều dòng không dùng làm khóa được', 'a block cannot be used as a key'),
  BLOCK_IN_FLOW: both('khối nhiều dòng nằm trong ngoặc [ ] hoặc { }', 'a block inside [ ] or { }'),
  DUPLICATE_KEY: both('khóa bị lặp', 'duplicate key'),
  IMPOSSIBLE: both('cấu trúc không đọc được', 'unreadable structure'),
  MISSING_CHAR: both('thiếu ký tự đóng (ngoặc, dấu nháy hoặc dấu :)', 'a closing character is missing (bracket, quote or colon)'),
  MULTILINE_IMPLICIT_KEY: both('khóa không được kéo dài nhiều dòng (thường do thiếu dấu ":" hoặc thụt lề sai)', 'a key cannot span lines (often a missing ":" or wrong indentation)'),
  MULTIPLE_ANCHORS: both('một nút có nhiều anchor (&)', 'a node has several anchors (&)'),
  MULTIPLE_DOCS: both('nhiều tài liệu trong một tệp', 'several documents in one file'),
  MULTIPLE_TAGS: both('một nút có nhiều thẻ', 'a node has several tags'),
  NON_STRING_KEY: both('khóa phải là chuỗi', 'keys must be strings'),
  RESOURCE_EXHAUSTION: both('tệp vượt giới hạn tài nguyên khi đọc', 'the file exceeds the parser\'s resource limits'),
  TAB_AS_INDENT: both('dùng tab để thụt lề', 'tab used for indentation'),
  TAG_RESOLVE_FAILED: both('thẻ YAML không được hỗ trợ', 'unsupported YAML tag'),
  UNEXPECTED_TOKEN: both('ký tự không mong đợi ở đây', 'unexpected character here'),
};

/** The tags of the YAML core schema; any other tag is refused. */
const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

function yamlErrorDiagnostic(source: SourceDoc, error: YAMLError, procedure: string | null): Diagnostic {
  const [start, end] = error.pos;
  const site = { file: source.file, range: offsetRange(source, start, Math.max(start, end)), procedure };
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      // The error spans the repeated key; read the key text up to its colon.
      const key = source.text.slice(start).split(/:\s|:$|\n/m)[0]?.trim().replace(/^["']|["']$/g, '') || '?';
      return makeDiagnostic(CATALOGUE_CODES.info('duplicate-key'), site, { key });
    }
    case 'TAB_AS_INDENT':
      return makeDiagnostic(CATALOGUE_CODES.info('tab-indent'), site);
    case 'MULTIPLE_DOCS':
      return makeDiagnostic(CATALOGUE_CODES.info('multiple-documents'), site);
    case 'TAG_RESOLVE_FAILED':
      return makeDiagnostic(CATALOGUE_CODES.info('yaml-tag'), site, { detail: source.text.slice(start, Math.max(start + 1, end)).split(/\s/)[0] ?? '' });
    default:
      const own = error.message.replace(/[.\s]+$/, '');
      return makeDiagnostic(CATALOGUE_CODES.info('yaml-syntax'), site, { detail: YAML_ERRORS[error.code] ?? both(own, own) });
  }
}

/** A cheap guess of the procedure code from raw text, used to label early diagnostics. */
export function sniffCode(text: string): string | null {
  const m = /^code:\s*["']?([0-9A-Za-z.-]+)["']?\s*$/m.exec(text);
  return m?.[1] ?? null;
}

/** Parses a file's text into a YAML document with its line counter (the source map). */
export function parseSourceDoc(file: string, text: string): SourceDoc {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    strict: true,
    uniqueKeys: true,
    // 'error' keeps the MULTIPLE_DOCS check ('silent' drops it) and still never prints warnings.
    logLevel: 'error',
    keepSourceTokens: false,
  });
  return { file, text, doc, lineCounter };
}

/**
 * A source whose YAML tree is parsed only when first asked for (`doc`, `lineCounter`): a
 * file whose value and diagnostics came from a cache costs nothing until a position in it
 * is needed. The tree is the one {@link parseSourceDoc} gives, so positions are identical.
 */
export function lazySourceDoc(file: string, text: string): SourceDoc {
  let parsed: SourceDoc | undefined;
  const get = (): SourceDoc => (parsed ??= parseSourceDoc(file, text));
  return {
    file,
    text,
    get doc() {
      return get().doc;
    },
    get lineCounter() {
      return get().lineCounter;
    },
  };
}

/**
 * Parses one file's text into a YAML document and a plain JavaScript value.
 *
 * Every problem becomes a coded diagnostic with a position: syntax errors, duplicate
 * keys, tab indentation, several documents, unsupported tags, non-scalar keys, nesting
 * deeper than {@link MAX_DEPTH}, aliases expanding beyond {@link MAX_ALIAS_COUNT}, an
 * empty file, a top level that is not a mapping. Strings are not normalised here.
 */
export function parseYaml(file: string, text: string): ParseResult {
  const procedure = sniffCode(text);
  const source = parseSourceDoc(file, text);
  const doc = source.doc;
  const diagnostics: Diagnostic[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) diagnostics.push(yamlErrorDiagnostic(source, e, procedure));
  if (diagnostics.length > 0) return { ok: false, source, diagnostics };

  const contents = doc.contents as Node | null;
  if (contents === null || (isScalar(contents) && contents.value === null && contents.tag === undefined)) {
    const at = { line: 1, column: 1 };
    diagnostics.push(makeDiagnostic(CATALOGUE_CODES.info('empty-file'), { file, range: { start: at, end: at }, procedure }));
    return { ok: false, source, diagnostics };
  }

  const structural = checkStructure(source, contents, procedure);
  if (structural.length > 0) return { ok: false, source, diagnostics: structural };

  if (!isMap(contents)) {
    const found = isAlias(contents) ? both('một alias', 'an alias') : isCollection(contents) ? both('một danh sách', 'a list') : both('một giá trị đơn', 'a single value');
    diagnostics.push(makeDiagnostic(CATALOGUE_CODES.info('not-a-mapping'), { file, range: nodeRange(source, contents), procedure }, { found }));
    return { ok: false, source, diagnostics };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError) {
      const alias = firstAlias(contents);
      diagnostics.push(makeDiagnostic(CATALOGUE_CODES.info('alias-limit'), { file, range: nodeRange(source, alias ?? contents), procedure }, { limit: MAX_ALIAS_COUNT }));
      return { ok: false, source, diagnostics };
    }
    throw error;
  }
  return { ok: true, source, value, diagnostics };
}

/** Depth, tags and keys, checked without recursion so that hostile nesting cannot overflow. */
function checkStructure(source: SourceDoc, root: Node, procedure: string | null): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Node; depth: number };
    const site = { file: source.file, range: nodeRange(source, node), procedure };
    if (depth > MAX_DEPTH) {
      out.push(makeDiagnostic(CATALOGUE_CODES.info('too-deep'), site, { limit: MAX_DEPTH }));
      return out;
    }
    if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      out.push(makeDiagnostic(CATALOGUE_CODES.info('yaml-tag'), site, { detail: node.tag }));
    }
    if (isCollection(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          const key = item.key as Node | null;
          if (key !== null && !isScalar(key)) {
            out.push(
              makeDiagnostic(CATALOGUE_CODES.info('yaml-syntax'), { ...site, range: nodeRange(source, key) ?? site.range }, {
                detail: both('khóa phải là một giá trị đơn, không phải danh sách hay đối tượng', 'a key must be a plain value, not a list or a mapping'),
              }),
            );
          }
          if (key !== null && isScalar(key) && key.tag !== undefined && !CORE_TAGS.has(key.tag)) {
            out.push(makeDiagnostic(CATALOGUE_CODES.info('yaml-tag'), { ...site, range: nodeRange(source, key) }, { detail: key.tag }));
          }
          const value = item.value as Node | null;
          if (value !== null) stack.push({ node: value, depth: depth + 1 });
        } else if (item !== null) {
          stack.push({ node: item as Node, depth: depth + 1 });
        }
      }
    }
  }
  return out;
}

function firstAlias(root: Node): Node | null {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (isAlias(node)) return node;
    if (isCollection(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (isPair(item)) {
          if (item.value !== null) stack.push(item.value as Node);
        } else if (item !== null && item !== undefined) stack.push(item as Node);
      }
    }
  }
  return null;
}
