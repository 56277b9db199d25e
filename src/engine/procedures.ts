import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import type { Procedure } from '../../generated/types/catalogue.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { buildWorkflow, type WorkflowIR } from '../workflow/ir.js';

/**
 * What a dossier runs under: a procedure compiled once, with its catalogue revision. The
 * revision is the SHA-256 of the procedure as resolved (a provincial variant merged onto its
 * base), serialised canonically (RFC 8785, JSON Canonicalization Scheme), so the same content
 * always gives the same revision and any edit gives another. The engine stores every compiled
 * revision beside the dossiers that use it: a dossier keeps the revision it was filed under
 * even after the catalogue changes, and its history replays against that revision.
 */

/** What the engine needs to know about a procedure besides its workflow. */
export interface ProcedureMeta {
  code: string;
  name: string;
  /** Lĩnh vực. */
  field: string | null;
  levels: string[];
}

/** A procedure ready for the engine. Plain JSON (stored in the database). */
export interface CompiledProcedure {
  code: string;
  /** `sha256:<hex>` of the resolved procedure (or of the IR and metadata, see {@link compileIR}). */
  revision: string;
  meta: ProcedureMeta;
  ir: WorkflowIR;
}

function sha256(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

/**
 * Compiles a resolved procedure (from `catalogue.resolve(code).procedure`).
 *
 * @example
 * const compiled = compileProcedure(catalogue.resolve('1.001193')!.procedure);
 * compiled.revision; // 'sha256:…'
 */
export function compileProcedure(procedure: Procedure): CompiledProcedure {
  const ir = buildWorkflow(procedure);
  return {
    code: procedure.code,
    revision: sha256(procedure),
    meta: { code: procedure.code, name: procedure.name ?? procedure.code, field: procedure.field ?? null, levels: [...(procedure.levels ?? [])] },
    ir,
  };
}

/**
 * Compiles a workflow IR alone (an application that embeds the generated
 * `generated/workflows/<code>.ts` modules and not the catalogue). The revision then hashes the
 * IR and the metadata, which is what such an application has; it differs from the revision of
 * the same procedure compiled from the catalogue.
 *
 * @example
 * import { workflow } from 'tthc/generated/workflows/1.001193.js';
 * const compiled = compileIR(workflow, { field: 'Hộ tịch', levels: ['commune'] });
 */
export function compileIR(ir: WorkflowIR, meta: { field?: string | null; levels?: string[] } = {}): CompiledProcedure {
  const full: ProcedureMeta = { code: ir.procedure, name: ir.name, field: meta.field ?? null, levels: [...(meta.levels ?? [])] };
  return { code: ir.procedure, revision: sha256({ ir, meta: full }), meta: full, ir };
}

/** Where the engine finds the current revision of a procedure for a new dossier. */
export interface ProcedureSource {
  /** The procedure as it is now; undefined when the catalogue has no such code. */
  current(code: string): CompiledProcedure | undefined;
  /** Every code the source offers, sorted. */
  codes(): string[];
}

/**
 * The procedures of a loaded catalogue, compiled on first use (variants resolved).
 *
 * @example
 * const source = catalogueSource(loadCatalogue({ paths: ['procedures'] }));
 */
export function catalogueSource(catalogue: Pick<Catalogue, 'procedures' | 'resolve'>): ProcedureSource {
  const cache = new Map<string, CompiledProcedure | null>();
  return {
    current(code) {
      let hit = cache.get(code);
      if (hit === undefined) {
        const resolved = catalogue.resolve(code);
        hit = resolved === undefined ? null : compileProcedure(resolved.procedure);
        cache.set(code, hit);
      }
      return hit ?? undefined;
    },
    codes: () => [...catalogue.procedures.keys()].sort(),
  };
}

/**
 * A fixed list of compiled procedures (tests, embedded applications, the simulator's
 * what-if variants).
 */
export function staticSource(procedures: readonly CompiledProcedure[]): ProcedureSource {
  const byCode = new Map(procedures.map((p) => [p.code, p]));
  return { current: (code) => byCode.get(code), codes: () => [...byCode.keys()].sort() };
}
