import type { Fact } from '../../generated/types/catalogue.js';
import { parseMoment, viMoment } from '../calendar/dates.js';
import { BASIS_LABELS, CHANNEL_LABELS, FORM_LABELS, label } from '../i18n/labels.js';
import type { Lang } from '../i18n/lang.js';
import type { Checklist, ChecklistItem, OpenQuestion } from '../workflow/checklist.js';

/** Options of the checklist text. */
export interface ChecklistFormatOptions {
  lang: Lang;
  /** The name of a database id (from the registry), in the chosen language. */
  databaseName?: (id: string) => string;
  /** The procedure's facts, for the labels of their answers. */
  facts?: Readonly<Record<string, Fact>>;
}

function quantity(q: ChecklistItem['quantity'], vi: boolean): string {
  if (q === undefined) return '';
  const parts = [q.originals ? `${q.originals} ${vi ? 'bản chính' : q.originals === 1 ? 'original' : 'originals'}` : '', q.copies ? `${q.copies} ${vi ? 'bản sao' : q.copies === 1 ? 'copy' : 'copies'}` : ''].filter((x) => x !== '');
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

function answerLabel(q: OpenQuestion, a: OpenQuestion['answers'][number], vi: boolean): string {
  if (typeof a.value === 'boolean') return a.value ? (vi ? 'có' : 'yes') : (vi ? 'không' : 'no');
  return (vi ? a.label : a.labelEn ?? a.label) ?? String(a.value);
}

/**
 * The checklist as text for the applicant: what to submit and present, what depends on
 * questions not answered yet (and what each answer adds), fees per channel, and the
 * appointment date with what its calendar rests on.
 */
export function formatChecklist(c: Checklist, options: ChecklistFormatOptions): string {
  const { lang } = options;
  const vi = lang === 'vi';
  const dbName = options.databaseName ?? ((id: string) => id);
  const lines = [`${c.procedure}  ${c.name}`, ''];
  const byId = new Map([...c.components, ...c.optional, ...c.undecided].map((i) => [i.id, i]));
  const section = (title: string, items: readonly ChecklistItem[]): void => {
    if (items.length === 0) return;
    lines.push(title);
    for (const i of items) {
      const kind = i.kind === 'present' ? (vi ? 'xuất trình' : 'present') : (vi ? 'nộp' : 'submit');
      const form = i.form !== undefined && i.quantity === undefined ? ` — ${label(FORM_LABELS, i.form, lang)}` : '';
      const db = i.dataSource !== undefined ? (vi ? ` — có thể khai thác từ ${dbName(i.dataSource)}` : ` — obtainable from the ${dbName(i.dataSource)}`) : '';
      lines.push(`  [${kind}] ${i.name}${quantity(i.quantity, vi)}${form}${db}`);
    }
    lines.push('');
  };
  section(vi ? 'Giấy tờ phải có:' : 'Required documents:', c.components);
  section(vi ? 'Giấy tờ nộp nếu có:' : 'Optional documents (if any):', c.optional);
  section(vi ? 'Giấy tờ tùy theo câu trả lời (chưa xác định):' : 'Documents that depend on answers not given yet:', c.undecided);
  if (c.questions.length > 0) {
    lines.push(vi ? 'Câu hỏi chưa trả lời (--fact tên=giá-trị):' : 'Questions not answered yet (--fact name=value):');
    for (const q of c.questions) {
      const text = (vi ? q.question : q.questionEn ?? q.question) ?? q.fact;
      lines.push(`  ? ${text} (${q.fact})`);
      if (q.answers.length === 0) lines.push(vi ? '      trả lời bằng một số' : '      answer with a number');
      for (const a of q.answers) {
        const names = a.adds.map((id) => byId.get(id)?.name ?? id);
        const value = typeof a.value === 'boolean' ? String(a.value) : a.value;
        const what = names.length === 0 ? (vi ? 'không thêm giấy tờ nào' : 'adds nothing') : `${vi ? 'thêm' : 'adds'}: ${names.join('; ')}`;
        lines.push(`      ${answerLabel(q, a, vi)} (${q.fact}=${value}) → ${what}`);
      }
    }
    lines.push('');
  }
  if (c.components.length === 0 && c.optional.length === 0 && c.undecided.length === 0) {
    lines.push(vi ? 'Không có giấy tờ nào được công bố cho trường hợp này.' : 'No documents are published for this case.', '');
  }
  lines.push(vi ? 'Phí, lệ phí:' : 'Fees:');
  for (const [channel, fees] of Object.entries(c.fees)) {
    const text = (fees ?? []).length === 0
      ? (vi ? 'không công bố' : 'not published')
      : (fees ?? []).map((f) => `${f.amount.toLocaleString('vi-VN')} ${f.currency}${f.per !== undefined ? `/${f.per}` : ''}${f.label !== undefined ? ` (${f.label})` : ''}`).join('; ');
    lines.push(`  ${label(CHANNEL_LABELS, channel, lang)}: ${text}`);
  }
  if (c.due !== undefined) {
    lines.push('');
    const reason = {
      'unit-missing': vi ? 'thời hạn không có đơn vị (cần rà soát)' : 'the period has no unit (under review)',
      'no-period': vi ? 'thủ tục không công bố thời hạn cho kênh này' : 'no period is published for this channel',
      'channel-not-offered': vi ? 'thủ tục không nhận hồ sơ qua kênh này' : 'this channel is not offered',
    };
    const channel = label(CHANNEL_LABELS, c.due.channel, lang);
    const when = (iso: string): string => viMoment(parseMoment(iso), lang);
    if (c.due.due !== null) {
      lines.push(`${vi ? 'Nộp' : 'Submitted'} ${when(c.due.submittedAt)} (${channel}) → ${vi ? 'hẹn trả kết quả' : 'due'} ${when(c.due.due)}`);
      const basis = c.due.basis;
      if (basis !== undefined && basis.basis !== 'announced') {
        // A due date over a year whose days off are not announced may move: say so.
        const years = basis.years.filter((y) => y.basis !== 'announced').map((y) => `${y.year}: ${label(BASIS_LABELS, y.basis, lang)}`).join('; ');
        lines.push(vi ? `  Lưu ý: ngày hẹn có thể thay đổi (${years}).` : `  Note: the date may change (${years}).`);
      }
      if (c.undecided.length > 0) {
        lines.push(vi ? '  Hồ sơ chỉ được tiếp nhận khi đủ giấy tờ; trả lời các câu hỏi trên để biết đủ là những gì.' : '  A dossier is received only when complete; answer the questions above to know what complete means.');
      }
    } else {
      lines.push(`${vi ? 'Không tính được ngày hẹn' : 'No due date'}: ${reason[c.due.reason ?? 'no-period']}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
