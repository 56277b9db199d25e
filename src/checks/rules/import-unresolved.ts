import { defineRule, targets } from '../define.js';
import type { RawFinding } from '../types.js';

/** Review topics whose portal text stands for a part of the procedure, in words. */
const TOPICS: Readonly<Record<string, { vi: string; en: string }>> = {
  component: { vi: 'thành phần hồ sơ', en: 'components' },
  result: { vi: 'kết quả', en: 'results' },
  'legal-basis': { vi: 'căn cứ pháp lý', en: 'legal basis' },
  fee: { vi: 'phí, lệ phí', en: 'fees' },
  duration: { vi: 'thời hạn', en: 'duration' },
  channel: { vi: 'cách thức thực hiện', en: 'channels' },
  agency: { vi: 'cơ quan thực hiện', en: 'agencies' },
  level: { vi: 'cấp thực hiện', en: 'levels' },
};

/** How much of the portal's text a message quotes. */
const EXCERPT = 90;

/**
 * Text of the portal record that the importer could not encode: not a defect of the
 * procedure, a gap in its encoding. Reported apart so that a reviewer can tell the two
 * kinds apart (missing-mandatory-part fires only when the record itself lacks a part).
 */
export const importUnresolved = defineRule({
  id: 'import-unresolved',
  code: 'TTHC421',
  severity: 'info',
  category: 'import',
  message: {
    vi: 'Trình nhập chưa đọc được đoạn {topic} trên Cổng: "{excerpt}".',
    en: 'The importer could not read the portal\'s {topic} text: "{excerpt}".',
  },
  hint: { vi: 'Mã hóa đoạn này bằng tay theo mục rà soát: {question}', en: 'Encode it by hand as the review item asks (in Vietnamese): {question}' },
  doc: {
    what: {
      vi: 'Một thủ tục nhập từ Cổng Dịch vụ công quốc gia có mục rà soát giữ văn bản gốc mà trình nhập không tách được (thành phần hồ sơ, kết quả, căn cứ pháp lý, phí, thời hạn không có giá trị, cách thức thực hiện). Thời hạn chỉ có số mà không có đơn vị do Cổng công bố như vậy nên thuộc duration-unit-missing, không thuộc quy tắc này.',
      en: 'A procedure imported from the national portal has a review item holding original text the importer could not cut up (components, results, legal basis, fees, a duration with no value, channels). A duration the portal prints as a bare number is the portal\'s own defect and belongs to duration-unit-missing, not here.',
    },
    why: {
      vi: 'Phần mã hóa chưa đầy đủ không được lặng lẽ coi là đủ; nhưng đó là việc của người mã hóa, không phải thiếu sót của thủ tục, nên báo riêng để người rà soát lọc.',
      en: 'An incomplete encoding must not pass silently; but it is work for whoever encodes, not a defect of the procedure, so it is reported apart for reviewers to filter.',
    },
    legalBasis: ['Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2 (các bộ phận của thủ tục)'],
    example: 'review:\n  - { topic: result, path: /results, original: "Quyết địnhMã: đang cập nhật", question: Không tách được tên và mã kết quả. }',
    limits: {
      vi: 'Chỉ đọc tệp do tthc import dvc ghi (có dòng "# tthc-import: dvc"); mục rà soát trong tệp viết tay là câu hỏi của người viết.',
      en: 'Only files written by tthc import dvc (with the "# tthc-import: dvc" line); review items in hand-written files are their authors\' questions.',
    },
    severities: { info: { vi: 'Mọi đoạn chưa mã hóa.', en: 'Every unencoded text.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      if (!ctx.index.imported.has(code)) continue;
      (p.review ?? []).forEach((r, i) => {
        const topic = TOPICS[r.topic ?? ''];
        if (topic === undefined || r.original === undefined || r.original.trim() === '') return;
        // A bare number the portal printed: the record's defect (duration-unit-missing), not the importer's.
        if (r.topic === 'duration' && r.path !== undefined && /\/duration$/u.test(r.path)) {
          const channel = r.path.split('/')[2] ?? '';
          if ((p.channels as Record<string, { duration?: { value?: number } }> | undefined)?.[channel]?.duration?.value !== undefined) return;
        }
        const flat = r.original.replace(/\s+/gu, ' ').trim();
        out.push({
          code, pointer: `/review/${i}`, key: String(i),
          data: { topic, excerpt: flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat, question: r.question },
        });
      });
    }
    return out;
  },
});
