import { CATALOGUE_CODES } from './codes.js';
import type { ErrorObject } from 'ajv';
import { both, makeDiagnostic } from '../diagnostics/diagnostic.js';
import type { CatalogueCodeId as CodeId } from './codes.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Bilingual } from '../i18n/lang.js';
import { closest, fold } from '../util/suggest.js';
import { rangeOf, type SourceDoc } from './source.js';
import { shapeOf } from './schema-shape.js';

type Schema = Record<string, unknown>;

/** The Vietnamese and English halves of a schema description ("vi — en"), shortened. */
export function describe(schema: unknown): Bilingual | undefined {
  if (schema === null || typeof schema !== 'object') return undefined;
  const text = (schema as Schema)['description'];
  if (typeof text !== 'string') return undefined;
  const [vi = '', en = vi] = text.split(' — ');
  return { vi: shorten(vi), en: shorten(en) };
}

function shorten(text: string): string {
  const first = text.split(/[.:;(]/)[0]?.trim() ?? '';
  if (first.length <= 60) return first;
  const cut = first.slice(0, 60);
  return cut.slice(0, cut.lastIndexOf(' ')) + '…';
}

const TYPE_NAMES: Record<string, Bilingual> = {
  string: both('chuỗi', 'a string'),
  number: both('số', 'a number'),
  integer: both('số nguyên', 'an integer'),
  boolean: both('true/false', 'true/false'),
  object: both('đối tượng (các cặp khóa: giá trị)', 'a mapping (key: value pairs)'),
  array: both('danh sách (các dòng "- …")', 'a list ("- …" lines)'),
  null: both('rỗng', 'empty'),
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeList(types: string[]): Bilingual {
  const names = types.map((t) => TYPE_NAMES[t] ?? both(t, t));
  return { vi: names.map((n) => n.vi).join(' hoặc '), en: names.map((n) => n.en).join(' or ') };
}

/** A JSON pointer as a reader writes it: "/components/0/quantity" → "components[0].quantity". */
function propertyName(pointer: string): string {
  if (pointer === '') return '(tệp / file)';
  return pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc === '' ? part : `${acc}.${part}`), '');
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? text.slice(0, 77) + '…"' : text;
}

function whereOf(pointer: string): Bilingual {
  return pointer === '' ? both('ở cấp cao nhất', 'at the top level') : both(`tại "${pointer}"`, `at "${pointer}"`);
}

/** Known patterns and formats, with a name and an example for the message. */
function formatOf(error: ErrorObject): { name: Bilingual; example: string } {
  if (error.keyword === 'format') {
    const f = String((error.params as { format: string }).format);
    if (f === 'date') return { name: both('ngày YYYY-MM-DD', 'date YYYY-MM-DD'), example: '2025-07-01' };
    if (f === 'uri') return { name: both('địa chỉ web', 'web address'), example: 'https://dichvucong.gov.vn/…' };
    return { name: both(f, f), example: f };
  }
  const pattern = String((error.params as { pattern: string }).pattern);
  if (pattern.startsWith('^(\\d\\.\\d{6}')) return { name: both('mã thủ tục', 'procedure code'), example: '"1.001193" (trong ngoặc kép / quoted)' };
  if (pattern === '^[a-z0-9]+(-[a-z0-9]+)*$') return { name: both('mã kebab-case', 'kebab-case id'), example: 'giay-chung-sinh' };
  if (pattern === '^[a-z][a-zA-Z0-9]*$') return { name: both('tên câu hỏi camelCase', 'camelCase fact name'), example: 'abandonedChild' };
  if (pattern === '^[A-Za-z0-9][A-Za-z0-9._-]{2,40}$') return { name: both('mã kết quả (chữ, số, ".", "-", "_")', 'result code (letters, digits, ".", "-", "_")'), example: 'KQ.G15.000031' };
  if (pattern.startsWith('^([01]')) return { name: both('giờ HH:MM', 'time HH:MM'), example: '15:00' };
  if (pattern.startsWith('^(/')) return { name: both('JSON pointer', 'JSON pointer'), example: '/channels/online/duration' };
  if (pattern.startsWith('^(19|20|21)')) return { name: both('năm 4 chữ số', 'four-digit year'), example: '2026' };
  return { name: both(`mẫu ${pattern}`, `pattern ${pattern}`), example: pattern };
}

