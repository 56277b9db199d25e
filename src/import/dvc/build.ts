import { inferUnit, parseChannelTable, type ChannelRow } from './channels.js';
import { groupKind, isGenericTitle, isNoteRow, isNotesTitle, namesDocument, parseComponentTable, type ComponentRow } from './components.js';
import { parseLegalBasis } from './legal.js';
import { parseResults } from './results.js';
import { fold, IdAllocator, isBlank, slugify, splitList, tidy, unique } from './text.js';
import type { ChannelKey, DurationUnit, ImportedDuration, ImportedFee, ReviewNote } from './types.js';

/**
 * Turns one portal record into a catalogue procedure (a plain object in the key order of
 * the catalogue format) and counts what was parsed, for the coverage summary.
 */

/** The portal's fields (see data/dvc/README.md). */
export const RECORD_FIELDS = [
  'ma_thu_tuc', 'detail_url', 'formality_id', 'ten_thu_tuc', 'so_quyet_dinh', 'cap_thuc_hien', 'loai_thu_tuc',
  'linh_vuc', 'doi_tuong_thuc_hien', 'co_quan_co_tham_quyen', 'dia_chi_tiep_nhan', 'co_quan_duoc_uy_quyen',
  'co_quan_phoi_hop', 'thu_tuc_lien_quan', 'trinh_tu_thuc_hien', 'cach_thuc_thuc_hien', 'thanh_phan_ho_so',
  'can_cu_phap_ly', 'co_quan_thuc_hien', 'yeu_cau_dieu_kien', 'ket_qua_xu_ly',
] as const;

/** A portal record: every field is text (a missing field reads as empty). */
export type PortalRecord = Partial<Record<(typeof RECORD_FIELDS)[number], string>>;

/** Levels as the portal prints them (Law 72/2025/QH15: two-level local government from 2025-07-01). */
const LEVELS: Readonly<Record<string, string>> = {
  'cấp bộ': 'ministry',
  'cấp tỉnh': 'province',
  'cấp xã': 'commune',
  'cơ quan khác': 'other',
  'cấp huyện': 'district',
};

const CHANNEL_ORDER: readonly ChannelKey[] = ['in-person', 'online', 'postal'];

/** Counts for the coverage summary of one record. */
export interface RecordStats {
  componentRows: number;
  /** Rows that became a component or a note without a review item. */
  componentRowsParsed: number;
  components: number;
  notes: number;
  channelRows: number;
  channelRowsParsed: number;
  durations: number;
  durationsExplicit: number;
  durationsInferred: number;
  durationsBare: number;
  durationsNone: number;
  durationsText: number;
  feeCells: number;
  feeCellsParsed: number;
  fees: number;
  legalEntries: number;
  results: number;
  reviewItems: number;
}

/** The result of building one record. */
export interface Built {
  code: string;
  procedure: Record<string, unknown>;
  stats: RecordStats;
  /** Every component row's text, to prove nothing was lost (the round-trip property). */
  rowTexts: string[];
}

function emptyStats(): RecordStats {
  return {
    componentRows: 0, componentRowsParsed: 0, components: 0, notes: 0,
    channelRows: 0, channelRowsParsed: 0, durations: 0, durationsExplicit: 0, durationsInferred: 0,
    durationsBare: 0, durationsNone: 0, durationsText: 0, feeCells: 0, feeCellsParsed: 0, fees: 0,
    legalEntries: 0, results: 0, reviewItems: 0,
  };
}

function text(record: PortalRecord, field: (typeof RECORD_FIELDS)[number]): string {
  const v = record[field];
  return typeof v === 'string' ? v : '';
}

/** Splits the steps into paragraphs: at "Bước n" markers, else at "- " bullets, else one step. */
export function splitSteps(raw: string): string[] {
  const t = tidy(raw);
  if (t === '' || isBlank(t)) return [];
  const lines = t.split('\n');
  const marker = lines.some((l) => /^[-+*]?\s*Bước\s*\d/iu.test(l)) ? /^[-+*]?\s*Bước\s*\d/iu : /^-\s/u;
  const steps: string[] = [];
  for (const line of lines) {
    if (line === '') continue;
    if (steps.length === 0 || marker.test(line)) steps.push(line);
    else steps[steps.length - 1] += `\n${line}`;
  }
  return steps;
}

function durationKey(d: ImportedDuration | undefined): string {
  return d === undefined ? '' : `${d.value}|${d.unit ?? ''}`;
}

