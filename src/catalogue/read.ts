import { readFileSync, statSync } from 'node:fs';
import { both } from '../diagnostics/diagnostic.js';
import type { MessageData, Position } from '../diagnostics/types.js';

/** Largest catalogue file read, in bytes. A procedure is a few KB; 4 MiB is far beyond. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A file's text, or why it could not be read as text. */
export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; id: 'file-unreadable' | 'not-utf8'; data: MessageData; position: Position | null };

/**
 * Reads a file as UTF-8 text. A UTF-8 byte-order mark is dropped; UTF-16 and any invalid
 * byte sequence are reported with the position of the first bad byte, never replaced
 * silently by U+FFFD.
 */
export function readText(file: string): ReadResult {
  const read = readBytes(file);
  return read.ok ? decodeUtf8(read.bytes) : read;
}

/** A file's bytes, or why it could not be read (see {@link readText}). */
export type BytesResult = { ok: true; bytes: Buffer } | Extract<ReadResult, { ok: false }>;

/** Reads a catalogue file's bytes, refusing folders and files over {@link MAX_FILE_BYTES}. */
export function readBytes(file: string): BytesResult {
  try {
    const st = statSync(file);
    if (st.isDirectory()) {
      return { ok: false, id: 'file-unreadable', data: { reason: both('đây là thư mục', 'it is a directory') }, position: null };
    }
    if (st.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        id: 'file-unreadable',
        data: { reason: both(`tệp lớn ${st.size} byte, vượt giới hạn ${MAX_FILE_BYTES}`, `it is ${st.size} bytes, over the ${MAX_FILE_BYTES}-byte limit`) },
        position: null,
      };
    }
    return { ok: true, bytes: readFileSync(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, id: 'file-unreadable', data: { reason: code }, position: null };
  }
}

/** Decodes bytes as strict UTF-8 (see {@link readText}). */
export function decodeUtf8(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, id: 'not-utf8', data: { detail: both('tệp mã hóa UTF-16', 'the file is UTF-16') }, position: { line: 1, column: 1 } };
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  // The platform's strict decoder validates exactly as firstInvalidUtf8 does (WHATWG UTF-8),
  // natively; the byte-by-byte scan only runs to find the position of a bad byte.
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    // fall through to locate the first invalid byte
  }
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    const prefix = new TextDecoder('utf-8').decode(body.subarray(0, bad));
    const lines = prefix.split('\n');
    const last = lines[lines.length - 1] ?? '';
    const hex = (body[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      id: 'not-utf8',
      data: { detail: both(`byte 0x${hex} không hợp lệ`, `invalid byte 0x${hex}`) },
      position: { line: lines.length, column: last.length + 1 },
    };
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(body) };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * An editor's unsaved text as a read result: the same size limit as a file on disk
 * ({@link MAX_FILE_BYTES}) and the byte-order mark dropped.
 */
export function readUnsaved(text: string): ReadResult {
  // A UTF-16 string's byte size is at least its length; measure exactly only near the limit.
  if (text.length > MAX_FILE_BYTES / 4 && Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    const size = Buffer.byteLength(text, 'utf8');
    return { ok: false, id: 'file-unreadable', data: { reason: both(`tệp lớn ${size} byte, vượt giới hạn ${MAX_FILE_BYTES}`, `it is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit`) }, position: null };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
