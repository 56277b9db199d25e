import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parseDocument, stringify } from 'yaml';
import { AGENCY_LEVELS, AgencyDirectory, type Agency } from '../engine/agencies.js';
import { EngineError } from '../engine/errors.js';
import { ROLES, type Actor, type Role } from '../engine/roles.js';
import type { Bilingual } from '../i18n/lang.js';
import { describeErrors } from './validation-errors.js';

/**
 * The operator file: the agencies of the deployment and its access tokens, in YAML. Tokens
 * are stored as SHA-256 hashes only (they are long random secrets, so a fast hash is the
 * right tool, as for API keys; a password hash such as bcrypt is for short human secrets).
 * There are no default tokens: a server without this file does not start.
 *
 * ```yaml
 * agencies:
 *   - { code: "000.00.15.H12", name: Trung tâm Phục vụ hành chính công tỉnh, level: province }
 * tokens:
 *   - { id: tiep-nhan-1, role: reception, agency: "000.00.15.H12", sha256: "…", expires: "2027-01-01" }
 * ```
 */

/** One token of the file. */
export interface TokenEntry {
  /** Who holds it: an officer's id, or the applicant's personal identification number. */
  id: string;
  role: Role;
  agency?: string;
  sha256: string;
  /** ISO date or date-time; absent: no expiry. */
  expires?: string;
}

/** The operator file's content. */
export interface OperatorFile {
  agencies: Agency[];
  tokens: TokenEntry[];
}

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['agencies', 'tokens'],
  properties: {
    agencies: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['code', 'name', 'level'],
        properties: {
          code: { type: 'string', pattern: '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9A-Z]{2}$' },
          name: { type: 'string', minLength: 1 },
          level: { enum: [...AGENCY_LEVELS] },
        },
      },
    },
    tokens: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'role', 'sha256'],
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 100 },
          role: { enum: [...ROLES] },
          agency: { type: 'string' },
          sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T.*)?$' },
        },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true }).compile(SCHEMA);

/** The SHA-256 (hex) of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random token: `tthc_` and 32 random bytes in base64url (256 bits). */
export function newToken(): string {
  return `tthc_${randomBytes(32).toString('base64url')}`;
}

function invalid(file: string, detail: string | Bilingual): EngineError {
  return new EngineError('tokens-file-invalid', { file, detail });
}

/** Reads and checks an operator file; throws TTHC633 with what is wrong. */
export function readOperatorFile(file: string): OperatorFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw invalid(file, (error as Error).message);
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw invalid(file, doc.errors[0]?.message.split('\n')[0] ?? 'YAML');
  const value = doc.toJS({ maxAliasCount: 0 }) as unknown;
  if (!validate(value)) throw invalid(file, describeErrors(validate.errors ?? [], ''));
  const data = value as unknown as OperatorFile;
  try {
    new AgencyDirectory(data.agencies);
  } catch (error) {
    throw invalid(file, (error as Error).message);
  }
  const codes = new Set(data.agencies.map((a) => a.code));
  const hashes = new Set<string>();
  for (const t of data.tokens) {
    const officer = t.role === 'reception' || t.role === 'specialist' || t.role === 'approver';
    if (officer && (t.agency === undefined || !codes.has(t.agency))) throw invalid(file, `token "${t.id}": an officer's token names an agency listed under agencies`);
    if (!officer && t.agency !== undefined) throw invalid(file, `token "${t.id}": only officers belong to an agency`);
    if (t.expires !== undefined && Number.isNaN(Date.parse(t.expires))) throw invalid(file, `token "${t.id}": expires is not a date`);
    if (hashes.has(t.sha256)) throw invalid(file, `token "${t.id}": the same token is listed twice`);
    hashes.add(t.sha256);
  }
  return data;
}

/** Writes an operator file through a temporary file and a rename (never half-written). */
export function writeOperatorFile(file: string, data: OperatorFile): void {
  const text = `# tthc operator file: agencies and access tokens (SHA-256 hashes only). See docs/engine.md.\n${stringify(data)}`;
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}

/** Why a token was not accepted. */
export type TokenFailure = 'token-missing' | 'token-invalid' | 'token-expired';

/** Checks bearer tokens against the operator file's hashes. */
export class TokenVerifier {
  private readonly byHash: ReadonlyMap<string, TokenEntry>;

  constructor(entries: readonly TokenEntry[], private readonly now: () => number = Date.now) {
    this.byHash = new Map(entries.map((e) => [e.sha256, e]));
  }

  /**
   * The actor of an `Authorization` header value, or why not.
   *
   * @example
   * verifier.verify('Bearer tthc_…') // { actor: { id: 'tiep-nhan-1', role: 'reception', agency: '000.00.15.H12' } }
   */
  verify(header: string | undefined): { actor: Actor } | { failure: TokenFailure; token?: string; expires?: string } {
    if (header === undefined || header.trim() === '') return { failure: 'token-missing' };
    const m = /^Bearer\s+(\S{16,512})$/iu.exec(header.trim());
    if (m === null) return { failure: 'token-invalid' };
    const entry = this.byHash.get(hashToken(m[1] as string));
    if (entry === undefined) return { failure: 'token-invalid' };
    if (entry.expires !== undefined && Date.parse(entry.expires) <= this.now()) return { failure: 'token-expired', token: entry.id, expires: entry.expires };
    return { actor: { id: entry.id, role: entry.role, agency: entry.agency ?? null } };
  }
}
