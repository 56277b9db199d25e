import type { Lang } from '../../i18n/lang.js';

/**
 * What every page script shares: the page's language, element lookup that fails loudly,
 * and the data globals the data files assign.
 */

/** The page's language, from `<html lang>`. */
export function pageLang(): Lang {
  return document.documentElement.lang === 'en' ? 'en' : 'vi';
}

/** An element by id; a missing one is a bug in the template, so it throws. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`tthc: element #${id} is missing`);
  return el as T;
}

/** A global assigned by a data file. */
export function dataGlobal<T>(name: string): T {
  const value = (globalThis as unknown as Record<string, unknown>)[name];
  if (value === undefined) throw new Error(`tthc: data ${name} is missing (its script did not load)`);
  return value as T;
}
