import type { Bilingual } from '../i18n/lang.js';
import type { Severity } from './types.js';
import { RULES } from '../checks/registry.js';

/** Where in the pipeline a diagnostic is raised. */
export type CodeCategory = 'load' | 'schema' | 'catalogue' | 'check' | 'import' | 'cli';

/**
 * The description of one diagnostic code. Codes are stable: a code is never renumbered or
 * reused for another meaning (a test keeps the registry free of duplicates).
 */
export interface CodeInfo {
  code: string;
  id: string;
  category: CodeCategory;
  severity: Severity;
  /** What is wrong, with `{placeholders}` filled from the diagnostic's data. */
  message: Bilingual;
  /** What to do about it. */
  hint: Bilingual;
  /** A longer explanation for `tthc explain`. */
  explain: Bilingual;
}

const define = (info: CodeInfo): CodeInfo => info;

/** Every diagnostic code the loader and the validator can raise. */
export const CODES = [
  // ── load: reading bytes and parsing YAML ────────────────────────────────────────────
  define({
    code: 'TTHC101', id: 'file-unreadable', category: 'load', severity: 'error',
    message: { vi: 'Không đọc được tệp: {reason}', en: 'Cannot read the file: {reason}' },
    hint: { vi: 'Kiểm tra đường dẫn và quyền đọc tệp.', en: 'Check the path and the file permissions.' },
    explain: {
      vi: 'Tệp không tồn tại, là thư mục, quá lớn hoặc không có quyền đọc. Tệp danh mục phải là tệp YAML đọc được.',
      en: 'The file does not exist, is a directory, is too large or cannot be read. Catalogue files must be readable YAML files.',
    },
  }),
  define({
    code: 'TTHC102', id: 'not-utf8', category: 'load', severity: 'error',
    message: { vi: 'Tệp không phải văn bản UTF-8 hợp lệ ({detail}).', en: 'The file is not valid UTF-8 text ({detail}).' },
    hint: {
      vi: 'Lưu lại tệp với bảng mã UTF-8 (không dùng TCVN3/VNI, Windows-1258 hay UTF-16).',
      en: 'Save the file as UTF-8 (not TCVN3/VNI, Windows-1258 or UTF-16).',
    },
    explain: {
      vi: 'Danh mục chỉ nhận văn bản UTF-8. Tệp soạn bằng phông TCVN3, VNI hay bảng mã Windows-1258, UTF-16 sẽ hiển thị sai tiếng Việt; vị trí chỉ ra byte đầu tiên không hợp lệ.',
      en: 'The catalogue only accepts UTF-8 text. Files in TCVN3, VNI, Windows-1258 or UTF-16 garble Vietnamese; the position points at the first invalid byte.',
    },
  }),
  define({
    code: 'TTHC103', id: 'empty-file', category: 'load', severity: 'error',
    message: { vi: 'Tệp rỗng: không có nội dung YAML.', en: 'The file is empty: it holds no YAML content.' },
    hint: { vi: 'Viết nội dung thủ tục vào tệp hoặc xóa tệp.', en: 'Write the procedure into the file or delete it.' },
    explain: {
      vi: 'Một tệp trong danh mục chỉ có khoảng trắng hoặc chú thích. Có thể là tệp tạo nhầm hoặc nội dung bị mất khi lưu.',
      en: 'A catalogue file holds only whitespace or comments: a file created by mistake, or content lost on save.',
    },
  }),
  define({
    code: 'TTHC104', id: 'yaml-syntax', category: 'load', severity: 'error',
    message: { vi: 'Lỗi cú pháp YAML: {detail}.', en: 'YAML syntax error: {detail}.' },
    hint: {
      vi: 'Sửa cú pháp tại vị trí này (thụt lề bằng dấu cách, đóng ngoặc, đặt chuỗi có dấu ":" trong ngoặc kép).',
      en: 'Fix the syntax here (indent with spaces, close brackets, quote strings that contain ":").',
    },
    explain: {
      vi: 'Trình đọc YAML không hiểu tệp tại vị trí này. Các lỗi hay gặp: thụt lề không đều, thiếu dấu đóng ngoặc, chuỗi chứa ": " không đặt trong ngoặc kép.',
      en: 'The YAML parser cannot read the file here. Common causes: uneven indentation, an unclosed bracket, a string containing ": " left unquoted.',
    },
  }),
  define({
    code: 'TTHC105', id: 'duplicate-key', category: 'load', severity: 'error',
    message: { vi: 'Khóa "{key}" bị lặp trong cùng một đối tượng.', en: 'The key "{key}" appears twice in the same mapping.' },
    hint: { vi: 'Giữ lại một khóa, gộp nội dung của hai khóa.', en: 'Keep one of them and merge their contents.' },
    explain: {
      vi: 'YAML cho phép viết cùng một khóa hai lần nhưng chỉ giữ giá trị sau, nên một phần nội dung bị mất mà không ai biết. Danh mục coi đây là lỗi.',
      en: 'With a key written twice YAML keeps only the last value, silently losing the first. The catalogue treats it as an error.',
    },
  }),
  define({
    code: 'TTHC106', id: 'tab-indent', category: 'load', severity: 'error',
    message: { vi: 'Dùng ký tự tab để thụt lề.', en: 'A tab character is used for indentation.' },
    hint: { vi: 'Thay tab bằng dấu cách (2 dấu cách mỗi cấp).', en: 'Replace tabs with spaces (2 per level).' },
    explain: {
      vi: 'YAML không cho phép thụt lề bằng tab. Hãy cấu hình trình soạn thảo chèn dấu cách khi nhấn Tab.',
      en: 'YAML forbids tabs for indentation. Set the editor to insert spaces when Tab is pressed.',
    },
  }),
  define({
    code: 'TTHC107', id: 'alias-limit', category: 'load', severity: 'error',
    message: {
      vi: 'Tệp dùng quá nhiều tham chiếu YAML (alias *): vượt giới hạn {limit} sau khi triển khai.',
      en: 'The file expands YAML aliases (*) beyond the limit of {limit}.',
    },
    hint: { vi: 'Viết trực tiếp nội dung thay vì lồng nhiều alias.', en: 'Write the content out instead of nesting aliases.' },
    explain: {
      vi: 'Alias lồng nhau có thể làm một tệp nhỏ nở thành hàng tỷ nút ("alias bomb"). Trình đọc giới hạn số nút được triển khai từ alias.',
      en: 'Nested aliases can blow a small file up into billions of nodes (an "alias bomb"). The loader limits how much aliases may expand.',
    },
  }),
  define({
    code: 'TTHC108', id: 'multiple-documents', category: 'load', severity: 'error',
    message: { vi: 'Tệp chứa nhiều tài liệu YAML (phân tách bằng ---).', en: 'The file holds several YAML documents (separated by ---).' },
    hint: { vi: 'Mỗi tệp chỉ mô tả một thủ tục: tách thành nhiều tệp.', en: 'One file describes one procedure: split it into several files.' },
    explain: {
      vi: 'Mỗi tệp danh mục là một thủ tục hoặc một danh mục tham chiếu. Dấu --- mở một tài liệu thứ hai mà danh mục không đọc.',
      en: 'Each catalogue file is one procedure or one registry. A --- line starts a second document, which would be ignored.',
    },
  }),
  define({
    code: 'TTHC109', id: 'not-a-mapping', category: 'load', severity: 'error',
    message: { vi: 'Nội dung tệp phải là một đối tượng (các cặp khóa: giá trị), nhưng lại là {found}.', en: 'The file must hold a mapping (key: value pairs) but holds {found}.' },
    hint: { vi: 'Bắt đầu tệp bằng "code: …" (thủ tục) hoặc "registry: …" (danh mục tham chiếu).', en: 'Start the file with "code: …" (a procedure) or "registry: …" (reference data).' },
    explain: {
      vi: 'Ở cấp cao nhất, tệp thủ tục và tệp danh mục tham chiếu đều là một đối tượng YAML.',
      en: 'At the top level, procedure files and registry files are both YAML mappings.',
    },
  }),
  define({
    code: 'TTHC110', id: 'too-deep', category: 'load', severity: 'error',
    message: { vi: 'Cấu trúc lồng quá sâu (quá {limit} cấp).', en: 'The structure is nested too deeply (more than {limit} levels).' },
    hint: { vi: 'Giảm số cấp lồng; điều kiện phức tạp nên tách thành nhiều câu hỏi (facts).', en: 'Flatten it; split a complex condition into several facts.' },
    explain: {
      vi: 'Không thủ tục thật nào cần lồng sâu như vậy; giới hạn bảo vệ trình kiểm tra khỏi tệp hỏng hoặc độc hại.',
      en: 'No real procedure nests this deep; the limit protects the validator from broken or hostile files.',
    },
  }),
  define({
    code: 'TTHC111', id: 'yaml-tag', category: 'load', severity: 'error',
    message: { vi: 'Thẻ YAML không được hỗ trợ: {detail}.', en: 'Unsupported YAML tag: {detail}.' },
    hint: { vi: 'Bỏ thẻ (!…, !!…) và viết giá trị thông thường.', en: 'Remove the tag (!…, !!…) and write a plain value.' },
    explain: {
      vi: 'Danh mục chỉ dùng chuỗi, số, đúng/sai, danh sách và đối tượng. Các thẻ YAML như !!binary hay thẻ tự định nghĩa không có ý nghĩa ở đây.',
      en: 'The catalogue uses strings, numbers, booleans, lists and mappings only. Tags such as !!binary or custom tags mean nothing here.',
    },
  }),
  // ── schema: structure against schemas/*.schema.json ─────────────────────────────────
  define({
    code: 'TTHC201', id: 'missing-property', category: 'schema', severity: 'error',
    message: { vi: 'Thiếu thuộc tính bắt buộc "{property}"{about}.', en: 'Missing required property "{property}"{about}.' },
    hint: { vi: 'Thêm "{property}: …" vào {where}.', en: 'Add "{property}: …" to {where}.' },
    explain: {
      vi: 'Lược đồ (schemas/*.schema.json) quy định thuộc tính này là bắt buộc. Di chuột vào khóa trong trình soạn thảo để xem mô tả.',
      en: 'The schema (schemas/*.schema.json) makes this property required. Hover in the editor for its description.',
    },
  }),
  define({
    code: 'TTHC202', id: 'unknown-property', category: 'schema', severity: 'error',
    message: { vi: 'Thuộc tính "{property}" không có trong lược đồ {where}.', en: 'Property "{property}" is not allowed {where}.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Khóa không có trong lược đồ, thường do gõ sai hoặc đặt sai cấp thụt lề. Khóa dùng tiếng Anh dạng camelCase, ví dụ "legalBasis".',
      en: 'The key is not in the schema: usually a typo or the wrong indentation level. Keys are English camelCase, e.g. "legalBasis".',
    },
  }),
  define({
    code: 'TTHC203', id: 'wrong-type', category: 'schema', severity: 'error',
    message: { vi: 'Giá trị phải là {expected} nhưng lại là {found}.', en: 'The value must be {expected} but is {found}.' },
    hint: { vi: '{advice}', en: '{advice}' },
    explain: {
      vi: 'Kiểu giá trị không khớp lược đồ. Lưu ý: YAML đọc 1.000110 là một số; mã thủ tục phải đặt trong ngoặc kép "1.000110".',
      en: 'The value has the wrong type. Note that YAML reads 1.000110 as a number: quote procedure codes, "1.000110".',
    },
  }),
  define({
    code: 'TTHC204', id: 'invalid-value', category: 'schema', severity: 'error',
    message: { vi: 'Giá trị {value} không hợp lệ; chỉ nhận: {allowed}.', en: 'Invalid value {value}; allowed: {allowed}.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Thuộc tính này chỉ nhận một trong các giá trị liệt kê (viết kebab-case tiếng Anh). Trình soạn thảo gợi ý các giá trị khi nhấn Ctrl+Space.',
      en: 'This property takes one of the listed values (English kebab-case). The editor offers them on Ctrl+Space.',
    },
  }),
  define({
    code: 'TTHC205', id: 'invalid-format', category: 'schema', severity: 'error',
    message: { vi: 'Giá trị {value} không đúng định dạng {format}.', en: 'The value {value} is not a valid {format}.' },
    hint: { vi: 'Viết theo định dạng: {example}.', en: 'Write it as: {example}.' },
    explain: {
      vi: 'Giá trị phải theo một định dạng cố định: ngày YYYY-MM-DD, địa chỉ https://…, mã thủ tục "1.001193", mã kết quả "KQ.G15.000031", mã định danh kebab-case…',
      en: 'The value must follow a fixed format: dates YYYY-MM-DD, https:// addresses, procedure codes "1.001193", result codes "KQ.G15.000031", kebab-case ids…',
    },
  }),
  define({
    code: 'TTHC206', id: 'out-of-range', category: 'schema', severity: 'error',
    message: { vi: 'Giá trị ngoài giới hạn: {limit}.', en: 'Value out of range: {limit}.' },
    hint: { vi: 'Sửa giá trị cho nằm trong giới hạn.', en: 'Change the value to fit the limit.' },
    explain: {
      vi: 'Số, độ dài chuỗi hoặc số phần tử danh sách vượt giới hạn của lược đồ (ví dụ thời hạn không được âm, danh sách cấp thực hiện không được rỗng).',
      en: 'A number, a string length or a list size is outside the schema\'s limits (a duration cannot be negative, the levels cannot be empty…).',
    },
  }),
  define({
    code: 'TTHC207', id: 'duplicate-item', category: 'schema', severity: 'error',
    message: { vi: 'Danh sách có phần tử lặp (vị trí {first} và {second}).', en: 'The list repeats an item (positions {first} and {second}).' },
    hint: { vi: 'Xóa phần tử lặp.', en: 'Remove the repeated item.' },
    explain: { vi: 'Danh sách này không được chứa hai phần tử giống nhau.', en: 'This list may not hold the same item twice.' },
  }),
  define({
    code: 'TTHC208', id: 'invalid-key', category: 'schema', severity: 'error',
    message: { vi: 'Tên khóa "{key}" không hợp lệ: {rule}.', en: 'Key "{key}" is not a valid name: {rule}.' },
    hint: { vi: 'Đổi tên khóa theo quy tắc trên.', en: 'Rename the key to follow that rule.' },
    explain: {
      vi: 'Tên câu hỏi (facts) viết camelCase; mã giấy tờ, cơ sở dữ liệu viết kebab-case; năm trong lịch nghỉ viết 4 chữ số.',
      en: 'Fact names are camelCase; document and database ids are kebab-case; holiday years are four digits.',
    },
  }),
  define({
    code: 'TTHC299', id: 'schema-violation', category: 'schema', severity: 'error',
    message: { vi: 'Giá trị không khớp lược đồ ({keyword}).', en: 'The value does not match the schema ({keyword}).' },
    hint: { vi: 'Đối chiếu với mô tả trong lược đồ (di chuột trong trình soạn thảo).', en: 'Compare with the schema description (hover in the editor).' },
    explain: { vi: 'Một ràng buộc khác của lược đồ không được thỏa mãn.', en: 'Another schema constraint is not met.' },
  }),
  // ── catalogue: meaning within a file and across files ───────────────────────────────
  define({
    code: 'TTHC301', id: 'unknown-fact', category: 'catalogue', severity: 'error',
    message: { vi: 'Điều kiện dùng câu hỏi "{fact}" nhưng thủ tục không khai báo câu hỏi này trong facts.', en: 'The condition uses the fact "{fact}", which the procedure does not declare in facts.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Mỗi điều kiện `when` chỉ được dùng các câu hỏi khai báo trong `facts` của chính thủ tục đó, để danh sách hồ sơ tính được cho từng người yêu cầu.',
      en: 'A `when` condition may only use facts declared in the procedure\'s own `facts`, so the checklist can be computed for each applicant.',
    },
  }),
  define({
    code: 'TTHC302', id: 'invalid-condition', category: 'catalogue', severity: 'error',
    message: { vi: 'Điều kiện không hợp lệ: {detail}', en: 'Invalid condition: {detail}' },
    hint: {
      vi: 'Viết một trong các dạng: tên câu hỏi; {fact: x, is: v}; {fact: x, in: […]}; {fact: x, gte: n}; {all: […]}; {any: […]}; {not: …}.',
      en: 'Use one of: a fact name; {fact: x, is: v}; {fact: x, in: […]}; {fact: x, gte: n}; {all: […]}; {any: […]}; {not: …}.',
    },
    explain: {
      vi: 'Một điều kiện hoặc là so sánh một câu hỏi (fact) với giá trị phù hợp kiểu của câu hỏi, hoặc là tổ hợp all/any/not. Giá trị so sánh phải thuộc các lựa chọn của câu hỏi kiểu enum.',
      en: 'A condition either compares one fact with a value of the fact\'s type, or combines conditions with all/any/not. Values compared with an enum fact must be among its options.',
    },
  }),
  define({
    code: 'TTHC303', id: 'duplicate-component-id', category: 'catalogue', severity: 'error',
    message: { vi: 'Mã thành phần hồ sơ "{id}" bị trùng (đã dùng tại dòng {line}).', en: 'Component id "{id}" is used twice (first at line {line}).' },
    hint: { vi: 'Đặt cho mỗi thành phần một id riêng trong thủ tục.', en: 'Give each component its own id within the procedure.' },
    explain: {
      vi: 'Id của thành phần hồ sơ là khóa để máy trạng thái, danh sách kiểm tra và bản của tỉnh tham chiếu; nó phải duy nhất trong toàn thủ tục, kể cả trong các trường hợp (cases).',
      en: 'Component ids are what workflows, checklists and provincial variants refer to; they must be unique across the procedure, cases included.',
    },
  }),
  define({
    code: 'TTHC304', id: 'duplicate-code', category: 'catalogue', severity: 'error',
    message: { vi: 'Mã thủ tục "{code}" được định nghĩa ở nhiều tệp: {others}.', en: 'Procedure code "{code}" is defined in several files: {others}.' },
    hint: {
      vi: 'Giữ một tệp cho mỗi mã; bản của tỉnh dùng mã có hậu tố và khai báo variantOf.',
      en: 'Keep one file per code; a provincial variant uses its suffixed code and declares variantOf.',
    },
    explain: {
      vi: 'Mỗi mã thủ tục chỉ có một định nghĩa. Phiên bản của tỉnh là một tệp riêng có mã riêng và variantOf trỏ về mã quốc gia.',
      en: 'Each procedure code has one definition. A provincial version is its own file with its own code and variantOf pointing at the national code.',
    },
  }),
  define({
    code: 'TTHC305', id: 'unknown-base', category: 'catalogue', severity: 'error',
    message: { vi: 'variantOf trỏ đến thủ tục "{code}" không có trong danh mục.', en: 'variantOf points at procedure "{code}", which is not in the catalogue.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Bản của tỉnh chỉ ghi phần khác biệt; phần còn lại lấy từ thủ tục gốc, nên thủ tục gốc phải có trong danh mục.',
      en: 'A variant only states what differs; the rest comes from its base, so the base must be in the catalogue.',
    },
  }),
  define({
    code: 'TTHC306', id: 'unknown-document', category: 'catalogue', severity: 'error',
    message: { vi: 'Loại giấy tờ "{id}" không có trong danh mục giấy tờ.', en: 'Document type "{id}" is not in the document registry.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Trường `document` (và `replacedBy`) tham chiếu danh mục giấy tờ (registry: documents). Thêm loại giấy tờ vào danh mục hoặc sửa mã cho đúng.',
      en: 'The `document` field (and `replacedBy`) refers to the document registry (registry: documents). Add the type there or fix the id.',
    },
  }),
  define({
    code: 'TTHC307', id: 'unknown-database', category: 'catalogue', severity: 'error',
    message: { vi: 'Cơ sở dữ liệu "{id}" không có trong danh mục cơ sở dữ liệu.', en: 'Database "{id}" is not in the database registry.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Trường `dataSource` và `database` tham chiếu danh mục cơ sở dữ liệu (registry: databases).',
      en: 'The `dataSource` and `database` fields refer to the database registry (registry: databases).',
    },
  }),
  define({
    code: 'TTHC308', id: 'unknown-legal-document', category: 'catalogue', severity: 'error',
    message: { vi: 'Văn bản "{number}" không có trong danh mục văn bản pháp luật.', en: 'Legal document "{number}" is not in the legal registry.' },
    hint: { vi: 'Thêm văn bản vào danh mục (registry: legal) hoặc sửa số hiệu.', en: 'Add it to the legal registry (registry: legal) or fix the number.' },
    explain: {
      vi: '`supersededBy` và `amendedBy` trong danh mục văn bản phải trỏ đến văn bản cũng có trong danh mục, để kiểm tra căn cứ pháp lý hết hiệu lực.',
      en: '`supersededBy` and `amendedBy` in the legal registry must name documents listed there too, so stale legal bases can be checked.',
    },
  }),
  define({
    code: 'TTHC309', id: 'variant-of-variant', category: 'catalogue', severity: 'error',
    message: { vi: 'variantOf trỏ đến "{code}", bản thân cũng là một bản của tỉnh.', en: 'variantOf points at "{code}", which is itself a variant.' },
    hint: { vi: 'Trỏ variantOf về thủ tục quốc gia "{base}".', en: 'Point variantOf at the national procedure "{base}".' },
    explain: {
      vi: 'Bản của tỉnh phải dựa trực tiếp vào thủ tục quốc gia; chuỗi bản dựa trên bản khiến việc so sánh giữa các cấp trở nên mơ hồ.',
      en: 'A variant must build directly on a national procedure; chains of overlays make cross-level comparison ambiguous.',
    },
  }),
  define({
    code: 'TTHC310', id: 'variant-only-field', category: 'catalogue', severity: 'error',
    message: { vi: '"{property}" chỉ dùng trong bản của tỉnh (tệp có variantOf).', en: '"{property}" is only used in a provincial variant (a file with variantOf).' },
    hint: { vi: 'Thêm variantOf hoặc xóa "{property}".', en: 'Add variantOf or remove "{property}".' },
    explain: {
      vi: '`jurisdiction` và `removeComponents` mô tả cách bản của tỉnh khác thủ tục gốc; ở thủ tục quốc gia chúng không có nghĩa.',
      en: '`jurisdiction` and `removeComponents` describe how a variant differs from its base; in a national procedure they mean nothing.',
    },
  }),
  define({
    code: 'TTHC311', id: 'incomplete-procedure', category: 'catalogue', severity: 'error',
    message: { vi: '{what} thiếu "{property}".', en: '{what} lacks "{property}".' },
    hint: { vi: '{advice}', en: '{advice}' },
    explain: {
      vi: 'Thủ tục không có variantOf phải tự đủ: name, field, levels (và jurisdiction chỉ có ở bản của tỉnh). Bản của tỉnh phải có jurisdiction.',
      en: 'A procedure without variantOf must stand alone (name, field, levels); a variant must have a jurisdiction.',
    },
  }),
  define({
    code: 'TTHC312', id: 'unknown-component', category: 'catalogue', severity: 'error',
    message: { vi: 'Thủ tục gốc "{base}" không có thành phần hồ sơ "{id}".', en: 'The base procedure "{base}" has no component "{id}".' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: '`removeComponents` và các thành phần ghi đè trong bản của tỉnh tham chiếu id thành phần của thủ tục gốc.',
      en: '`removeComponents` in a variant refers to component ids of the base procedure.',
    },
  }),
  define({
    code: 'TTHC313', id: 'duplicate-registry-entry', category: 'catalogue', severity: 'error',
    message: { vi: 'Mục "{id}" của danh mục {registry} được định nghĩa hai lần: {others}.', en: 'Entry "{id}" of the {registry} registry is defined twice: {others}.' },
    hint: { vi: 'Giữ một định nghĩa.', en: 'Keep one definition.' },
    explain: { vi: 'Một mục danh mục tham chiếu chỉ được định nghĩa một lần trong toàn danh mục.', en: 'A registry entry is defined once in the whole catalogue.' },
  }),
  define({
    code: 'TTHC314', id: 'invalid-fact', category: 'catalogue', severity: 'error',
    message: { vi: 'Câu hỏi "{fact}" không hợp lệ: {detail}', en: 'Fact "{fact}" is invalid: {detail}' },
    hint: { vi: 'Câu hỏi enum cần options; options, minimum, maximum chỉ dùng cho kiểu phù hợp.', en: 'An enum fact needs options; options, minimum and maximum only go with the matching type.' },
    explain: {
      vi: 'Câu hỏi kiểu enum phải liệt kê options; options chỉ dùng với enum; minimum, maximum, unit chỉ dùng với number và minimum không lớn hơn maximum.',
      en: 'An enum fact lists options; options only go with enum; minimum, maximum and unit only with number, and minimum may not exceed maximum.',
    },
  }),
  define({
    code: 'TTHC315', id: 'unknown-procedure', category: 'catalogue', severity: 'warning',
    message: { vi: 'Thủ tục "{code}" được tham chiếu nhưng không có trong danh mục.', en: 'Procedure "{code}" is referred to but is not in the catalogue.' },
    hint: { vi: 'Thêm thủ tục đó vào danh mục hoặc kiểm tra lại mã.', en: 'Add that procedure to the catalogue or check the code.' },
    explain: {
      vi: 'Giai đoạn liên thông (`stages[].procedure`) và `issuedBy` của danh mục giấy tờ nên trỏ đến thủ tục có trong danh mục để kiểm tra chéo được.',
      en: 'Interconnected stages (`stages[].procedure`) and the registry\'s `issuedBy` should name catalogued procedures so they can be cross-checked.',
    },
  }),
  define({
    code: 'TTHC316', id: 'invalid-calendar', category: 'catalogue', severity: 'error',
    message: { vi: 'Lịch nghỉ không hợp lệ: {detail}', en: 'Invalid holiday calendar: {detail}' },
    hint: { vi: 'Sửa ngày cho đúng năm và không lặp.', en: 'Fix the date so that it belongs to its year and is not repeated.' },
    explain: {
      vi: 'Mỗi ngày trong lịch phải thuộc đúng năm ghi ở khóa, không lặp; ngày làm bù phải là ngày nghỉ hằng tuần; một ngày không thể vừa nghỉ vừa làm bù.',
      en: 'Each date belongs to the year it is filed under and appears once; a make-up working day is a weekend day; a day cannot be both off and worked.',
    },
  }),
  define({
    code: 'TTHC317', id: 'duplicate-id', category: 'catalogue', severity: 'error',
    message: { vi: 'Mã {kind} "{id}" bị trùng (đã dùng tại dòng {line}).', en: 'The {kind} id "{id}" is used twice (first at line {line}).' },
    hint: { vi: 'Đặt mã riêng cho từng mục.', en: 'Give each item its own id.' },
    explain: { vi: 'Mã các trường hợp, giai đoạn và lựa chọn của câu hỏi phải duy nhất trong thủ tục.', en: 'Case, stage and option ids must be unique in the procedure.' },
  }),
  define({
    code: 'TTHC318', id: 'unknown-registry', category: 'catalogue', severity: 'error',
    message: { vi: 'Loại danh mục "{value}" không tồn tại; chỉ có: {allowed}.', en: 'There is no "{value}" registry; the registries are: {allowed}.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Tệp có khóa `registry:` là danh mục tham chiếu: documents (giấy tờ), databases (cơ sở dữ liệu), legal (văn bản pháp luật), holidays (lịch nghỉ).',
      en: 'A file with a `registry:` key is reference data: documents, databases, legal or holidays.',
    },
  }),
  define({
    code: 'TTHC319', id: 'invalid-date-range', category: 'catalogue', severity: 'error',
    message: { vi: 'Ngày bắt đầu {from} sau ngày kết thúc {to}.', en: 'The start date {from} is after the end date {to}.' },
    hint: { vi: 'Đổi lại validFrom, validTo.', en: 'Swap or fix validFrom and validTo.' },
    explain: { vi: 'Khoảng hiệu lực của một khoản phí phải có ngày bắt đầu không sau ngày kết thúc.', en: 'A fee\'s validity period must not end before it starts.' },
  }),
  // ── check: inline suppressions of check rules (the rules themselves are in src/checks/rules/) ──
  define({
    code: 'TTHC439', id: 'invalid-suppression', category: 'check', severity: 'warning',
    message: { vi: 'Chú thích tắt quy tắc không hợp lệ: {detail}.', en: 'Invalid rule suppression: {detail}.' },
    hint: { vi: 'Viết "# tthc-disable-next-line <quy-tắc> -- <lý do>"; lý do là bắt buộc.', en: 'Write "# tthc-disable-next-line <rule> -- <reason>"; the reason is required.' },
    explain: {
      vi: 'Một phát hiện chỉ được tắt kèm lý do, để người rà soát sau biết vì sao. Chú thích không có lý do, không nêu quy tắc hoặc nêu quy tắc không tồn tại không có tác dụng và bị báo.',
      en: 'A finding may only be silenced with a reason, so later reviewers know why. A suppression with no reason, no rule or an unknown rule has no effect and is reported.',
    },
  }),
  // ── import: reading portal records (tthc import dvc) ───────────────────────────────
  define({
    code: 'TTHC501', id: 'import-invalid-json', category: 'import', severity: 'error',
    message: { vi: 'Dòng này không phải JSON hợp lệ ({detail}); bản ghi bị bỏ qua.', en: 'This line is not valid JSON ({detail}); the record is skipped.' },
    hint: { vi: 'Mỗi dòng của tệp .jsonl phải là một đối tượng JSON trọn vẹn.', en: 'Each line of a .jsonl file must be one complete JSON object.' },
    explain: {
      vi: 'Tệp xuất từ Cổng Dịch vụ công có dạng JSON Lines: mỗi dòng một bản ghi. Một dòng hỏng không làm dừng việc nhập các dòng khác, nhưng lệnh kết thúc với mã 1.',
      en: 'Portal exports are JSON Lines: one record a line. A broken line does not stop the other lines, but the command exits 1.',
    },
  }),
  define({
    code: 'TTHC502', id: 'import-not-a-record', category: 'import', severity: 'error',
    message: { vi: 'Dòng này là {kind}, không phải một bản ghi (đối tượng JSON); bản ghi bị bỏ qua.', en: 'This line is {kind}, not a record (a JSON object); it is skipped.' },
    hint: { vi: 'Mỗi dòng phải là một đối tượng {"ma_thu_tuc": …, …}.', en: 'Each line must be an object {"ma_thu_tuc": …, …}.' },
    explain: { vi: 'Một bản ghi thủ tục là một đối tượng JSON với các trường của Cổng (ma_thu_tuc, ten_thu_tuc, …).', en: 'A procedure record is a JSON object with the portal\'s fields (ma_thu_tuc, ten_thu_tuc, …).' },
  }),
  define({
    code: 'TTHC503', id: 'import-missing-field', category: 'import', severity: 'error',
    message: { vi: 'Bản ghi thiếu trường bắt buộc "{field}"; bản ghi bị bỏ qua.', en: 'The record lacks the required field "{field}"; it is skipped.' },
    hint: { vi: 'Cần mã thủ tục (ma_thu_tuc) và địa chỉ trang nguồn (detail_url).', en: 'A record needs its procedure code (ma_thu_tuc) and source page (detail_url).' },
    explain: {
      vi: 'Không có mã thủ tục thì không biết ghi vào tệp nào; không có địa chỉ nguồn thì không ghi được provenance (bắt buộc trong danh mục).',
      en: 'Without a code there is no file to write; without a source URL there is no provenance, which the catalogue requires.',
    },
  }),
  define({
    code: 'TTHC504', id: 'import-invalid-field', category: 'import', severity: 'error',
    message: { vi: 'Trường "{field}" có giá trị không hợp lệ: {detail}; bản ghi bị bỏ qua.', en: 'Field "{field}" is invalid: {detail}; the record is skipped.' },
    hint: { vi: 'Mã thủ tục có dạng d.dddddd; detail_url là một địa chỉ http(s); các trường là chuỗi.', en: 'Codes look like d.dddddd; detail_url is an http(s) address; fields are strings.' },
    explain: { vi: 'Các trường bắt buộc của bản ghi phải đúng dạng để ghi được tệp danh mục hợp lệ.', en: 'A record\'s required fields must have the right shape for a valid catalogue file to be written.' },
  }),
  define({
    code: 'TTHC505', id: 'import-unknown-field', category: 'import', severity: 'warning',
    message: { vi: 'Trường "{field}" không có trong định dạng của Cổng; đã bỏ qua trường này.', en: 'Field "{field}" is not part of the portal\'s format; it is ignored.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: { vi: 'Các trường được đọc là các trường mô tả trong ../shared/data/dvc/README.md. Trường lạ có thể là lỗi chính tả hoặc định dạng mới của Cổng.', en: 'The fields read are those described in ../shared/data/dvc/README.md. An unknown field may be a typo or a new portal format.' },
  }),
  define({
    code: 'TTHC506', id: 'import-duplicate-record', category: 'import', severity: 'error',
    message: { vi: 'Mã thủ tục "{code}" đã xuất hiện tại {first}; bản ghi này bị bỏ qua.', en: 'Procedure code "{code}" already appeared at {first}; this record is skipped.' },
    hint: { vi: 'Bỏ bản ghi trùng khỏi tệp nhập.', en: 'Remove the duplicate record from the input.' },
    explain: { vi: 'Mỗi mã thủ tục chỉ được ghi một tệp; bản ghi đầu tiên được dùng.', en: 'Each code yields one file; the first record is used.' },
  }),
  define({
    code: 'TTHC507', id: 'import-field-missing', category: 'import', severity: 'warning',
    message: { vi: 'Bản ghi không có trường "{field}" ({meaning}); thủ tục được ghi kèm mục cần rà soát.', en: 'The record has no "{field}" field ({meaning}); the procedure is written with a review item.' },
    hint: { vi: 'Bổ sung thông tin từ quyết định công bố.', en: 'Fill it in from the publishing decision.' },
    explain: { vi: 'Thiếu một phần bắt buộc theo khoản 2 Điều 8 Nghị định 63/2010/NĐ-CP (tên, cách thức, thành phần hồ sơ…).', en: 'A mandatory part under Decree 63/2010/NĐ-CP art. 8(2) (name, channels, components…) is missing.' },
  }),
  define({
    code: 'TTHC508', id: 'import-catalogue-differs', category: 'import', severity: 'info',
    message: { vi: 'Tệp đã nhập trước đó khác với Cổng ({count} điểm khác); không ghi đè.', en: 'The previously imported file differs from the portal ({count} differences); not overwritten.' },
    hint: { vi: 'Xem báo cáo đồng bộ; chạy lại với --overwrite để cập nhật.', en: 'See the sync report; run again with --overwrite to update it.' },
    explain: { vi: 'Tệp đã có không bao giờ bị ghi đè âm thầm: lệnh chỉ báo những gì Cổng nói khác với danh mục.', en: 'Existing files are never overwritten silently: the command reports what the portal says that the catalogue does not.' },
  }),
  define({
    code: 'TTHC509', id: 'import-hand-written-kept', category: 'import', severity: 'info',
    message: { vi: 'Thủ tục "{code}" đã có tệp viết tay {file}; tệp đó được giữ nguyên ({count} điểm khác với Cổng).', en: 'Procedure "{code}" has a hand-written file {file}; it is kept ({count} differences from the portal).' },
    hint: { vi: 'Tệp viết tay là nguồn chính thức; xem báo cáo đồng bộ để cập nhật bằng tay nếu cần.', en: 'Hand-written files are authoritative; read the sync report and update by hand if needed.' },
    explain: { vi: 'Tệp không có dòng đánh dấu "# tthc-import: dvc" là tệp viết tay; lệnh nhập không bao giờ ghi đè, kể cả với --overwrite.', en: 'A file without the "# tthc-import: dvc" marker is hand-written; import never overwrites it, not even with --overwrite.' },
  }),
  define({
    code: 'TTHC510', id: 'import-write-failed', category: 'import', severity: 'error',
    message: { vi: 'Không ghi được tệp: {reason}', en: 'Cannot write the file: {reason}' },
    hint: { vi: 'Kiểm tra thư mục --out và quyền ghi.', en: 'Check the --out folder and write permissions.' },
    explain: { vi: 'Tệp được ghi vào tệp tạm rồi đổi tên, nên không bao giờ còn tệp ghi dở.', en: 'Files are written to a temporary file and renamed, so a half-written file is never left behind.' },
  }),
  define({
    code: 'TTHC511', id: 'import-invalid-output', category: 'import', severity: 'error',
    message: { vi: 'Thủ tục dựng từ bản ghi không hợp lệ theo lược đồ ({detail}); không ghi tệp.', en: 'The procedure built from this record fails the schema ({detail}); no file is written.' },
    hint: { vi: 'Đây là lỗi của trình nhập; hãy báo kèm dòng dữ liệu.', en: 'This is an importer bug; please report it with the input line.' },
    explain: { vi: 'Mọi tệp do lệnh nhập ghi ra đều được kiểm tra theo lược đồ trước khi ghi.', en: 'Every file import writes is checked against the schema before it is written.' },
  }),
  define({
    code: 'TTHC512', id: 'import-stale-file', category: 'import', severity: 'info',
    message: { vi: 'Tệp đã nhập cho thủ tục "{code}" không còn bản ghi tương ứng trong dữ liệu nhập.', en: 'The imported file of procedure "{code}" no longer has a record in the input.' },
    hint: { vi: 'Cổng có thể đã bãi bỏ thủ tục; kiểm tra rồi xóa tệp nếu cần (lệnh nhập không tự xóa).', en: 'The portal may have withdrawn it; check, then delete the file if so (import never deletes).' },
    explain: { vi: 'So với các tệp đã nhập từ cùng tệp nguồn trong thư mục --out.', en: 'Compared with the files imported from the same source file in the --out folder.' },
  }),
  define({
    code: 'TTHC513', id: 'import-shadowed-file', category: 'import', severity: 'error',
    message: { vi: 'Tệp đã nhập này định nghĩa lại thủ tục "{code}", đã có tệp viết tay {file}.', en: 'This imported file defines procedure "{code}" again; the hand-written file {file} owns it.' },
    hint: { vi: 'Chạy lại lệnh nhập với --overwrite để xóa tệp đã nhập, hoặc xóa tệp này.', en: 'Run the import again with --overwrite to delete the imported file, or delete it yourself.' },
    explain: {
      vi: 'Khi một thủ tục được viết tay (tệp không có dòng "# tthc-import: dvc"), bản đã nhập trước đó của cùng mã phải bỏ đi, nếu không mã bị định nghĩa hai lần.',
      en: 'Once a procedure is written by hand (a file without the "# tthc-import: dvc" line), the earlier import of the same code must go, or the code is defined twice.',
    },
  }),
  // ── cli ─────────────────────────────────────────────────────────────────────────────
  define({
    code: 'TTHC901', id: 'path-not-found', category: 'cli', severity: 'error',
    message: { vi: 'Không tìm thấy đường dẫn "{path}".', en: 'Path "{path}" does not exist.' },
    hint: { vi: 'Kiểm tra đường dẫn; mặc định là thư mục procedures/.', en: 'Check the path; the default is the procedures/ folder.' },
    explain: { vi: 'Đường dẫn truyền cho lệnh không tồn tại.', en: 'A path given to the command does not exist.' },
  }),
  define({
    code: 'TTHC902', id: 'no-catalogue-files', category: 'cli', severity: 'error',
    message: { vi: 'Không có tệp .yaml nào trong "{path}".', en: 'No .yaml file in "{path}".' },
    hint: { vi: 'Trỏ lệnh đến thư mục danh mục (procedures/) hoặc tệp .yaml.', en: 'Point the command at the catalogue folder (procedures/) or at .yaml files.' },
    explain: { vi: 'Thư mục được chỉ định không chứa tệp danh mục nào.', en: 'The folder holds no catalogue files.' },
  }),
] as const satisfies readonly CodeInfo[];

/** The readable ids of every code. */
export type CodeId = (typeof CODES)[number]['id'];

/** Every code: the loader's and the check rules' (TTHC4xx, defined with their rules in src/checks/rules/). */
export const ALL_CODES: readonly CodeInfo[] = [...CODES, ...RULES.map((r) => r.info)].sort((a, b) => (a.code < b.code ? -1 : 1));

const byId = new Map<string, CodeInfo>(ALL_CODES.map((c) => [c.id, c]));
const byCode = new Map<string, CodeInfo>(ALL_CODES.map((c) => [c.code, c]));

/** Looks a code up by its readable id (`unknown-property`). */
export function codeInfo(id: CodeId): CodeInfo {
  const info = byId.get(id);
  if (info === undefined) throw new Error(`internal: unknown diagnostic id ${id}`);
  return info;
}

/** Looks a code up by its code (`TTHC202`) or id; undefined when there is none. */
export function findCode(codeOrId: string): CodeInfo | undefined {
  return byCode.get(codeOrId.toUpperCase()) ?? byId.get(codeOrId);
}
