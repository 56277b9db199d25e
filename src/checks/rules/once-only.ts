import { defineRule, targets } from '../define.js';
import { documentsIn, normalise } from '../index-build.js';
import type { RawFinding } from '../types.js';
import { CONDITIONAL, FALLBACK, coveredBy, isReRegistration, isSurrendered, procedureFallback } from '../reuse.js';

/** A component whose data a national database holds, demanded unconditionally. */
export const onceOnly = defineRule({
  id: 'once-only',
  code: 'TTHC403',
  severity: 'warning',
  category: 'redundancy',
  message: {
    vi: 'Thành phần "{name}" được yêu cầu vô điều kiện, trong khi dữ liệu đã có trong {database}.',
    en: 'Component "{name}" is demanded unconditionally although {database} holds its data.',
  },
  hint: { vi: 'Ghi nguồn khai thác dữ liệu (dataSource: {databaseId}) và chỉ yêu cầu giấy tờ khi không khai thác được (điều kiện when).', en: 'Set the data source (dataSource: {databaseId}) and demand the document only when the data cannot be read (a when condition).' },
  doc: {
    what: { vi: 'Một thành phần hồ sơ là giấy tờ mà một cơ sở dữ liệu quốc gia đã công bố lưu giữ (danh mục giấy tờ ghi database), được yêu cầu không điều kiện và không ghi nguồn khai thác (dataSource) hay cách khai thác thay thế.', en: 'A component is a document whose data a published national database holds (the registry names the database), demanded with no condition, no dataSource and no database fallback in its text.' },
    why: { vi: 'Nguyên tắc "chỉ cung cấp một lần": không yêu cầu người dân nộp thông tin mà cơ quan nhà nước đã có trong cơ sở dữ liệu.', en: 'The once-only principle: citizens must not be asked for data the state already holds.' },
    legalBasis: ['Nghị quyết 66.7/2025/NQ-CP', 'Nghị định 104/2022/NĐ-CP, Điều 14', 'Nghị định 45/2020/NĐ-CP'],
    example: 'components:\n  - { id: khai-sinh, name: Bản sao Giấy khai sinh, kind: submit, document: giay-khai-sinh }',
    limits: { vi: 'Không biết cơ sở dữ liệu đã thực sự kết nối với hệ thống của từng cơ quan chưa; văn bản nhắc đến khai thác, tra cứu, VNeID được coi là đã có cách khai thác thay thế.', en: 'It cannot know whether the database is actually connected to each agency\'s system; text that mentions reading, looking up or VNeID counts as a fallback.' },
    severities: { warning: { vi: 'Mọi phát hiện của quy tắc.', en: 'Every finding of the rule.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    const databases = ctx.catalogue.registries.databases;
    for (const { code, p } of targets(ctx)) {
      // The procedure already says, in a remark, a step or a condition, that data read from a
      // database replaces the papers: the fallback exists, only not repeated on the component.
      const fallback = procedureFallback(ctx.index, code, p);
      if (isReRegistration(p)) continue;
      for (const { component, pointer, caseId } of ctx.index.components(code)) {
        if (component.when !== undefined || component.dataSource !== undefined || component.optional === true) continue;
        // One of the papers a case accepts ("… thì phải có một trong các loại giấy tờ …").
        const caseName = caseId === undefined ? '' : normalise(p.cases?.find((k) => k.id === caseId)?.name ?? '');
        if (/mot trong/.test(caseName)) continue;
        const own = normalise(`${component.name} ${component.note ?? ''}`);
        if (FALLBACK.test(own) || CONDITIONAL.test(own) || isSurrendered(p, own)) continue;
        // Only a document asked for on its own: one choice in a list ("CCCD hoặc hộ chiếu") is not
        // "demanded unconditionally", and abolished or expired documents are abolished-document's.
        // Presenting an identity card is how an applicant shows who they are (Luật Căn cước
        // 2023, Điều 20), not data handed over: identity documents presented are not once-only's.
        const presented = component.kind === 'present' || /^\s*xuất trình/iu.test(component.name);
        const held = documentsIn(ctx.index, component, { anchored: true })
          .find((d) => d.context === 'demand' && d.doc.database !== undefined && d.doc.status === 'active' && !(presented && d.doc.family === 'identity'));
        if (held === undefined) continue;
        const names = [held.doc.name, ...(held.doc.aliases ?? [])].map((n) => normalise(n));
        if (coveredBy(fallback, names)) continue;
        const dbId = held.doc.database as string;
        const db = databases.get(dbId)?.value;
        out.push({ code, pointer: `${pointer}/name`, data: { name: component.name, database: db?.name ?? dbId, databaseId: dbId } });
      }
    }
    return out;
  },
});