function feeKey(f: ImportedFee): string {
  return `${f.amount}|${f.currency ?? ''}|${f.per ?? ''}|${f.note ?? ''}|${f.label ?? ''}`;
}

function buildChannels(record: PortalRecord, review: ReviewNote[], stats: RecordStats): Record<string, unknown> | undefined {
  const raw = text(record, 'cach_thuc_thuc_hien');
  if (isBlank(raw)) {
    review.push({ topic: 'channel', path: '/channels', question: 'Cổng không công bố cách thức thực hiện (kênh nộp, thời hạn, phí). Cần bổ sung từ quyết định công bố.' });
    return undefined;
  }
  const table = parseChannelTable(raw);
  if (table.leftover !== '') {
    review.push({ topic: 'channel', path: '/channels', original: table.leftover, question: 'Không tách được đoạn này của bảng cách thức thực hiện thành kênh, thời hạn, phí. Cần mã hóa thủ công.' });
  }
  const steps = text(record, 'trinh_tu_thuc_hien');
  const channels = new Map<ChannelKey, Record<string, unknown>>();
  // No row prints a duration ("Không có thông tin"), but the description column may state it.
  const fromDescription = table.rows.some((r) => r.duration !== undefined && Number.isFinite(r.duration.value)) ? undefined : describedPeriod(table.rows);
  if (fromDescription?.kind === 'several') {
    review.push({ topic: 'duration', path: '/channels', original: fromDescription.text, question: `Cổng không ghi thời hạn ở cột thời gian; phần mô tả nêu nhiều thời hạn (${fromDescription.periods.join('; ')}) theo từng trường hợp. Cần mã hóa thời hạn theo trường hợp (durationCases).` });
  }
  for (const row of table.rows) {
    stats.channelRows++;
    let clean = true;
    const path = `/channels/${row.channel}`;
    let duration: ImportedDuration | undefined = row.duration;
    switch (row.durationState) {
      case 'explicit':
        stats.durationsExplicit++;
        break;
      case 'bare': {
        const evidence = inferUnit(row.duration?.value ?? Number.NaN, [
          row.description,
          ...table.rows.filter((r) => r.durationState === 'explicit').map((r) => r.durationText),
          ...table.rows.map((r) => r.description),
          steps,
          text(record, 'yeu_cau_dieu_kien'),
        ]);
        if (evidence !== undefined && duration !== undefined) {
          duration = { ...duration, unit: evidence.unit, note: `Cổng chỉ ghi "${row.durationText}"; đơn vị lấy từ chính bản ghi: "${evidence.evidence}".` };
          stats.durationsInferred++;
        } else {
          stats.durationsBare++;
          clean = false;
          review.push({ topic: 'duration', path: `${path}/duration`, original: row.raw, question: `Cổng ghi thời hạn "${row.durationText}" không có đơn vị (ngày làm việc, ngày, giờ?). Cần xác định đơn vị theo văn bản quy định.` });
        }
        break;
      }
      case 'none':
        if (fromDescription?.kind === 'one') {
          duration = { ...fromDescription.duration, note: `Cổng không ghi thời hạn ở cột thời gian; lấy từ phần mô tả của chính bản ghi: "${fromDescription.evidence}".` };
          stats.durationsInferred++;
        } else {
          stats.durationsNone++;
        }
        break;
      case 'glued':
        stats.durationsText++;
        clean = false;
        review.push({ topic: 'duration', path: `${path}/duration`, original: row.raw, question: `Cổng in liền thời hạn và phí ("${row.durationText}…"), đọc được theo nhiều cách; không lấy thời hạn và phí của hàng này. Cần xác định từ quyết định công bố.` });
        break;
      case 'text':
        stats.durationsText++;
        clean = false;
        review.push({ topic: 'duration', path: `${path}/duration`, original: row.raw, question: `Thời hạn trên Cổng là văn bản "${row.durationText}", không phải một khoảng thời gian. Cần mã hóa thủ công.` });
        break;
    }
    if (row.gluedCell !== undefined) {
      clean = false;
      review.push({ topic: 'fee', path: `${path}/fees`, original: row.raw, question: `Cổng in liền thời hạn và phí ("${row.gluedCell}…"); cách đọc duy nhất là thời hạn ${row.durationText} và phí ${row.feeText}. Cần xác nhận theo quyết định công bố.` });
    }
    if (duration !== undefined && Number.isFinite(duration.value)) stats.durations++;
    stats.feeCells++;
    if (row.feeState === 'unparsed') {
      clean = false;
      review.push({ topic: 'fee', path: `${path}/fees`, original: row.raw, question: 'Không đọc được mức phí, lệ phí của hàng này. Cần mã hóa thủ công.' });
    } else {
      stats.feeCellsParsed++;
    }
    if (clean) stats.channelRowsParsed++;
    mergeRow(channels, row, duration);
  }
  if (channels.size === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of CHANNEL_ORDER) {
    const c = channels.get(key);
    if (c !== undefined) out[key] = c;
  }
  for (const c of channels.values()) stats.fees += (c['fees'] as unknown[] | undefined)?.length ?? 0;
  return out;
}

