import type { Stats } from '../checks/stats.js';
import type { Lang } from '../i18n/lang.js';

/**
 * `tthc stats` for people: the same sections in plain text and in Markdown (a section is
 * data — a title and rows — rendered by both), so neither format can drop one.
 */

/** One section of the statistics: a title, column headers, rows; or a note when empty. */
interface Section {
  title: string;
  columns: string[];
  rows: string[][];
  empty?: string;
}

const money = (n: number): string => n.toLocaleString('vi-VN');
const pct = (n: number): string => `${n.toFixed(1)}%`;

/** The sections of the statistics, in the order both formats print them. */
function sections(s: Stats, lang: Lang): Section[] {
  const vi = lang === 'vi';
  const overview: Section = {
    title: vi ? 'Tổng quan' : 'Overview',
    columns: [vi ? 'chỉ số' : 'measure', vi ? 'giá trị' : 'value'],
    rows: [
      [vi ? 'Số thủ tục' : 'Procedures', `${s.procedures}`],
      [vi ? 'Cấp bộ / tỉnh / xã / cơ quan khác' : 'Ministry / province / commune / other', `${s.levels.ministry} / ${s.levels.province} / ${s.levels.commune} / ${s.levels.other}`],
      ...(s.levels.district > 0 ? [[vi ? 'Cấp huyện (đã bỏ từ 01/07/2025)' : 'District (abolished since 01/07/2025)', `${s.levels.district}`]] : []),
      [vi ? '"4 tại chỗ" đã công bố' : '"4 tại chỗ" designated', `${s.fourOnSpot.designated} (${pct(s.fourOnSpot.share)})`],
      [vi ? '"4 tại chỗ": đủ điều kiện, chưa công bố' : '"4 tại chỗ": candidates not designated', `${s.fourOnSpot.candidates} → ${pct(s.fourOnSpot.shareIfDesignated)} ${vi ? 'nếu công bố' : 'if designated'}`],
      [vi ? 'Trực tuyến toàn trình' : 'Fully online', `${s.online.full} (${pct(s.online.fullShare)})`],
      [vi ? 'Trực tuyến một phần / không trực tuyến / chưa ghi' : 'Partial / not online / not stated', `${s.online.partial} / ${s.online.none} / ${s.online.unknown}`],
      [vi ? 'Đủ điều kiện toàn trình, chưa công bố' : 'Full-online candidates not designated', `${s.online.candidates} → ${pct(s.online.fullShareIfDesignated)} ${vi ? 'nếu công bố' : 'if designated'}`],
    ],
  };
  const fields: Section = {
    title: vi ? 'Theo lĩnh vực' : 'By field',
    columns: [vi ? 'lĩnh vực' : 'field', vi ? 'thủ tục' : 'procedures', '4 tại chỗ', vi ? 'toàn trình' : 'fully online'],
    rows: s.fields.map((f) => [f.field, `${f.procedures}`, `${f.fourOnSpot}`, `${f.onlineFull}`]),
  };
  const findings: Section = {
    title: vi ? 'Phát hiện theo quy tắc' : 'Findings per rule',
    columns: [vi ? 'quy tắc' : 'rule', vi ? 'số phát hiện' : 'findings'],
    rows: Object.entries(s.findings).map(([id, n]) => [id, `${n}`]),
    empty: vi ? 'Không có phát hiện nào.' : 'No findings.',
  };
  const triage: Section[] = s.triage === undefined ? [] : [{
    title: vi ? 'Đã xem xét (baseline)' : 'Triage (baseline)',
    columns: [vi ? 'trạng thái' : 'state', vi ? 'số phát hiện' : 'findings'],
    rows: [
      [vi ? 'Mới hoặc thay đổi, chưa xem xét' : 'New or changed, not triaged', `${s.triage.open}`],
      [vi ? 'Đã chấp nhận (có lý do)' : 'Accepted (with a reason)', `${s.triage.accepted}`],
      [vi ? 'Đã bác bỏ (có lý do)' : 'Dismissed (with a reason)', `${s.triage.dismissed}`],
      [vi ? 'Trong baseline nhưng không còn xuất hiện' : 'In the baseline but no longer found', `${s.triage.gone}`],
    ],
  }];
  const compliance: Section = {
    title: vi ? 'Chi phí tuân thủ (Thông tư 02/2017/TT-VPCP, Điều 27)' : 'Compliance cost (Circular 02/2017/TT-VPCP art. 27)',
    columns: [vi ? 'thủ tục' : 'procedure', vi ? 'VND/lần: hiện tại → sau đơn giản hóa' : 'VND per filing: now → simplified', vi ? 'VND/năm: hiện tại → sau đơn giản hóa' : 'VND per year: now → simplified', vi ? 'tiết kiệm VND/năm' : 'saving VND per year'],
    rows: [
      ...s.compliance.procedures.map((c) => [`${c.code} ${c.name}`, `${money(c.perFiling)} → ${money(c.afterPerFiling)}`, `${money(c.perYear)} → ${money(c.afterPerYear)}`, money(c.savingPerYear)]),
      ...(s.compliance.procedures.length > 0 ? [[vi ? 'Tổng' : 'Total', '', `${money(s.compliance.perYear)} → ${money(s.compliance.afterPerYear)}`, money(s.compliance.savingPerYear)]] : []),
    ],
    empty: vi ? 'Chưa thủ tục nào khai báo số liệu chi phí (compliance).' : 'No procedure declares its cost figures (compliance).',
  };
  return [overview, fields, findings, ...triage, compliance];
}

/** The statistics as plain text. */
export function formatStatsText(s: Stats, lang: Lang): string {
  const lines: string[] = [];
  for (const section of sections(s, lang)) {
    lines.push(`${section.title}:`);
    if (section.rows.length === 0) lines.push(`  ${section.empty ?? '—'}`);
    const width = Math.max(0, ...section.rows.map((r) => (r[0] ?? '').length));
    for (const row of section.rows) {
      const [first, ...rest] = row;
      lines.push(`  ${(first ?? '').padEnd(width)}  ${rest.filter((x) => x !== '').join('  ')}`.trimEnd());
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The statistics as Markdown: a heading, then every section as a table. */
export function formatStatsMarkdown(s: Stats, lang: Lang): string {
  const lines = [lang === 'vi' ? '# Thống kê thủ tục hành chính' : '# Procedure statistics', ''];
  for (const section of sections(s, lang)) {
    lines.push(`## ${section.title}`, '');
    if (section.rows.length === 0) {
      lines.push(section.empty ?? '—', '');
      continue;
    }
    lines.push(`| ${section.columns.map(cell).join(' | ')} |`, `|${section.columns.map(() => '---').join('|')}|`);
    for (const row of section.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The headings of every section (tests compare the formats with it). */
export function statsSectionTitles(s: Stats, lang: Lang): string[] {
  return sections(s, lang).map((x) => x.title);
}
