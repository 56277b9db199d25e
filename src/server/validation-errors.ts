import type { ErrorObject } from 'ajv';
import type { Bilingual } from '../i18n/lang.js';

/**
 * Schema validation failures in our own words (never ajv's raw messages), in both languages:
 * where, and what is wrong. Sorted and de-duplicated, the first few joined.
 */

function where(e: ErrorObject, root: string): string {
  const path = e.instancePath === '' ? root : `${root}${e.instancePath}`;
  return path;
}

function one(e: ErrorObject, root: string): Bilingual {
  const at = where(e, root);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return { vi: `${at}: thuộc tính lạ "${String(p['additionalProperty'])}"`, en: `${at}: unknown property "${String(p['additionalProperty'])}"` };
    case 'required':
      return { vi: `${at}: thiếu thuộc tính "${String(p['missingProperty'])}"`, en: `${at}: missing property "${String(p['missingProperty'])}"` };
    case 'type':
      return { vi: `${at}: sai kiểu, cần ${String(p['type'])}`, en: `${at}: wrong type, expected ${String(p['type'])}` };
    case 'enum':
      return { vi: `${at}: giá trị không hợp lệ; chọn một trong ${(p['allowedValues'] as unknown[]).join(', ')}`, en: `${at}: invalid value; choose one of ${(p['allowedValues'] as unknown[]).join(', ')}` };
    case 'maxLength':
    case 'maxItems':
    case 'maxProperties':
      return { vi: `${at}: quá dài (tối đa ${String(p['limit'])})`, en: `${at}: too long (at most ${String(p['limit'])})` };
    case 'minLength':
    case 'minItems':
      return { vi: `${at}: quá ngắn (tối thiểu ${String(p['limit'])})`, en: `${at}: too short (at least ${String(p['limit'])})` };
    case 'maximum':
    case 'minimum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { vi: `${at}: ngoài khoảng cho phép (${String(p['comparison'])} ${String(p['limit'])})`, en: `${at}: out of range (${String(p['comparison'])} ${String(p['limit'])})` };
    case 'pattern':
    case 'format':
      return { vi: `${at}: sai định dạng`, en: `${at}: wrong format` };
    default:
      return { vi: `${at}: không hợp lệ`, en: `${at}: not valid` };
  }
}

/**
 * A readable summary of validation errors under `root` (`body`, `querystring`, a file name).
 *
 * @example
 * describeErrors([{ keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'foo' } }], 'body')
 * // { vi: 'body: thuộc tính lạ "foo"', en: 'body: unknown property "foo"' }
 */
export function describeErrors(errors: readonly ErrorObject[], root: string): Bilingual {
  const seen = new Set<string>();
  const parts: Bilingual[] = [];
  for (const e of [...errors].sort((a, b) => (a.instancePath < b.instancePath ? -1 : a.instancePath > b.instancePath ? 1 : 0))) {
    const text = one(e, root);
    if (seen.has(text.en)) continue;
    seen.add(text.en);
    parts.push(text);
  }
  const shown = parts.slice(0, 5);
  return { vi: shown.map((t) => t.vi).join('; '), en: shown.map((t) => t.en).join('; ') };
}
