import type { Bilingual } from '../i18n/lang.js';
import type { EventType } from '../workflow/lifecycle.js';

/**
 * Who may do what to a dossier. Roles follow the one-stop organisation (Decree
 * 118/2025/NĐ-CP): the applicant (người nộp hồ sơ) acts on their own dossiers; the reception
 * officer (cán bộ tiếp nhận, at the one-stop desk) receives, transfers and returns; the
 * specialist (chuyên viên) appraises; the approver (lãnh đạo) decides; the administrator
 * reads everything and runs the deadline sweep, but does not act on dossiers (separation of
 * duties). Officers act only on dossiers of their agency: reception commands on dossiers
 * filed with their agency, processing commands on dossiers transferred to their agency.
 */

/** A role of a token. */
export type Role = 'applicant' | 'reception' | 'specialist' | 'approver' | 'administrator';

/** Every role, in display order. */
export const ROLES: readonly Role[] = ['applicant', 'reception', 'specialist', 'approver', 'administrator'];

/** Labels of the roles. */
export const ROLE_LABELS: Readonly<Record<Role | 'system', Bilingual>> = {
  applicant: { vi: 'người nộp hồ sơ', en: 'applicant' },
  reception: { vi: 'cán bộ tiếp nhận', en: 'reception officer' },
  specialist: { vi: 'chuyên viên xử lý', en: 'specialist' },
  approver: { vi: 'lãnh đạo phê duyệt', en: 'approver' },
  administrator: { vi: 'quản trị viên', en: 'administrator' },
  system: { vi: 'hệ thống', en: 'system' },
};

/** Who acts: a token's subject, its role and its agency (officers only). */
export interface Actor {
  id: string;
  role: Role | 'system';
  agency: string | null;
}

/** The engine itself (the deadline sweep). */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system', agency: null };

/** Which agency's officers a command belongs to: the one that received the dossier, or the one handling it now. */
export type Scope = 'reception' | 'handling';

/** A command an actor sends (kebab-case names in the API). */
export type CommandName =
  | 'receive' | 'request-completion' | 'submit-completion' | 'refuse' | 'process-on-spot' | 'return-on-spot'
  | 'transfer' | 'appraise' | 'approve' | 'complete-stage' | 'request-supplement' | 'provide-supplement'
  | 'request-payment' | 'confirm-payment' | 'reject' | 'stop' | 'withdraw' | 'present-originals' | 'return';

/** What a command needs and who may send it. */
export interface CommandSpec {
  event: EventType;
  roles: readonly Role[];
  scope: Scope;
  /** Written reasons are required (a reasoned refusal, rejection or stop). */
  reasons: boolean;
  label: Bilingual;
}

const spec = (event: EventType, roles: Role[], scope: Scope, label: Bilingual, reasons = false): CommandSpec => ({ event, roles, scope, reasons, label });

/** Every command, its machine event, roles and scope. */
export const COMMANDS: Readonly<Record<CommandName, CommandSpec>> = {
  receive: spec('RECEIVE', ['reception'], 'reception', { vi: 'tiếp nhận hồ sơ', en: 'receive' }),
  'request-completion': spec('REQUEST_COMPLETION', ['reception'], 'reception', { vi: 'hướng dẫn bổ sung, hoàn thiện hồ sơ', en: 'request completion' }),
  'submit-completion': spec('SUBMIT_COMPLETION', ['applicant', 'reception'], 'reception', { vi: 'nộp bổ sung, hoàn thiện hồ sơ', en: 'submit completion' }),
  refuse: spec('REFUSE', ['reception'], 'reception', { vi: 'từ chối tiếp nhận', en: 'refuse' }, true),
  'process-on-spot': spec('PROCESS_ON_SPOT', ['reception', 'specialist'], 'reception', { vi: 'giải quyết tại chỗ (4 tại chỗ)', en: 'process on the spot' }),
  'return-on-spot': spec('RETURN_ON_SPOT', ['approver'], 'reception', { vi: 'phê duyệt và trả kết quả tại chỗ', en: 'approve and return on the spot' }),
  transfer: spec('TRANSFER', ['reception'], 'reception', { vi: 'chuyển hồ sơ đến cơ quan giải quyết', en: 'transfer' }),
  appraise: spec('APPRAISE', ['specialist'], 'handling', { vi: 'thẩm định', en: 'appraise' }),
  approve: spec('APPROVE', ['approver'], 'handling', { vi: 'phê duyệt', en: 'approve' }),
  'complete-stage': spec('STAGE_DONE', ['specialist', 'approver'], 'handling', { vi: 'hoàn thành giai đoạn liên thông', en: 'complete the stage' }),
  'request-supplement': spec('REQUEST_SUPPLEMENT', ['specialist'], 'handling', { vi: 'yêu cầu bổ sung hồ sơ', en: 'request a supplement' }),
  'provide-supplement': spec('SUPPLEMENT_PROVIDED', ['applicant', 'reception'], 'reception', { vi: 'nộp hồ sơ bổ sung', en: 'provide the supplement' }),
  'request-payment': spec('REQUEST_PAYMENT', ['specialist', 'approver'], 'handling', { vi: 'thông báo nghĩa vụ tài chính', en: 'request payment' }),
  'confirm-payment': spec('PAYMENT_RECEIVED', ['reception'], 'reception', { vi: 'xác nhận đã thực hiện nghĩa vụ tài chính', en: 'confirm payment' }),
  reject: spec('REJECT', ['specialist', 'approver'], 'handling', { vi: 'từ chối giải quyết', en: 'reject' }, true),
  stop: spec('STOP', ['approver'], 'handling', { vi: 'dừng giải quyết', en: 'stop' }, true),
  withdraw: spec('WITHDRAW', ['applicant', 'reception'], 'reception', { vi: 'rút hồ sơ', en: 'withdraw' }),
  'present-originals': spec('PRESENT_ORIGINALS', ['reception'], 'reception', { vi: 'đối chiếu bản chính', en: 'present the originals' }),
  return: spec('RETURN', ['reception'], 'reception', { vi: 'trả kết quả', en: 'return the result' }),
};

/** Every command name, in lifecycle order. */
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** The command of a machine event (for the "allowed" list of an error). */
export const COMMAND_OF_EVENT: ReadonlyMap<EventType, CommandName> = new Map(COMMAND_NAMES.map((n) => [COMMANDS[n].event, n]));

/** Roles that may create a dossier: the applicant online, a reception officer at the desk or for post. */
export const CREATE_ROLES: readonly Role[] = ['applicant', 'reception'];
