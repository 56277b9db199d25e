import { defineRule, targets } from '../define.js';
import { normalise } from '../index-build.js';
import type { RawFinding } from '../types.js';

/** Wording that already lets the applicant bring a plain copy with the original, or the original. */
const ALTERNATIVE = /(hoac ban sao kem ban chinh|hoac ban chup kem ban chinh|kem ban chinh de doi chieu|xuat trinh ban chinh|hoac ban chinh|doi chieu|hoac ban sao duoc cap tu so goc|hoac ban sao)/;
const CERTIFIED = /^(\d+\s+)?ban sao (co |duoc )?(chung thuc|cong chung)/;

/** A certified copy demanded where presenting the original with a plain copy suffices. */
export const certifiedCopyDemanded = defineRule({
  id: 'certified-copy-demanded',
  code: 'TTHC404',
  severity: 'warning',
  category: 'redundancy',
  message: {
    vi: 'Thành phần "{name}" chỉ chấp nhận bản sao có chứng thực.',
    en: 'Component "{name}" only accepts a certified copy.',
  },
  hint: { vi: 'Cho phép nộp bản sao kèm bản chính để đối chiếu (hoặc bản điện tử); chỉ giữ bản sao có chứng thực cho hồ sơ gửi qua bưu chính.', en: 'Accept a plain copy with the original for comparison (or an electronic copy); keep certified copies for postal filings only.' },
  doc: {
    what: { vi: 'Thành phần hồ sơ có form certified-copy (hoặc tên bắt đầu bằng "Bản sao có chứng thực") mà không cho phép cách khác: bản sao kèm bản chính để đối chiếu, bản chụp, bản điện tử.', en: 'A component with form certified-copy (or a name starting "Bản sao có chứng thực") that offers no alternative: a plain copy with the original for comparison, a photocopy, an electronic copy.' },
    why: { vi: 'Cơ quan tiếp nhận không được yêu cầu bản sao có chứng thực khi người nộp xuất trình bản chính để đối chiếu.', en: 'The receiving agency may not demand a certified copy when the applicant presents the original for comparison.' },
    legalBasis: ['Nghị định 23/2015/NĐ-CP, Điều 6'],
    example: 'components:\n  - { id: giay-phep, name: Bản sao có chứng thực giấy phép kinh doanh, kind: submit, form: certified-copy }',
    limits: { vi: 'Thủ tục chỉ nhận hồ sơ qua bưu chính thì được bỏ qua (không có bản chính để đối chiếu). Không đọc được các ngoại lệ do luật chuyên ngành quy định.', en: 'Procedures filed only by post are skipped (there is no original to compare). Exceptions set by sector laws are not known.' },
    severities: { warning: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      const channels = Object.keys(p.channels ?? {});
      if (channels.length === 1 && channels[0] === 'postal') continue;
      for (const { component, pointer } of ctx.index.components(code)) {
        const text = normalise(component.name);
        const certified = component.form === 'certified-copy' || CERTIFIED.test(text);
        if (!certified) continue;
        if ((component.alsoAccepted ?? []).some((f) => f !== 'certified-copy')) continue;
        if (ALTERNATIVE.test(text)) continue;
        out.push({ code, pointer: component.form === 'certified-copy' ? `${pointer}/form` : `${pointer}/name`, data: { name: component.name } });
      }
    }
    return out;
  },
});
