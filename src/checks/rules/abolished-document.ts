import type { DocumentType } from '../../../generated/types/catalogue.js';
import { viDate } from '../../calendar/dates.js';
import { parseIsoDate } from '../../calendar/dates.js';
import type { Bilingual } from '../../i18n/lang.js';
import { citeLegal } from '../cite.js';
import { defineRule, onOrAfter, targets } from '../define.js';
import { documentsIn } from '../index-build.js';
import { mentionsIn, type MentionContext } from '../mentions.js';
import type { RawFinding, RuleContext } from '../types.js';

/** Where in a procedure a document is asked for. */
const WHERE: Record<string, Bilingual> = {
  components: { vi: 'Thành phần hồ sơ', en: 'The component' },
  cases: { vi: 'Thành phần hồ sơ', en: 'The component' },
  componentNotes: { vi: 'Ghi chú về thành phần hồ sơ', en: 'A dossier remark' },
  steps: { vi: 'Trình tự thực hiện', en: 'A step' },
  conditions: { vi: 'Yêu cầu, điều kiện', en: 'A condition' },
  review: { vi: 'Đoạn thành phần hồ sơ chưa mã hóa (mục rà soát)', en: 'Unencoded component text (review item)' },
};

/** How serious a demand is, from the document's status on `today` and how the text asks for it. */
function gravity(doc: DocumentType, today: string, context: Exclude<MentionContext, 'mention'>): { state: 'abolished' | 'expired' | 'phasing-out'; severity: 'error' | 'warning' | 'info' } | undefined {
  const reached = onOrAfter(today, doc.since);
  const state = doc.status === 'abolished' ? (reached ? 'abolished' : undefined)
    : doc.status === 'expired' ? (reached ? 'expired' : 'phasing-out')
      : doc.status === 'phasing-out' ? 'phasing-out' : undefined;
  if (state === undefined) return undefined;
  if (state === 'phasing-out') return { state, severity: context === 'demand' ? 'warning' : 'info' };
  // Demanded as the only option: unlawful. One choice among valid ones: the list needs updating.
  return { state, severity: context === 'demand' ? 'error' : 'warning' };
}

const STATUS: Record<'abolished' | 'expired' | 'phasing-out', Bilingual> = {
  abolished: { vi: 'đã bị bãi bỏ', en: 'abolished' },
  expired: { vi: 'đã hết giá trị sử dụng', en: 'no longer valid' },
  'phasing-out': { vi: 'đang được thay thế', en: 'being replaced' },
};

/** What to do, never more than the law asks: a list is updated, a lawful component is not deleted. */
function advice(ctx: RuleContext, doc: DocumentType, context: Exclude<MentionContext, 'mention'>, prose: boolean): Bilingual {
  const q = `"${doc.name}"`;
  const db = doc.database !== undefined ? ctx.catalogue.registries.databases.get(doc.database)?.value : undefined;
  const replacement = doc.replacedBy !== undefined ? ctx.catalogue.registries.documents.get(doc.replacedBy)?.value : undefined;
  const basis = (db?.legalBasis ?? []).length > 0 ? citeLegal(db?.legalBasis, ctx.catalogue) : undefined;
  const read = db !== undefined
    ? { vi: `khai thác thông tin từ ${db.name}${basis !== undefined ? ` (${basis.vi})` : ''}`, en: `read the data from the ${db.nameEn ?? db.name}${basis !== undefined ? ` (${basis.en})` : ''}` }
    : undefined;
  if (context === 'alternative') {
    return {
      vi: `Cập nhật danh sách giấy tờ được chấp nhận: bỏ ${q}${replacement !== undefined ? `, ghi "${replacement.name}"` : ''}; giữ các giấy tờ còn giá trị.`,
      en: `Update the list of accepted documents: remove ${q}${replacement !== undefined ? `, list "${replacement.nameEn ?? replacement.name}"` : ''}; keep the valid ones.`,
    };
  }
  const instead = replacement !== undefined
    ? { vi: `thay bằng "${replacement.name}"${read !== undefined ? ` hoặc ${read.vi}` : ''}`, en: `ask for "${replacement.nameEn ?? replacement.name}" instead${read !== undefined ? `, or ${read.en}` : ''}` }
    : read ?? { vi: 'bỏ yêu cầu này', en: 'drop this demand' };
  return prose
    ? { vi: `Sửa câu này: không yêu cầu người nộp xuất trình ${q}; ${instead.vi}.`, en: `Reword this: do not ask the applicant for ${q}; ${instead.en}.` }
    : { vi: `Không yêu cầu ${q} nữa; ${instead.vi}.`, en: `Stop asking for ${q}; ${instead.en}.` };
}

