import { defineRule, targets } from '../define.js';
import type { RawFinding } from '../types.js';

/**
 * The parts, and the review topics under which the importer keeps portal text it could not
 * read for them: when there is such text, the part is not missing from the record — the
 * importer failed, and import-unresolved says so instead.
 */
const PARTS: { key: string; topics: readonly string[]; label: { vi: string; en: string }; present: (p: NonNullable<ReturnType<Parameters<typeof targets>[0]['procedure']>>) => boolean }[] = [
  { key: 'steps', topics: [], label: { vi: 'trình tự thực hiện', en: 'its steps (trình tự thực hiện)' }, present: (p) => (p.steps ?? []).length > 0 },
  { key: 'channels', topics: ['channel'], label: { vi: 'cách thức thực hiện', en: 'its channels (cách thức thực hiện)' }, present: (p) => Object.keys(p.channels ?? {}).length > 0 },
  { key: 'components', topics: ['component'], label: { vi: 'thành phần hồ sơ', en: 'its components (thành phần hồ sơ)' }, present: (p) => (p.components ?? []).length + (p.cases ?? []).reduce((n, k) => n + k.components.length, 0) > 0 },
  { key: 'duration', topics: ['duration', 'channel'], label: { vi: 'thời hạn giải quyết', en: 'its duration (thời hạn giải quyết)' }, present: (p) => Object.values(p.channels ?? {}).some((c) => c?.duration !== undefined) || (p.stages ?? []).length > 0 },
  { key: 'targets', topics: [], label: { vi: 'đối tượng thực hiện', en: 'its targets (đối tượng thực hiện)' }, present: (p) => (p.targets ?? []).length > 0 },
  { key: 'agencies', topics: ['agency'], label: { vi: 'cơ quan thực hiện', en: 'its agency (cơ quan thực hiện)' }, present: (p) => (p.agencies?.competent ?? []).length + (p.agencies?.implementing ?? []).length > 0 },
  { key: 'results', topics: ['result'], label: { vi: 'kết quả thực hiện', en: 'its result (kết quả)' }, present: (p) => (p.results ?? []).length > 0 },
];

/** A part Decree 63/2010 art. 8(2) requires of every procedure is missing. */
export const missingMandatoryPart = defineRule({
  id: 'missing-mandatory-part',
  code: 'TTHC411',
  severity: 'warning',
  category: 'consistency',
  message: { vi: 'Thủ tục không công bố {part}.', en: 'The procedure does not state {part}.' },
  hint: { vi: 'Bổ sung theo quyết định công bố; nếu quyết định cũng không có, đó là thiếu sót của thủ tục cần kiến nghị.', en: 'Fill it in from the publishing decision; if the decision lacks it too, it is a defect of the procedure to report.' },
  doc: {
    what: { vi: 'Mỗi thủ tục phải có: trình tự thực hiện, cách thức thực hiện, thành phần hồ sơ, thời hạn giải quyết, đối tượng thực hiện, cơ quan thực hiện, kết quả.', en: 'Every procedure must state its steps, channels, components, duration, targets, agency and result.' },
    why: { vi: 'Đây là các bộ phận tạo thành thủ tục hành chính theo khoản 2 Điều 8 Nghị định 63/2010/NĐ-CP (sửa đổi bởi Nghị định 92/2017/NĐ-CP); thiếu bộ phận là thủ tục chưa đủ điều kiện công bố.', en: 'These are the parts that make up a procedure under Decree 63/2010 art. 8(2) (as amended by Decree 92/2017); a missing part means it was published incomplete.' },
    legalBasis: ['Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2 (sửa đổi bởi Nghị định 92/2017/NĐ-CP)'],
    example: 'code: "1.000001"\nname: Thủ tục thiếu thời hạn\nchannels:\n  in-person: { fees: [{ amount: 0 }] }',
    limits: { vi: 'Chỉ kiểm tra có hay không, không kiểm tra nội dung đúng sai. Một thủ tục liên thông có giai đoạn được coi là có thời hạn. Với thủ tục nhập từ Cổng, một phần mà bản ghi có văn bản nhưng trình nhập không đọc được (mục rà soát có văn bản gốc) không bị báo ở đây mà ở import-unresolved.', en: 'Checks presence only, not correctness. An interconnected procedure with stages counts as having a duration. For a procedure imported from the portal, a part whose text the record has but the importer could not read (a review item with the original text) is reported by import-unresolved, not here.' },
    severities: { warning: { vi: 'Mọi bộ phận bắt buộc thiếu.', en: 'Every missing part.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      const entry = ctx.catalogue.procedures.get(code);
      if (entry?.procedure.variantOf !== undefined) continue; // the base is checked itself
      // Portal text the importer kept for review: the record has the part, the importer could not read it.
      const unread = new Set<string>(ctx.index.imported.has(code) ? (p.review ?? []).filter((r) => r.original !== undefined && r.original.trim() !== '').map((r) => r.topic ?? 'other') : []);
      for (const part of PARTS) {
        if (part.present(p) || part.topics.some((t) => unread.has(t))) continue;
        out.push({ code, pointer: '/code', mode: 'key', key: part.key, data: { part: part.label } });
      }
    }
    return out;
  },
});
