import { defineRule, onOrAfter, targets } from '../define.js';
import { documentsIn } from '../index-build.js';
import type { RawFinding } from '../types.js';

/** A document the registry marks abolished (sổ hộ khẩu, sổ tạm trú…) or phasing out (CMND). */
export const abolishedDocument = defineRule({
  id: 'abolished-document',
  code: 'TTHC402',
  severity: 'error',
  category: 'redundancy',
  message: {
    vi: 'Thành phần hồ sơ yêu cầu "{document}", {status} từ {since} ({basis}).',
    en: 'The component demands "{document}", {status} since {since} ({basis}).',
  },
  hint: { vi: '{advice}', en: '{advice}' },
  doc: {
    what: { vi: 'Thành phần hồ sơ (hoặc lưu ý về hồ sơ, hoặc đoạn thành phần hồ sơ chưa mã hóa trong mục rà soát) yêu cầu một giấy tờ mà danh mục giấy tờ ghi là đã bãi bỏ (sổ hộ khẩu, sổ tạm trú từ 01/01/2023) hoặc đang bị thay thế (chứng minh nhân dân); nhận ra qua tham chiếu document hoặc tên, tên gọi khác trong văn bản.', en: 'A component (or a dossier note, or component text kept unencoded in a review item) demands a document the registry marks abolished (household book, temporary-residence book since 2023-01-01) or phasing out (the people\'s identity card, CMND); found by its `document` reference or by its names and aliases in the text.' },
    why: { vi: 'Từ 01/01/2023 cơ quan không được yêu cầu xuất trình sổ hộ khẩu, sổ tạm trú; thông tin cư trú được khai thác từ Cơ sở dữ liệu quốc gia về dân cư.', en: 'Since 2023-01-01 agencies may not demand the household or temporary-residence book; residence data comes from the national population database.' },
    legalBasis: ['Luật Cư trú 68/2020/QH14, Điều 38 khoản 3', 'Nghị định 104/2022/NĐ-CP', 'Luật Căn cước 26/2023/QH15, Điều 46'],
    example: 'components:\n  - { id: ho-khau, name: Bản sao sổ hộ khẩu, kind: submit }',
    limits: { vi: 'Nhận ra giấy tờ trong văn bản theo tên và tên gọi khác; câu có "không", "thay cho" ngay trước tên thì bỏ qua. Giấy tờ được nêu như một lựa chọn ("CMND hoặc CCCD") vẫn được báo.', en: 'Documents in text are found by name and aliases; a mention right after "không" or "thay cho" is skipped. A document offered as one alternative ("CMND or CCCD") is still reported.' },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      // Components, and the component text the importer kept as notes or review items.
      const places = [
        ...ctx.index.components(code).map(({ component, pointer }) => ({ component, pointer, text: false })),
        ...(p.componentNotes ?? []).map((note, i) => ({ component: { id: '', name: note, kind: 'submit' as const }, pointer: `/componentNotes/${i}`, text: true })),
        // Unparsed portal text is kept in review items by the importer; in a hand-written file
        // a review item quotes what the author already corrected, so it is not a demand.
        ...(ctx.index.imported.has(code) ? p.review ?? [] : []).flatMap((r, i) => (r.topic === 'component' && r.original !== undefined
          ? [{ component: { id: '', name: r.original, kind: 'submit' as const }, pointer: `/review/${i}/original`, text: true }] : [])),
      ];
      for (const { component, pointer, text } of places) {
        for (const d of documentsIn(ctx.index, component)) {
          const status = d.doc.status;
          if (status !== 'abolished' && status !== 'phasing-out') continue;
          if (status === 'abolished' && !onOrAfter(ctx.today, d.doc.since)) continue;
          const basis = (d.doc.legalBasis ?? []).map((l) => l.number).join(', ') || '—';
          const replacement = d.doc.replacedBy;
          const finding: RawFinding = {
            code, pointer: d.by === 'reference' ? `${pointer}/document` : text ? pointer : `${pointer}/name`,
            severity: status === 'abolished' ? 'error' : 'warning',
            data: {
              document: d.doc.name,
              status: status === 'abolished' ? { vi: 'đã bãi bỏ', en: 'abolished' } : { vi: 'đang được thay thế', en: 'being replaced' },
              since: d.doc.since ?? '—',
              basis,
              advice: replacement !== undefined
                ? { vi: `Thay bằng "${replacement}"${d.doc.database !== undefined ? ` hoặc khai thác từ CSDL ${d.doc.database}` : ''}.`, en: `Replace it by "${replacement}"${d.doc.database !== undefined ? ` or read it from the ${d.doc.database} database` : ''}.` }
                : d.doc.database !== undefined
                  ? { vi: `Bỏ thành phần này; khai thác thông tin từ CSDL ${d.doc.database}.`, en: `Drop the component; read the data from the ${d.doc.database} database.` }
                  : { vi: 'Bỏ thành phần này.', en: 'Drop the component.' },
            },
          };
          if (d.by === 'reference' && replacement !== undefined) finding.fix = { kind: 'replace-value', pointer: `${pointer}/document`, value: replacement };
          out.push(finding);
        }
      }
    }
    return out;
  },
});
