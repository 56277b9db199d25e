import { DOCUMENT_TITLES } from '../engine/documents.js';
import type { DossierEvent, StoredDossier } from '../engine/model.js';
import type { Runtime } from '../engine/runtime.js';
import { isoOf } from '../engine/time.js';
import { COMMANDS, type CommandName } from '../engine/roles.js';
import type { Lang } from '../i18n/lang.js';

/**
 * The API's JSON of a dossier: its state with a label, due dates with their calendar basis,
 * timers, history and the documents issued, in the reader's language. Moments are ISO 8601
 * with the +07:00 offset.
 */

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : isoOf(ms));

/** A dossier's summary (lists). */
export function summaryOf(d: StoredDossier, now: number, rt: Runtime | undefined, lang: Lang): Record<string, unknown> {
  return {
    id: d.id,
    number: d.number,
    procedure: d.procedure,
    procedureName: rt?.compiled.meta.name ?? null,
    agency: d.agency,
    handlingAgency: d.handlingAgency,
    level: d.level,
    channel: d.channel,
    applicant: d.applicant,
    state: d.state,
    stateLabel: rt?.states.get(d.state)?.label[lang] ?? d.state,
    final: d.final,
    version: d.version,
    submittedAt: isoOf(d.submittedAt),
    appointment: isoOrNull(d.appointmentAt),
    overdue: !d.final && (d.late || (d.dueAt !== null && now >= d.dueAt + 60_000)),
    apologies: d.apologies,
  };
}

/** A dossier with everything a desk officer or the applicant needs to see. */
export function dossierView(d: StoredDossier, events: readonly DossierEvent[], now: number, rt: Runtime | undefined, lang: Lang): Record<string, unknown> {
  const documents = events.flatMap((e) => e.documents.map((doc) => ({ ...doc, title: DOCUMENT_TITLES[doc.kind][lang] })));
  return {
    dossier: {
      ...summaryOf(d, now, rt, lang),
      revision: d.revision,
      field: d.field,
      receivedAt: isoOrNull(d.receivedAt),
      due: d.context.due === null ? null : { at: d.context.due, basis: d.context.dueBasis },
      paused: d.context.clock?.pauses.some((p) => p.to === undefined) ?? false,
      stage: d.context.stage,
      stageDue: d.context.stageDue,
      stages: d.stages.map((s) => ({ ...s, startedAt: isoOf(s.startedAt), dueAt: isoOrNull(s.dueAt), doneAt: isoOrNull(s.doneAt) })),
      timers: d.timers.map((t) => ({ kind: t.kind, stage: t.stage, due: t.due, firesAt: isoOf(t.at) })),
      late: d.late,
      decidedAt: isoOrNull(d.decidedAt),
      finishedAt: isoOrNull(d.finishedAt),
      facts: d.context.facts,
      components: d.context.components,
      missing: d.context.missing,
      engineVersion: d.engineVersion,
      schemaVersion: d.schemaVersion,
    },
    history: events.map((e) => ({
      seq: e.seq,
      command: e.command,
      commandLabel: e.command in COMMANDS ? COMMANDS[e.command as CommandName].label[lang] : e.command,
      actor: { id: e.actorId, role: e.actorRole, agency: e.actorAgency },
      at: isoOf(e.at),
      reasons: e.reasons,
      from: e.from,
      to: e.to,
      documents: e.documents.map((doc) => doc.number),
    })),
    documents,
  };
}