const PERIOD_IN_TEXT = /(?<![\d.,/])(\d{1,3})\s*(?:\([^)]{1,30}\)\s*)?(ngày làm việc|ngày|giờ|tháng)(?![\p{L}])/giu;
const UNIT_OF: Readonly<Record<string, DurationUnit>> = { 'ngày làm việc': 'working-days', 'ngày': 'days', 'giờ': 'hours', 'tháng': 'months' };

/**
 * The period the description column states when the duration column is empty: one period
 * (the same value and unit wherever it is named) is a reading the record itself gives;
 * several (per case: "28 ngày làm việc (cấp mới), 02 ngày làm việc (cấp lại)") are for review.
 */
function describedPeriod(rows: readonly ChannelRow[]):
  | { kind: 'one'; duration: ImportedDuration; evidence: string }
  | { kind: 'several'; periods: string[]; text: string }
  | undefined {
  const found = new Map<string, { duration: ImportedDuration; evidence: string }>();
  let text = '';
  for (const row of rows) {
    for (const m of row.description.matchAll(PERIOD_IN_TEXT)) {
      const unit = UNIT_OF[(m[2] ?? '').toLowerCase()];
      if (unit === undefined) continue;
      const value = Number(m[1]);
      const key = `${value} ${unit}`;
      if (!found.has(key)) found.set(key, { duration: { value, unit }, evidence: m[0] });
      if (text === '') text = row.description;
    }
  }
  if (found.size === 0) return undefined;
  if (found.size === 1) return { kind: 'one', ...([...found.values()][0] as { duration: ImportedDuration; evidence: string }) };
  return { kind: 'several', periods: [...found.values()].map((f) => f.evidence), text };
}

function mergeRow(channels: Map<ChannelKey, Record<string, unknown>>, row: ChannelRow, duration: ImportedDuration | undefined): void {
  const existing = channels.get(row.channel);
  if (existing === undefined) {
    const c: Record<string, unknown> = {};
    if (duration !== undefined && Number.isFinite(duration.value)) c['duration'] = duration;
    if (row.fees.length > 0) c['fees'] = row.fees;
    if (row.description !== '') c['description'] = row.description;
    channels.set(row.channel, c);
    return;
  }
  // A further row for the same channel: another case (the portal lists one row per case).
  if (duration !== undefined && Number.isFinite(duration.value)) {
    if (existing['duration'] === undefined) {
      existing['duration'] = duration;
    } else if (durationKey(existing['duration'] as ImportedDuration) !== durationKey(duration) || row.description !== existing['description']) {
      const cases = (existing['durationCases'] as Record<string, unknown>[] | undefined) ?? [];
      const n = cases.length + 2;
      cases.push({ case: row.description !== '' ? row.description : `Hàng thứ ${n} trên Cổng`, ...duration });
      existing['durationCases'] = cases;
    }
  }
  if (row.fees.length > 0) {
    const fees = (existing['fees'] as ImportedFee[] | undefined) ?? [];
    const seen = new Set(fees.map(feeKey));
    for (const f of row.fees) if (!seen.has(feeKey(f))) fees.push(f);
    existing['fees'] = fees;
  }
  if (existing['description'] === undefined && row.description !== '') existing['description'] = row.description;
}

