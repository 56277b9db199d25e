import type { CalendarBasis } from '../calendar/calendar.js';
import type { Bilingual } from '../i18n/lang.js';
import type { DossierContext } from '../workflow/machine.js';
import type { DocumentKind, IssuedDocument } from './model.js';

/**
 * The documents a transition issues. The forms are those of Circular 01/2018/TT-VPCP
 * (Mẫu số 01 giấy tiếp nhận hồ sơ và hẹn trả kết quả; 02 phiếu yêu cầu bổ sung, hoàn thiện hồ
 * sơ; 03 phiếu từ chối tiếp nhận giải quyết hồ sơ; 04 phiếu xin lỗi và hẹn lại ngày trả kết
 * quả). Circular 03/2025/TT-VPCP, under Decree 118/2025/NĐ-CP, is reported to renew this set;
 * its text was not available, so the form numbers cite 01/2018. Rejection, stop and payment
 * notices are letters without a numbered form.
 */

/** Titles of the documents. */
export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, Bilingual>> = {
  receipt: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment' },
  'completion-request': { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Request to complete the dossier' },
  refusal: { vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', en: 'Refusal slip' },
  'supplement-notice': { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (trong quá trình giải quyết)', en: 'Supplement notice' },
  apology: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology slip with a new appointment' },
  rejection: { vi: 'Văn bản từ chối giải quyết (nêu rõ lý do)', en: 'Reasoned rejection' },
  'stop-notice': { vi: 'Thông báo dừng giải quyết hồ sơ', en: 'Notice that processing stopped' },
  'payment-notice': { vi: 'Thông báo thực hiện nghĩa vụ tài chính', en: 'Notice of financial obligations' },
  'result-return': { vi: 'Biên nhận trả kết quả', en: 'Result handed over' },
  withdrawal: { vi: 'Ghi nhận rút hồ sơ', en: 'Withdrawal recorded' },
};

const FORMS: Partial<Record<DocumentKind, string>> = {
  receipt: '01', 'completion-request': '02', 'supplement-notice': '02', refusal: '03', apology: '04',
};

/** What happened, as the engine saw it, for choosing documents. */
export interface TransitionFacts {
  type: string;
  before: DossierContext;
  after: DossierContext;
  agency: string | null;
  at: string;
  reasons: string[];
  items?: string[] | undefined;
  method?: string | undefined;
  amount?: number | undefined;
  /** What a new appointment's calendar rests on (apology slips). */
  basis?: CalendarBasis | undefined;
  /** Component names by id, to write them out on a completion request. */
  componentName: (id: string) => string;
}

/**
 * The documents of one transition; `next` numbers them (`<dossier number>/<n>`).
 *
 * @example
 * documentsOf({ type: 'RECEIVE', before, after, agency: '000.00.15.H12', at, reasons: [], componentName }, () => 'N/1')
 * // [{ kind: 'receipt', form: '01', appointment: after.appointment, appointmentBasis: after.dueBasis, … }]
 */
export function documentsOf(t: TransitionFacts, next: () => string): IssuedDocument[] {
  const doc = (kind: DocumentKind, extra: Partial<IssuedDocument> = {}): IssuedDocument => ({
    kind, number: next(), form: FORMS[kind] ?? null, issuedAt: t.at, agency: t.agency, ...extra,
  });
  const reasons = t.reasons.length > 0 ? { reasons: [...t.reasons] } : {};
  switch (t.type) {
    case 'RECEIVE':
    case 'PROCESS_ON_SPOT': {
      const appointment = t.after.appointment;
      return [doc('receipt', appointment === null ? {} : {
        appointment, ...(t.after.dueBasis === null ? {} : { appointmentBasis: t.after.dueBasis }),
      })];
    }
    case 'REQUEST_COMPLETION':
      return [doc('completion-request', { items: t.after.missing.map(t.componentName), ...reasons })];
    case 'REFUSE':
      return [doc('refusal', reasons)];
    case 'REQUEST_SUPPLEMENT':
      return [doc('supplement-notice', { items: [...(t.items ?? [])], ...reasons })];
    case 'DEADLINE_PASSED':
    case 'STAGE_DEADLINE_PASSED': {
      const last = t.after.apologies[t.after.apologies.length - 1];
      return [doc('apology', {
        appointment: last?.newAppointment ?? '', ...(t.basis === undefined ? {} : { appointmentBasis: t.basis }), stage: last?.stage ?? null, ...reasons,
      })];
    }
    case 'REJECT':
      return [doc('rejection', reasons)];
    case 'STOP':
      return [doc('stop-notice', reasons)];
    case 'REQUEST_PAYMENT':
      return [doc('payment-notice', t.amount === undefined ? {} : { amount: t.amount })];
    case 'RETURN':
    case 'RETURN_ON_SPOT':
      return [doc('result-return', { method: t.method ?? 'in-person' })];
    case 'WITHDRAW':
      return [doc('withdrawal', reasons)];
    default:
      return [];
  }
}
