import { defineRule, targets } from '../define.js';
import { documentKey } from '../index-build.js';
import type { RawFinding } from '../types.js';

/** A remark that heads a sub-case. */
const SUB_CASE = /^(?:[a-zđ]\)|\d{1,2}[.)])?\s*(tạm ứng|thanh toán lần|lần đầu|các lần tiếp theo|đợt \d|giai đoạn \d)/iu;

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
    limits: { vi: 'Hai tên khác nhau của cùng một giấy tờ chỉ được nhận ra nếu danh mục giấy tờ ghi tên gọi khác (aliases). Giấy tờ xuất trình và giấy tờ nộp cùng tên, hoặc hai dòng cùng tên nhưng khác mẫu (template), được coi là khác nhau.', en: 'Two different names of one document are only recognised through the registry\'s aliases. A document to present and one to submit with the same name, or two rows of one name with different templates, are treated as different.' },
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
      for (const { component, pointer, caseId } of ctx.index.components(code)) {
        // A fragment of a row the portal cut (") (khoản 4 Điều 39 …)."): not a document name.
        if (/^[)\].,;:]/u.test(component.name.trim())) continue;
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
