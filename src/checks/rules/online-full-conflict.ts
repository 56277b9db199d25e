import { defineRule, targets } from '../define.js';
import { componentsOf } from '../index-build.js';
import type { RawFinding } from '../types.js';

/** Marked fully online (toàn trình) but requires presence or originals, or has no online channel. */
export const onlineFullConflict = defineRule({
  id: 'online-full-conflict',
  code: 'TTHC416',
  severity: 'error',
  category: 'consistency',
  message: { vi: 'Thủ tục được ghi trực tuyến toàn trình nhưng {reason}.', en: 'The procedure is marked fully online (toàn trình) but {reason}.' },
  hint: { vi: 'Ghi mức độ trực tuyến một phần (online: partial), hoặc bỏ yêu cầu có mặt, xuất trình bản chính (khai thác dữ liệu, nhận bản điện tử).', en: 'Set online to partial, or drop the in-person requirements (read data, accept electronic copies).' },
  doc: {
    what: { vi: 'Thủ tục có online: full mà không có kênh trực tuyến, hoặc có giấy tờ phải xuất trình (kind: present), hoặc bản chính phải nộp dưới dạng giấy.', en: 'A procedure with online: full that has no online channel, or documents to present in person (kind: present), or paper originals to hand in.' },
    why: { vi: 'Dịch vụ công trực tuyến toàn trình là dịch vụ mà toàn bộ quá trình, từ nộp hồ sơ đến nhận kết quả, được thực hiện trên môi trường mạng; không có bước nào cần có mặt.', en: 'A fully online service handles everything from filing to the result online; no step needs presence.' },
    legalBasis: ['Nghị định 42/2022/NĐ-CP, Điều 11'],
    example: 'online: full\ncomponents:\n  - { id: cccd, name: Thẻ căn cước, kind: present, form: original }',
    limits: { vi: 'Bản chính chấp nhận bản điện tử (alsoAccepted: e-form, e-data) không bị báo.', en: 'Originals that accept an electronic form (alsoAccepted: e-form, e-data) are not reported.' },
    severities: { error: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      if (p.online !== 'full') continue;
      if (p.channels?.online === undefined) out.push({ code, pointer: '/online', data: { reason: { vi: 'không có kênh trực tuyến', en: 'it has no online channel' } } });
      for (const { component, pointer } of componentsOf(p)) {
        const electronic = (component.alsoAccepted ?? []).some((f) => f === 'e-form' || f === 'e-data') || component.form === 'e-form' || component.form === 'e-data';
        if (component.kind === 'present' && component.dataSource === undefined && !electronic) {
          out.push({ code, pointer: `${pointer}/kind`, related: [{ code, pointer: '/online' }], data: { reason: { vi: `"${component.name}" phải xuất trình trực tiếp`, en: `"${component.name}" must be presented in person` } } });
        }
      }
    }
    return out;
  },
});
