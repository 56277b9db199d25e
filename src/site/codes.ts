import { fill, type Bilingual } from '../i18n/lang.js';

/**
 * The site builder's problems, each with a stable code, what is wrong and what to do, in
 * both languages (shaped like the diagnostics registry's CodeInfo, so the list can join it).
 * They are environment or usage problems: the command reports them and writes nothing.
 */
export const SITE_CODES = {
  'site-out-not-ours': {
    code: 'TTHC701',
    message: { vi: 'Thư mục "{out}" đã có nội dung không do tthc site tạo.', en: 'The folder "{out}" holds files that tthc site did not write.' },
    hint: {
      vi: 'Chọn một thư mục trống hoặc chưa có, hoặc thư mục do tthc site tạo trước đó (có tệp .tthc-site); tthc site không bao giờ xóa tệp của người khác.',
      en: 'Choose an empty or new folder, or one tthc site wrote before (it holds .tthc-site); tthc site never deletes anyone else\'s files.',
    },
  },
  'site-browser-missing': {
    code: 'TTHC702',
    message: { vi: 'Không tìm thấy trình duyệt chromium tại "{path}" để vẽ sơ đồ quy trình.', en: 'No chromium at "{path}" to draw the lifecycle diagrams.' },
    hint: {
      vi: 'Cài chromium của Debian (bash .ci/ensure-chromium.sh), chỉ đường dẫn khác bằng --chromium, hoặc dựng trang không có sơ đồ bằng --no-diagrams.',
      en: 'Install Debian\'s chromium (bash .ci/ensure-chromium.sh), point --chromium elsewhere, or build without diagrams with --no-diagrams.',
    },
  },
  'site-diagram-failed': {
    code: 'TTHC703',
    message: { vi: 'Không vẽ được sơ đồ quy trình của thủ tục {procedure}: {detail}', en: 'Could not draw the lifecycle diagram of {procedure}: {detail}' },
    hint: {
      vi: 'Kiểm tra chromium (chạy được ở chế độ headless) và gói mermaid (npm ci); hoặc dựng trang với --no-diagrams.',
      en: 'Check that chromium runs headless and that the mermaid package is installed (npm ci); or build with --no-diagrams.',
    },
  },
  'site-assets-missing': {
    code: 'TTHC704',
    message: { vi: 'Thiếu mã JavaScript của trang ({path}).', en: 'The site\'s browser scripts are missing ({path}).' },
    hint: { vi: 'Chạy npm run build (npm ci cũng chạy bước này) để đóng gói mã cho trình duyệt.', en: 'Run npm run build (npm ci runs it too) to bundle the browser scripts.' },
  },
  'site-write-failed': {
    code: 'TTHC705',
    message: { vi: 'Không ghi được trang vào "{out}": {detail}', en: 'Could not write the site to "{out}": {detail}' },
    hint: {
      vi: 'Kiểm tra quyền ghi và dung lượng đĩa. Trang được ghi vào thư mục tạm rồi mới đổi tên, nên thư mục cũ vẫn nguyên vẹn.',
      en: 'Check write permission and disk space. The site is written to a temporary folder and renamed, so the previous folder is intact.',
    },
  },
  'site-api-missing': {
    code: 'TTHC706',
    message: { vi: 'Thư mục tài liệu API "{path}" không có index.html.', en: 'The API documentation folder "{path}" has no index.html.' },
    hint: { vi: 'Chạy npm run docs (typedoc ghi vào docs/api) rồi truyền --api docs/api.', en: 'Run npm run docs (typedoc writes docs/api), then pass --api docs/api.' },
  },
} as const satisfies Record<string, { code: string; message: Bilingual; hint: Bilingual }>;

/** A site problem's id. */
export type SiteCodeId = keyof typeof SITE_CODES;

/** A site problem: its code, and its data for the message placeholders. */
export class SiteError extends Error {
  readonly code: string;
  constructor(readonly id: SiteCodeId, readonly data: Readonly<Record<string, string>>) {
    super(`${SITE_CODES[id].code} ${fill(SITE_CODES[id].message.en, data)}`);
    this.code = SITE_CODES[id].code;
  }

  /** The message and what to do, in one language. */
  text(lang: 'vi' | 'en'): string {
    const info = SITE_CODES[this.id];
    return `${fill(info.message[lang], this.data)} ${fill(info.hint[lang], this.data)}`;
  }
}

