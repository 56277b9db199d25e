import { CACHE_CODES } from '../cache/codes.js';
import { CATALOGUE_CODES } from '../catalogue/codes.js';
import { CHECK_CODES } from '../checks/codes.js';
import { RULES } from '../checks/registry.js';
import { CodeRegistry } from '../diagnostics/registry.js';
import type { CodeInfo } from '../diagnostics/types.js';
import { ENGINE_CODES } from '../engine/codes.js';
import { IMPORT_CODES } from '../import/dvc/codes.js';
import { LSP_CODES } from '../lsp/codes.js';
import { SITE_CODES } from '../site/codes.js';

/**
 * Every diagnostic code of tthc, assembled at the edge from the layers that own them: the
 * loader and validator (TTHC1xx–3xx, 9xx), the check runner and its rules (TTHC4xx), the
 * importer (TTHC5xx), the dossier engine and its API (TTHC6xx), the site builder (TTHC7xx), the cache and the watcher (TTHC801–829), the language server (TTHC830–859). Used by `tthc explain`, SARIF rule metadata and the generated docs;
 * building it refuses a code or id defined twice.
 */
export const CODE_REGISTRY = new CodeRegistry([
  CATALOGUE_CODES.list,
  CHECK_CODES.list,
  RULES.map((r) => r.info),
  IMPORT_CODES.list,
  LSP_CODES.list,
  ENGINE_CODES.map(({ status: _status, ...info }): CodeInfo => info),
  CACHE_CODES.list,
  Object.entries(SITE_CODES).map(([id, c]): CodeInfo => ({ code: c.code, id, category: 'site', severity: 'error', message: c.message, hint: c.hint, explain: { vi: `${c.message.vi}\n\n${c.hint.vi}`, en: `${c.message.en}\n\n${c.hint.en}` } })),
]);

/** Every code, in code order. */
export const ALL_CODES: readonly CodeInfo[] = CODE_REGISTRY.all;

/** A code by its code (`TTHC202`) or readable id; undefined when there is none. */
export function findCode(codeOrId: string): CodeInfo | undefined {
  return CODE_REGISTRY.find(codeOrId);
}
