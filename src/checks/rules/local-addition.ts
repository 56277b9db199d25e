import { defineRule, targets } from '../define.js';
import { componentsOf, documentKey } from '../index-build.js';
import type { RawFinding } from '../types.js';

/** A provincial variant demands components its national base does not. */
export const localAddition = defineRule({
  id: 'local-addition',
  code: 'TTHC406',
  severity: 'warning',
  category: 'redundancy',
  message: {
    vi: 'Bản của tỉnh yêu cầu thêm "{name}", không có trong thủ tục quốc gia {base}.',
    en: 'The provincial variant adds "{name}", which the national procedure {base} does not demand.',
  },
  hint: { vi: 'Địa phương không được đặt thêm thành phần hồ sơ ngoài quy định; bỏ thành phần hoặc ghi căn cứ pháp lý.', en: 'A province may not add components beyond the law; drop it or cite its legal basis.' },
  doc: {
    what: { vi: 'So thành phần hồ sơ của bản của tỉnh (sau khi ghép vào thủ tục gốc) với thủ tục quốc gia: thành phần chỉ có ở bản của tỉnh bị báo.', en: 'Compares a provincial variant\'s components (after merging onto its base) with the national procedure: components only the variant has are reported.' },
    why: { vi: 'Thủ tục hành chính do cơ quan trung ương quy định; địa phương chỉ quy định những gì được luật giao, không được tự đặt thêm giấy tờ.', en: 'Procedures are set centrally; provinces only set what the law delegates and may not add documents.' },
    legalBasis: ['Nghị định 63/2010/NĐ-CP, Điều 8 và Điều 9', 'Nghị định 118/2025/NĐ-CP'],
    example: 'variantOf: "2.000815"\ncomponents:\n  - { id: don-de-nghi, name: Đơn đề nghị chứng thực (mẫu của tỉnh), kind: submit }',
    limits: { vi: 'Giấy tờ cùng nội dung nhưng khác tên được coi là thêm; thành phần có legalBasis riêng vẫn được báo để người rà soát xem căn cứ.', en: 'The same document under another name counts as an addition; a component with its own legalBasis is still reported so a reviewer reads it.' },
    severities: { warning: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      const entry = ctx.catalogue.procedures.get(code);
      const base = entry?.procedure.variantOf;
      if (base === undefined) continue;
      const national = ctx.catalogue.procedures.get(base)?.procedure;
      if (national === undefined) continue;
      const known = new Set(componentsOf(national).map((c) => c.component.document ?? documentKey(c.component.name)));
      const ids = new Set(componentsOf(national).map((c) => c.component.id));
      for (const { component, pointer } of componentsOf(p)) {
        if (ids.has(component.id) || known.has(component.document ?? documentKey(component.name))) continue;
        out.push({ code, pointer: `${pointer}/name`, data: { name: component.name, base }, related: [{ code: base, pointer: '/components' }] });
      }
    }
    return out;
  },
});