/** A short remark that introduces the documents after it ("Tạm ứng lần đầu.", "… nộp bổ sung:"). */
function isSubHeading(name: string): boolean {
  if (isNoteRow(name) || isGenericTitle(name) || name.length > 160) return false;
  // Words, not a fragment the portal cut ("(nếu có).", ")"): a letter first, two words at least.
  if (!/^(?:[a-zđ]\)\s*|\d{1,2}[.)]\s*|[-+*•]\s*)?\p{L}/iu.test(name.trim()) || name.trim().split(/\s+/u).length < 2) return false;
  if (/:\s*$/u.test(name)) return true;
  return name.length <= 60 && /\.?\s*$/u.test(name) && !/(?<![\p{L}])(phải|không|được|có thể)(?![\p{L}])/u.test(name);
}

/** The heading's text as a case name, without its closing punctuation. */
function tidySubHeading(name: string): string {
  return name.replace(/[:.;\s]+$/u, '').trim();
}

/** Whether the row after `i` in a group is a document (a quantity above zero). */
function nextIsDocument(rows: readonly ComponentRow[], i: number): boolean {
  const next = rows[i + 1];
  return next !== undefined && next.name !== '' && (next.originals > 0 || next.copies > 0) && !isNoteRow(next.name);
}

function formOf(row: ComponentRow): string {
  const f = fold(row.name);
  if (/^(?:\d+\s*)?ban sao (?:co )?chung thuc/u.test(f) && !/hoac/u.test(f.slice(0, 80))) return 'certified-copy';
  if (/^(?:\d+\s*)?(?:ban sao|ban chup|ban photo)/u.test(f)) return 'copy';
  if (row.originals === 0 && row.copies > 0) return 'copy';
  return 'original';
}

