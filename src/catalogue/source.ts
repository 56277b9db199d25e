import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node,
  type Pair,
  type ParsedNode,
} from 'yaml';
import type { Range } from '../diagnostics/types.js';

/** A parsed YAML file and what is needed to turn JSON pointers into line:column. */
export interface SourceDoc {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** Splits a JSON pointer ("/channels/in-person/fees/0") into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Builds a JSON pointer from segments. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** What a pointer resolves to in the YAML tree. */
export interface Located {
  /** The deepest node reached (the target when `complete`). */
  node: ParsedNode | null;
  /** The pair whose value is `node`, when `node` is a mapping value. */
  pair: Pair<ParsedNode, ParsedNode | null> | null;
  /** Whether every segment of the pointer was found. */
  complete: boolean;
}

/**
 * Follows a JSON pointer through the YAML tree (aliases are followed to their anchor).
 * Stops at the deepest existing node when a segment is missing, so a diagnostic about a
 * missing property still points at the object that lacks it.
 */
export function locateNode(source: SourceDoc, pointer: string): Located {
  let node = source.doc.contents as ParsedNode | null;
  let pair: Located['pair'] = null;
  for (const segment of pointerSegments(pointer)) {
    if (node !== null && isAlias(node)) node = (node.resolve(source.doc) ?? null) as ParsedNode | null;
    if (node === null) return { node, pair, complete: false };
    if (isMap(node)) {
      const found = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment) as
        | Pair<ParsedNode, ParsedNode | null>
        | undefined;
      if (found === undefined) return { node, pair, complete: false };
      pair = found;
      node = found.value;
      if (node === null) return { node: found.key, pair, complete: true };
    } else if (isSeq(node)) {
      const index = Number(segment);
      const item = Number.isInteger(index) ? (node.items[index] as ParsedNode | undefined) : undefined;
      if (item === undefined) return { node, pair, complete: false };
      pair = null;
      node = item;
    } else {
      return { node, pair, complete: false };
    }
  }
  return { node, pair, complete: true };
}

/** The range of a node in the file. */
export function nodeRange(source: SourceDoc, node: Node | null | undefined): Range | null {
  if (node === null || node === undefined || node.range === undefined || node.range === null) return null;
  const [start, valueEnd] = node.range;
  return offsetRange(source, start, Math.max(start, valueEnd));
}

/** A range from two character offsets. */
export function offsetRange(source: SourceDoc, start: number, end: number): Range {
  const s = source.lineCounter.linePos(start);
  const e = source.lineCounter.linePos(end);
  return { start: { line: s.line, column: s.col }, end: { line: e.line, column: e.col } };
}

/**
 * The range a diagnostic about `pointer` should show.
 * - `value`: the value itself (a wrong type, a bad enum value);
 * - `key`: the key of the property (an unknown property, a duplicate id), falling back to
 *   the value for list items;
 * - `owner`: for something missing inside an object, the key that introduces the object,
 *   or the object's first line at the top level.
 */
export function rangeOf(source: SourceDoc, pointer: string, mode: 'value' | 'key' | 'owner' = 'value'): Range | null {
  const found = locateNode(source, pointer);
  if (mode === 'key' || mode === 'owner') {
    if (found.complete && found.pair !== null && isScalar(found.pair.key)) return nodeRange(source, found.pair.key);
    if (mode === 'owner' && found.node !== null && (isMap(found.node) || isSeq(found.node))) {
      const first = found.node.items[0];
      const firstNode = first === undefined ? found.node : isPair(first) ? (first.key as ParsedNode) : (first as ParsedNode);
      const r = nodeRange(source, firstNode);
      if (r !== null) return { start: r.start, end: r.start };
    }
  }
  return nodeRange(source, found.node) ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}
