/**
 * The incremental layer over loading and checking: a session that re-reads only changed files
 * and re-runs the rules only where their inputs changed, persisted under
 * `node_modules/.cache/tthc`. Used by `tthc validate`, `tthc check`, `tthc watch` and the
 * language server.
 */
export { CatalogueSession, diffDiagnostics, type DiagnosticChanges, type SessionOptions, type SessionState } from './session.js';
export { CACHE_CODES } from './codes.js';
export { defaultCacheDir, cacheFileName } from './store.js';
