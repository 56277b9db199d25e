import { defineRule, targets } from '../define.js';
import { documentsIn, normalise, RESULT_MIN_WORDS as MIN_WORDS, resultKeyOf } from '../index-build.js';
import { CONDITIONAL, FALLBACK, coveredBy, isReRegistration, isSurrendered, procedureFallback } from '../reuse.js';
import type { Place, RawFinding } from '../types.js';

/** A component that is the result of another procedure of the catalogue. */
export const issuedByCatalogue = defineRule({
  id: 'issued-by-catalogue',
  code: 'TTHC405',
  severity: 'info',
  category: 'redundancy',
  message: {
    vi: 'Thành phần "{name}" là kết quả của thủ tục {issuer}; hệ thống cấp đã giữ dữ liệu này.',
    en: 'Component "{name}" is the result of procedure {issuer}; the issuing system already holds it.',
  },
  hint: { vi: 'Khai thác kết quả từ hệ thống của thủ tục cấp (liên thông dữ liệu) thay vì yêu cầu người nộp.', en: 'Read the result from the issuing procedure\'s system instead of asking the applicant.' },
  doc: {
    what: { vi: 'Một thành phần hồ sơ là kết quả của một thủ tục khác trong danh mục: theo danh mục giấy tờ (issuedBy) hoặc vì tên thành phần chứa đúng tên kết quả (đủ dài, không chung chung) của thủ tục đó.', en: 'A component is the result of another procedure in the catalogue: by the registry (issuedBy), or because its name contains that procedure\'s result name (long enough not to be generic).' },
    why: { vi: 'Giấy tờ do chính cơ quan nhà nước cấp qua một thủ tục đã được số hóa phải được khai thác lại, không bắt người dân nộp lại.', en: 'Documents the state itself issued through a digitised procedure should be reused, not asked for again.' },
    legalBasis: ['Nghị định 45/2020/NĐ-CP (sử dụng kết quả giải quyết TTHC điện tử)', 'Nghị quyết 66.7/2025/NQ-CP'],
    example: 'components:\n  - { id: gcn-dkdn, name: Giấy chứng nhận đăng ký doanh nghiệp, kind: submit, document: giay-chung-nhan-dang-ky-doanh-nghiep }',
    limits: { vi: 'Chỉ so tên kết quả có ít nhất 7 từ; kết quả chung chung ("Quyết định", "Văn bản chấp thuận") không được dùng.', en: 'Only result names of at least seven words are matched; generic results ("Quyết định", "Văn bản chấp thuận") are not used.' },
    severities: { info: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    const issuedBy = new Map<string, string[]>();
    const issuersNamed = new Map<string, readonly string[]>();
    for (const m of ctx.index.documents) {
      issuersNamed.set(m.id, m.doc.issuedBy ?? []);
      issuedBy.set(m.id, (m.doc.issuedBy ?? []).filter((c) => ctx.index.procedures.has(c)));
    }
    // Long, specific result names, each issued by one procedure.
    const specific = ctx.index.specificResults();
    for (const { code, p } of targets(ctx)) {
      // A reissue or exchange takes the old paper back (cấp lại, cấp đổi, thu hồi): handing it in
      // is the point, not data the applicant supplies.
      const reissue = /^(thu tuc )?(cap lai|cap doi|doi|gia han|thu hoi|huy)/.test(normalise(p.name ?? ''));
      // A re-registration exists because the register was lost; and a procedure that already says
      // it reads the data and asks for the paper only as a fallback has nothing to add.
      if (isReRegistration(p)) continue;
      const fallback = procedureFallback(ctx.index, code, p);
      for (const { component, pointer } of ctx.index.components(code)) {
        // Already read from a database, or conditional on not being found there.
        const text = normalise(`${component.name} ${component.note ?? ''}`);
        if (component.dataSource !== undefined || component.when !== undefined || FALLBACK.test(text) || CONDITIONAL.test(text)) continue;
        // Issued abroad (no Vietnamese system holds it), or handed in to be taken back.
        if (/(nuoc ngoai|nuoc xuat khau|nuoc nhap khau|quoc te)/.test(text)) continue;
        if (reissue || isSurrendered(p, text) || /(nop lai|thu hoi|hu hong|bi mat|da cap|cu|qua cac thoi ky)(?![a-z])/.test(text)) continue;
        // Presented to show who the applicant is: identification, not data handed over.
        if (component.kind === 'present' || /^xuat trinh/.test(text)) continue;
        let issuer: Place | undefined;
        const demands = documentsIn(ctx.index, component, { anchored: true }).filter((x) => x.context === 'demand');
        // Whether the issuers the registry names are in the catalogue, and their results, decide
        // this component's finding (or its absence).
        for (const d of demands) for (const c of issuersNamed.get(d.id) ?? []) if (c !== code) ctx.readsProcedure?.(code, c);
        for (const d of demands) {
          const c = (issuedBy.get(d.id) ?? []).find((x) => x !== code);
          if (c !== undefined) {
            issuer = { code: c, pointer: '/results' };
            break;
          }
        }
        if (issuer === undefined && component.document === undefined) {
          // The component *is* a specific result of another procedure: the whole name, give or
          // take a qualifier ("còn hiệu lực", "(nếu có)") — a longer name ("… kiểu loại phụ
          // tùng") is another document that only starts the same way.
          const key = resultKeyOf(component.name);
          const hit = key.split(' ').length >= MIN_WORDS ? specific.get(key) : undefined;
          if (hit !== undefined && hit.code !== code) issuer = hit;
        }
        if (issuer === undefined) continue;
        const issuerProcedure = ctx.index.procedures.get(issuer.code);
        // The paper by its component name, the issuer's result names, or the registry's names of
        // the documents the component demands ("Giấy chứng tử" in "Giấy chứng tử của cha đẻ, mẹ đẻ …").
        const demanded = documentsIn(ctx.index, component, { anchored: true }).filter((x) => x.context === 'demand').flatMap((x) => [x.doc.name, ...(x.doc.aliases ?? [])]);
        const issued = [component.name, ...(issuerProcedure?.results ?? []).map((r) => r.name), ...demanded].map((n) => normalise(n.replace(/\([^)]*\)/gu, ' ')).trim());
        // Only a statement that names the paper counts here: a general "… thay thế thành phần hồ sơ"
        // does not tell which results are read, so the suggestion still helps.
        if (coveredBy({ general: false, prose: fallback.prose }, issued)) continue;
        out.push({ code, pointer: `${pointer}/name`, data: { name: component.name, issuer: issuer.code }, related: [issuer] });
      }
    }
    return out;
  },
});
