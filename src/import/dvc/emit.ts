import { Document } from 'yaml';

/**
 * Writes an imported procedure as catalogue YAML: deterministic (same object, same
 * bytes), NFC, no tabs or control characters, no line folding, with the editor modeline
 * and the import marker that tells later imports this file may be regenerated.
 */

export { IMPORT_MARKER, isImported } from '../../catalogue/provenance.js';
import { IMPORT_MARKER } from '../../catalogue/provenance.js';

/** Cleans every string: NFC, CRLF → LF, tabs → spaces, control, zero-width and bidi marks removed. */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') {
    return value
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\ufeff]/g, '') as T;
  }
  if (Array.isArray(value)) return value.map((v) => cleanStrings(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cleanStrings(v);
    return out as T;
  }
  return value;
}

/** The YAML text of an imported procedure. */
export function renderImported(procedure: Record<string, unknown>, options: { schemaPath: string; source: string }): string {
  const doc = new Document(cleanStrings(procedure), { version: '1.2' });
  const body = doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, flowCollectionPadding: true });
  return [
    `# yaml-language-server: $schema=${options.schemaPath}`,
    `${IMPORT_MARKER} ${options.source} — written by \`tthc import dvc\`; \`--overwrite\` regenerates it. Delete this line to take the file over by hand (it then stays authoritative).`,
    body,
  ].join('\n');
}
