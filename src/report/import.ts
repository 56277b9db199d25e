import type { Diagnostic } from '../diagnostics/types.js';
import type { Lang } from '../i18n/lang.js';
import type { Coverage, ImportReport } from '../import/dvc/run.js';
import { toJsonDiagnostics } from './json.js';
import { displayPath } from './paths.js';
import { formatStylish } from './stylish.js';

/**
 * What `tthc import dvc` prints: the diagnostics, the sync report (what the portal says that
 * the catalogue does not) and the coverage summary; or all of it as one JSON object.
 */

/** A share as a percentage with one decimal. */
function pct(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((1000 * part) / whole) / 10;
}

/** The coverage figures scripts read (`--format json`): counts and percentages. */
export function coverageFigures(c: Coverage): Record<string, number> {
  return {
    ...c,
    componentRowsParsedPct: pct(c.componentRowsParsed, c.componentRows),
    channelRowsParsedPct: pct(c.channelRowsParsed, c.channelRows),
    durationsKnownUnitPct: pct(c.durationsExplicit + c.durationsInferred, c.channelRows),
    feeCellsParsedPct: pct(c.feeCellsParsed, c.feeCells),
  };
}

function summaryTable(c: Coverage, lang: Lang): string {
  const vi = lang === 'vi';
  const rows: [string, string][] = [
    [vi ? 'Bản ghi đã đọc' : 'Records read', `${c.recordsRead}`],
    [vi ? 'Bản ghi bị loại' : 'Records rejected', `${c.recordsRejected}`],
    [vi ? 'Thủ tục (ghi mới / cập nhật / không đổi / khác, giữ nguyên / viết tay, giữ nguyên)' : 'Procedures (written / updated / unchanged / differ, kept / hand-written, kept)',
      `${c.procedures} (${c.written} / ${c.updated} / ${c.unchanged} / ${c.differs} / ${c.keptHandWritten})`],
    ...(c.removed > 0 ? [[vi ? 'Tệp đã nhập bị xóa vì đã có tệp viết tay' : 'Imported files deleted (now hand-written)', `${c.removed}`] as [string, string]] : []),
    [vi ? 'Hàng thành phần hồ sơ đọc được không cần rà soát' : 'Component rows parsed without a review item',
      `${c.componentRowsParsed} / ${c.componentRows} (${pct(c.componentRowsParsed, c.componentRows)}%)`],
    [vi ? '  thành phần / ghi chú' : '  components / notes', `${c.components} / ${c.notes}`],
    [vi ? 'Hàng kênh nộp đọc được không cần rà soát' : 'Channel rows parsed without a review item',
      `${c.channelRowsParsed} / ${c.channelRows} (${pct(c.channelRowsParsed, c.channelRows)}%)`],
    [vi ? 'Thời hạn có đơn vị (ghi rõ + suy từ bản ghi)' : 'Durations with a known unit (printed + inferred from the record)',
      `${c.durationsExplicit + c.durationsInferred} / ${c.channelRows} (${pct(c.durationsExplicit + c.durationsInferred, c.channelRows)}%) = ${c.durationsExplicit} + ${c.durationsInferred}`],
    [vi ? '  chỉ có số / không có thông tin / văn bản' : '  bare number / no information / free text', `${c.durationsBare} / ${c.durationsNone} / ${c.durationsText}`],
    [vi ? 'Ô phí, lệ phí đọc được' : 'Fee cells parsed', `${c.feeCellsParsed} / ${c.feeCells} (${pct(c.feeCellsParsed, c.feeCells)}%), ${c.fees} ${vi ? 'khoản' : 'fees'}`],
    [vi ? 'Văn bản căn cứ pháp lý' : 'Legal references', `${c.legalEntries}`],
    [vi ? 'Kết quả' : 'Results', `${c.results}`],
    [vi ? 'Mục cần rà soát' : 'Review items', `${c.reviewItems}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

function syncText(report: ImportReport, lang: Lang, cwd: string): string {
  const vi = lang === 'vi';
  const blocks: string[] = [];
  for (const f of report.files) {
    if (f.changes.length === 0) continue;
    const head = `${f.procedure}  ${displayPath(f.file, cwd)}  (${f.status})`;
    const lines = f.changes.map((c) =>
      c.field === 'components'
        ? c.catalogue === '—'
          ? `  + ${vi ? 'Cổng có thành phần' : 'portal has component'}: ${c.portal}`
          : `  - ${vi ? 'chỉ danh mục có thành phần' : 'only the catalogue has component'}: ${c.catalogue}`
        : `  ~ ${c.field}: ${vi ? 'danh mục' : 'catalogue'} ${c.catalogue} → ${vi ? 'Cổng' : 'portal'} ${c.portal}`,
    );
    blocks.push([head, ...lines].join('\n'));
  }
  if (blocks.length === 0) return '';
  return `${vi ? 'Báo cáo đồng bộ (Cổng so với danh mục)' : 'Sync report (portal vs catalogue)'}:\n${blocks.join('\n')}\n\n`;
}


/** The import report as JSON: coverage figures, one entry per file, diagnostics in the shared contract. */
export function formatImportJson(report: ImportReport, diagnostics: readonly Diagnostic[], o: { lang: Lang; cwd: string }): string {
  return `${JSON.stringify({
    coverage: coverageFigures(report.coverage),
    files: report.files.map((f) => ({
      procedure: f.procedure,
      file: f.file === '' ? null : displayPath(f.file, o.cwd),
      status: f.status,
      input: `${displayPath(f.input.file, o.cwd)}:${f.input.line}`,
      changes: f.changes,
    })),
    diagnostics: toJsonDiagnostics(diagnostics, o),
  }, null, 2)}\n`;
}

/** The import report for people: diagnostics, sync report, coverage table. */
export function formatImportText(report: ImportReport, diagnostics: readonly Diagnostic[], o: { lang: Lang; cwd: string; color: boolean; fileCount: number }): string {
  const listed = diagnostics.length > 0 ? formatStylish(diagnostics, o) : '';
  return `${listed}${listed === '' ? '' : '\n'}${syncText(report, o.lang, o.cwd)}${summaryTable(report.coverage, o.lang)}\n`;
}
