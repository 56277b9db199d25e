import { fill, type Bilingual, type Lang } from '../i18n/lang.js';
import { engineCode, type EngineCodeId, type EngineCodeInfo } from './codes.js';

/** Values of an error's placeholders: text, numbers, or text in both languages. */
export type ErrorData = Readonly<Record<string, string | number | Bilingual>>;

/**
 * An error the engine raises on purpose: a stable code, a readable id, data for the message
 * placeholders, and an HTTP status. Rendered in Vietnamese or English at the edge; never a
 * stack trace for the user.
 *
 * @example
 * try { await engine.apply(cmd); } catch (e) { if (e instanceof EngineError) console.log(e.code, e.render('en')); }
 */
export class EngineError extends Error {
  readonly info: EngineCodeInfo;

  constructor(readonly id: EngineCodeId, readonly data: ErrorData = {}) {
    const info = engineCode(id);
    super(`${info.code} ${render(info.message, data, 'en')}`);
    this.info = info;
    this.name = 'EngineError';
  }

  /** The stable code (TTHC6xx). */
  get code(): string {
    return this.info.code;
  }

  /** The HTTP status of the API's answer. */
  get status(): number {
    return this.info.status;
  }

  /** The message in one language. */
  render(lang: Lang): string {
    return render(this.info.message, this.data, lang);
  }

  /** What to do, in one language. */
  hint(lang: Lang): string {
    return render(this.info.hint, this.data, lang);
  }

  /** The JSON shape of the error in the API (`{ code, id, message, hint, data }`). */
  toJSON(lang: Lang = 'vi'): { code: string; id: string; message: string; hint: string; data: Record<string, unknown> } {
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.data)) data[k] = typeof v === 'object' ? v[lang] : v;
    return { code: this.code, id: this.id, message: this.render(lang), hint: this.hint(lang), data };
  }
}

function render(template: Bilingual, data: ErrorData, lang: Lang): string {
  const flat: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) flat[k] = typeof v === 'object' ? v[lang] : v;
  return fill(template[lang], flat);
}

/** Whether a value is an {@link EngineError} with one of the given ids. */
export function isEngineError(error: unknown, ...ids: EngineCodeId[]): error is EngineError {
  return error instanceof EngineError && (ids.length === 0 || ids.includes(error.id));
}
