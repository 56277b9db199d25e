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
/**
 * "cơ sở khám bệnh, chữa bệnh từ cấp huyện trở lên", "bệnh viện cấp huyện": a tier of health
 * facilities, not a level of government (Luật Khám bệnh, chữa bệnh 15/2023/QH15 now grades
 * them by technical level: ban đầu, cơ bản, chuyên sâu). Stale wording, not a competence to move.
 */
const HEALTH_TIER = /(co so kham benh|kham benh chua benh|benh vien|trung tam y te|co so y te)[a-z ,]{0,30}(tu )?cap huyen/;
/** A rank or an election quoted from a law: a fact about a person. */
const PERSON_FACT = /(chuc danh|chuc vu|giu chuc|ngach|cap bac)[^.;]{0,120}cap huyen|bau[^.;]{0,60}cap huyen|cap huyen[^.;]{0,40}bau/g;
/** A central agency's local office ("Bảo hiểm xã hội cấp huyện", "Chi cục Thuế"): reorganised, not moved to the commune. */
const SECTOR_OFFICE = /(bao hiem xa hoi|kho bac|chi cuc thue|thue|thong ke|thi hanh an|cong an) cap huyen/;

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
  message: { vi: '{what} cấp huyện, đã bỏ từ ngày 01/07/2025.', en: '{what} the district level (cấp huyện), abolished since 2025-07-01.' },
  hint: { vi: '{advice}', en: '{advice}' },
  doc: {
    what: { vi: 'Thủ tục có cấp thực hiện district, hoặc văn bản của thủ tục (tên, cơ quan, trình tự, thành phần hồ sơ, điều kiện…) nhắc "cấp huyện", "UBND huyện/quận" sau ngày 01/7/2025.', en: 'A procedure with level `district`, or whose text (name, agencies, steps, components, conditions…) names "cấp huyện" or a district People\'s Committee, after 2025-07-01.' },
    why: { vi: 'Từ 01/7/2025 chính quyền địa phương tổ chức hai cấp (tỉnh, xã); cấp huyện không còn, thẩm quyền đã được chuyển.', en: 'Since 2025-07-01 local government has two levels (province, commune); the district level is gone and its competences moved.' },
    legalBasis: ['Luật Tổ chức chính quyền địa phương 72/2025/QH15', 'Nghị quyết 203/2025/QH15', 'Các nghị định phân định thẩm quyền 2025 (ví dụ 120/2025/NĐ-CP)'],
    example: 'levels: [district]\nagencies:\n  competent: [Ủy ban nhân dân cấp huyện]',
    limits: { vi: 'Căn cứ pháp lý, quyết định công bố và mục rà soát không được quét (văn bản cũ có thể nhắc cấp huyện). Văn bản nói về giấy tờ cấp huyện đã cấp "trước ngày 01/7/2025" là cách ghi chuyển tiếp hợp pháp, không bị báo; giấy tờ "đã được cấp" không nêu ngày chỉ được báo ở mức gợi ý. Phân hạng cơ sở khám bệnh, chữa bệnh ("từ cấp huyện trở lên"), chức vụ hoặc việc bầu cử trích từ luật không bị báo, trừ khi cùng đoạn văn còn nêu một cơ quan cấp huyện.', en: 'Legal bases, the publishing decision and review items are not scanned (old documents may name the district). Text about papers the district issued "before 1 July 2025" is the lawful transitional wording and is not reported; papers "already issued" without a date are reported as info only. Health-facility tiers ("cơ sở khám bệnh, chữa bệnh từ cấp huyện trở lên") and ranks or elections quoted from a law are not reported, unless the same text also names a district body.' },
    severities: { error: { vi: 'Cấp thực hiện của thủ tục là cấp huyện.', en: 'The procedure\'s level is the district.' }, warning: { vi: 'Văn bản của thủ tục còn nhắc cấp huyện, UBND huyện, phòng chuyên môn cấp huyện.', en: 'Its text still names the district, its People\'s Committee or offices.' }, info: { vi: 'Giấy tờ cấp huyện "đã được cấp", không nêu ngày.', en: 'Papers the district "already issued", without a date.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    if (!onOrAfter(ctx.today, ABOLISHED_ON)) return out;
    const moveCompetence = {
      vi: 'Xác định lại cấp thực hiện (cấp xã hoặc cấp tỉnh) theo văn bản phân định thẩm quyền năm 2025 của lĩnh vực.',
      en: 'Set the level again (commune or province) under the field\'s 2025 decree on competences.',
    };
    const reword = {
      vi: 'Cập nhật văn bản: ghi cơ quan, cấp thực hiện hiện nay theo văn bản phân định thẩm quyền năm 2025 của lĩnh vực.',
      en: 'Update the wording: name the agency and level that act now, under the field\'s 2025 decree on competences.',
    };
    for (const { code, p } of targets(ctx)) {
      const levels: readonly string[] = p.levels ?? [];
      const i = levels.indexOf('district');
      if (i >= 0) out.push({ code, pointer: `/levels/${i}`, data: { what: { vi: 'Thủ tục thực hiện ở', en: 'The procedure is carried out at' }, advice: moveCompetence } });
      // One finding per part of the procedure (name, agencies, steps, components…), at its first mention.
      const reported = new Set<string>();
      for (const [pointer, text] of strings(p, '')) {
        const part = pointer.split('/')[1] ?? '';
        const t = normalise(text);
        if (reported.has(part) || !DISTRICT.test(t)) continue;
        // What names a level of government once health-facility tiers ("cơ sở khám bệnh, chữa bệnh
        // từ cấp huyện trở lên") and ranks or elections quoted from a law ("giữ chức vụ từ Phó Chủ
        // tịch Ủy ban nhân dân cấp huyện", "thẩm phán do Hội đồng nhân dân cấp huyện bầu") are set
        // aside: those are facts about a facility or a person, not a level that acts; rewording them
        // would misquote the law or refuse lawful evidence. Anything left ("cơ quan công an cấp
        // huyện" next to a health tier) is still reported.
        const residual = t.replace(new RegExp(HEALTH_TIER.source, 'g'), ' ').replace(PERSON_FACT, ' ');
        if (!DISTRICT.test(residual)) continue;
        // Papers the district issued "before 1 July 2025" is the lawful transitional wording (they
        // stay valid): nothing to update, so nothing reported.
        if (BEFORE_REFORM.test(t)) continue;
        reported.add(part);
        // Other wording about papers the district issued ("đã được … cấp huyện cấp"): history
        // without a date, reported for a reviewer as info.
        const history = /(da duoc|truoc day|da cap|da tung)[^.;]{0,80}cap huyen|cap huyen[^.;]{0,40}(da cap|cap truoc)|cap huyen[^.;]{0,30}tuong duong/.test(residual);
        // A central agency's office: reorganised, no competence to move to the commune.
        const office = SECTOR_OFFICE.test(residual) && !/(ubnd|uy ban nhan dan) cap huyen/.test(residual);
        out.push({
          code, pointer, severity: history ? 'info' : 'warning',
          data: {
            what: history
              ? { vi: 'Văn bản của thủ tục nhắc giấy tờ đã cấp trước ngày 01/07/2025 bởi', en: 'The procedure\'s text refers to papers issued before 2025-07-01 by' }
              : office
                  ? { vi: 'Văn bản của thủ tục còn nhắc cơ quan ngành dọc', en: 'The procedure\'s text still names a central agency\'s office at' }
                  : { vi: 'Văn bản của thủ tục còn nhắc', en: 'The procedure\'s text still names' },
            advice: history
              ? { vi: 'Giấy tờ đã cấp trước cải cách vẫn có giá trị; chỉ cần xem lại câu chữ.', en: 'Papers issued before the reform stay valid; only the wording needs a look.' }
              : reword,
          },
        });
      }
    }
    return out;
  },
});
