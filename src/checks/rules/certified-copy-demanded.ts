import { defineRule, targets } from '../define.js';
import { normalise } from '../index-build.js';
import { fold } from '../../util/suggest.js';
import type { RawFinding } from '../types.js';

/** Wording that already lets the applicant bring a plain copy with the original, or the original. */
/**
 * Wording that already lets the applicant bring the original, or a plain copy with it. A copy
 * "from the original register" or an electronic certified copy is a certified form too, and
 * is not an alternative (Decree 23/2015 art. 6: a plain copy with the original suffices).
 */
const ALTERNATIVE = /(hoac ban sao kem ban chinh|hoac ban chup kem ban chinh|kem ban chinh de doi chieu|kem theo ban chinh|xuat trinh ban chinh|hoac ban chinh|ban chinh hoac|doi chieu|hoac ban sao(?! duoc cap tu so goc| dien tu| co chung thuc| chung thuc| cong chung)|ban goc hoac|hoac ban goc|(?<!tu )ban chinh)/;
/** A certified copy asked for, anywhere in the text ("…; bản sao có chứng thực …", "(bản sao có chứng thực)"). */
const CERTIFIED = /(?<![a-z])ban sao (co |duoc )?(chung thuc|cong chung)(?! dien tu tu so goc)/;
/** A certified copy that opens a line of a list in a step or condition ("- Bản sao chứng thực Hợp đồng …"). */
const LIST_ITEM = /^(?:[-–+*•]\s*|[a-zđ]\)\s*|\d{1,2}[.)]\s*)?(\d+\s+)?ban sao (co |duoc )?(chung thuc|cong chung)/;
/** A line that introduces the documents to hand over ("Doanh nghiệp cung cấp cho Bộ Tài chính:"). */
const LIST_INTRO = /(nop|cung cap|gui|kem theo|gom|bao gom|ho so de nghi)[^.]{0,200}:/;
/**
 * A general note of the component section that lets every paper be handed in as a photocopy
 * or scan with its original ("… có thể nộp bản sao chứng thực từ bản chính … hoặc bản chụp
 * kèm theo bản chính giấy tờ để đối chiếu"): the alternative applies to each component.
 */
const GENERAL_ALTERNATIVE = /(ban chup|ban quet)( hoac ban chup)?( giay to| tai lieu)? kem( theo)? ban chinh/;
/** Documents asked for by post only: a certified copy is then the only way (no original to see). */
const POSTAL = /(buu chinh|buu dien|gui qua duong)/;

/** A certified copy demanded where presenting the original with a plain copy suffices. */
export const certifiedCopyDemanded = defineRule({
  id: 'certified-copy-demanded',
  code: 'TTHC404',
  severity: 'warning',
  category: 'redundancy',
  message: {
    vi: '{where} "{name}" chỉ chấp nhận bản sao có chứng thực.',
    en: '{where} "{name}" only accepts a certified copy.',
  },
  hint: { vi: 'Cho phép nộp bản sao kèm bản chính để đối chiếu (hoặc bản điện tử); chỉ giữ bản sao có chứng thực cho hồ sơ gửi qua bưu chính.', en: 'Accept a plain copy with the original for comparison (or an electronic copy); keep certified copies for postal filings only.' },
  doc: {
    what: { vi: 'Thành phần hồ sơ có form certified-copy (hoặc tên bắt đầu bằng "Bản sao có chứng thực") mà không cho phép cách khác: bản sao kèm bản chính để đối chiếu, bản chụp, bản điện tử, ở chính thành phần hoặc trong lưu ý chung của phần thành phần hồ sơ.', en: 'A component with form certified-copy (or a name starting "Bản sao có chứng thực") that offers no alternative, on the component or in a general note of the component section: a plain copy with the original for comparison, a photocopy, an electronic copy.' },
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
      const general = (p.componentNotes ?? []).some((n) => GENERAL_ALTERNATIVE.test(normalise(n)));
      for (const { component, pointer } of general ? [] : ctx.index.components(code)) {
        const text = normalise(component.name);
        const certified = component.form === 'certified-copy' || CERTIFIED.test(text);
        if (!certified) continue;
        if ((component.alsoAccepted ?? []).some((f) => f !== 'certified-copy')) continue;
        if (ALTERNATIVE.test(text) || POSTAL.test(text)) continue;
        out.push({ code, pointer: component.form === 'certified-copy' ? `${pointer}/form` : `${pointer}/name`, data: { where: { vi: 'Thành phần', en: 'Component' }, name: component.name } });
      }
      // Steps and conditions that list what to hand over: a line that asks for a certified copy
      // only, under a line that introduces the list (or with the request on the same line).
      for (const [part, texts] of [['steps', p.steps], ['conditions', p.conditions]] as const) {
        (texts ?? []).forEach((raw, i) => {
          const lines = raw.split(/\n|;\s*/u);
          let listed = false;
          for (const line of lines) {
            const t = normalise(line);
            if (LIST_INTRO.test(fold(line))) listed = true;
            if (!CERTIFIED.test(t) || ALTERNATIVE.test(t) || POSTAL.test(t)) continue;
            const asked = LIST_ITEM.test(t) ? listed || part === 'conditions' : /(nop|cung cap|kem theo|gom|bao gom|phai co)[^.]{0,80}ban sao (co |duoc )?(chung thuc|cong chung)/.test(t);
            if (!asked) continue;
            out.push({ code, pointer: `/${part}/${i}`, key: line.trim().slice(0, 60), data: { where: part === 'steps' ? { vi: 'Giấy tờ trong trình tự thực hiện', en: 'The document asked for in a step' } : { vi: 'Giấy tờ trong yêu cầu, điều kiện', en: 'The document asked for in a condition' }, name: line.trim().replace(/^[-–+*•]\s*/u, '') } });
            break;
          }
        });
      }
    }
    return out;
  },
});
