import { defineRule, targets } from '../define.js';
import { componentsOf, normalise } from '../index-build.js';
import type { RawFinding } from '../types.js';

/** Partial or no online service, yet no step needs presence or originals. */
export const onlineFullCandidate = defineRule({
  id: 'online-full-candidate',
  code: 'TTHC432',
  severity: 'info',
  category: 'opportunity',
  message: { vi: 'Có thể cung cấp trực tuyến toàn trình: không giấy tờ nào phải xuất trình hay nộp bản giấy.', en: 'Could be offered fully online: no document must be presented or handed in on paper.' },
  hint: { vi: 'Xem xét công bố dịch vụ công trực tuyến toàn trình (Nghị định 42/2022/NĐ-CP).', en: 'Consider publishing it as a fully online service (Decree 42/2022/NĐ-CP).' },
  doc: {
    what: { vi: 'Thủ tục đã ghi online: partial hoặc none, mà không có thành phần phải xuất trình (kind: present) hay nhắc "xuất trình", và trình tự không có bước xác minh, kiểm tra thực tế.', en: 'A procedure declared online: partial or none with no component to present (kind: present or "xuất trình" in its name), and no verification or inspection step.' },
    why: { vi: 'Mục tiêu cải cách: đưa tối đa thủ tục đủ điều kiện lên trực tuyến toàn trình (tin gốc 002–004).', en: 'The reform aims to put every eligible procedure fully online (seeds 002–004).' },
    legalBasis: ['Nghị định 42/2022/NĐ-CP, Điều 11', 'Nghị quyết 66.7/2025/NQ-CP'],
    example: 'online: partial\ncomponents:\n  - { id: to-khai, name: Tờ khai, kind: submit, alsoAccepted: [e-form] }',
    limits: { vi: 'Thủ tục nhập từ Cổng không ghi mức trực tuyến (online) nên không được xét. Chữ ký số, thanh toán trực tuyến, kết quả điện tử không được kiểm tra.', en: 'Imported procedures do not state their online level and are not considered. Digital signatures, online payment and electronic results are not checked.' },
    severities: { info: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      if (p.online !== 'partial' && p.online !== 'none') continue;
      const presence = componentsOf(p).some(({ component }) => component.kind === 'present' || /xuat trinh/.test(normalise(component.name)));
      if (presence) continue;
      // Steps that need the applicant or the officer in place: biometric capture (Luật Căn cước
      // 2023), handing in an original or an old card, an inspection on site, public posting.
      const PRESENCE = /(xac minh|kiem tra thuc te|kiem tra thuc dia|co mat|van tay|anh khuon mat|mong mat|sinh trac|nop ban chinh|thu the|thu hoi ban chinh|do dac|niem yet|cong khai tai)/;
      if ([...(p.steps ?? []), ...(p.conditions ?? []), ...(p.componentNotes ?? [])].some((s) => PRESENCE.test(normalise(s)))) continue;
      out.push({ code, pointer: '/online', data: {} });
    }
    return out;
  },
});
