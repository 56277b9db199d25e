import { CHANNEL_LABELS, labels } from '../../i18n/labels.js';
import { defineRule, targets } from '../define.js';
import type { RawFinding } from '../types.js';
import { show } from './duration-helpers.js';

/** Stage budgets of an interconnected procedure that add up to more than its overall duration. */
export const chainExceedsDeadline = defineRule({
  id: 'chain-exceeds-deadline',
  code: 'TTHC414',
  severity: 'error',
  category: 'consistency',
  message: {
    vi: 'Tổng thời hạn các giai đoạn ({sum}) vượt thời hạn chung {overall} khi nộp {channel}.',
    en: 'The stage budgets add up to {sum}, more than the overall {overall} ({channel}).',
  },
  hint: { vi: 'Rút ngắn thời hạn từng giai đoạn hoặc sửa thời hạn chung cho khớp.', en: 'Shorten the stages or correct the overall duration.' },
  doc: {
    what: { vi: 'Với thủ tục liên thông (stages), cộng thời hạn các giai đoạn có cùng đơn vị với thời hạn chung và so với thời hạn chung của từng kênh.', en: 'For an interconnected procedure (stages), adds the stage budgets that share the overall duration\'s unit and compares the sum with each channel\'s overall duration.' },
    why: { vi: 'Thời hạn liên thông là tổng thời hạn các cơ quan; nếu tổng vượt thời hạn công bố thì thời hạn công bố không thể đạt được.', en: 'An interconnected deadline is the sum of the agencies\' budgets; a sum above the published duration makes it unattainable.' },
    legalBasis: ['Nghị định 118/2025/NĐ-CP (cơ chế một cửa liên thông)', 'Quyết định 296/QĐ-VPCP (liên thông khai sinh, thường trú, bảo hiểm y tế)'],
    example: 'channels:\n  in-person: { duration: { value: 3, unit: working-days } }\nstages:\n  - { id: khai-sinh, name: Khai sinh, level: commune, budget: { value: 1, unit: working-days } }\n  - { id: thuong-tru, name: Thường trú, level: commune, budget: { value: 2, unit: working-days } }\n  - { id: bhyt, name: Thẻ BHYT, level: province, budget: { value: 2, unit: working-days } }',
    limits: { vi: 'Giai đoạn chạy song song không được biết (tất cả coi là nối tiếp); giai đoạn khác đơn vị không được cộng.', en: 'Stages that run in parallel are not known (all are taken as sequential); stages in another unit are not added.' },
    severities: { error: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      const stages = p.stages ?? [];
      if (stages.length === 0) continue;
      for (const [channel, c] of Object.entries(p.channels ?? {})) {
        const overall = c?.duration;
        if (overall === undefined || overall.unit === undefined) continue;
        const same = stages.filter((s) => s.budget.unit === overall.unit);
        if (same.length === 0) continue;
        const sum = same.reduce((n, s) => n + s.budget.value, 0);
        if (sum > overall.value) {
          out.push({
            code, pointer: '/stages', mode: 'key', related: [{ code, pointer: `/channels/${channel}/duration` }],
            data: { sum: show({ value: sum, unit: overall.unit }), overall: show(overall), channel: labels(CHANNEL_LABELS, channel) },
          });
        }
      }
    }
    return out;
  },
});
