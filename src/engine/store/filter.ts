import type { StoredDossier } from '../model.js';
import type { DossierFilter } from './types.js';

/**
 * The meaning of a {@link DossierFilter}, as the memory store applies it; the SQL stores say
 * the same in their WHERE clause (sql-store.ts), and the conformance suite checks both agree.
 */
export function matchesFilter(d: StoredDossier, f: DossierFilter): boolean {
  if (f.state !== undefined && d.state !== f.state) return false;
  if (f.procedure !== undefined && d.procedure !== f.procedure) return false;
  if (f.agency !== undefined && d.agency !== f.agency && d.handlingAgency !== f.agency) return false;
  if (f.applicant !== undefined && d.applicant !== f.applicant) return false;
  if (f.overdueAt !== undefined && (d.final || !(d.late || (d.dueAt !== null && d.dueAt < f.overdueAt)))) return false;
  if (f.from !== undefined && d.submittedAt < f.from) return false;
  if (f.to !== undefined && d.submittedAt >= f.to) return false;
  if (f.after !== undefined && (d.submittedAt < f.after.submittedAt || (d.submittedAt === f.after.submittedAt && d.id <= f.after.id))) return false;
  return true;
}

/** The order of lists: by submission moment, then id. */
export function compareDossiers(a: StoredDossier, b: StoredDossier): number {
  return a.submittedAt - b.submittedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