function buildComponents(
  record: PortalRecord,
  review: ReviewNote[],
  stats: RecordStats,
  rowTexts: string[],
): { components: unknown[]; cases: unknown[]; notes: string[] } {
  const raw = text(record, 'thanh_phan_ho_so');
  const components: unknown[] = [];
  const cases: { id: string; name: string; components: unknown[] }[] = [];
  const notes: string[] = [];
  if (isBlank(raw) || tidy(raw) === '--') {
    review.push({ topic: 'component', path: '/components', question: 'Cổng không công bố thành phần hồ sơ. Cần bổ sung từ quyết định công bố.' });
    return { components, cases, notes };
  }
  const table = parseComponentTable(raw);
  if (table.unstructured !== '') {
    stats.componentRows++;
    rowTexts.push(table.unstructured);
    review.push({ topic: 'component', path: '/components', original: table.unstructured, question: 'Thành phần hồ sơ trên Cổng không có bảng (tên giấy tờ, mẫu, số lượng). Cần mã hóa thủ công.' });
    return { components, cases, notes };
  }
  const ids = new IdAllocator();
  const caseIds = new IdAllocator();
  const caseByTitle = new Map<string, { id: string; name: string; components: unknown[] }>();
  for (const group of table.groups) {
    const kind = groupKind(group.title);
    const notesGroup = isNotesTitle(group.title);
    let target = components;
    let pathBase = '/components';
    if (!isGenericTitle(group.title) && !notesGroup) {
      const name = group.title.replace(/^[-*\s]+/u, '').replace(/[:\s]+$/u, '').trim();
      let c = caseByTitle.get(name);
      if (c === undefined) {
        c = { id: caseIds.take(slugify(name, 40, 'truong-hop')), name, components: [] };
        caseByTitle.set(name, c);
        cases.push(c);
      }
      target = c.components;
      pathBase = `/cases/${cases.indexOf(c)}/components`;
    }
    const groupTarget = target;
    const groupPath = pathBase;
    const groupName = isGenericTitle(group.title) || notesGroup ? '' : group.title.replace(/^[-*\s]+/u, '').replace(/[:\s]+$/u, '').trim();
    group.rows.forEach((row, rowIndex) => {
      stats.componentRows++;
      rowTexts.push(row.name === '' ? row.raw : row.name);
      const zero = row.originals === 0 && row.copies === 0;
      // "0 bản chính" is how the portal prints its notes, but some documents too (mẫu TK03):
      // those stay components, with a review item about the quantity the portal left out.
      const zeroDocument = zero && !notesGroup && row.name !== '' && namesDocument(row.name, row.templates);
      // A sub-heading inside a group ("Tạm ứng lần đầu.", "Đối với hàng hóa tạm nhập thì nộp bổ
      // sung:") followed by documents: those documents are that case's, not the group's — else
      // the same document asked once per case reads as a duplicate.
      if (zero && !zeroDocument && !notesGroup && isSubHeading(row.name) && nextIsDocument(group.rows, rowIndex)) {
        const name = groupName === '' ? tidySubHeading(row.name) : `${groupName} — ${tidySubHeading(row.name)}`;
        let c = caseByTitle.get(name);
        if (c === undefined) {
          c = { id: caseIds.take(slugify(tidySubHeading(row.name), 40, 'truong-hop')), name, components: [] };
          caseByTitle.set(name, c);
          cases.push(c);
        }
        target = c.components;
        pathBase = `/cases/${cases.indexOf(c)}/components`;
        notes.push(row.name); // the heading stays readable as a remark too
        stats.notes++;
        stats.componentRowsParsed++;
        return;
      }
      if ((zero && !zeroDocument) || notesGroup || isNoteRow(row.name)) {
        if (row.name !== '') {
          notes.push(row.name);
          stats.notes++;
          stats.componentRowsParsed++;
        } else {
          review.push({ topic: 'component', path: '/componentNotes', original: `${row.raw}${row.quantityText}`, question: 'Hàng thành phần hồ sơ không có tên và số lượng 0. Cần kiểm tra.' });
        }
        return;
      }
      if (row.name === '') {
        review.push({ topic: 'component', path: pathBase, original: `${row.raw}${row.quantityText}`, question: 'Hàng thành phần hồ sơ có số lượng nhưng không có tên giấy tờ. Cần kiểm tra.' });
        return;
      }
      const rowKind = /^xuất trình/iu.test(row.name) ? 'present' : kind;
      const component: Record<string, unknown> = {
        id: ids.take(slugify(row.name, 40, 'giay-to')),
        name: row.name,
        kind: rowKind,
        form: formOf(row),
      };
      if (!zeroDocument) component['quantity'] = { originals: row.originals, copies: row.copies };
      if (row.templates.length > 0) component['template'] = { name: row.templates.join('; ') };
      if (zeroDocument) {
        review.push({ topic: 'component', path: `${pathBase}/${target.length}`, original: `${row.raw}${row.quantityText}`, question: `Cổng ghi số lượng "${row.quantityText}" cho giấy tờ này; đã ghi là thành phần hồ sơ, chưa ghi số lượng. Cần xác định số bản theo quyết định công bố.` });
      }
      target.push(component);
      stats.components++;
      if (!zeroDocument) stats.componentRowsParsed++;
    });
    target = groupTarget;
    pathBase = groupPath;
    if (group.trailing !== '') {
      stats.componentRows++;
      rowTexts.push(group.trailing);
      review.push({ topic: 'component', path: pathBase, original: group.trailing, question: 'Đoạn cuối thành phần hồ sơ không có số lượng: là ghi chú hay giấy tờ? Cần kiểm tra.' });
    }
  }
  // A case whose rows were all remarks keeps its title as a remark: it often states a
  // requirement itself ("Trường hợp ủy quyền phải kèm theo giấy ủy quyền…").
  for (const c of cases) if (c.components.length === 0) notes.push(c.name);
  return { components, cases: cases.filter((c) => c.components.length > 0), notes: unique(notes) };
}

/**
 * Builds the catalogue procedure of one record. `source` names the input file (for
 * provenance); the record is assumed to have a valid code and URL (checked by the caller).
 */
