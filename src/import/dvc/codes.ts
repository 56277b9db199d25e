import { codeSet, type CodeSet } from '../../diagnostics/registry.js';

/**
 * Diagnostic codes of `tthc import dvc` (TTHC5xx).
 * Codes are stable: never renumbered or reused for another meaning.
 */
export const IMPORT_CODES = codeSet([
  // ── import: reading portal records (tthc import dvc) ───────────────────────────────
  {
    code: 'TTHC501', id: 'import-invalid-json', category: 'import', severity: 'error',
    message: { vi: 'Dòng này không phải JSON hợp lệ ({detail}); bản ghi bị bỏ qua.', en: 'This line is not valid JSON ({detail}); the record is skipped.' },
    hint: { vi: 'Mỗi dòng của tệp .jsonl phải là một đối tượng JSON trọn vẹn.', en: 'Each line of a .jsonl file must be one complete JSON object.' },
    explain: {
      vi: 'Tệp xuất từ Cổng Dịch vụ công có dạng JSON Lines: mỗi dòng một bản ghi. Một dòng hỏng không làm dừng việc nhập các dòng khác, nhưng lệnh kết thúc với mã 1.',
      en: 'Portal exports are JSON Lines: one record a line. A broken line does not stop the other lines, but the command exits 1.',
    },
  },
  {
    code: 'TTHC502', id: 'import-not-a-record', category: 'import', severity: 'error',
    message: { vi: 'Dòng này là {kind}, không phải một bản ghi (đối tượng JSON); bản ghi bị bỏ qua.', en: 'This line is {kind}, not a record (a JSON object); it is skipped.' },
    hint: { vi: 'Mỗi dòng phải là một đối tượng {"ma_thu_tuc": …, …}.', en: 'Each line must be an object {"ma_thu_tuc": …, …}.' },
    explain: { vi: 'Một bản ghi thủ tục là một đối tượng JSON với các trường của Cổng (ma_thu_tuc, ten_thu_tuc, …).', en: 'A procedure record is a JSON object with the portal\'s fields (ma_thu_tuc, ten_thu_tuc, …).' },
  },
  {
    code: 'TTHC503', id: 'import-missing-field', category: 'import', severity: 'error',
    message: { vi: 'Bản ghi thiếu trường bắt buộc "{field}"; bản ghi bị bỏ qua.', en: 'The record lacks the required field "{field}"; it is skipped.' },
    hint: { vi: 'Cần mã thủ tục (ma_thu_tuc) và địa chỉ trang nguồn (detail_url).', en: 'A record needs its procedure code (ma_thu_tuc) and source page (detail_url).' },
    explain: {
      vi: 'Không có mã thủ tục thì không biết ghi vào tệp nào; không có địa chỉ nguồn thì không ghi được provenance (bắt buộc trong danh mục).',
      en: 'Without a code there is no file to write; without a source URL there is no provenance, which the catalogue requires.',
    },
  },
  {
    code: 'TTHC504', id: 'import-invalid-field', category: 'import', severity: 'error',
    message: { vi: 'Trường "{field}" có giá trị không hợp lệ: {detail}; bản ghi bị bỏ qua.', en: 'Field "{field}" is invalid: {detail}; the record is skipped.' },
    hint: { vi: 'Mã thủ tục có dạng d.dddddd; detail_url là một địa chỉ http(s); các trường là chuỗi.', en: 'Codes look like d.dddddd; detail_url is an http(s) address; fields are strings.' },
    explain: { vi: 'Các trường bắt buộc của bản ghi phải đúng dạng để ghi được tệp danh mục hợp lệ.', en: 'A record\'s required fields must have the right shape for a valid catalogue file to be written.' },
  },
  {
    code: 'TTHC505', id: 'import-unknown-field', category: 'import', severity: 'warning',
    message: { vi: 'Trường "{field}" không có trong định dạng của Cổng; đã bỏ qua trường này.', en: 'Field "{field}" is not part of the portal\'s format; it is ignored.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: { vi: 'Các trường được đọc là các trường mô tả trong data/dvc/README.md. Trường lạ có thể là lỗi chính tả hoặc định dạng mới của Cổng.', en: 'The fields read are those described in data/dvc/README.md. An unknown field may be a typo or a new portal format.' },
  },
  {
    code: 'TTHC506', id: 'import-duplicate-record', category: 'import', severity: 'error',
    message: { vi: 'Mã thủ tục "{code}" đã xuất hiện tại {first}; bản ghi này bị bỏ qua.', en: 'Procedure code "{code}" already appeared at {first}; this record is skipped.' },
    hint: { vi: 'Bỏ bản ghi trùng khỏi tệp nhập.', en: 'Remove the duplicate record from the input.' },
    explain: { vi: 'Mỗi mã thủ tục chỉ được ghi một tệp; bản ghi đầu tiên được dùng.', en: 'Each code yields one file; the first record is used.' },
  },
  {
    code: 'TTHC507', id: 'import-field-missing', category: 'import', severity: 'warning',
    message: { vi: 'Bản ghi không có trường "{field}" ({meaning}); thủ tục được ghi kèm mục cần rà soát.', en: 'The record has no "{field}" field ({meaning}); the procedure is written with a review item.' },
    hint: { vi: 'Bổ sung thông tin từ quyết định công bố.', en: 'Fill it in from the publishing decision.' },
    explain: { vi: 'Thiếu một phần bắt buộc theo khoản 2 Điều 8 Nghị định 63/2010/NĐ-CP (tên, cách thức, thành phần hồ sơ…).', en: 'A mandatory part under Decree 63/2010/NĐ-CP art. 8(2) (name, channels, components…) is missing.' },
  },
  {
    code: 'TTHC508', id: 'import-catalogue-differs', category: 'import', severity: 'info',
    message: { vi: 'Tệp đã nhập trước đó khác với Cổng ({count} điểm khác); không ghi đè.', en: 'The previously imported file differs from the portal ({count} differences); not overwritten.' },
    hint: { vi: 'Xem báo cáo đồng bộ; chạy lại với --overwrite để cập nhật.', en: 'See the sync report; run again with --overwrite to update it.' },
    explain: { vi: 'Tệp đã có không bao giờ bị ghi đè âm thầm: lệnh chỉ báo những gì Cổng nói khác với danh mục.', en: 'Existing files are never overwritten silently: the command reports what the portal says that the catalogue does not.' },
  },
  {
    code: 'TTHC509', id: 'import-hand-written-kept', category: 'import', severity: 'info',
    message: { vi: 'Thủ tục "{code}" đã có tệp viết tay {file}; tệp đó được giữ nguyên ({count} điểm khác với Cổng).', en: 'Procedure "{code}" has a hand-written file {file}; it is kept ({count} differences from the portal).' },
    hint: { vi: 'Tệp viết tay là nguồn chính thức; xem báo cáo đồng bộ để cập nhật bằng tay nếu cần.', en: 'Hand-written files are authoritative; read the sync report and update by hand if needed.' },
    explain: { vi: 'Tệp không có dòng đánh dấu "# tthc-import: dvc" là tệp viết tay; lệnh nhập không bao giờ ghi đè, kể cả với --overwrite.', en: 'A file without the "# tthc-import: dvc" marker is hand-written; import never overwrites it, not even with --overwrite.' },
  },
  {
    code: 'TTHC510', id: 'import-write-failed', category: 'import', severity: 'error',
    message: { vi: 'Không ghi được tệp: {reason}', en: 'Cannot write the file: {reason}' },
    hint: { vi: 'Kiểm tra thư mục --out và quyền ghi.', en: 'Check the --out folder and write permissions.' },
    explain: { vi: 'Tệp được ghi vào tệp tạm rồi đổi tên, nên không bao giờ còn tệp ghi dở.', en: 'Files are written to a temporary file and renamed, so a half-written file is never left behind.' },
  },
  {
    code: 'TTHC511', id: 'import-invalid-output', category: 'import', severity: 'error',
    message: { vi: 'Thủ tục dựng từ bản ghi không hợp lệ theo lược đồ ({detail}); không ghi tệp.', en: 'The procedure built from this record fails the schema ({detail}); no file is written.' },
    hint: { vi: 'Đây là lỗi của trình nhập; hãy báo kèm dòng dữ liệu.', en: 'This is an importer bug; please report it with the input line.' },
    explain: { vi: 'Mọi tệp do lệnh nhập ghi ra đều được kiểm tra theo lược đồ trước khi ghi.', en: 'Every file import writes is checked against the schema before it is written.' },
  },
  {
    code: 'TTHC512', id: 'import-stale-file', category: 'import', severity: 'info',
    message: { vi: 'Tệp đã nhập cho thủ tục "{code}" không còn bản ghi tương ứng trong dữ liệu nhập.', en: 'The imported file of procedure "{code}" no longer has a record in the input.' },
    hint: { vi: 'Cổng có thể đã bãi bỏ thủ tục; kiểm tra rồi xóa tệp nếu cần (lệnh nhập không tự xóa).', en: 'The portal may have withdrawn it; check, then delete the file if so (import never deletes).' },
    explain: { vi: 'So với các tệp đã nhập từ cùng tệp nguồn trong thư mục --out.', en: 'Compared with the files imported from the same source file in the --out folder.' },
  },
  {
    code: 'TTHC513', id: 'import-shadowed-file', category: 'import', severity: 'error',
    message: { vi: 'Tệp đã nhập này định nghĩa lại thủ tục "{code}", đã có tệp viết tay {file}.', en: 'This imported file defines procedure "{code}" again; the hand-written file {file} owns it.' },
    hint: { vi: 'Chạy lại lệnh nhập với --overwrite để xóa tệp đã nhập, hoặc xóa tệp này.', en: 'Run the import again with --overwrite to delete the imported file, or delete it yourself.' },
    explain: {
      vi: 'Khi một thủ tục được viết tay (tệp không có dòng "# tthc-import: dvc"), bản đã nhập trước đó của cùng mã phải bỏ đi, nếu không mã bị định nghĩa hai lần.',
      en: 'Once a procedure is written by hand (a file without the "# tthc-import: dvc" line), the earlier import of the same code must go, or the code is defined twice.',
    },
  },
] as const);

/** The readable ids of these codes. */
export type ImportCodeId = typeof IMPORT_CODES extends CodeSet<infer Id> ? Id : never;
