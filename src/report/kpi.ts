import { parseMoment, viMoment } from '../calendar/dates.js';
import type { KpiDimension, KpiReport, KpiRow } from '../engine/kpi.js';
import { LEVEL_LABELS, label } from '../i18n/labels.js';
import type { WorkflowIR } from '../workflow/ir.js';
import { lifecycle } from '../workflow/lifecycle.js';
import type { Bilingual, Lang } from '../i18n/lang.js';
import { count, csvTable, decimal, markdownTable, percent, textTable } from './table.js';

/**
 * The KPI report of `tthc kpi` and `GET /kpi` in four formats: `stylish` (a table for the
 * terminal), `json` (the report object, the contract scripts read), `markdown` and `csv`.
 */

/** Output formats of the KPI report. */
export type KpiFormat = 'stylish' | 'json' | 'markdown' | 'csv';

export const KPI_FORMATS: readonly KpiFormat[] = ['stylish', 'json', 'markdown', 'csv'];

const DIMENSION: Readonly<Record<KpiDimension, Bilingual>> = {
  total: { vi: 'Toàn bộ', en: 'All' },
  level: { vi: 'Cấp', en: 'Level' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  stage: { vi: 'Giai đoạn liên thông', en: 'Interconnected stage' },
};

const COLUMNS: readonly Bilingual[] = [
  { vi: 'Hồ sơ', en: 'Dossiers' },
  { vi: 'Đúng hạn', en: 'On time' },
  { vi: 'Xong đúng hạn', en: 'Resolved on time' },
  { vi: 'Xong quá hạn', en: 'Resolved late' },
  { vi: 'Đang, trong hạn', en: 'Open, in time' },
  { vi: 'Đang, quá hạn', en: 'Open, overdue' },
  { vi: 'Trực tuyến', en: 'Online' },
  { vi: '4 tại chỗ', en: '4 tại chỗ' },
  { vi: 'Phiếu xin lỗi', en: 'Apology slips' },
  { vi: 'Ngày xử lý TB', en: 'Avg days' },
  { vi: 'Ngày luật định TB', en: 'Statutory days' },
];

const EMPTY_IR: WorkflowIR = {
  version: 1, procedure: '', name: '', channels: ['in-person'], online: 'partial', fourOnSpot: false, supplementLimit: 1,
  supplementLimitStated: false, periods: {}, stages: [], components: [], cases: [], facts: [],
};

const CSV_COLUMNS = [
  'key', 'name', 'level', 'submitted', 'onTimeRate', 'resolvedOnTime', 'resolvedLate', 'inProgressWithinTime', 'inProgressOverdue',
  'notRated', 'resolvedOnTimeRate', 'online', 'onlineShare', 'onSpot', 'onSpotShare', 'apologies', 'averageProcessingDays', 'averageStatutoryDays',
] as const;

function keyLabel(report: KpiReport, row: KpiRow, lang: Lang): string {
  if (report.by === 'level') return label(LEVEL_LABELS, row.key, lang);
  if (report.by === 'stage') return `${row.name ?? row.key} (${label(LEVEL_LABELS, row.level ?? '', lang)})`;
  return row.name === null ? row.key : `${row.key} ${row.name}`;
}

function cells(report: KpiReport, row: KpiRow, lang: Lang, first: string): string[] {
  return [
    first, count(row.submitted, lang), percent(row.onTimeRate, lang), count(row.resolvedOnTime, lang), count(row.resolvedLate, lang),
    count(row.inProgressWithinTime, lang), count(row.inProgressOverdue, lang), percent(row.onlineShare, lang), percent(row.onSpotShare, lang),
    count(row.apologies, lang), decimal(row.averageProcessingDays, lang), decimal(row.averageStatutoryDays, lang),
  ];
}

function body(report: KpiReport, lang: Lang): { header: string[]; rows: string[][] } {
  const header = [DIMENSION[report.by][lang], ...COLUMNS.map((c) => c[lang])];
  const rows = report.by === 'total' ? [] : report.rows.map((r) => cells(report, r, lang, keyLabel(report, r, lang)));
  rows.push(cells(report, report.total, lang, lang === 'vi' ? 'Tổng' : 'Total'));
  return { header, rows };
}

/** Labels of the lifecycle steps lateness can arise in (the lifecycle's own state labels). */
const STEP_LABELS: ReadonlyMap<string, Bilingual> = new Map(
  lifecycle({ ...EMPTY_IR, fourOnSpot: true }).states.map((s) => [s.id, s.label]),
);

function latenessRows(report: KpiReport, lang: Lang): string[][] {
  return report.lateness.map((l) => [l.name ?? STEP_LABELS.get(l.step)?.[lang] ?? l.step, label(LEVEL_LABELS, l.level, lang), count(l.late, lang)]);
}

const LATENESS_HEADER: readonly Bilingual[] = [
  { vi: 'Trễ phát sinh ở (giai đoạn/bước)', en: 'Lateness arose at (stage/step)' },
  { vi: 'Cấp', en: 'Level' },
  { vi: 'Số hồ sơ', en: 'Dossiers' },
];

function heading(report: KpiReport, lang: Lang): string {
  const at = viMoment(parseMoment(report.at), lang);
  const span = report.from === null && report.to === null
    ? (lang === 'vi' ? 'mọi hồ sơ' : 'all dossiers')
    : `${report.from === null ? '…' : viMoment(parseMoment(report.from), lang)} → ${report.to === null ? '…' : viMoment(parseMoment(report.to), lang)}`;
  return lang === 'vi'
    ? `Tình hình giải quyết hồ sơ theo ${DIMENSION[report.by].vi.toLowerCase()} (${span}; tính đến ${at})`
    : `Dossier processing by ${DIMENSION[report.by].en.toLowerCase()} (${span}; as of ${at})`;
}

const NOTE: Bilingual = {
  vi: 'Đúng hạn = (đã giải quyết đúng hạn + đang giải quyết trong hạn) / (đã giải quyết + đang giải quyết); hồ sơ bị từ chối tiếp nhận, rút, chưa tiếp nhận không tính.',
  en: 'On time = (resolved on time + open within time) / (resolved + open); dossiers refused at reception, withdrawn or not yet received are not rated.',
};

/**
 * Formats a KPI report.
 *
 * @example
 * formatKpi(await engine.kpi({ by: 'level' }), 'markdown', 'vi');
 */
export function formatKpi(report: KpiReport, format: KpiFormat, lang: Lang): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return csvTable([...CSV_COLUMNS], [...(report.by === 'total' ? [] : report.rows), report.total].map((r) => CSV_COLUMNS.map((c) => r[c])));
    case 'markdown': {
      const { header, rows } = body(report, lang);
      const late = latenessRows(report, lang);
      return [
        `### ${heading(report, lang)}`, '', markdownTable(header, rows), '', `_${NOTE[lang]}_`,
        ...(late.length === 0 ? [] : ['', markdownTable(LATENESS_HEADER.map((h) => h[lang]), late)]), '',
      ].join('\n');
    }
    case 'stylish': {
      const { header, rows } = body(report, lang);
      const late = latenessRows(report, lang);
      return [
        heading(report, lang), '', textTable(header, rows), '', NOTE[lang],
        ...(late.length === 0 ? [] : ['', textTable(LATENESS_HEADER.map((h) => h[lang]), late)]), '',
      ].join('\n');
    }
  }
}
