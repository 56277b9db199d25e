import { CHANNEL_LABELS, labels } from '../../i18n/labels.js';
import { defineRule, targets } from '../define.js';
import type { RawFinding } from '../types.js';

/** An amount in VND or USD written in text ("50.000 đồng", "100,000 VNĐ", "20 USD"); not 0. */
const AMOUNT_IN_TEXT = /(?<![\d.,])[1-9]\d{0,2}(?:[.,]\d{3})+\s*(?:đồng|đ\b|VNĐ|VND)|(?<![\d.,])[1-9]\d*\s*USD/gu;

/** "Miễn phí" beside an amount in one channel. */
export const feeConflict = defineRule({
  id: 'fee-conflict',
  code: 'TTHC419',
  severity: 'warning',
  category: 'consistency',
  message: { vi: 'Phí khi nộp {channel} vừa ghi "Miễn phí" vừa ghi mức thu {amounts}.', en: 'Filing {channel} is marked free and also charges {amounts}.' },
  hint: { vi: 'Giữ một mức đúng theo văn bản quy định về phí, lệ phí; nếu chỉ một số đối tượng được miễn, ghi điều kiện miễn (when).', en: 'Keep the one the fee regulation sets; if only some applicants are exempt, state the condition (when).' },
  doc: {
    what: { vi: 'Trong cùng một kênh có một khoản 0 đồng (Miễn phí) và một khoản lớn hơn 0 không có điều kiện (when) phân biệt, hoặc ghi chú của khoản miễn phí lại nêu một mức thu ("Miễn phí (Lệ phí: 50.000 đồng)").', en: 'One channel lists a 0 VND fee (free) and a positive amount with no condition (when) telling them apart, or the free fee\'s note states an amount ("Miễn phí (Lệ phí: 50.000 đồng)").' },
    why: { vi: 'Người dân không biết phải nộp bao nhiêu; dữ liệu Cổng có hàng chục thủ tục như vậy.', en: 'Applicants cannot tell what they owe; the portal data has dozens of such procedures.' },
    legalBasis: ['Luật Phí và lệ phí 97/2015/QH13', 'Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2 điểm g'],
    example: 'fees:\n  - { label: Miễn phí, amount: 0 }\n  - { amount: 50000 }',
    limits: { vi: 'Khoản có when được coi là có điều kiện phân biệt. Ghi chú nêu mức thu cho trường hợp khác (ví dụ bản sao thêm) vẫn bị báo; người rà soát xác nhận.', en: 'Fees with a condition (when) count as distinguished. A note stating the amount of another case (say, extra copies) is still reported; a reviewer confirms.' },
    severities: { warning: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      for (const [channel, c] of Object.entries(p.channels ?? {})) {
        const all = c?.fees ?? [];
        const fees = all.filter((f) => f.when === undefined);
        const free = fees.find((f) => f.amount === 0);
        if (free === undefined) continue;
        const index = all.indexOf(free);
        const paid = fees.filter((f) => f.amount > 0).map((f) => `${f.amount.toLocaleString('vi-VN')} ${f.currency === 'USD' ? 'USD' : 'đồng'}`);
        // "Miễn phí (Lệ phí: 50.000 đồng/hồ sơ)": the amount hides in the free fee's note.
        const inNote = [...(free.note ?? '').matchAll(AMOUNT_IN_TEXT)].map((m) => m[0].trim());
        // Free and paid for cases the portal numbers ("(1) … Miễn phí; (2) … 500.000 đồng"), or a
        // temporary exemption with its dates: not a contradiction.
        const cases = /\(\s*[1-9ivx]\s*\)/iu;
        if (fees.some((f) => cases.test(`${f.label ?? ''} ${f.note ?? ''}`)) || cases.test(c?.description ?? '')) continue;
        const where = labels(CHANNEL_LABELS, channel);
        if (paid.length > 0) out.push({ code, pointer: `/channels/${channel}/fees/${index}`, data: { channel: where, amounts: paid.join(', ') } });
        else if (inNote.length > 0) out.push({ code, pointer: `/channels/${channel}/fees/${index}/note`, data: { channel: where, amounts: inNote.slice(0, 3).join(', ') } });
      }
    }
    return out;
  },
});
