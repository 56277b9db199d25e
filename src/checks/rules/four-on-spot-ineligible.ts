import { CHANNEL_LABELS, labels } from '../../i18n/labels.js';
import { defineRule, targets } from '../define.js';
import { normalise } from '../index-build.js';
import type { RawFinding } from '../types.js';
import { show, withinOneDay } from './duration-helpers.js';

/** Steps that cannot happen on the spot. */
export const FIELD_WORK = /(xac minh|tham dinh thuc te|kiem tra thuc te|kiem tra thuc dia|khao sat|lay y kien|niem yet cong khai|do dac|hoi dong tham dinh|giam sat|niem phong|ket noi ky thuat|phoi hop voi)/;

/** Marked 4 tại chỗ, yet it cannot be handled on the spot the same day. */
export const fourOnSpotIneligible = defineRule({
  id: 'four-on-spot-ineligible',
  code: 'TTHC415',
  severity: 'error',
  category: 'consistency',
  message: { vi: 'Thủ tục được ghi "4 tại chỗ" nhưng {reason}.', en: 'The procedure is marked "4 tại chỗ" but {reason}.' },
  hint: { vi: 'Bỏ ghi "4 tại chỗ" (fourOnSpot), hoặc đơn giản hóa thủ tục để giải quyết được ngay tại chỗ.', en: 'Remove fourOnSpot, or simplify the procedure so it can be handled on the spot.' },
  doc: {
    what: { vi: 'Thủ tục có fourOnSpot: true mà thời hạn dài hơn một ngày làm việc (hoặc không có đơn vị), có nhiều giai đoạn hoặc cơ quan phối hợp, hoặc trình tự có bước không làm tại chỗ được (xác minh, kiểm tra thực tế, lấy ý kiến, niêm yết).', en: 'A procedure with fourOnSpot: true whose duration exceeds one working day (or has no unit), that has several stages or coordinating agencies, or whose steps cannot happen on the spot (verification, site inspection, consultation, public posting).' },
    why: { vi: '"4 tại chỗ" là tiếp nhận, thẩm định, phê duyệt và trả kết quả tại chỗ trong ngày; thủ tục không đáp ứng thì không được công bố là 4 tại chỗ.', en: '"4 tại chỗ" means received, appraised, approved and returned on the spot the same day; a procedure that cannot do so must not be listed as such.' },
    legalBasis: ['Nghị định 118/2025/NĐ-CP', 'Các quyết định công bố danh mục thủ tục "4 tại chỗ" của UBND cấp tỉnh'],
    example: 'fourOnSpot: true\nchannels:\n  in-person: { duration: { value: 5, unit: working-days } }',
    limits: { vi: 'Bước không làm tại chỗ được nhận ra qua từ khóa trong trình tự; thủ tục có thời hạn "trong ngày" mà công bố là 0 ngày làm việc được coi là đủ điều kiện.', en: 'Steps that cannot happen on the spot are found by keywords; a same-day procedure published as 0 working days qualifies.' },
    severities: { error: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      if (p.fourOnSpot !== true) continue;
      const reasons: { vi: string; en: string }[] = [];
      for (const [channel, c] of Object.entries(p.channels ?? {})) {
        const ch = labels(CHANNEL_LABELS, channel);
        if (c?.duration !== undefined && !withinOneDay(c.duration)) reasons.push({ vi: `thời hạn khi nộp ${ch.vi} là ${show(c.duration).vi}`, en: `its duration ${ch.en} is ${show(c.duration).en}` });
      }
      if ((p.stages ?? []).length > 1) reasons.push({ vi: `có ${(p.stages ?? []).length} giai đoạn liên thông`, en: `it has ${(p.stages ?? []).length} interconnected stages` });
      if ((p.agencies?.coordinating ?? []).length > 0) reasons.push({ vi: 'có cơ quan phối hợp', en: 'it has coordinating agencies' });
      const step = (p.steps ?? []).find((s) => FIELD_WORK.test(normalise(s)));
      if (step !== undefined) reasons.push({ vi: 'trình tự có bước không làm tại chỗ được (xác minh, kiểm tra thực tế…)', en: 'a step cannot happen on the spot (verification, inspection…)' });
      if (reasons.length === 0) continue;
      out.push({ code, pointer: '/fourOnSpot', data: { reason: { vi: reasons.map((r) => r.vi).join('; '), en: reasons.map((r) => r.en).join('; ') } } });
    }
    return out;
  },
});
