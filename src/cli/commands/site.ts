import path from 'node:path';
import { parseIsoDate } from '../../calendar/dates.js';
import { loadCatalogue } from '../../catalogue/catalogue.js';
import { collectFiles } from '../../catalogue/files.js';
import { ConfigError, loadConfig } from '../../checks/config.js';
import { displayPath } from '../../report/paths.js';
import { formatStylish } from '../../report/stylish.js';
import type { Lang } from '../../i18n/lang.js';
import { formatSiteJson, formatSiteSummary } from '../../report/site.js';
import { buildSite, checkSiteOptions } from '../../site/build.js';
import { SiteError } from '../../site/codes.js';
import { EXIT, LANG_OPTION, UsageError, type Io, type OptionDef } from '../context.js';
import { HELP_OPTION, type CommandHelp } from '../help.js';

const OPTIONS: Record<string, OptionDef> = {
  out: { type: 'string', alias: 'o', description: { vi: 'Thư mục ghi trang (bắt buộc); thư mục trống, chưa có hoặc do tthc site tạo.', en: 'Folder to write the site to (required): empty, new, or written by tthc site before.' } },
  today: { type: 'string', description: { vi: 'Ngày dùng cho rà soát (YYYY-MM-DD); mặc định hôm nay.', en: 'The date the checks compare with (YYYY-MM-DD); default today.' } },
  config: { type: 'string', description: { vi: 'Tệp cấu hình rà soát (mặc định tthc.config.yaml nếu có).', en: 'Checks config file (default tthc.config.yaml when present).' } },
  api: { type: 'string', description: { vi: 'Thư mục tài liệu API do typedoc tạo (npm run docs → docs/api), đăng tại api/.', en: 'A typedoc output folder (npm run docs → docs/api), published under api/.' } },
  diagrams: { type: 'boolean', default: true, description: { vi: 'Vẽ sơ đồ quy trình bằng chromium; --no-diagrams để bỏ qua.', en: 'Draw the lifecycle diagrams with chromium; --no-diagrams to skip.' } },
  chromium: { type: 'string', default: '/usr/bin/chromium', description: { vi: 'Đường dẫn chromium để vẽ sơ đồ.', en: 'Path of the chromium that draws the diagrams.' } },
  format: { type: 'string', values: ['stylish', 'json'], default: 'stylish', alias: 'f', description: { vi: 'Định dạng bản tóm tắt: stylish hoặc json.', en: 'Summary format: stylish or json.' } },
  lang: LANG_OPTION,
  help: HELP_OPTION,
};

/** `tthc site` help. */
export const SITE_HELP: CommandHelp = {
  name: 'site',
  usage: 'tthc site [paths…] --out <folder> [--today YYYY-MM-DD] [--api docs/api] [--no-diagrams] [--format stylish|json] [--lang vi|en]',
  description: {
    vi: 'Tạo trang web tĩnh của danh mục (mở index.html, không cần máy chủ), tiếng Việt và tiếng Anh: tìm kiếm không dấu, bộ lọc, trang từng thủ tục với danh sách hồ sơ theo câu trả lời, thời hạn, phí, ngày hẹn, căn cứ pháp lý, sơ đồ quy trình, bản của tỉnh, kết quả rà soát; bảng rà soát với biểu đồ và danh sách phát hiện.',
    en: 'Write the catalogue as a static site (open index.html, no server needed), in Vietnamese and English: diacritic-insensitive search, filters, a page per procedure with the checklist for the applicant\'s answers, durations, fees, due date, legal basis, lifecycle diagram, provincial versions, review findings; a review dashboard with charts and the findings.',
  },
  options: OPTIONS,
  examples: ['tthc site --out site', 'tthc site procedures --out site --today 2026-11-22 --api docs/api', 'tthc site procedures/curated --out /tmp/site --no-diagrams'],
};

export { OPTIONS as SITE_OPTIONS };

/** Runs `tthc site`; returns the exit code. */
export async function runSite(paths: string[], options: { out?: string; today?: string; config?: string; api?: string; diagrams: boolean; chromium: string; format: string; lang: Lang }, io: Io): Promise<number> {
  if (options.out === undefined) throw new UsageError({ vi: 'Cần --out <thư mục> để ghi trang, ví dụ: tthc site --out site.', en: 'Give --out <folder> to write the site to, e.g. tthc site --out site.' });
  if (options.today !== undefined) {
    try {
      parseIsoDate(options.today);
    } catch {
      throw new UsageError({ vi: `--today cần dạng YYYY-MM-DD, nhận được "${options.today}".`, en: `--today takes YYYY-MM-DD, got "${options.today}".` });
    }
  }
  const given = paths.length > 0 ? paths : ['procedures'];
  const found = collectFiles(given, io.cwd);
  if (found.missing.length > 0) throw new UsageError({ vi: `Không có đường dẫn: ${found.missing.join(', ')}.`, en: `No such path: ${found.missing.join(', ')}.` });
  if (found.empty.length > 0) throw new UsageError({ vi: `Thư mục không có tệp danh mục: ${found.empty.join(', ')}.`, en: `No catalogue files in: ${found.empty.join(', ')}.` });
  let config;
  try {
    config = loadConfig(io.cwd, options.config);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.text);
    throw error;
  }
  const out = path.resolve(io.cwd, options.out);
  const site = {
    out,
    chromium: options.diagrams ? options.chromium : null,
    ...(options.today !== undefined ? { today: options.today } : {}),
    ...(config !== undefined ? { config } : {}),
    ...(options.api !== undefined ? { api: path.resolve(io.cwd, options.api) } : {}),
  };
  try {
    // Chromium, the output folder… are checked before the catalogue is read.
    checkSiteOptions(site);
  } catch (error) {
    if (error instanceof SiteError) {
      io.stderr(`tthc: ${error.code} ${error.text(options.lang)}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const catalogue = loadCatalogue({ paths: given, cwd: io.cwd });
  const errors = catalogue.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    // A site of a catalogue with invalid files would silently leave them out: publish nothing.
    io.stdout(formatStylish(errors, { lang: options.lang, cwd: io.cwd, color: false, fileCount: found.files.length }));
    io.stderr(options.lang === 'vi' ? 'tthc site: danh mục có lỗi; chưa ghi trang nào. Sửa các lỗi trên (tthc validate) rồi chạy lại.\n' : 'tthc site: the catalogue has errors; nothing was written. Fix them (tthc validate) and run again.\n');
    return EXIT.findings;
  }
  try {
    const report = await buildSite({ catalogue, ...site });
    io.stdout(options.format === 'json' ? formatSiteJson(report, displayPath(out, io.cwd)) : formatSiteSummary(report, displayPath(out, io.cwd), options.lang));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SiteError) {
      io.stderr(`tthc: ${error.code} ${error.text(options.lang)}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
