import type { KpiReport, KpiRow } from '../engine/kpi.js';
import type { SimulationResult } from '../simulate/run.js';
import { LEVEL_LABELS, label } from '../i18n/labels.js';
import type { Bilingual, Lang } from '../i18n/lang.js';
import { formatKpi } from './kpi.js';
import { count, decimal, markdownTable, percent, textTable } from './table.js';

/**
 * What `tthc simulate` prints: the run (dossiers, commands, batches, wall time, refusals),
 * its KPI table, and with a what-if, the before/after comparison.
 */

export type SimulationFormat = 'stylish' | 'json' | 'markdown';

interface Metric {
  label: Bilingual;
  value: (r: KpiRow) => number | null;
  kind: 'rate' | 'count' | 'days';
}

const METRICS: readonly Metric[] = [
  { label: { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' }, value: (r) => r.onTimeRate, kind: 'rate' },
  { label: { vi: 'Đã giải quyết đúng hạn', en: 'Resolved on time' }, value: (r) => r.resolvedOnTimeRate, kind: 'rate' },
  { label: { vi: 'Đang giải quyết quá hạn', en: 'Open, overdue' }, value: (r) => r.inProgressOverdue, kind: 'count' },
  { label: { vi: 'Phiếu xin lỗi', en: 'Apology slips' }, value: (r) => r.apologies, kind: 'count' },
  { label: { vi: 'Tỷ lệ 4 tại chỗ', en: '4 tại chỗ share' }, value: (r) => r.onSpotShare, kind: 'rate' },
  { label: { vi: 'Tỷ lệ trực tuyến', en: 'Online share' }, value: (r) => r.onlineShare, kind: 'rate' },
  { label: { vi: 'Ngày xử lý trung bình', en: 'Average processing days' }, value: (r) => r.averageProcessingDays, kind: 'days' },
];

function show(m: Metric, v: number | null, lang: Lang): string {
  return m.kind === 'rate' ? percent(v, lang) : m.kind === 'days' ? decimal(v, lang) : v === null ? '—' : count(v, lang);
}

function change(m: Metric, a: number | null, b: number | null, lang: Lang): string {
  if (a === null || b === null) return '—';
  const d = b - a;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  if (m.kind === 'rate') return `${sign}${decimal(Math.abs(d) * 100, lang)} ${lang === 'vi' ? 'điểm %' : 'pts'}`;
  return `${sign}${m.kind === 'days' ? decimal(Math.abs(d), lang) : count(Math.abs(d), lang)}`;
}

/** The before/after rows: the total, then each level. */
function comparison(before: KpiReport, after: KpiReport, lang: Lang): string[][] {
  const rows: string[][] = [];
  const groups: [string, KpiRow, KpiRow | undefined][] = [[lang === 'vi' ? 'Tổng' : 'Total', before.total, after.total]];
  if (before.by === 'level') for (const r of before.rows) groups.push([label(LEVEL_LABELS, r.key, lang), r, after.rows.find((x) => x.key === r.key)]);
  for (const [name, a, b] of groups) {
    for (const m of METRICS) {
      const va = m.value(a);
      const vb = b === undefined ? null : m.value(b);
      rows.push([`${name}: ${m.label[lang]}`, show(m, va, lang), show(m, vb, lang), change(m, va, vb, lang)]);
    }
  }
  return rows;
}

function runLines(r: SimulationResult, lang: Lang, title: Bilingual): string[] {
  const seconds = r.wallMs / 1000;
  const refusals = Object.entries(r.refusals).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${count(n, lang)}`).join('; ');
  return lang === 'vi'
    ? [`${title.vi}: ${count(r.dossiers, lang)} hồ sơ, ${count(r.commands, lang)} lệnh trong ${count(r.batches, lang)} lô, ${count(r.sweeps.fired, lang)} phiếu xin lỗi do hệ thống lập; ${decimal(seconds, lang)} giây (${count(r.commands / Math.max(seconds, 1e-9), lang)} lệnh/giây); còn mở cuối năm: ${count(r.open, lang)}; lệnh bị từ chối: ${count(r.refused, lang)}${refusals === '' ? '' : ` (${refusals})`}.`]
    : [`${title.en}: ${count(r.dossiers, lang)} dossiers, ${count(r.commands, lang)} commands in ${count(r.batches, lang)} batches, ${count(r.sweeps.fired, lang)} apology slips issued by the sweep; ${decimal(seconds, lang)} s (${count(r.commands / Math.max(seconds, 1e-9), lang)} commands/s); open at year end: ${count(r.open, lang)}; commands refused: ${count(r.refused, lang)}${refusals === '' ? '' : ` (${refusals})`}.`];
}

const HEADER: readonly Bilingual[] = [
  { vi: 'Chỉ số', en: 'Measure' }, { vi: 'Hiện trạng', en: 'Before' }, { vi: 'Phương án', en: 'After' }, { vi: 'Thay đổi', en: 'Change' },
];

/**
 * Formats a simulation (and its what-if, when there is one).
 *
 * @example
 * formatSimulation(baseline, variant, ['four-on-spot=1.004873'], 'stylish', 'vi');
 */
export function formatSimulation(baseline: SimulationResult, variant: SimulationResult | null, whatIfs: readonly string[], format: SimulationFormat, lang: Lang): string {
  if (format === 'json') {
    const strip = (r: SimulationResult) => ({ ...r });
    return `${JSON.stringify({ baseline: strip(baseline), whatIf: variant === null ? null : { changes: whatIfs, ...strip(variant) } }, null, 2)}\n`;
  }
  const md = format === 'markdown';
  const kpiFormat = md ? 'markdown' : 'stylish';
  const out = [...runLines(baseline, lang, { vi: 'Mô phỏng', en: 'Simulation' }), '', formatKpi(baseline.report, kpiFormat, lang)];
  if (variant !== null) {
    out.push(...runLines(variant, lang, { vi: `Phương án (${whatIfs.join(', ')})`, en: `What-if (${whatIfs.join(', ')})` }), '');
    const table = comparison(baseline.report, variant.report, lang);
    const header = HEADER.map((h) => h[lang]);
    out.push(md ? markdownTable(header, table) : textTable(header, table), '');
  }
  return out.join('\n');
}
