import { codeSet } from '../diagnostics/registry.js';

/**
 * The language server's own codes (TTHC830–859, category `tooling`). Everything it
 * publishes about the catalogue carries the loader's and the checks' codes; these say what
 * stands in the server's way.
 */
export const LSP_CODES = codeSet([
  {
    code: 'TTHC830', id: 'lsp-no-catalogue', category: 'tooling', severity: 'warning',
    message: { vi: 'Thư mục làm việc {folder} không có tệp danh mục YAML nào.', en: 'The workspace folder {folder} holds no catalogue YAML file.' },
    hint: {
      vi: 'Mở thư mục chứa procedures/ (hoặc chính thư mục procedures/) để trình soạn thảo hiện các phát hiện.',
      en: 'Open the folder that holds procedures/ (or procedures/ itself) for the editor to show findings.',
    },
    explain: {
      vi: 'Máy chủ ngôn ngữ nạp danh mục của thư mục làm việc: thư mục con procedures/ nếu có, nếu không thì chính thư mục đó. Không tìm thấy tệp .yaml nào nên chỉ các tệp đang mở được kiểm tra, không có ngữ cảnh của các thủ tục khác.',
      en: 'The language server loads the catalogue of the workspace folder: its procedures/ subfolder when there is one, else the folder itself. No .yaml file was found, so only open files are checked, without the context of the other procedures.',
    },
  },
  {
    code: 'TTHC831', id: 'lsp-internal-error', category: 'tooling', severity: 'error',
    message: { vi: 'Máy chủ ngôn ngữ không kiểm tra được tệp này: {reason}', en: 'The language server could not check this file: {reason}' },
    hint: {
      vi: 'Chạy "tthc check <tệp>" để xem lỗi, rồi báo lỗi kèm tệp này. Máy chủ vẫn chạy và thử lại ở lần sửa tiếp theo.',
      en: 'Run "tthc check <file>" to see the error, and report it with this file. The server keeps running and retries on the next edit.',
    },
    explain: {
      vi: 'Một lỗi nội bộ xảy ra khi nạp hoặc rà soát danh mục. Thay vì dừng, máy chủ hiện lỗi này trên tệp đang sửa; các phát hiện cũ bị thay bằng thông báo này cho đến lần kiểm tra thành công tiếp theo.',
      en: 'An internal error happened while loading or checking the catalogue. Instead of stopping, the server shows it on the file being edited; earlier findings are replaced by this notice until the next successful run.',
    },
  },
  {
    code: 'TTHC832', id: 'lsp-config-ignored', category: 'tooling', severity: 'warning',
    message: { vi: 'Bỏ qua tệp cấu hình: {reason}', en: 'Config file ignored: {reason}' },
    hint: {
      vi: 'Sửa tthc.config.yaml (xem "tthc check --help"); máy chủ dùng mức mặc định của các quy tắc cho đến khi khởi động lại.',
      en: 'Fix tthc.config.yaml (see "tthc check --help"); the server uses the rules\' default severities until it restarts.',
    },
    explain: {
      vi: 'Tệp tthc.config.yaml ở thư mục làm việc không đọc được hoặc sai dạng. Máy chủ ngôn ngữ vẫn rà soát với cấu hình mặc định, nên mức nghiêm trọng có thể khác với "tthc check".',
      en: 'The tthc.config.yaml of the workspace folder cannot be read or is malformed. The language server still checks with the default configuration, so severities may differ from "tthc check".',
    },
  },
] as const);
