import { defineRule, targets } from '../define.js';
import { normalise } from '../index-build.js';
import type { RawFinding } from '../types.js';
import { show, withinOneDay } from './duration-helpers.js';
import { FIELD_WORK } from './four-on-spot-ineligible.js';

/**
 * Agencies with their own counters and systems, outside the provincial and commune service
 * centres where "4 tại chỗ" is organised (Nghị định 118/2025/NĐ-CP, Điều 7–8: Trung tâm Phục
 * vụ hành chính công and the commune's one-stop desk): customs at a border gate, the State
 * Treasury, tax offices (Cục Thuế, Thuế tỉnh, Chi cục thuế, đội thuế), port authorities,
 * border guards, police units (Công an, Cục Cảnh sát…, which receive at their own offices)
 * the State Bank (Ngân hàng Nhà nước) and social insurance (Bảo hiểm xã hội, whose dossiers are
 * filed at its own offices or through the post: 2.000740).
 */
const OWN_COUNTER = /(hai quan|kho bac|\bthue\b|cang vu|bien phong|cua khau|\bcong an\b|\bcanh sat\b|ngan hang nha nuoc|bao hiem xa hoi|\bbhxh\b)/;
/** The same bodies named in the procedure's title ("… tại Cục cảnh sát giao thông"). */
const OWN_COUNTER_IN_NAME = /(\bcong an\b|\bcanh sat\b|ngan hang nha nuoc|(co quan|chi cuc|cuc|doi) thue\b|hai quan|kho bac)/;
/** A result that is no decision at all ("không có kết quả giải quyết", "tiếp nhận hồ sơ"). */
const NO_DECISION = /(khong co ket qua|khong tra ket qua|chi tiep nhan)/;

/** Not designated 4 tại chỗ, yet nothing in it prevents same-day handling on the spot. */
export const fourOnSpotCandidate = defineRule({
  id: 'four-on-spot-candidate',
  code: 'TTHC431',
  severity: 'info',
  category: 'opportunity',
  message: { vi: 'Có thể công bố "4 tại chỗ": thời hạn {duration}, một cơ quan, không có bước xác minh.', en: 'Could be designated "4 tại chỗ": duration {duration}, one agency, no verification step.' },
  hint: { vi: 'Xem xét đưa vào danh mục thủ tục tiếp nhận, thẩm định, phê duyệt, trả kết quả tại chỗ.', en: 'Consider listing it for on-the-spot reception, appraisal, approval and return.' },
  doc: {
    what: { vi: 'Thủ tục chưa ghi fourOnSpot mà mọi kênh có thời hạn không quá một ngày làm việc (có đơn vị), không có giai đoạn liên thông, không có cơ quan phối hợp, trình tự không có bước xác minh, kiểm tra thực tế, lấy ý kiến; có nộp trực tiếp ở cấp tỉnh hoặc cấp xã, cơ quan giải quyết không phải cơ quan có quầy riêng (hải quan, kho bạc, thuế, cảng vụ, biên phòng, công an, Ngân hàng Nhà nước, bảo hiểm xã hội) và có kết quả để phê duyệt.', en: 'A procedure without fourOnSpot whose channels all take at most one working day (with a unit), with no stages, no coordinating agency, and no verification, inspection or consultation step; filed in person at a province or commune, not handled at a sector agency\'s own counter (customs, treasury, tax, port authority, border guard, police, State Bank, social insurance), with a result to approve.' },
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
      // "4 tại chỗ" is a desk at a provincial or commune service centre (a provincial overlay):
      // a procedure filed only online, or handled only by a ministry, has no such desk.
      if (p.channels?.['in-person'] === undefined) continue;
      if (!(p.levels ?? []).some((l) => l === 'province' || l === 'commune')) continue;
      // A declaration or a notice (khai thuế, thông báo…) is received, not appraised and approved.
      if (/^(thu tuc )?(khai|ke khai|thong bao|bao cao|nop to khai|dang ky giao dich dien tu)/.test(normalise(p.name ?? ''))) continue;
      // Handled at a sector agency's own counter, not at a service centre's desk: the agency
      // named first decides (imported lists split "Cục Thuế tỉnh, thành phố" into fragments
      // such as "thành phố", which name no agency), and so does a title naming one.
      const acting = [...(p.agencies?.competent ?? []), ...(p.agencies?.implementing ?? [])].map((a) => normalise(a));
      if (acting.length > 0 && OWN_COUNTER.test(acting[0] as string)) continue;
      if (OWN_COUNTER_IN_NAME.test(normalise(p.name ?? ''))) continue;
      // Nothing to appraise or approve: the dossier is only received.
      if ((p.results ?? []).some((r) => NO_DECISION.test(normalise(r.name)))) continue;
      // A bare number is not "one day": its unit is unknown.
      const durations = Object.values(p.channels ?? {}).map((c) => c?.duration);
      if (durations.length === 0 || !durations.every((d) => withinOneDay(d))) continue;
      if ((p.stages ?? []).length > 0 || (p.agencies?.coordinating ?? []).length > 0) continue;
      if ((p.steps ?? []).some((s) => FIELD_WORK.test(normalise(s)))) continue;
      // Carrying out another agency's decision ("lệnh hoàn trả … chuyển đến"): nothing is decided here.
      if ((p.steps ?? []).some((s) => /(chuyen den|lenh hoan tra|theo quyet dinh cua co quan)/.test(normalise(s)))) continue;
      const d = durations[0];
      out.push({ code, pointer: '/channels', mode: 'key', data: { duration: show(d) } });
    }
    return out;
  },
});