export function buildProcedure(record: PortalRecord, source: string): Built {
  const stats = emptyStats();
  const review: ReviewNote[] = [];
  const rowTexts: string[] = [];
  const code = text(record, 'ma_thu_tuc').trim();
  const p: Record<string, unknown> = { code };

  const name = tidy(text(record, 'ten_thu_tuc')).replace(/\n/g, ' ');
  if (name !== '') p['name'] = name;
  else review.push({ topic: 'other', path: '/name', question: 'Bản ghi không có tên thủ tục.' });
  const field = tidy(text(record, 'linh_vuc'));
  if (!isBlank(field)) p['field'] = field;
  const type = tidy(text(record, 'loai_thu_tuc'));
  if (!isBlank(type)) p['type'] = type;
  const decision = tidy(text(record, 'so_quyet_dinh'));
  if (!isBlank(decision)) p['decision'] = { number: decision };
  const targets = splitList(text(record, 'doi_tuong_thuc_hien')).filter((t) => !isBlank(t));
  if (targets.length > 0) p['targets'] = unique(targets);

  const agencies: Record<string, string[]> = {};
  const agencyFields: [string, (typeof RECORD_FIELDS)[number]][] = [
    ['competent', 'co_quan_co_tham_quyen'],
    ['implementing', 'co_quan_thuc_hien'],
    ['delegated', 'co_quan_duoc_uy_quyen'],
    ['coordinating', 'co_quan_phoi_hop'],
  ];
  for (const [key, f] of agencyFields) {
    const list = unique(splitList(text(record, f)).filter((t) => !isBlank(t)));
    if (list.length > 0) agencies[key] = list;
  }
  const reception = tidy(text(record, 'dia_chi_tiep_nhan'));
  if (!isBlank(reception)) agencies['reception'] = reception.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (Object.keys(agencies).length > 0) p['agencies'] = agencies;

  const levels: string[] = [];
  for (const item of splitList(text(record, 'cap_thuc_hien'))) {
    const level = LEVELS[item.toLowerCase()];
    if (level !== undefined) levels.push(level);
    else review.push({ topic: 'level', path: '/levels', original: item, question: `Cấp thực hiện "${item}" không thuộc danh sách (Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác). Cần xác định.` });
  }
  if (levels.length > 0) p['levels'] = unique(levels);
  else if (isBlank(text(record, 'cap_thuc_hien'))) review.push({ topic: 'level', path: '/levels', question: 'Bản ghi không ghi cấp thực hiện.' });

  const steps = splitSteps(text(record, 'trinh_tu_thuc_hien'));
  if (steps.length > 0) p['steps'] = steps;

  const channels = buildChannels(record, review, stats);
  if (channels !== undefined) p['channels'] = channels;

  const { components, cases, notes } = buildComponents(record, review, stats, rowTexts);
  if (components.length > 0) p['components'] = components;
  if (cases.length > 0) p['cases'] = cases;
  if (notes.length > 0) p['componentNotes'] = notes;

  const results = parseResults(text(record, 'ket_qua_xu_ly'));
  if (results.results.length > 0) p['results'] = results.results;
  stats.results = results.results.length;
  for (const left of results.leftover) {
    review.push({ topic: 'result', path: '/results', original: left, question: 'Không tách được tên và mã kết quả của đoạn này. Cần kiểm tra.' });
  }

  const conditionsText = tidy(text(record, 'yeu_cau_dieu_kien'));
  if (!isBlank(conditionsText) && !/^không\.?$/iu.test(conditionsText)) {
    p['conditions'] = conditionsText.split('\n').filter((l) => l !== '');
  }

  const legal = parseLegalBasis(text(record, 'can_cu_phap_ly'));
  if (legal.entries.length > 0) p['legalBasis'] = legal.entries;
  stats.legalEntries = legal.entries.length;
  for (const left of legal.leftover) {
    review.push({ topic: 'legal-basis', path: '/legalBasis', original: left, question: 'Không tách được số hiệu văn bản của đoạn căn cứ pháp lý này. Cần kiểm tra.' });
  }
  for (const problem of legal.problems) {
    const at = legal.entries.findIndex((e) => e.number === problem.number);
    const path = at >= 0 ? `/legalBasis/${at}/number` : '/legalBasis';
    review.push(problem.kind === 'repaired'
      ? { topic: 'legal-basis', path, original: problem.original, question: `Cổng ghi số hiệu "${problem.original}" không đầy đủ; đã ghi "${problem.number ?? ''}" (ký hiệu duy nhất có thể theo quy định, hoặc số đầy đủ trong tên văn bản của chính bản ghi). Cần xác nhận.` }
      : { topic: 'legal-basis', path, original: problem.original, question: `Số hiệu "${problem.original}" không đúng dạng số/năm/ký hiệu văn bản (năm không hợp lý hoặc thiếu cơ quan ban hành); giữ nguyên như Cổng ghi. Cần kiểm tra.` });
  }

  const related = tidy(text(record, 'thu_tuc_lien_quan'));
  if (!isBlank(related)) {
    review.push({ topic: 'other', path: '/related', original: related, question: 'Cổng liệt kê thủ tục liên quan theo tên, không có mã thủ tục. Cần tra mã để ghi vào related.' });
  }

  p['provenance'] = [{ url: text(record, 'detail_url').trim(), publisher: 'Cổng Dịch vụ công quốc gia', note: `Nhập tự động từ ${source} bằng tthc import dvc.` }];
  if (review.length > 0) p['review'] = review;
  stats.reviewItems = review.length;
  return { code, procedure: p, stats, rowTexts };
}
