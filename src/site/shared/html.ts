/**
 * HTML by escaping templates (after Ajv's code generation, STYLE.md): every interpolated
 * value is escaped unless it is already {@link Html}, so a procedure name holding `<script>`,
 * quotes or `${` stays text. Only this module turns strings into markup.
 */

/** Markup that is safe to insert: built by {@link html} or explicitly trusted by {@link trusted}. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: markup, text (escaped), numbers, lists of them; nothing for null/undefined/false. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for element content and double- or single-quoted attribute values.
 *
 * @example
 * escapeHtml('<b>"Hộ tịch"</b>') // '&lt;b&gt;&quot;Hộ tịch&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template: literal parts are markup, interpolations are escaped.
 *
 * @example
 * html`<p title="${name}">${name}</p>` // name = 'a "b" <c>' → '<p title="a &quot;b&quot; &lt;c&gt;">a &quot;b&quot; &lt;c&gt;</p>'
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i] as HtmlValue) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Trusts markup produced elsewhere (a rendered SVG, a bundled script). Never pass catalogue text. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** Joins fragments with a separator (text separators are escaped). */
export function join(items: readonly HtmlValue[], separator: HtmlValue): Html {
  return new Html(items.map(render).join(render(separator)));
}

/**
 * An address safe for `href`: http(s) only. The schema accepts any URI, and a
 * `javascript:` address in a catalogue file must never become a link.
 *
 * @example
 * safeUrl('https://vbpl.vn/x') // 'https://vbpl.vn/x'
 * safeUrl('javascript:alert(1)') // undefined
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

/**
 * JSON for a `<script type="application/json">` element or a JavaScript data file: `<`,
 * U+2028 and U+2029 are escaped so the data can never close the element or break the script.
 *
 * @example
 * scriptJson({ name: '</script>' }) // '{"name":"\\u003c/script>"}'
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
