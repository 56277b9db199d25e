import { defineRule, targets } from '../define.js';
import type { RawFinding } from '../types.js';
import { longer, show } from './duration-helpers.js';

/** Online slower or dearer than in person, without a reason. */
export const channelMismatch = defineRule({
  id: 'channel-mismatch',
  code: 'TTHC418',
  severity: 'warning',
  category: 'consistency',
  message: { vi: 'Nộp trực tuyến {what} nộp trực tiếp: {detail}.', en: 'Filing online is {what} in person: {detail}.' },
  hint: { vi: 'Thời hạn và phí khi nộp trực tuyến không được kém hơn khi nộp trực tiếp; sửa, hoặc ghi lý do vào ghi chú (note).', en: 'Online must not be slower or dearer than in person; fix it, or give the reason in a note.' },
  doc: {
    what: { vi: 'So kênh trực tuyến với kênh trực tiếp của cùng thủ tục: thời hạn dài hơn (cùng đơn vị), hoặc tổng phí cao hơn, mà không có ghi chú (note) giải thích.', en: 'Compares the online channel with the in-person one: a longer duration (same unit) or higher fees, with no note giving a reason.' },
    why: { vi: 'Chính sách khuyến khích nộp trực tuyến (giảm, miễn phí, lệ phí); trực tuyến chậm hơn hoặc đắt hơn là ngược chính sách và thường là lỗi công bố.', en: 'Policy favours online filing (reduced or waived fees); online being slower or dearer goes against it and is usually a publishing error.' },
    legalBasis: ['Nghị định 42/2022/NĐ-CP', 'Các thông tư của Bộ Tài chính về giảm phí, lệ phí khi nộp trực tuyến'],
    example: 'channels:\n  in-person: { duration: { value: 5, unit: working-days } }\n  online: { duration: { value: 7, unit: working-days } }',
    limits: { vi: 'Chỉ so cùng đơn vị; phí so theo tổng số tiền, không theo điều kiện (when).', en: 'Only same-unit durations are compared; fees are compared as totals, ignoring conditions (when).' },
    severities: { warning: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      const online = p.channels?.online;
      const inPerson = p.channels?.['in-person'];
      if (online === undefined || inPerson === undefined) continue;
      // Several cases per channel (durationCases): the first rows of two channels need not be
      // the same case ("20 ngày cấp lần đầu" online, "7 ngày cấp lại" in person).
      // The portal may also give the cases only in the description ("Trường hợp bị hỏng: 02 ngày…;
      // cấp bản sao: 24 ngày…"): two or more periods stated there.
      const periods = (t: string | undefined): number => new Set([...(t ?? '').matchAll(/(\d+)\s*(ngày|giờ|tháng)/gu)].map((m) => m[0])).size;
      const cased = (online.durationCases ?? []).length > 0 || (inPerson.durationCases ?? []).length > 0 || periods(online.description) > 1 || periods(inPerson.description) > 1;
      if (!cased && longer(online.duration, inPerson.duration) && online.duration?.note === undefined) {
        out.push({ code, pointer: '/channels/online/duration', related: [{ code, pointer: '/channels/in-person/duration' }],
          data: { what: { vi: 'chậm hơn', en: 'slower than' }, detail: { vi: `${show(online.duration).vi} so với ${show(inPerson.duration).vi}`, en: `${show(online.duration).en} against ${show(inPerson.duration).en}` } } });
      }
      const total = (fees: typeof online.fees): number => (fees ?? []).filter((f) => f.currency !== 'USD').reduce((n, f) => n + f.amount, 0);
      // A fee cell the importer could not read (reviewed) or none at all is not "free".
      const unread = (p.review ?? []).some((r) => r.topic === 'fee' && (r.path === '/channels/in-person/fees' || r.path === '/channels/online/fees'));
      const bothStated = (online.fees ?? []).length > 0 && (inPerson.fees ?? []).length > 0;
      if (!unread && bothStated && total(online.fees) > total(inPerson.fees) && (online.fees ?? []).every((f) => f.note === undefined)) {
        out.push({ code, pointer: '/channels/online/fees', related: [{ code, pointer: '/channels/in-person/fees' }],
          data: { what: { vi: 'đắt hơn', en: 'dearer than' }, detail: { vi: `${total(online.fees).toLocaleString('vi-VN')} đồng so với ${total(inPerson.fees).toLocaleString('vi-VN')} đồng`, en: `${total(online.fees).toLocaleString('en-US')} VND against ${total(inPerson.fees).toLocaleString('en-US')} VND` } } });
      }
    }
    return out;
  },
});
