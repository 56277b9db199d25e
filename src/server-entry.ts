/**
 * `tthc/server` — the dossier engine's HTTP API (Fastify, OpenAPI from the route schemas) and
 * its operator file of hashed tokens. A separate entry so that `import 'tthc'` loads no web server.
 *
 * @example
 * import { buildServer, readOperatorFile } from 'tthc/server';
 *
 * @packageDocumentation
 */
export { buildServer, type ServerOptions } from './server/app.js';
export { TokenVerifier, readOperatorFile, hashToken, newToken } from './server/operator-file.js';
