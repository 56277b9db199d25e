/**
 * Languages of user-facing messages. Every message a user reads exists in Vietnamese
 * (`vi`, the default) and English (`en`).
 */
export type Lang = 'vi' | 'en';

/** The languages tthc speaks, in the order they are documented. */
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** A text in both languages. */
export interface Bilingual {
  vi: string;
  en: string;
}

/**
 * Picks the language from the environment: `LC_ALL`, then `LC_MESSAGES`, then `LANG`
 * (POSIX precedence). `en*` gives English; anything else, or nothing, gives Vietnamese.
 *
 * @example
 * langFromEnv({ LANG: 'en_US.UTF-8' }) // 'en'
 * langFromEnv({}) // 'vi'
 */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[key];
    if (value !== undefined && value !== '') {
      return /^en([_.@-]|$)/i.test(value) ? 'en' : 'vi';
    }
  }
  return 'vi';
}

/** True when `value` names a supported language. */
export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/**
 * Fills `{name}` placeholders of a template. A placeholder with no value is left as is,
 * so a missing argument shows up in tests instead of silently disappearing.
 *
 * @example
 * fill('Thiếu "{property}"', { property: 'name' }) // 'Thiếu "name"'
 */
export function fill(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([a-zA-Z0-9_]+)\}/g, (whole, key: string) => {
    const value = data[key];
    return value === undefined ? whole : String(value);
  });
}
