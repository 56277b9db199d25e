import type { CalendarBasis } from '../calendar/calendar.js';
import type { DossierContext } from '../workflow/machine.js';
import type { ChannelKey } from '../workflow/ir.js';
import type { CommandName, Role } from './roles.js';

/**
 * The engine's records. Times are epoch milliseconds (the store keeps `timestamptz`); the
 * machine's context keeps its own ISO moments. Records are plain JSON and never mutated: a
 * change makes a new record.
 */

/** Kinds of deadline timers. */
export type TimerKind = 'deadline' | 'stage-deadline';

/**
 * A durable timer, stored with its dossier (same row, same transaction). It fires when the
 * clock passes `at` — one minute after the due moment, since a dossier is overdue only once
 * its due minute has passed.
 */
export interface Timer {
  kind: TimerKind;
  /** The stage (interconnected procedures) for a stage deadline. */
  stage: string | null;
  /** The due moment the timer watches (ISO, +07:00). */
  due: string;
  at: number;
}

/** One stage of an interconnected procedure as the dossier went through it. */
export interface StageRecord {
  stage: string;
  level: string;
  /** The agency handling the stage. */
  agency: string;
  startedAt: number;
  /** The stage's first due moment (its budget, pauses included); null without a usable budget. */
  dueAt: number | null;
  doneAt: number | null;
  /** The stage overran its budget (finished after it, or a stage apology was issued). */
  late: boolean;
}

/** Kinds of documents the engine issues. */
export type DocumentKind =
  | 'receipt' | 'completion-request' | 'refusal' | 'supplement-notice' | 'apology' | 'rejection'
  | 'stop-notice' | 'payment-notice' | 'result-return' | 'withdrawal';

/** A document issued by a transition: a receipt with its appointment, a refusal slip, an apology slip… */
export interface IssuedDocument {
  kind: DocumentKind;
  /** `<dossier number>/<sequence>`: unique, stable, printable. */
  number: string;
  /** The form of Circular 01/2018/TT-VPCP, when there is one ("01" … "04"). */
  form: string | null;
  issuedAt: string;
  /** The agency that issues it. */
  agency: string | null;
  /** Appointment (receipt) or new appointment (apology slip), ISO. */
  appointment?: string;
  /** What the appointment's calendar rests on. */
  appointmentBasis?: CalendarBasis;
  reasons?: string[];
  /** Components or items asked for. */
  items?: string[];
  /** The stage that overran (a stage's apology slip). */
  stage?: string | null;
  /** How the result was handed over. */
  method?: string;
  amount?: number;
}

/** One entry of a dossier's append-only event log. */
export interface DossierEvent {
  dossierId: string;
  /** 1-based; equal to the dossier's version after the event. */
  seq: number;
  /** The client's command id (or the timer's id for the sweep): unique across the store. */
  commandId: string;
  /** A hash of what the command asked, to tell a replay from a reused id. */
  fingerprint: string;
  command: CommandName | 'submit' | 'deadline-passed' | 'stage-deadline-passed';
  /** The event as sent to the machine (type, moment, payload): replaying these gives the state. */
  event: Record<string, unknown> & { type: string; at: string };
  actorId: string;
  actorRole: Role | 'system';
  actorAgency: string | null;
  at: number;
  reasons: string[];
  from: string | null;
  to: string;
  documents: IssuedDocument[];
}

/** A dossier as stored: machine snapshot plus the columns that listing, timers and KPIs read. */
export interface StoredDossier {
  id: string;
  /** Mã số hồ sơ (Circular 01/2018/TT-VPCP art. 19). */
  number: string;
  procedure: string;
  revision: string;
  /** The agency that received the dossier (its one-stop desk). */
  agency: string;
  /** The agency handling the current step (the receiving one until transferred). */
  handlingAgency: string;
  level: string;
  field: string | null;
  applicant: string | null;
  channel: ChannelKey;
  state: string;
  final: boolean;
  version: number;
  /** The machine's state value and context (a persisted XState snapshot without its bookkeeping). */
  context: DossierContext;
  timers: Timer[];
  nextTimerAt: number | null;
  submittedAt: number;
  receivedAt: number | null;
  /** Statutory due moment, pauses included (null while paused or without a period). */
  dueAt: number | null;
  dueBasis: CalendarBasis | null;
  /** The appointment given to the applicant (the due moment, or the last apology's new date). */
  appointmentAt: number | null;
  /** When the decision was made: result ready, rejected or stopped. */
  decidedAt: number | null;
  /** When the dossier reached a final state. */
  finishedAt: number | null;
  /** Decided after the statutory due moment, or an apology slip was issued. */
  late: boolean;
  /** Where lateness arose: the stage (interconnected procedures) or lifecycle step the dossier was in when it became late. */
  lateStep: string | null;
  /** Handled "4 tại chỗ" (received, decided and returned on the spot). */
  onSpot: boolean;
  apologies: number;
  stages: StageRecord[];
  /** Working days the statutory period allowed, and those used (pauses excluded). */
  statutoryDays: number | null;
  processingDays: number | null;
  engineVersion: string;
  schemaVersion: string;
  createdAt: number;
  updatedAt: number;
}
