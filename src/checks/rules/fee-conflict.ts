import { defineRule, targets } from '../define.js';
import type { RawFinding } from '../types.js';

/** "Miễn phí" beside an amount in one channel. */
export const feeConflict = defineRule({
  id: 'fee-conflict',
  code: 'TTHC419',
  severity: 'warning',
  category: 'consistency',
  message: { vi: 'Kênh {channel} vừa ghi miễn phí vừa ghi mức thu {amounts}.', en: 'The {channel} channel says free and also charges {amounts}.' },
  hint: { vi: 'Giữ một mức; nếu miễn cho một số đối tượng, ghi vào exemptions hoặc when.', en: 'Keep one; if some applicants are exempt, say so in exemptions or when.' },
  doc: {
    what: { vi: 'Trong cùng một kênh có một khoản 0 đồng (Miễn phí) và một khoản lớn hơn 0 không có điều kiện (when) phân biệt.', en: 'One channel lists a 0 VND fee (free) and a positive amount, with no condition (when) telling them apart.' },
    why: { vi: 'Người dân không biết phải nộp bao nhiêu; dữ liệu Cổng có hàng chục thủ tục như vậy.', en: 'Applicants cannot tell what they owe; the portal data has dozens of such procedures.' },
    legalBasis: ['Luật Phí và lệ phí 97/2015/QH13', 'Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2 điểm g'],
    example: 'fees:\n  - { label: Miễn phí, amount: 0 }\n  - { amount: 50000 }',
    limits: { vi: 'Khoản có when được coi là có điều kiện phân biệt. Mức thu ghi trong ghi chú (note) không được đọc.', en: 'Fees with a condition (when) count as distinguished. Amounts written in notes are not read.' },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      for (const [channel, c] of Object.entries(p.channels ?? {})) {
        const fees = (c?.fees ?? []).filter((f) => f.when === undefined);
        const free = fees.findIndex((f) => f.amount === 0);
        const paid = fees.filter((f) => f.amount > 0);
        if (free < 0 || paid.length === 0) continue;
        const index = (c?.fees ?? []).indexOf(fees[free] as (typeof fees)[number]);
        out.push({ code, pointer: `/channels/${channel}/fees/${index}`, data: { channel, amounts: paid.map((f) => `${f.amount} ${f.currency ?? 'VND'}`).join(', ') } });
      }
    }
    return out;
  },
});
