import type { LegalRef } from '../../../generated/types/catalogue.js';
import { parseIsoDate, viDate } from '../../calendar/dates.js';
import { defineRule, onOrAfter, targets } from '../define.js';
import type { RawFinding } from '../types.js';

/** Every legal reference of a procedure, with its pointer. */
function* references(value: unknown, pointer: string): Generator<[string, LegalRef]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* references(value[i], `${pointer}/${i}`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'legalBasis' && Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) yield [`${pointer}/legalBasis/${i}/number`, v[i] as LegalRef];
    } else if (k !== 'review') yield* references(v, `${pointer}/${k}`);
  }
}

/** A legal document the registry marks superseded or expired. */
export const staleLegalBasis = defineRule({
  id: 'stale-legal-basis',
  code: 'TTHC420',
  severity: 'warning',
  category: 'consistency',
  message: { vi: 'Căn cứ "{number}" ({title}) đã {status}{replacement}{since}.', en: 'Legal basis "{number}" ({title}) is {status}{replacement}{since}.' },
  hint: { vi: 'Cập nhật căn cứ theo văn bản đang có hiệu lực.', en: 'Cite the document in force.' },
  doc: {
    what: { vi: 'Một căn cứ pháp lý (của thủ tục, thành phần, thời hạn, phí…) là văn bản mà danh mục văn bản ghi là đã bị thay thế hoặc hết hiệu lực.', en: 'A legal basis (of the procedure, a component, a duration, a fee…) that the legal registry marks superseded or expired.' },
    why: { vi: 'Thủ tục phải có căn cứ pháp lý đang có hiệu lực; căn cứ cũ cho thấy thủ tục chưa được cập nhật sau khi văn bản thay đổi.', en: 'A procedure must rest on law in force; an old basis shows it was not updated when the law changed.' },
    legalBasis: ['Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2 điểm l (căn cứ pháp lý)'],
    example: 'legalBasis:\n  - { number: 61/2018/NĐ-CP }   # replaced by 118/2025/NĐ-CP',
    limits: { vi: 'Chỉ biết những văn bản có trong danh mục văn bản (procedures/registry/legal.yaml), mỗi văn bản bị thay thế kèm nguồn xác nhận; văn bản chỉ bị báo từ ngày văn bản thay thế có hiệu lực (supersededFrom). Văn bản hướng dẫn của luật đã bị thay thế không tự động bị coi là hết hiệu lực.', en: 'Only knows the documents in the legal registry (procedures/registry/legal.yaml), each superseded one with the source that says so; a document is reported only from the day its replacement takes effect (supersededFrom). Implementing acts of a replaced law are not assumed lapsed.' },
    severities: { warning: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    const legal = ctx.catalogue.registries.legal;
    for (const { code, p } of targets(ctx)) {
      for (const [pointer, ref] of references(p, '')) {
        const doc = legal.get(ref.number)?.value;
        if (doc === undefined || (doc.status !== 'superseded' && doc.status !== 'expired')) continue;
        // Replaced later than "today": not stale yet (a check run on an earlier date must say so).
        if (!onOrAfter(ctx.today, doc.supersededFrom)) continue;
        out.push({
          code, pointer,
          data: {
            number: ref.number,
            status: doc.status === 'superseded' ? { vi: 'bị thay thế', en: 'superseded' } : { vi: 'hết hiệu lực', en: 'expired' },
            title: doc.title,
            replacement: doc.supersededBy !== undefined ? { vi: ` bởi ${doc.supersededBy}`, en: ` by ${doc.supersededBy}` } : '',
            since: doc.supersededFrom !== undefined ? { vi: ` từ ngày ${viDate(parseIsoDate(doc.supersededFrom))}`, en: ` since ${doc.supersededFrom}` } : '',
          },
        });
      }
    }
    return out;
  },
});
