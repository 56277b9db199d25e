import type { Lang } from '../i18n/lang.js';
import type { SiteReport } from '../site/build.js';

/**
 * What `tthc site` prints when the site is written: where, how many pages, the sizes a
 * reader downloads (largest page, search index, catalogue list) and the time per phase.
 */

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/**
 * The summary as text.
 *
 * @example
 * formatSiteSummary(report, 'site', 'en') // 'Wrote site/: 2,120 procedures, 4,250 pages …'
 */
export function formatSiteSummary(r: SiteReport, out: string, lang: Lang): string {
  const vi = lang === 'vi';
  const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const lines = vi
    ? [
      `Đã ghi ${out}/: ${r.procedures} thủ tục, ${r.pages} trang (tiếng Việt và tiếng Anh), ${r.files} tệp, ${kib(r.bytes)}.`,
      `Trang lớn nhất: ${r.largestPage.path} (${kib(r.largestPage.bytes)}); chỉ mục tìm kiếm ${kib(r.searchIndexBytes)}; danh sách thủ tục ${kib(r.catalogueDataBytes)}.`,
      `Sơ đồ quy trình: ${r.diagrams === 0 ? 'không vẽ (--no-diagrams)' : `${r.diagrams} sơ đồ khác nhau`}; tài liệu API: ${r.api ? 'có (api/)' : 'không (thêm bằng --api docs/api)'}.`,
      `Thời gian: rà soát và số liệu ${secs(r.timings.model)}, sơ đồ ${secs(r.timings.diagrams)}, trang ${secs(r.timings.pages)}, ghi ${secs(r.timings.commit)}.`,
      `Mở ${out}/index.html trong trình duyệt (không cần máy chủ).`,
    ]
    : [
      `Wrote ${out}/: ${r.procedures} procedures, ${r.pages} pages (Vietnamese and English), ${r.files} files, ${kib(r.bytes)}.`,
      `Largest page: ${r.largestPage.path} (${kib(r.largestPage.bytes)}); search index ${kib(r.searchIndexBytes)}; catalogue list ${kib(r.catalogueDataBytes)}.`,
      `Lifecycle diagrams: ${r.diagrams === 0 ? 'none (--no-diagrams)' : `${r.diagrams} distinct`}; API reference: ${r.api ? 'yes (api/)' : 'no (add it with --api docs/api)'}.`,
      `Time: checks and figures ${secs(r.timings.model)}, diagrams ${secs(r.timings.diagrams)}, pages ${secs(r.timings.pages)}, write ${secs(r.timings.commit)}.`,
      `Open ${out}/index.html in a browser (no server needed).`,
    ];
  return `${lines.join('\n')}\n`;
}

/** The summary as JSON (for scripts and the benchmark). */
export function formatSiteJson(r: SiteReport, out: string): string {
  return `${JSON.stringify({ out, ...r }, null, 2)}\n`;
}