function limitOf(error: ErrorObject): Bilingual {
  const p = error.params as { limit: number; comparison?: string };
  switch (error.keyword) {
    case 'minimum':
      return both(`không được nhỏ hơn ${p.limit}`, `must be at least ${p.limit}`);
    case 'maximum':
      return both(`không được lớn hơn ${p.limit}`, `must be at most ${p.limit}`);
    case 'exclusiveMinimum':
      return both(`phải lớn hơn ${p.limit}`, `must be more than ${p.limit}`);
    case 'exclusiveMaximum':
      return both(`phải nhỏ hơn ${p.limit}`, `must be less than ${p.limit}`);
    case 'minLength':
      return p.limit === 1 ? both('không được để trống', 'must not be empty') : both(`cần ít nhất ${p.limit} ký tự`, `needs at least ${p.limit} characters`);
    case 'maxLength':
      return both(`tối đa ${p.limit} ký tự`, `at most ${p.limit} characters`);
    case 'minItems':
      return both(`cần ít nhất ${p.limit} phần tử`, `needs at least ${p.limit} item(s)`);
    case 'maxItems':
      return both(`tối đa ${p.limit} phần tử`, `at most ${p.limit} items`);
    case 'minProperties':
      return both(`cần ít nhất ${p.limit} thuộc tính`, `needs at least ${p.limit} propert${p.limit === 1 ? 'y' : 'ies'}`);
    default:
      return both(`tối đa ${p.limit} thuộc tính`, `at most ${p.limit} properties`);
  }
}

function typeAdvice(expected: string[], found: string, value: unknown): Bilingual {
  if (expected.includes('string') && (found === 'number' || found === 'integer')) {
    return both(
      `Đặt giá trị trong dấu ngoặc kép: "${String(value)}" (YAML đọc con số không có ngoặc là số; mã "1.000110" sẽ mất số 0 cuối).`,
      `Put the value in double quotes: "${String(value)}" (YAML reads unquoted digits as a number; a code like "1.000110" would lose its trailing zero).`,
    );
  }
  if (found === 'null') return both('Giá trị đang để trống: điền giá trị hoặc xóa khóa.', 'The value is empty: fill it in or remove the key.');
  if (expected.includes('array')) return both('Viết dạng danh sách: mỗi mục một dòng bắt đầu bằng "- ".', 'Write a list: one item per line, starting with "- ".');
  if (expected.includes('object')) return both('Viết các cặp "khóa: giá trị" thụt lề bên dưới.', 'Write indented "key: value" pairs below.');
  if (expected.includes('integer') && found === 'number') return both('Viết số nguyên, không có phần thập phân.', 'Write a whole number, without decimals.');
  if (expected.includes('boolean')) return both('Viết true hoặc false.', 'Write true or false.');
  if (expected.includes('number') || expected.includes('integer')) return both('Viết một con số, không kèm đơn vị.', 'Write a number, without a unit.');
  return both('Sửa kiểu giá trị.', 'Change the value\'s type.');
}

function enumSuggestion(value: unknown, allowed: unknown[], descriptions: unknown): Bilingual {
  const values = allowed.map(String);
  if (typeof value === 'string') {
    const near = closest(value, values);
    if (near !== undefined) return both(`Có phải ý bạn là "${near}"?`, `Did you mean "${near}"?`);
    // Vietnamese labels such as "Cấp xã" → the enum value whose description starts with it.
    if (Array.isArray(descriptions)) {
      const folded = fold(value);
      const index = descriptions.findIndex((d) => typeof d === 'string' && folded.length >= 3 && fold(d).startsWith(folded));
      if (index >= 0 && values[index] !== undefined) {
        return both(`"${value}" viết là "${values[index]}".`, `"${value}" is written "${values[index]}".`);
      }
    }
  }
  return both('Chọn một giá trị trong danh sách (Ctrl+Space trong trình soạn thảo).', 'Pick one of the listed values (Ctrl+Space in the editor).');
}

function unknownPropertySuggestion(property: string, parentSchema: unknown): Bilingual {
  if (/\s/.test(property) || /[^\x00-\x7f]/.test(property)) {
    // Vietnamese text as a key: almost always a comma inside { … } that split a value.
    return both(
      'Có thể dấu phẩy trong { … } đã cắt đôi một chuỗi: đặt cả chuỗi trong dấu ngoặc kép, hoặc viết mỗi thuộc tính trên một dòng.',
      'A comma inside { … } probably split a string: put the whole string in double quotes, or write one property per line.',
    );
  }
  const props = Object.keys(((parentSchema as Schema | undefined)?.['properties'] as Schema | undefined) ?? {});
  const near = closest(property, props);
  if (near !== undefined) return both(`Có phải ý bạn là "${near}"?`, `Did you mean "${near}"?`);
  if (props.length === 0) return both('Xóa thuộc tính này.', 'Remove this property.');
  const list = props.length <= 14 ? props.join(', ') : props.slice(0, 14).join(', ') + ', …';
  return both(`Xóa thuộc tính này hoặc sửa thụt lề. Các thuộc tính được phép: ${list}.`, `Remove it or fix the indentation. Allowed properties: ${list}.`);
}

