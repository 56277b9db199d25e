import { codeSet, type CodeSet } from '../diagnostics/registry.js';

/**
 * The loader's and the validator's diagnostic codes: reading files (TTHC1xx), the schema (TTHC2xx) and
 * the meaning of the catalogue within and across files (TTHC3xx); paths that do not exist or
 * hold no catalogue file (TTHC9xx).
 * Codes are stable: never renumbered or reused for another meaning.
 */
export const CATALOGUE_CODES = codeSet([
  // ── load: reading bytes and parsing YAML ────────────────────────────────────────────
  {
    code: 'TTHC101', id: 'file-unreadable', category: 'load', severity: 'error',
    message: { vi: 'Không đọc được tệp: {reason}', en: 'Cannot read the file: {reason}' },
    hint: { vi: 'Kiểm tra đường dẫn và quyền đọc tệp.', en: 'Check the path and the file permissions.' },
    explain: {
      vi: 'Tệp không tồn tại, là thư mục, quá lớn hoặc không có quyền đọc. Tệp danh mục phải là tệp YAML đọc được.',
      en: 'The file does not exist, is a directory, is too large or cannot be read. Catalogue files must be readable YAML files.',
    },
  },
  {
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
  },
  {
    code: 'TTHC103', id: 'empty-file', category: 'load', severity: 'error',
    message: { vi: 'Tệp rỗng: không có nội dung YAML.', en: 'The file is empty: it holds no YAML content.' },
    hint: { vi: 'Viết nội dung thủ tục vào tệp hoặc xóa tệp.', en: 'Write the procedure into the file or delete it.' },
    explain: {
      vi: 'Một tệp trong danh mục chỉ có khoảng trắng hoặc chú thích. Có thể là tệp tạo nhầm hoặc nội dung bị mất khi lưu.',
      en: 'A catalogue file holds only whitespace or comments: a file created by mistake, or content lost on save.',
    },
  },
  {
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
  },
  {
    code: 'TTHC105', id: 'duplicate-key', category: 'load', severity: 'error',
    message: { vi: 'Khóa "{key}" bị lặp trong cùng một đối tượng.', en: 'The key "{key}" appears twice in the same mapping.' },
    hint: { vi: 'Giữ lại một khóa, gộp nội dung của hai khóa.', en: 'Keep one of them and merge their contents.' },
    explain: {
      vi: 'YAML cho phép viết cùng một khóa hai lần nhưng chỉ giữ giá trị sau, nên một phần nội dung bị mất mà không ai biết. Danh mục coi đây là lỗi.',
      en: 'With a key written twice YAML keeps only the last value, silently losing the first. The catalogue treats it as an error.',
    },
  },
  {
    code: 'TTHC106', id: 'tab-indent', category: 'load', severity: 'error',
    message: { vi: 'Dùng ký tự tab để thụt lề.', en: 'A tab character is used for indentation.' },
    hint: { vi: 'Thay tab bằng dấu cách (2 dấu cách mỗi cấp).', en: 'Replace tabs with spaces (2 per level).' },
    explain: {
      vi: 'YAML không cho phép thụt lề bằng tab. Hãy cấu hình trình soạn thảo chèn dấu cách khi nhấn Tab.',
      en: 'YAML forbids tabs for indentation. Set the editor to insert spaces when Tab is pressed.',
    },
  },
  {
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
  },
  {
    code: 'TTHC108', id: 'multiple-documents', category: 'load', severity: 'error',
    message: { vi: 'Tệp chứa nhiều tài liệu YAML (phân tách bằng ---).', en: 'The file holds several YAML documents (separated by ---).' },
    hint: { vi: 'Mỗi tệp chỉ mô tả một thủ tục: tách thành nhiều tệp.', en: 'One file describes one procedure: split it into several files.' },
    explain: {
      vi: 'Mỗi tệp danh mục là một thủ tục hoặc một danh mục tham chiếu. Dấu --- mở một tài liệu thứ hai mà danh mục không đọc.',
      en: 'Each catalogue file is one procedure or one registry. A --- line starts a second document, which would be ignored.',
    },
  },
  {
    code: 'TTHC109', id: 'not-a-mapping', category: 'load', severity: 'error',
    message: { vi: 'Nội dung tệp phải là một đối tượng (các cặp khóa: giá trị), nhưng lại là {found}.', en: 'The file must hold a mapping (key: value pairs) but holds {found}.' },
    hint: { vi: 'Bắt đầu tệp bằng "code: …" (thủ tục) hoặc "registry: …" (danh mục tham chiếu).', en: 'Start the file with "code: …" (a procedure) or "registry: …" (reference data).' },
    explain: {
      vi: 'Ở cấp cao nhất, tệp thủ tục và tệp danh mục tham chiếu đều là một đối tượng YAML.',
      en: 'At the top level, procedure files and registry files are both YAML mappings.',
    },
  },
  {
    code: 'TTHC110', id: 'too-deep', category: 'load', severity: 'error',
    message: { vi: 'Cấu trúc lồng quá sâu (quá {limit} cấp).', en: 'The structure is nested too deeply (more than {limit} levels).' },
    hint: { vi: 'Giảm số cấp lồng; điều kiện phức tạp nên tách thành nhiều câu hỏi (facts).', en: 'Flatten it; split a complex condition into several facts.' },
    explain: {
      vi: 'Không thủ tục thật nào cần lồng sâu như vậy; giới hạn bảo vệ trình kiểm tra khỏi tệp hỏng hoặc độc hại.',
      en: 'No real procedure nests this deep; the limit protects the validator from broken or hostile files.',
    },
  },
  {
    code: 'TTHC111', id: 'yaml-tag', category: 'load', severity: 'error',
    message: { vi: 'Thẻ YAML không được hỗ trợ: {detail}.', en: 'Unsupported YAML tag: {detail}.' },
    hint: { vi: 'Bỏ thẻ (!…, !!…) và viết giá trị thông thường.', en: 'Remove the tag (!…, !!…) and write a plain value.' },
    explain: {
      vi: 'Danh mục chỉ dùng chuỗi, số, đúng/sai, danh sách và đối tượng. Các thẻ YAML như !!binary hay thẻ tự định nghĩa không có ý nghĩa ở đây.',
      en: 'The catalogue uses strings, numbers, booleans, lists and mappings only. Tags such as !!binary or custom tags mean nothing here.',
    },
  },
  // ── schema: structure against schemas/*.schema.json ─────────────────────────────────
  {
    code: 'TTHC201', id: 'missing-property', category: 'schema', severity: 'error',
    message: { vi: 'Thiếu thuộc tính bắt buộc "{property}"{about}.', en: 'Missing required property "{property}"{about}.' },
    hint: { vi: 'Thêm vào {where}, theo dạng: {shape}', en: 'Add it to {where}, shaped like: {shape}' },
    explain: {
      vi: 'Lược đồ (schemas/*.schema.json) quy định thuộc tính này là bắt buộc. Di chuột vào khóa trong trình soạn thảo để xem mô tả.',
      en: 'The schema (schemas/*.schema.json) makes this property required. Hover in the editor for its description.',
    },
  },
  {
    code: 'TTHC202', id: 'unknown-property', category: 'schema', severity: 'error',
    message: { vi: 'Thuộc tính "{property}" không có trong lược đồ {where}.', en: 'Property "{property}" is not allowed {where}.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Khóa không có trong lược đồ, thường do gõ sai hoặc đặt sai cấp thụt lề. Khóa dùng tiếng Anh dạng camelCase, ví dụ "legalBasis".',
      en: 'The key is not in the schema: usually a typo or the wrong indentation level. Keys are English camelCase, e.g. "legalBasis".',
    },
  },
  {
    code: 'TTHC203', id: 'wrong-type', category: 'schema', severity: 'error',
    message: { vi: '"{property}" phải là {expected} nhưng lại là {found}.', en: '"{property}" must be {expected} but is {found}.' },
    hint: { vi: '{advice}', en: '{advice}' },
    explain: {
      vi: 'Kiểu giá trị không khớp lược đồ. Lưu ý: YAML đọc 1.000110 là một số; mã thủ tục phải đặt trong ngoặc kép "1.000110".',
      en: 'The value has the wrong type. Note that YAML reads 1.000110 as a number: quote procedure codes, "1.000110".',
    },
  },
  {
    code: 'TTHC204', id: 'invalid-value', category: 'schema', severity: 'error',
    message: { vi: 'Giá trị {value} không hợp lệ; chỉ nhận: {allowed}.', en: 'Invalid value {value}; allowed: {allowed}.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Thuộc tính này chỉ nhận một trong các giá trị liệt kê (viết kebab-case tiếng Anh). Trình soạn thảo gợi ý các giá trị khi nhấn Ctrl+Space.',
      en: 'This property takes one of the listed values (English kebab-case). The editor offers them on Ctrl+Space.',
    },
  },
  {
    code: 'TTHC205', id: 'invalid-format', category: 'schema', severity: 'error',
    message: { vi: 'Giá trị {value} không đúng định dạng {format}.', en: 'The value {value} is not a valid {format}.' },
    hint: { vi: 'Viết theo định dạng: {example}.', en: 'Write it as: {example}.' },
    explain: {
      vi: 'Giá trị phải theo một định dạng cố định: ngày YYYY-MM-DD, địa chỉ https://…, mã thủ tục "1.001193", mã kết quả "KQ.G15.000031", mã định danh kebab-case…',
      en: 'The value must follow a fixed format: dates YYYY-MM-DD, https:// addresses, procedure codes "1.001193", result codes "KQ.G15.000031", kebab-case ids…',
    },
  },
  {
    code: 'TTHC206', id: 'out-of-range', category: 'schema', severity: 'error',
    message: { vi: 'Giá trị ngoài giới hạn: {limit}.', en: 'Value out of range: {limit}.' },
    hint: { vi: 'Sửa giá trị cho nằm trong giới hạn.', en: 'Change the value to fit the limit.' },
    explain: {
      vi: 'Số, độ dài chuỗi hoặc số phần tử danh sách vượt giới hạn của lược đồ (ví dụ thời hạn không được âm, danh sách cấp thực hiện không được rỗng).',
      en: 'A number, a string length or a list size is outside the schema\'s limits (a duration cannot be negative, the levels cannot be empty…).',
    },
  },
  {
    code: 'TTHC207', id: 'duplicate-item', category: 'schema', severity: 'error',
    message: { vi: 'Danh sách có phần tử lặp (vị trí {first} và {second}).', en: 'The list repeats an item (positions {first} and {second}).' },
    hint: { vi: 'Xóa phần tử lặp.', en: 'Remove the repeated item.' },
    explain: { vi: 'Danh sách này không được chứa hai phần tử giống nhau.', en: 'This list may not hold the same item twice.' },
  },
  {
    code: 'TTHC208', id: 'invalid-key', category: 'schema', severity: 'error',
    message: { vi: 'Tên khóa "{key}" không hợp lệ: {rule}.', en: 'Key "{key}" is not a valid name: {rule}.' },
    hint: { vi: 'Đổi tên khóa theo quy tắc trên.', en: 'Rename the key to follow that rule.' },
    explain: {
      vi: 'Tên câu hỏi (facts) viết camelCase; mã giấy tờ, cơ sở dữ liệu viết kebab-case; năm trong lịch nghỉ viết 4 chữ số.',
      en: 'Fact names are camelCase; document and database ids are kebab-case; holiday years are four digits.',
    },
  },
  {
    code: 'TTHC299', id: 'schema-violation', category: 'schema', severity: 'error',
    message: { vi: 'Giá trị không khớp lược đồ ({keyword}).', en: 'The value does not match the schema ({keyword}).' },
    hint: { vi: 'Đối chiếu với mô tả trong lược đồ (di chuột trong trình soạn thảo).', en: 'Compare with the schema description (hover in the editor).' },
    explain: { vi: 'Một ràng buộc khác của lược đồ không được thỏa mãn.', en: 'Another schema constraint is not met.' },
  },
  // ── catalogue: meaning within a file and across files ───────────────────────────────
  {
    code: 'TTHC301', id: 'unknown-fact', category: 'catalogue', severity: 'error',
    message: { vi: 'Điều kiện dùng câu hỏi "{fact}" nhưng thủ tục không khai báo câu hỏi này trong facts.', en: 'The condition uses the fact "{fact}", which the procedure does not declare in facts.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Mỗi điều kiện `when` chỉ được dùng các câu hỏi khai báo trong `facts` của chính thủ tục đó, để danh sách hồ sơ tính được cho từng người yêu cầu.',
      en: 'A `when` condition may only use facts declared in the procedure\'s own `facts`, so the checklist can be computed for each applicant.',
    },
  },
  {
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
  },
  {
    code: 'TTHC303', id: 'duplicate-component-id', category: 'catalogue', severity: 'error',
    message: { vi: 'Mã thành phần hồ sơ "{id}" bị trùng (đã dùng tại dòng {line}).', en: 'Component id "{id}" is used twice (first at line {line}).' },
    hint: { vi: 'Đặt cho mỗi thành phần một id riêng trong thủ tục.', en: 'Give each component its own id within the procedure.' },
    explain: {
      vi: 'Id của thành phần hồ sơ là khóa để máy trạng thái, danh sách kiểm tra và bản của tỉnh tham chiếu; nó phải duy nhất trong toàn thủ tục, kể cả trong các trường hợp (cases).',
      en: 'Component ids are what workflows, checklists and provincial variants refer to; they must be unique across the procedure, cases included.',
    },
  },
  {
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
  },
  {
    code: 'TTHC305', id: 'unknown-base', category: 'catalogue', severity: 'error',
    message: { vi: 'variantOf trỏ đến thủ tục "{code}" không có trong danh mục.', en: 'variantOf points at procedure "{code}", which is not in the catalogue.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Bản của tỉnh chỉ ghi phần khác biệt; phần còn lại lấy từ thủ tục gốc, nên thủ tục gốc phải có trong danh mục.',
      en: 'A variant only states what differs; the rest comes from its base, so the base must be in the catalogue.',
    },
  },
  {
    code: 'TTHC306', id: 'unknown-document', category: 'catalogue', severity: 'error',
    message: { vi: 'Loại giấy tờ "{id}" không có trong danh mục giấy tờ.', en: 'Document type "{id}" is not in the document registry.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Trường `document` (và `replacedBy`) tham chiếu danh mục giấy tờ (registry: documents). Thêm loại giấy tờ vào danh mục hoặc sửa mã cho đúng.',
      en: 'The `document` field (and `replacedBy`) refers to the document registry (registry: documents). Add the type there or fix the id.',
    },
  },
  {
    code: 'TTHC307', id: 'unknown-database', category: 'catalogue', severity: 'error',
    message: { vi: 'Cơ sở dữ liệu "{id}" không có trong danh mục cơ sở dữ liệu.', en: 'Database "{id}" is not in the database registry.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Trường `dataSource` và `database` tham chiếu danh mục cơ sở dữ liệu (registry: databases).',
      en: 'The `dataSource` and `database` fields refer to the database registry (registry: databases).',
    },
  },
  {
    code: 'TTHC308', id: 'unknown-legal-document', category: 'catalogue', severity: 'error',
    message: { vi: 'Văn bản "{number}" không có trong danh mục văn bản pháp luật.', en: 'Legal document "{number}" is not in the legal registry.' },
    hint: { vi: 'Thêm văn bản vào danh mục (registry: legal) hoặc sửa số hiệu.', en: 'Add it to the legal registry (registry: legal) or fix the number.' },
    explain: {
      vi: '`supersededBy` và `amendedBy` trong danh mục văn bản phải trỏ đến văn bản cũng có trong danh mục, để kiểm tra căn cứ pháp lý hết hiệu lực.',
      en: '`supersededBy` and `amendedBy` in the legal registry must name documents listed there too, so stale legal bases can be checked.',
    },
  },
  {
    code: 'TTHC309', id: 'variant-of-variant', category: 'catalogue', severity: 'error',
    message: { vi: 'variantOf trỏ đến "{code}", bản thân cũng là một bản của tỉnh.', en: 'variantOf points at "{code}", which is itself a variant.' },
    hint: { vi: 'Trỏ variantOf về thủ tục quốc gia "{base}".', en: 'Point variantOf at the national procedure "{base}".' },
    explain: {
      vi: 'Bản của tỉnh phải dựa trực tiếp vào thủ tục quốc gia; chuỗi bản dựa trên bản khiến việc so sánh giữa các cấp trở nên mơ hồ.',
      en: 'A variant must build directly on a national procedure; chains of overlays make cross-level comparison ambiguous.',
    },
  },
  {
    code: 'TTHC310', id: 'variant-only-field', category: 'catalogue', severity: 'error',
    message: { vi: '"{property}" chỉ dùng trong bản của tỉnh (tệp có variantOf).', en: '"{property}" is only used in a provincial variant (a file with variantOf).' },
    hint: { vi: 'Thêm variantOf hoặc xóa "{property}".', en: 'Add variantOf or remove "{property}".' },
    explain: {
      vi: '`jurisdiction` và `removeComponents` mô tả cách bản của tỉnh khác thủ tục gốc; ở thủ tục quốc gia chúng không có nghĩa.',
      en: '`jurisdiction` and `removeComponents` describe how a variant differs from its base; in a national procedure they mean nothing.',
    },
  },
  {
    code: 'TTHC311', id: 'incomplete-procedure', category: 'catalogue', severity: 'error',
    message: { vi: '{what} thiếu "{property}".', en: '{what} lacks "{property}".' },
    hint: { vi: '{advice}', en: '{advice}' },
    explain: {
      vi: 'Thủ tục không có variantOf phải tự đủ: name, field, levels (và jurisdiction chỉ có ở bản của tỉnh). Bản của tỉnh phải có jurisdiction.',
      en: 'A procedure without variantOf must stand alone (name, field, levels); a variant must have a jurisdiction.',
    },
  },
  {
    code: 'TTHC312', id: 'unknown-component', category: 'catalogue', severity: 'error',
    message: { vi: 'Thủ tục gốc "{base}" không có thành phần hồ sơ "{id}".', en: 'The base procedure "{base}" has no component "{id}".' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: '`removeComponents` và các thành phần ghi đè trong bản của tỉnh tham chiếu id thành phần của thủ tục gốc.',
      en: '`removeComponents` in a variant refers to component ids of the base procedure.',
    },
  },
  {
    code: 'TTHC313', id: 'duplicate-registry-entry', category: 'catalogue', severity: 'error',
    message: { vi: 'Mục "{id}" của danh mục {registry} được định nghĩa hai lần: {others}.', en: 'Entry "{id}" of the {registry} registry is defined twice: {others}.' },
    hint: { vi: 'Giữ một định nghĩa.', en: 'Keep one definition.' },
    explain: { vi: 'Một mục danh mục tham chiếu chỉ được định nghĩa một lần trong toàn danh mục.', en: 'A registry entry is defined once in the whole catalogue.' },
  },
  {
    code: 'TTHC314', id: 'invalid-fact', category: 'catalogue', severity: 'error',
    message: { vi: 'Câu hỏi "{fact}" không hợp lệ: {detail}', en: 'Fact "{fact}" is invalid: {detail}' },
    hint: { vi: 'Câu hỏi enum cần options; options, minimum, maximum chỉ dùng cho kiểu phù hợp.', en: 'An enum fact needs options; options, minimum and maximum only go with the matching type.' },
    explain: {
      vi: 'Câu hỏi kiểu enum phải liệt kê options; options chỉ dùng với enum; minimum, maximum, unit chỉ dùng với number và minimum không lớn hơn maximum.',
      en: 'An enum fact lists options; options only go with enum; minimum, maximum and unit only with number, and minimum may not exceed maximum.',
    },
  },
  {
    code: 'TTHC315', id: 'unknown-procedure', category: 'catalogue', severity: 'warning',
    message: { vi: 'Thủ tục "{code}" được tham chiếu nhưng không có trong danh mục.', en: 'Procedure "{code}" is referred to but is not in the catalogue.' },
    hint: { vi: 'Thêm thủ tục đó vào danh mục hoặc kiểm tra lại mã.', en: 'Add that procedure to the catalogue or check the code.' },
    explain: {
      vi: 'Giai đoạn liên thông (`stages[].procedure`) và `issuedBy` của danh mục giấy tờ nên trỏ đến thủ tục có trong danh mục để kiểm tra chéo được.',
      en: 'Interconnected stages (`stages[].procedure`) and the registry\'s `issuedBy` should name catalogued procedures so they can be cross-checked.',
    },
  },
  {
    code: 'TTHC316', id: 'invalid-calendar', category: 'catalogue', severity: 'error',
    message: { vi: 'Lịch nghỉ không hợp lệ: {detail}', en: 'Invalid holiday calendar: {detail}' },
    hint: { vi: 'Sửa ngày cho đúng năm và không lặp.', en: 'Fix the date so that it belongs to its year and is not repeated.' },
    explain: {
      vi: 'Mỗi ngày trong lịch phải thuộc đúng năm ghi ở khóa, không lặp; ngày làm bù phải là ngày nghỉ hằng tuần; một ngày không thể vừa nghỉ vừa làm bù.',
      en: 'Each date belongs to the year it is filed under and appears once; a make-up working day is a weekend day; a day cannot be both off and worked.',
    },
  },
  {
    code: 'TTHC317', id: 'duplicate-id', category: 'catalogue', severity: 'error',
    message: { vi: 'Mã {kind} "{id}" bị trùng (đã dùng tại dòng {line}).', en: 'The {kind} id "{id}" is used twice (first at line {line}).' },
    hint: { vi: 'Đặt mã riêng cho từng mục.', en: 'Give each item its own id.' },
    explain: { vi: 'Mã các trường hợp, giai đoạn và lựa chọn của câu hỏi phải duy nhất trong thủ tục.', en: 'Case, stage and option ids must be unique in the procedure.' },
  },
  {
    code: 'TTHC318', id: 'unknown-registry', category: 'catalogue', severity: 'error',
    message: { vi: 'Loại danh mục "{value}" không tồn tại; chỉ có: {allowed}.', en: 'There is no "{value}" registry; the registries are: {allowed}.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
    explain: {
      vi: 'Tệp có khóa `registry:` là danh mục tham chiếu: documents (giấy tờ), databases (cơ sở dữ liệu), legal (văn bản pháp luật), holidays (lịch nghỉ).',
      en: 'A file with a `registry:` key is reference data: documents, databases, legal or holidays.',
    },
  },
  {
    code: 'TTHC319', id: 'invalid-date-range', category: 'catalogue', severity: 'error',
    message: { vi: 'Ngày bắt đầu {from} sau ngày kết thúc {to}.', en: 'The start date {from} is after the end date {to}.' },
    hint: { vi: 'Đổi lại validFrom, validTo.', en: 'Swap or fix validFrom and validTo.' },
    explain: { vi: 'Khoảng hiệu lực của một khoản phí phải có ngày bắt đầu không sau ngày kết thúc.', en: 'A fee\'s validity period must not end before it starts.' },
  },
  // ── paths given to a command (raised while listing catalogue files) ─────────────────────────────────────────────────────────────────────────────
  {
    code: 'TTHC901', id: 'path-not-found', category: 'cli', severity: 'error',
    message: { vi: 'Không tìm thấy đường dẫn "{path}".', en: 'Path "{path}" does not exist.' },
    hint: { vi: 'Kiểm tra đường dẫn; mặc định là thư mục procedures/.', en: 'Check the path; the default is the procedures/ folder.' },
    explain: { vi: 'Đường dẫn truyền cho lệnh không tồn tại.', en: 'A path given to the command does not exist.' },
  },
  {
    code: 'TTHC902', id: 'no-catalogue-files', category: 'cli', severity: 'error',
    message: { vi: 'Không có tệp .yaml nào trong "{path}".', en: 'No .yaml file in "{path}".' },
    hint: { vi: 'Trỏ lệnh đến thư mục danh mục (procedures/) hoặc tệp .yaml.', en: 'Point the command at the catalogue folder (procedures/) or at .yaml files.' },
    explain: { vi: 'Thư mục được chỉ định không chứa tệp danh mục nào.', en: 'The folder holds no catalogue files.' },
  },
] as const);

/** The readable ids of these codes. */
export type CatalogueCodeId = typeof CATALOGUE_CODES extends CodeSet<infer Id> ? Id : never;
