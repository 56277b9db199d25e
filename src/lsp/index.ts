/**
 * The language server (`tthc lsp`): what the command line and the library expose.
 */
export { LSP_CODES } from './codes.js';
export { startLanguageServer, type ServerOptions } from './server.js';
export { MemorySession, catalogueFolderOf, type Analysis, type CatalogueSession, type FixableFinding, type SessionOptions } from './session.js';
