import { defineRule, targets } from '../define.js';
import { documentKey } from '../index-build.js';
import type { RawFinding } from '../types.js';

/** A remark that heads a sub-case. */
const SUB_CASE = /^(?:[a-zđ]\)|\d{1,2}[.)])?\s*(tạm ứng|thanh toán lần|lần đầu|các lần tiếp theo|đợt \d|giai đoạn \d)/iu;

/**
 * A row that heads a list of its own inside one component table: "Đối với hồ sơ … trách nhiệm
 * hữu hạn, … phải nộp bổ sung các văn bản sau", "Trường hợp … thì hồ sơ gồm:". The portal prints
 * alternative lists (one per kind of applicant) in one table; the same paper in two of them is
 * asked for once per applicant, not twice (2.000438: Thông tư 57/2024/TT-NHNN, one list for a
 * limited-liability, one for a joint-stock institution).
 */
const LIST_HEADING = /^(?:[a-zđ]\)|\d{1,2}[.)]|[-+*•])?\s*(?:đối với|trường hợp)\b.*(?:\bsau|:)\s*:?\s*$/iu;

/** A template's identity: its reference, else its file or name. */
function templateOf(t: { name: string; code?: string; url?: string } | undefined): string | undefined {
  if (t === undefined) return undefined;
  return documentKey((t.code ?? t.name).replace(/\.(docx?|xlsx?|pdf|odt|rtf|zip)$/iu, ''));
}

/** Two different forms: neither template is a variant of the other ("Mẫu I.1.8" and "Mẫu I.1.8.e" are one family). */
function differentForms(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b && !a.startsWith(`${b} `) && !b.startsWith(`${a} `);
}

/** The same document twice in one procedure or one case. */
export const duplicateComponent = defineRule({
  id: 'duplicate-component',
  code: 'TTHC401',
  severity: 'warning',
  category: 'redundancy',
  message: {
    vi: 'Thành phần hồ sơ "{name}" trùng với "{other}" (dòng {line}) trong cùng {scope}.',
    en: 'Component "{name}" duplicates "{other}" (line {line}) in the same {scope}.',
  },
  hint: { vi: 'Bỏ thành phần trùng; nếu cần cả bản chính và bản sao, ghi một thành phần với số lượng.', en: 'Drop the duplicate; if both an original and a copy are needed, keep one component with its quantity.' },
  doc: {
    what: { vi: 'Cùng một giấy tờ được yêu cầu hai lần trong một thủ tục (hoặc một trường hợp), sau khi chuẩn hóa chữ hoa, dấu, Unicode NFC, cách viết "bản sao/bản chính" và tên gọi khác trong danh mục giấy tờ.', en: 'The same document demanded twice in one procedure (or one case), after normalising case, diacritics, NFC, the "bản sao/bản chính" wording and the registry\'s aliases.' },
    why: { vi: 'Thành phần hồ sơ phải cần thiết, hợp lý; giấy tờ trùng lặp là đối tượng cắt giảm khi rà soát.', en: 'Components must be necessary and reasonable; duplicates are what reviews cut first.' },
    legalBasis: ['Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2 và Điều 28 (sửa đổi bởi Nghị định 92/2017/NĐ-CP)'],
    example: 'components:\n  - { id: to-khai, name: Tờ khai đăng ký, kind: submit }\n  - { id: to-khai-2, name: "Tờ khai đăng ký (bản chính)", kind: submit }',
    limits: { vi: 'Hai tên khác nhau của cùng một giấy tờ chỉ được nhận ra nếu danh mục giấy tờ ghi tên gọi khác (aliases). Giấy tờ xuất trình và giấy tờ nộp cùng tên, hoặc hai dòng cùng tên nhưng khác mẫu (template), được coi là khác nhau; bảng có từ hai danh sách thay thế nhau trở lên, mỗi danh sách mở đầu bằng dòng "Đối với …/Trường hợp … các văn bản sau:", không được xét (Cổng không giữ mỗi dòng dưới đúng tiêu đề của nó).', en: 'Two different names of one document are only recognised through the registry\'s aliases. A document to present and one to submit with the same name, or two rows of one name with different templates, are treated as different; a table holding two or more alternative lists, each headed by a row "Đối với …/Trường hợp … các văn bản sau:", is left alone (the portal does not keep each row under its heading).' },
    severities: { warning: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      // An imported record whose remarks are sub-case headings ("a) Tạm ứng lần đầu.", "Tạm ứng
      // các lần tiếp theo:") lost which document belongs to which sub-case: a repeated name
      // there is one document per sub-case, not a duplicate.
      if (ctx.index.imported.has(code) && (p.componentNotes ?? []).some((n) => SUB_CASE.test(n.trim()))) continue;
      const seen = new Map<string, { name: string; pointer: string; exact: string; template: string | undefined }>();
      const lists = new Map<string, number>();
      for (const { component, caseId } of ctx.index.components(code)) {
        if (LIST_HEADING.test(component.name.trim())) lists.set(caseId ?? '', (lists.get(caseId ?? '') ?? 0) + 1);
      }
      for (const { component, pointer, caseId } of ctx.index.components(code)) {
        // A fragment of a row the portal cut (") (khoản 4 Điều 39 …)."): not a document name.
        if (/^[)\].,;:]/u.test(component.name.trim())) continue;
        // Two or more alternative lists in one table: the portal does not keep each row under its
        // heading (2.000438 prints both lists' rows after the second heading), so which list a
        // repeated row belongs to cannot be told; such a table is left alone.
        if ((lists.get(caseId ?? '') ?? 0) >= 2 || LIST_HEADING.test(component.name.trim())) continue;
        const key = `${caseId ?? ''}|${component.kind}|${component.document ?? documentKey(component.name)}`;
        if (documentKey(component.name) === '' && component.document === undefined) continue;
        const exact = JSON.stringify({ ...component, id: undefined });
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, { name: component.name, pointer, exact, template: templateOf(component.template) });
          continue;
        }
        // Two rows with different templates are two forms ("… theo mẫu" for commercial vehicles and
        // for official vehicles): different documents under one generic name.
        const template = templateOf(component.template);
        if (differentForms(template, first.template)) continue;
        const line = ctx.catalogue.locate(ctx.index.files.get(code) ?? '', first.pointer)?.start.line ?? 0;
        const finding: RawFinding = {
          code, pointer, data: { name: component.name, other: first.name, line, scope: caseId === undefined ? { vi: 'thủ tục', en: 'procedure' } : { vi: 'trường hợp', en: 'case' } },
          related: [{ code, pointer: first.pointer }],
        };
        if (exact === first.exact && !pointer.startsWith('/cases/') === !first.pointer.startsWith('/cases/')) finding.fix = { kind: 'remove-item', pointer };
        out.push(finding);
      }
    }
    return out;
  },
});