/** A document the registry marks abolished (sổ hộ khẩu, sổ tạm trú…) or no longer valid (CMND). */
export const abolishedDocument = defineRule({
  id: 'abolished-document',
  code: 'TTHC402',
  severity: 'error',
  category: 'redundancy',
  message: {
    vi: '{where} {asks} "{document}", giấy tờ {status} từ ngày {since} ({basis}).',
    en: '{where} {asks} "{document}", {status} since {since} ({basis}).',
  },
  hint: { vi: '{advice}', en: '{advice}' },
  doc: {
    what: {
      vi: 'Thủ tục yêu cầu một giấy tờ mà danh mục giấy tờ ghi là đã bãi bỏ (sổ hộ khẩu, sổ tạm trú từ 01/01/2023) hoặc đã hết giá trị sử dụng (chứng minh nhân dân từ 01/01/2025): trong thành phần hồ sơ, hoặc trong trình tự, điều kiện, ghi chú khi câu văn yêu cầu người nộp nộp, xuất trình giấy tờ đó. Mức lỗi khi đó là giấy tờ duy nhất được yêu cầu; mức cảnh báo khi giấy tờ chỉ là một lựa chọn trong danh sách ("CMND hoặc thẻ Căn cước") — khi đó cần cập nhật danh sách, không bỏ thành phần.',
      en: 'The procedure asks for a document the registry marks abolished (household and temporary-residence books, since 2023-01-01) or no longer valid (the people\'s identity card, CMND, since 2025-01-01): in a component, or in a step, condition or remark where the sentence asks the applicant to submit or present it. An error when it is the only document asked for; a warning when it is one choice in a list ("CMND or identity card") — then the list is updated, the component stays.',
    },
    why: {
      vi: 'Từ 01/01/2023 cơ quan không được yêu cầu xuất trình sổ hộ khẩu, sổ tạm trú; thông tin cư trú được khai thác từ Cơ sở dữ liệu quốc gia về dân cư. Chứng minh nhân dân chỉ có giá trị đến hết 31/12/2024.',
      en: 'Since 2023-01-01 agencies may not demand the household or temporary-residence book; residence data comes from the national population database. The people\'s identity card was valid until 2024-12-31.',
    },
    legalBasis: ['Luật Cư trú 68/2020/QH14, khoản 3 Điều 38', 'Nghị định 104/2022/NĐ-CP, Điều 14', 'Luật Căn cước 26/2023/QH15, khoản 2 Điều 46'],
    example: 'components:\n  - { id: ho-khau, name: Bản sao sổ hộ khẩu, kind: submit }',
    limits: {
      vi: 'Nhận ra giấy tờ theo tên và tên gọi khác. Không coi là yêu cầu: tên nằm trong tên một văn bản được viện dẫn, sau "không", "thay cho", "trừ", là kiểu ảnh ("ảnh kiểu chứng minh nhân dân"), là số tra cứu ("số CMND": giấy tờ đã cấp ghi số CMND vẫn có giá trị), hoặc câu chỉ nói cán bộ khai thác dữ liệu mà không yêu cầu người nộp. Danh mục giấy tờ ghi các giấy tờ khác cùng tên (notWhen), ví dụ giấy báo tử mẫu LS1 của Công an.',
      en: 'Documents are found by name and aliases. Not a demand: a name inside a cited document\'s title, after "không" (not), "thay cho" (instead of), "trừ" (except), as a photo format ("ảnh kiểu chứng minh nhân dân"), as a lookup key ("số CMND": papers that quote a CMND number stay valid), or in a sentence that only tells officials to read a database. The registry names homonyms (notWhen), such as the police\'s LS1 death notice.',
    },
    severities: { error: { vi: 'Giấy tờ đã bãi bỏ hoặc hết giá trị là giấy tờ duy nhất được yêu cầu.', en: 'An abolished or expired document is the only one asked for.' }, warning: { vi: 'Giấy tờ đó chỉ là một lựa chọn trong danh sách, được yêu cầu "nếu có", nằm trong đoạn chưa mã hóa, hoặc đang được thay thế mà là giấy tờ duy nhất.', en: 'It is one choice in a list, asked for "if any", in unencoded text, or being replaced and the only one asked for.' }, info: { vi: 'Giấy tờ đang được thay thế, là một lựa chọn.', en: 'A document being replaced, as one choice.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const { code, p } of targets(ctx)) {
      const seen = new Set<string>();
      const report = (pointer: string, part: string, doc: DocumentType, found: Exclude<MentionContext, 'mention'>, prose: boolean, cap?: 'warning', fix?: RawFinding['fix'], optional = false, evidence = false): void => {
        // "Giấy chứng minh nhân dân 09 số (nếu có)": asked for only if the applicant has one (often
        // to link an old number): never the only option, so at most a warning.
        const context = optional ? 'alternative' : found;
        const g = gravity(doc, ctx.today, context);
        if (g === undefined) return;
        // One of the papers that show a person's details (late birth registration): it still shows
        // them, so it is not refused; the list's wording is out of date — for a reviewer, as info.
        if (evidence) g.severity = 'info';
        const key = `${pointer}|${doc.name}`;
        if (seen.has(key)) return;
        seen.add(key);
        const severity = cap === 'warning' && g.severity === 'error' ? 'warning' : g.severity;
        const finding: RawFinding = {
          code, pointer, severity, key: doc.name,
          data: {
            where: WHERE[part] ?? { vi: 'Thủ tục', en: 'The procedure' },
            asks: evidence ? { vi: 'còn liệt kê như một giấy tờ chứng minh thông tin cá nhân', en: 'still lists as evidence of personal details' }
              : optional ? { vi: 'yêu cầu (nếu có)', en: 'asks, if the applicant has one, for' }
              : context === 'demand' ? { vi: 'yêu cầu', en: 'asks for' } : { vi: 'còn liệt kê như một lựa chọn', en: 'still lists as one choice' },
            document: doc.name,
            status: STATUS[g.state],
            since: doc.since !== undefined ? { vi: viDate(parseIsoDate(doc.since)), en: doc.since } : '—',
            basis: citeLegal(doc.legalBasis, ctx.catalogue),
            advice: evidence
              ? { vi: `Giấy tờ cũ vẫn thể hiện các thông tin đó: vẫn nhận "${doc.name}" làm chứng cứ, chỉ cập nhật cách viết danh sách (bổ sung giấy tờ hiện hành, khai thác Cơ sở dữ liệu quốc gia về dân cư).`, en: `An old paper still shows those details: keep accepting "${doc.nameEn ?? doc.name}" as evidence, only update the list's wording (add current papers, reading the national population database).` }
              : optional
              ? { vi: `Nếu chỉ cần số cũ để đối chiếu dữ liệu, ghi rõ "số ${doc.name.toLowerCase()} (nếu có)"; không yêu cầu nộp giấy tờ đã hết giá trị.`, en: `If only the old number is needed to link records, say "the old ${doc.nameEn ?? doc.name} number (if any)"; do not ask for a document no longer valid.` }
              : advice(ctx, doc, context, prose),
          },
        };
        if (fix !== undefined) finding.fix = fix;
        out.push(finding);
      };
      for (const { component, pointer } of ctx.index.components(code)) {
        for (const d of documentsIn(ctx.index, component)) {
          const fix: RawFinding['fix'] = d.by === 'reference' && d.doc.replacedBy !== undefined ? { kind: 'replace-value', pointer: `${pointer}/document`, value: d.doc.replacedBy } : undefined;
          const optional = component.optional === true || /\(\s*nếu có\s*\)/iu.test(component.name);
          report(d.by === 'reference' ? `${pointer}/document` : `${pointer}/name`, pointer.split('/')[1] ?? 'components', d.doc, d.context, false, undefined, fix, optional, d.reason === 'evidence');
        }
      }
      // Prose asks for a document only where a verb asks the applicant for it.
      const prose: [string, readonly string[] | undefined][] = [['steps', p.steps], ['conditions', p.conditions], ['componentNotes', p.componentNotes]];
      for (const [part, texts] of prose) {
        (texts ?? []).forEach((text, i) => {
          for (const m of mentionsIn(text, ctx.index.documents, 'prose')) if (m.context !== 'mention') report(`/${part}/${i}`, part, m.doc, m.context, true, undefined, undefined, false, m.reason === 'evidence');
        });
      }
      // Unparsed portal text is kept in review items by the importer; in a hand-written file a
      // review item quotes what the author already corrected, so it is not read. At most a
      // warning: the text is not encoded yet (import-unresolved says so too).
      if (ctx.index.imported.has(code)) {
        (p.review ?? []).forEach((r, i) => {
          if (r.topic !== 'component' || r.original === undefined) return;
          for (const m of mentionsIn(r.original, ctx.index.documents, 'component')) if (m.context !== 'mention') report(`/review/${i}/original`, 'review', m.doc, m.context, false, 'warning');
        });
      }
    }
    return out;
  },
});
