import { defineRule, targets } from '../define.js';
import { normalise } from '../index-build.js';
import type { RawFinding } from '../types.js';
import { show, withinOneDay } from './duration-helpers.js';
import { FIELD_WORK } from './four-on-spot-ineligible.js';

/** Not designated 4 tại chỗ, yet nothing in it prevents same-day handling on the spot. */
export const fourOnSpotCandidate = defineRule({
  id: 'four-on-spot-candidate',
  code: 'TTHC431',
  severity: 'info',
  category: 'opportunity',
  message: { vi: 'Có thể công bố "4 tại chỗ": thời hạn {duration}, một cơ quan, không có bước xác minh.', en: 'Could be designated "4 tại chỗ": duration {duration}, one agency, no verification step.' },
  hint: { vi: 'Xem xét đưa vào danh mục thủ tục tiếp nhận, thẩm định, phê duyệt, trả kết quả tại chỗ.', en: 'Consider listing it for on-the-spot reception, appraisal, approval and return.' },
  doc: {
    what: { vi: 'Thủ tục chưa ghi fourOnSpot mà mọi kênh có thời hạn không quá một ngày làm việc (có đơn vị), không có giai đoạn liên thông, không có cơ quan phối hợp, trình tự không có bước xác minh, kiểm tra thực tế, lấy ý kiến.', en: 'A procedure without fourOnSpot whose channels all take at most one working day (with a unit), with no stages, no coordinating agency, and no verification, inspection or consultation step.' },
    why: { vi: 'Các địa phương đang mở rộng danh mục "4 tại chỗ" (tin gốc 002–004); đây là các thủ tục không có trở ngại rõ ràng.', en: 'Provinces are extending their "4 tại chỗ" lists (seeds 002–004); these procedures have no visible obstacle.' },
    legalBasis: ['Nghị định 118/2025/NĐ-CP', 'Chỉ đạo của Thủ tướng về cải cách TTHC (201/CĐ-TTg)'],
    example: 'channels:\n  in-person: { duration: { value: 0, unit: working-days, sameDayCutoff: "15:00" } }',
    limits: { vi: 'Chỉ là gợi ý: thẩm quyền ký, con dấu, phôi, hệ thống phần mềm tại bộ phận một cửa không được biết.', en: 'A suggestion only: signing authority, seals, blank forms and the one-stop desk\'s software are not known.' },
    severities: { info: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      if (p.fourOnSpot === true) continue;
      const durations = Object.values(p.channels ?? {}).map((c) => c?.duration);
      if (durations.length === 0 || !durations.every((d) => withinOneDay(d))) continue;
      if ((p.stages ?? []).length > 0 || (p.agencies?.coordinating ?? []).length > 0) continue;
      if ((p.steps ?? []).some((s) => FIELD_WORK.test(normalise(s)))) continue;
      const d = durations[0];
      out.push({ code, pointer: '/channels', mode: 'key', data: { duration: show(d) } });
    }
    return out;
  },
});
