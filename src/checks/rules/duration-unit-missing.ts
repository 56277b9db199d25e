import { CHANNEL_LABELS, labels } from '../../i18n/labels.js';
import { defineRule, targets } from '../define.js';
import type { RawFinding } from '../types.js';

/** "khi nộp trực tiếp" / "in person". */
function channelPhrase(channel: string): { vi: string; en: string } {
  const l = labels(CHANNEL_LABELS, channel);
  return { vi: `khi nộp ${l.vi}`, en: l.en };
}

/** A duration with a value but no unit. */
export const durationUnitMissing = defineRule({
  id: 'duration-unit-missing',
  code: 'TTHC417',
  severity: 'warning',
  category: 'consistency',
  message: { vi: 'Thời hạn {channel} chỉ ghi "{value}", không có đơn vị.', en: 'The duration {channel} is "{value}", with no unit.' },
  hint: { vi: 'Ghi đơn vị (ngày làm việc, ngày, giờ hoặc tháng) theo văn bản quy định: unit: working-days, days, hours, months.', en: 'State the unit (working days, days, hours or months) as the law says: unit: working-days, days, hours, months.' },
  doc: {
    what: { vi: 'Thời hạn (của kênh, trường hợp hoặc giai đoạn) chỉ có con số, không có đơn vị — thường gặp trong dữ liệu Cổng ("1", "3").', en: 'A duration (of a channel, case or stage) with a number and no unit — frequent in portal data ("1", "3").' },
    why: { vi: 'Không có đơn vị thì không tính được ngày hẹn trả kết quả; "ngày" và "ngày làm việc" khác nhau đáng kể qua các kỳ nghỉ.', en: 'Without a unit no due date can be computed; "days" and "working days" differ a lot over holidays.' },
    legalBasis: ['Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2 điểm d', 'Bộ luật Dân sự 2015, Điều 147, 148'],
    example: 'channels:\n  in-person: { duration: { value: 3 } }',
    limits: { vi: 'Không đoán đơn vị; trình nhập chỉ suy ra khi chính bản ghi ghi rõ.', en: 'It does not guess the unit; the importer only infers it when the record itself states it.' },
    severities: { warning: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      for (const [channel, c] of Object.entries(p.channels ?? {})) {
        if (c?.duration !== undefined && c.duration.unit === undefined) out.push({ code, pointer: `/channels/${channel}/duration/value`, data: { channel: channelPhrase(channel), value: c.duration.value } });
        (c?.durationCases ?? []).forEach((d, i) => {
          if (d.unit === undefined) out.push({ code, pointer: `/channels/${channel}/durationCases/${i}/value`, data: { channel: channelPhrase(channel), value: d.value } });
        });
      }
      (p.stages ?? []).forEach((s, i) => {
        if (s.budget.unit === undefined) out.push({ code, pointer: `/stages/${i}/budget/value`, data: { channel: { vi: `của giai đoạn "${s.name}"`, en: `of stage "${s.name}"` }, value: s.budget.value } });
      });
    }
    return out;
  },
});
