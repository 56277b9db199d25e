import { defineRule, onOrAfter, targets } from '../define.js';
import { normalise } from '../index-build.js';
import type { RawFinding } from '../types.js';

/**
 * The district level (cấp huyện) ceased to exist with the two-level local government. Its
 * offices (Phòng Tư pháp, Phòng Tài nguyên và Môi trường, Phòng Lao động - Thương binh và Xã
 * hội) went with it; the communes' new offices have other names.
 */
const ABOLISHED_ON = '2025-07-01';
/** Text about documents the district issued *before* the reform is history, not a current level. */
const BEFORE_REFORM = /truoc ngay (0?1 ?\/ ?0?7 ?\/ ?2025|0?1 thang 0?7 nam 2025)/;
const DISTRICT = /(?<![a-z0-9])(cap huyen|ubnd huyen|uy ban nhan dan huyen|ubnd quan|uy ban nhan dan quan|ubnd cap huyen|uy ban nhan dan cap huyen|quan huyen thi xa|phong tu phap|phong tai nguyen va moi truong|phong lao dong thuong binh va xa hoi)(?![a-z0-9])/;

/** Walks every string of a procedure with its JSON pointer. */
function* strings(value: unknown, pointer: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [pointer, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], `${pointer}/${i}`);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'review' || k === 'provenance' || k === 'legalBasis' || k === 'decision') continue;
      yield* strings(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  }
}

/** The district level, or text naming it, after the 2025 reform. */
export const abolishedLevel = defineRule({
  id: 'abolished-level',
  code: 'TTHC412',
  severity: 'error',
  category: 'consistency',
  message: { vi: '{what} cấp huyện, đã bỏ từ {since}.', en: '{what} the district level (cấp huyện), abolished since {since}.' },
  hint: { vi: 'Chuyển thẩm quyền về cấp xã hoặc cấp tỉnh theo các nghị định phân định thẩm quyền năm 2025.', en: 'Move the competence to the commune or province level under the 2025 decrees on competences.' },
  doc: {
    what: { vi: 'Thủ tục có cấp thực hiện district, hoặc văn bản của thủ tục (tên, cơ quan, trình tự, thành phần hồ sơ, điều kiện…) nhắc "cấp huyện", "UBND huyện/quận" sau ngày 01/7/2025.', en: 'A procedure with level `district`, or whose text (name, agencies, steps, components, conditions…) names "cấp huyện" or a district People\'s Committee, after 2025-07-01.' },
    why: { vi: 'Từ 01/7/2025 chính quyền địa phương tổ chức hai cấp (tỉnh, xã); cấp huyện không còn, thẩm quyền đã được chuyển.', en: 'Since 2025-07-01 local government has two levels (province, commune); the district level is gone and its competences moved.' },
    legalBasis: ['Luật Tổ chức chính quyền địa phương 72/2025/QH15', 'Nghị quyết 203/2025/QH15', 'Các nghị định phân định thẩm quyền 2025 (ví dụ 120/2025/NĐ-CP)'],
    example: 'levels: [district]\nagencies:\n  competent: [Ủy ban nhân dân cấp huyện]',
    limits: { vi: 'Căn cứ pháp lý, quyết định công bố và mục rà soát không được quét (văn bản cũ có thể nhắc cấp huyện). Văn bản nói về giấy tờ cấp huyện đã cấp "trước ngày 01/7/2025" chỉ được báo ở mức gợi ý; các cách nói lịch sử khác vẫn bị báo như cảnh báo.', en: 'Legal bases, the publishing decision and review items are not scanned (old documents may name the district). Text about papers the district issued "before 1 July 2025" is reported as info only; other historical wording is still a warning.' },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    if (!onOrAfter(ctx.today, ABOLISHED_ON)) return out;
    for (const { code, p } of targets(ctx)) {
      const levels: readonly string[] = p.levels ?? [];
      const i = levels.indexOf('district');
      if (i >= 0) out.push({ code, pointer: `/levels/${i}`, data: { what: { vi: 'Thủ tục thực hiện ở', en: 'The procedure is carried out at' }, since: ABOLISHED_ON } });
      // One finding per part of the procedure (name, agencies, steps, components…), at its first mention.
      const reported = new Set<string>();
      for (const [pointer, text] of strings(p, '')) {
        const part = pointer.split('/')[1] ?? '';
        const t = normalise(text);
        if (reported.has(part) || !DISTRICT.test(t)) continue;
        reported.add(part);
        // Papers the district issued before the reform are history: reported for a reviewer, as info.
        const history = BEFORE_REFORM.test(t);
        out.push({
          code, pointer, severity: history ? 'info' : 'warning',
          data: { what: history ? { vi: 'Văn bản của thủ tục nhắc giấy tờ cấp trước cải cách bởi', en: 'The procedure\'s text refers to papers issued before the reform by' } : { vi: 'Văn bản của thủ tục còn nhắc', en: 'The procedure\'s text still names' }, since: ABOLISHED_ON },
        });
      }
    }
    return out;
  },
});