function keyRule(pattern: string): Bilingual {
  if (pattern === '^[a-z][a-zA-Z0-9]*$') return both('viết camelCase, bắt đầu bằng chữ thường, không dấu', 'use camelCase starting with a lowercase letter, no diacritics');
  if (pattern === '^[a-z0-9]+(-[a-z0-9]+)*$') return both('viết kebab-case, chữ thường không dấu nối bằng gạch ngang', 'use kebab-case: lowercase letters and digits joined by hyphens');
  if (pattern.startsWith('^(19|20|21)')) return both('viết năm 4 chữ số', 'use a four-digit year');
  return both(`theo mẫu ${pattern}`, `match ${pattern}`);
}

/**
 * Turns raw ajv errors into coded diagnostics with positions. Raw ajv text never reaches a
 * user: each keyword has its own code and bilingual message; `if` and the branches of
 * `anyOf`/`oneOf` that other errors already explain are dropped; the result is sorted and
 * de-duplicated by the caller.
 */
export function schemaDiagnostics(source: SourceDoc, errors: readonly ErrorObject[], procedure: string | null): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (pointer: string, mode: 'value' | 'key' | 'owner') => ({ file: source.file, range: rangeOf(source, pointer, mode), procedure });
  const nameOf = (e: ErrorObject): string | undefined => (e as ErrorObject & { propertyName?: string }).propertyName;
  const keyErrorPaths = new Set(errors.filter((e) => nameOf(e) !== undefined).map((e) => e.instancePath));
  const specific = errors.filter((e) => !['if', 'anyOf', 'oneOf', 'propertyNames'].includes(e.keyword));

  for (const e of errors) {
    const params = e.params as Record<string, unknown>;
    const push = (id: CodeId, pointer: string, mode: 'value' | 'key' | 'owner', data: Record<string, string | number | Bilingual>) =>
      out.push(makeDiagnostic(CATALOGUE_CODES.info(id), at(pointer, mode), data));

    const key = nameOf(e);
    if (key !== undefined) {
      // An error raised under propertyNames: it concerns the key, not the value.
      if (e.keyword !== 'pattern' && e.keyword !== 'minLength') continue;
      const pattern = typeof params['pattern'] === 'string' ? params['pattern'] : '';
      push('invalid-key', `${e.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, 'key', {
        key,
        rule: e.keyword === 'minLength' ? both('quá ngắn', 'too short') : keyRule(pattern),
      });
      continue;
    }
    switch (e.keyword) {
      case 'if':
      case 'propertyNames':
        break;
      case 'anyOf':
      case 'oneOf': {
        const explained = specific.some((s) => s.instancePath.startsWith(e.instancePath));
        if (!explained && !keyErrorPaths.has(e.instancePath)) push('schema-violation', e.instancePath, 'value', { keyword: e.keyword });
        break;
      }
      case 'required': {
        const property = String(params['missingProperty']);
        const propSchema = ((e.parentSchema?.['properties'] as Schema | undefined) ?? {})[property];
        const d = describe(propSchema);
        push('missing-property', e.instancePath, 'owner', {
          property,
          about: d === undefined ? '' : both(` (${d.vi})`, ` (${d.en})`),
          where: e.instancePath === '' ? both('tệp', 'the file') : both(`"${e.instancePath}"`, `"${e.instancePath}"`),
          shape: shapeOf(property, propSchema),
        });
        break;
      }
      case 'additionalProperties': {
        const property = String(params['additionalProperty']);
        push('unknown-property', `${e.instancePath}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`, 'key', {
          property,
          where: whereOf(e.instancePath),
          suggestion: unknownPropertySuggestion(property, e.parentSchema),
        });
        break;
      }
      case 'type': {
        const expected = String(params['type']).split(',');
        const found = typeOf(e.data);
        push('wrong-type', e.instancePath, 'value', {
          property: propertyName(e.instancePath),
          expected: typeList(expected),
          found: TYPE_NAMES[found] ?? both(found, found),
          advice: typeAdvice(expected, found, e.data),
        });
        break;
      }
      case 'enum':
        push('invalid-value', e.instancePath, 'value', {
          value: quote(e.data),
          allowed: (params['allowedValues'] as unknown[]).map(String).join(', '),
          suggestion: enumSuggestion(e.data, params['allowedValues'] as unknown[], e.parentSchema?.['enumDescriptions']),
        });
        break;
      case 'pattern':
      case 'format': {
        const { name, example } = formatOf(e);
        push('invalid-format', e.instancePath, 'value', { value: quote(e.data), format: name, example });
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'minProperties':
      case 'maxProperties':
        push('out-of-range', e.instancePath, 'value', { limit: limitOf(e) });
        break;
      case 'uniqueItems': {
        const i = Number(params['i']);
        const j = Number(params['j']);
        push('duplicate-item', `${e.instancePath}/${Math.max(i, j)}`, 'value', { first: Math.min(i, j) + 1, second: Math.max(i, j) + 1 });
        break;
      }
      default:
        push('schema-violation', e.instancePath, 'value', { keyword: e.keyword });
    }
  }
  return out;
}
