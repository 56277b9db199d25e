import type { CodeInfo } from './types.js';

/**
 * Code registries. Each layer owns its codes (the loader's in catalogue/codes.ts, the
 * importer's in import/dvc/codes.ts, each check rule in its own module); this module only
 * gives them a shape. The full list is assembled at the edge (`tthc explain`, SARIF rule
 * metadata, generated docs), where a {@link CodeRegistry} refuses duplicates.
 */

/** A layer's codes, looked up by readable id. */
export interface CodeSet<Id extends string = string> {
  readonly list: readonly CodeInfo[];
  /** The code of a readable id (typed: only this layer's ids). */
  info(id: Id): CodeInfo;
}

/**
 * Declares a layer's codes.
 *
 * @example
 * export const MY_CODES = codeSet([{ code: 'TTHC950', id: 'thing-broken', category: 'cli', severity: 'error', message, hint, explain }] as const);
 * makeDiagnostic(MY_CODES.info('thing-broken'), site, {});
 */
export function codeSet<const T extends readonly CodeInfo[]>(list: T): CodeSet<T[number]['id']> {
  const byId = new Map<string, CodeInfo>(list.map((c) => [c.id, c]));
  return {
    list,
    info(id) {
      const info = byId.get(id);
      if (info === undefined) throw new Error(`internal: unknown diagnostic id ${id}`);
      return info;
    },
  };
}

/** A code that two layers both claim. */
export class DuplicateCodeError extends Error {
  constructor(readonly key: string) {
    super(`internal: diagnostic code or id defined twice: ${key}`);
  }
}

/** Every code of the program, assembled at the edge from the layers' lists. */
export class CodeRegistry {
  private readonly byKey = new Map<string, CodeInfo>();
  /** Every code, in code order. */
  readonly all: readonly CodeInfo[];

  constructor(lists: readonly (readonly CodeInfo[])[]) {
    const all: CodeInfo[] = [];
    for (const list of lists) {
      for (const info of list) {
        for (const key of [info.code, info.id]) {
          if (this.byKey.has(key)) throw new DuplicateCodeError(key);
          this.byKey.set(key, info);
        }
        all.push(info);
      }
    }
    this.all = all.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  /** A code by its code (`TTHC202`, any case) or readable id (`unknown-property`). */
  find(codeOrId: string): CodeInfo | undefined {
    return this.byKey.get(codeOrId.toUpperCase()) ?? this.byKey.get(codeOrId);
  }
}
