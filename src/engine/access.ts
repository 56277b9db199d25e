import { joinList } from '../i18n/labels.js';
import { EngineError } from './errors.js';
import type { StoredDossier } from './model.js';
import { COMMANDS, CREATE_ROLES, ROLE_LABELS, type Actor, type CommandName } from './roles.js';

/**
 * Who may act on a dossier (roles.ts has the table). Applicants see and act only on their
 * own dossiers; another person's dossier is "not found" to them, so its existence does not
 * leak. Officers act within their agency; administrators read everything and act on none.
 */

const rolesText = (roles: readonly string[]): { vi: string; en: string } => ({
  vi: joinList(roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS].vi), 'vi'),
  en: joinList(roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS].en), 'en'),
});

/** Whether an actor may read a dossier. */
export function canRead(actor: Actor, d: StoredDossier): boolean {
  switch (actor.role) {
    case 'administrator':
    case 'system':
      return true;
    case 'applicant':
      return d.applicant === actor.id;
    default:
      return actor.agency !== null && (d.agency === actor.agency || d.handlingAgency === actor.agency || d.stages.some((s) => s.agency === actor.agency));
  }
}

/** Throws unless the actor may send `command` to the dossier. */
export function authorizeCommand(actor: Actor, command: CommandName, d: StoredDossier): void {
  if (actor.role === 'applicant' && d.applicant !== actor.id) throw new EngineError('unknown-dossier', { dossier: d.id });
  const spec = COMMANDS[command];
  if (actor.role === 'system' || !spec.roles.includes(actor.role)) {
    throw new EngineError('role-forbidden', { role: ROLE_LABELS[actor.role], command: spec.label, allowed: rolesText(spec.roles) });
  }
  if (actor.role === 'applicant') return;
  const agency = spec.scope === 'reception' ? d.agency : d.handlingAgency;
  if (actor.agency !== agency) {
    throw new EngineError('agency-forbidden', { agency: actor.agency ?? '—', dossierAgency: agency });
  }
}

/** Throws unless the actor may create a dossier at `agency`. */
export function authorizeCreate(actor: Actor, agency: string): void {
  if (actor.role === 'system' || !CREATE_ROLES.includes(actor.role)) {
    throw new EngineError('role-forbidden', {
      role: ROLE_LABELS[actor.role],
      command: { vi: 'nộp hồ sơ', en: 'submit a dossier' },
      allowed: rolesText(CREATE_ROLES),
    });
  }
  if (actor.role === 'reception' && actor.agency !== agency) {
    throw new EngineError('agency-forbidden', { agency: actor.agency ?? '—', dossierAgency: agency });
  }
}
