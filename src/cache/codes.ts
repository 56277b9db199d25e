import { codeSet } from '../diagnostics/registry.js';

/**
 * The cache's and the watcher's codes (TTHC801–829, category 'tooling'). They are notices on
 * stderr, never findings: the cache must not change what a run reports.
 * Codes are stable: never renumbered or reused for another meaning.
 */
export const CACHE_CODES = codeSet([
  {
    code: 'TTHC801', id: 'cache-rebuilt', category: 'tooling', severity: 'warning',
    message: { vi: 'Tệp bộ nhớ đệm {path} bị hỏng ({reason}); đã bỏ qua và dựng lại.', en: 'The cache file {path} was damaged ({reason}); it was ignored and rebuilt.' },
    hint: { vi: 'Không cần làm gì: kết quả được tính lại từ tệp danh mục. Nếu lặp lại, xóa thư mục bộ nhớ đệm.', en: 'Nothing to do: results were computed from the catalogue files. If it recurs, delete the cache folder.' },
    explain: {
      vi: 'Bộ nhớ đệm lưu kết quả đọc, kiểm tra lược đồ và rà soát của từng tệp, theo mã băm nội dung. Mỗi tệp bộ nhớ đệm có phần đầu (định dạng, phiên bản công cụ) và mã băm SHA-256 của nội dung; tệp bị cắt cụt, bị sửa hoặc không phải của tthc thì không bao giờ được dùng: tthc tính lại mọi thứ và ghi tệp mới.',
      en: 'The cache keeps what reading, schema validation and the checks found for each file, keyed by content hash. Every cache file has a header (format, tool version) and a SHA-256 of its body; a truncated, altered or foreign file is never trusted: tthc recomputes everything and writes a new one.',
    },
  },
  {
    code: 'TTHC802', id: 'cache-not-written', category: 'tooling', severity: 'warning',
    message: { vi: 'Không ghi được bộ nhớ đệm vào {path}: {reason}', en: 'Cannot write the cache to {path}: {reason}' },
    hint: { vi: 'Kiểm tra quyền ghi, chọn thư mục khác bằng --cache-dir, hoặc tắt bằng --no-cache.', en: 'Check write permissions, pick another folder with --cache-dir, or turn it off with --no-cache.' },
    explain: {
      vi: 'Kết quả lần chạy này vẫn đúng và đầy đủ; chỉ là lần chạy sau không nhanh hơn. Tệp bộ nhớ đệm được ghi qua một tệp tạm rồi đổi tên, nên không bao giờ còn lại một tệp ghi dở.',
      en: 'This run\'s results are complete and correct; only the next run will not be faster. Cache files are written to a temporary file and renamed, so a half-written file is never left behind.',
    },
  },
  {
    code: 'TTHC803', id: 'watch-failed', category: 'tooling', severity: 'error',
    message: { vi: 'Không theo dõi được {path}: {reason}', en: 'Cannot watch {path}: {reason}' },
    hint: { vi: 'Kiểm tra đường dẫn; trên Linux có thể cần tăng fs.inotify.max_user_watches.', en: 'Check the path; on Linux, fs.inotify.max_user_watches may need raising.' },
    explain: {
      vi: 'tthc watch dùng cơ chế theo dõi tệp của hệ điều hành. Khi hệ điều hành từ chối (thư mục đã bị xóa, hết giới hạn số tệp theo dõi), lệnh dừng với mã thoát 2 thay vì im lặng không báo gì khi tệp thay đổi.',
      en: 'tthc watch uses the operating system\'s file watching. When it refuses (a folder was removed, the watch limit is reached), the command stops with exit code 2 rather than silently missing changes.',
    },
  },
] as const);
