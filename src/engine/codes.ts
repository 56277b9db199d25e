import type { Bilingual } from '../i18n/lang.js';

/**
 * The engine's error codes (TTHC6xx): what a command, a store or the HTTP API refuses, in the
 * shape of the project's diagnostic codes (code, readable id, messages with `{placeholders}`,
 * what to do, a long explanation). Codes are stable: never renumbered or reused. The HTTP
 * status says how a client should react; the CLI prints the message and exits 1 (2 for usage).
 */
export interface EngineCodeInfo {
  code: string;
  id: string;
  category: 'engine';
  severity: 'error';
  /** HTTP status of the API's answer. */
  status: number;
  message: Bilingual;
  hint: Bilingual;
  explain: Bilingual;
}

const c = (
  code: string, id: string, status: number, message: Bilingual, hint: Bilingual, explain: Bilingual,
): EngineCodeInfo => ({ code, id, category: 'engine', severity: 'error', status, message, hint, explain });

/** Every engine code, in code order. */
export const ENGINE_CODES = [
  c('TTHC601', 'procedure-not-served', 422,
    { vi: 'Không có thủ tục mã "{procedure}" trong danh mục của hệ thống.', en: 'No procedure with code "{procedure}" in the engine\'s catalogue.' },
    { vi: 'Kiểm tra mã thủ tục (ví dụ "1.001193").', en: 'Check the procedure code (for example "1.001193").' },
    { vi: 'Hồ sơ chỉ được tạo cho thủ tục có trong danh mục đã nạp.', en: 'Dossiers can only be created for procedures of the loaded catalogue.' }),
  c('TTHC602', 'unknown-dossier', 404,
    { vi: 'Không tìm thấy hồ sơ "{dossier}".', en: 'No dossier "{dossier}".' },
    { vi: 'Kiểm tra mã hồ sơ; người nộp chỉ xem được hồ sơ của mình.', en: 'Check the dossier id; applicants only see their own dossiers.' },
    { vi: 'Hồ sơ không tồn tại, hoặc người gọi không được xem hồ sơ này (người nộp chỉ thấy hồ sơ của mình, nên không biết hồ sơ của người khác có tồn tại hay không).', en: 'The dossier does not exist, or the caller may not see it (an applicant only sees their own dossiers, and cannot learn whether another person\'s exists).' }),
  c('TTHC603', 'version-conflict', 409,
    { vi: 'Hồ sơ đã thay đổi: phiên bản hiện tại là {actual}, lệnh dựa trên phiên bản {expected}.', en: 'The dossier changed: its version is {actual}, the command was based on version {expected}.' },
    { vi: 'Đọc lại hồ sơ rồi gửi lại lệnh (với mã lệnh mới nếu nội dung lệnh thay đổi).', en: 'Read the dossier again, then resend the command (with a new command id if you change it).' },
    { vi: 'Mỗi lệnh chỉ được áp dụng lên phiên bản hồ sơ mà người gửi đã thấy (khóa lạc quan). Hai lệnh đồng thời trên một hồ sơ không bao giờ cùng thắng: lệnh đến sau nhận lỗi này, không có gì bị ghi.', en: 'A command applies only to the dossier version its sender saw (optimistic locking). Two concurrent commands on one dossier never both win: the later one gets this error and nothing is written.' }),
  c('TTHC604', 'command-not-allowed', 409,
    { vi: 'Không thể "{command}" khi hồ sơ đang ở trạng thái "{state}". Được phép: {allowed}.', en: 'Cannot "{command}" while the dossier is "{state}". Allowed: {allowed}.' },
    { vi: 'Gửi một lệnh hợp lệ với trạng thái hiện tại của hồ sơ.', en: 'Send a command the dossier\'s current state accepts.' },
    { vi: 'Quy trình của hồ sơ là máy trạng thái biên dịch từ thủ tục (Nghị định 118/2025/NĐ-CP về cơ chế một cửa): mỗi trạng thái chỉ nhận một số lệnh.', en: 'A dossier follows the state machine compiled from its procedure (Decree 118/2025/NĐ-CP, one-stop mechanism): each state accepts only some commands.' }),
  c('TTHC605', 'components-missing', 422,
    { vi: 'Hồ sơ còn thiếu thành phần: {missing}.', en: 'The dossier lacks components: {missing}.' },
    { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (request-completion) hoặc bổ sung các thành phần còn thiếu.', en: 'Request completion (request-completion) or add the missing components.' },
    { vi: 'Hồ sơ chỉ được tiếp nhận khi đủ thành phần theo câu trả lời của người nộp; nếu thiếu, cán bộ hướng dẫn bổ sung một lần bằng phiếu (Mẫu số 02, Thông tư 01/2018/TT-VPCP).', en: 'A dossier is received only when every component the applicant\'s answers require is there; otherwise the officer asks, once and in writing, for what is missing (form 02, Circular 01/2018/TT-VPCP).' }),
  c('TTHC606', 'channel-not-offered', 422,
    { vi: 'Thủ tục {procedure} không nhận hồ sơ {channel}. Các kênh: {allowed}.', en: 'Procedure {procedure} does not accept dossiers {channel}. Channels: {allowed}.' },
    { vi: 'Chọn một kênh mà thủ tục công bố.', en: 'Use a channel the procedure offers.' },
    { vi: 'Kênh nộp hồ sơ (trực tiếp, trực tuyến, bưu chính) là những kênh mà quyết định công bố thủ tục liệt kê.', en: 'The channels (in person, online, post) are those the procedure\'s publication lists.' }),
  c('TTHC607', 'supplement-limit-reached', 409,
    { vi: 'Đã yêu cầu bổ sung {count} lần, thủ tục chỉ cho phép {limit} lần.', en: 'Supplements were requested {count} times; the procedure allows {limit}.' },
    { vi: 'Giải quyết hoặc từ chối giải quyết hồ sơ với lý do bằng văn bản.', en: 'Decide the dossier, or reject it with written reasons.' },
    { vi: 'Yêu cầu bổ sung phải nêu đầy đủ một lần; số lần tối đa là chính sách của từng thủ tục (supplement.maxRequests, mặc định một lần).', en: 'A supplement request lists everything at once; the number allowed is per-procedure policy (supplement.maxRequests, one by default).' }),
  c('TTHC608', 'return-not-allowed', 409,
    { vi: 'Chưa thể trả kết quả: {reason}', en: 'The result cannot be returned yet: {reason}' },
    { vi: 'Người nộp trực tuyến (dịch vụ một phần) xuất trình bản chính trước khi nhận kết quả; dịch vụ toàn trình trả kết quả trực tuyến hoặc qua bưu chính.', en: 'An online applicant of a partial service presents the originals before the result; a fully online service returns it online or by post.' },
    { vi: 'Nghị định 42/2022/NĐ-CP, Điều 11: dịch vụ toàn trình không có bước trực tiếp.', en: 'Decree 42/2022/NĐ-CP art. 11: a fully online service has no in-person step.' }),
  c('TTHC609', 'command-id-reused', 409,
    { vi: 'Mã lệnh "{command}" đã được dùng cho một lệnh khác.', en: 'The command id "{command}" was already used for a different command.' },
    { vi: 'Mỗi lệnh mới cần một mã lệnh mới (ví dụ một UUID); chỉ gửi lại cùng mã khi gửi lại đúng lệnh đó.', en: 'Give every new command a new id (a UUID, say); reuse an id only to resend that same command.' },
    { vi: 'Mỗi lệnh được áp dụng đúng một lần: gửi lại cùng mã lệnh trả về kết quả lần đầu. Cùng mã với nội dung khác là lỗi của bên gửi.', en: 'Every command is applied exactly once: resending an id returns the first result. The same id with a different content is a client error.' }),
  c('TTHC610', 'role-forbidden', 403,
    { vi: 'Vai trò "{role}" không được thực hiện "{command}". Vai trò được phép: {allowed}.', en: 'The role "{role}" may not "{command}". Allowed roles: {allowed}.' },
    { vi: 'Dùng tài khoản có vai trò phù hợp.', en: 'Use an account with a suitable role.' },
    { vi: 'Mỗi lệnh thuộc về một số vai trò: người nộp, cán bộ tiếp nhận, chuyên viên, lãnh đạo phê duyệt; quản trị viên chỉ xem.', en: 'Each command belongs to some roles: applicant, reception officer, specialist, approver; administrators only read.' }),
  c('TTHC611', 'agency-forbidden', 403,
    { vi: 'Cán bộ của cơ quan {agency} không xử lý hồ sơ của cơ quan {dossierAgency}.', en: 'Officers of agency {agency} do not handle dossiers of agency {dossierAgency}.' },
    { vi: 'Chỉ cán bộ của cơ quan đang tiếp nhận hoặc giải quyết hồ sơ mới thực hiện được lệnh này.', en: 'Only officers of the agency receiving or handling the dossier can do this.' },
    { vi: 'Cán bộ tiếp nhận làm việc trên hồ sơ nộp tại cơ quan mình; chuyên viên và lãnh đạo trên hồ sơ đang được chuyển đến cơ quan mình giải quyết.', en: 'Reception officers act on dossiers filed with their agency; specialists and approvers on dossiers transferred to their agency.' }),
  c('TTHC613', 'unknown-agency', 422,
    { vi: 'Không có cơ quan mã "{agency}" trong danh sách cơ quan của hệ thống.', en: 'No agency with code "{agency}" in the engine\'s agency directory.' },
    { vi: 'Dùng mã định danh của một cơ quan trong tệp cấu hình (agencies).', en: 'Use the identifier of an agency listed in the operator file (agencies).' },
    { vi: 'Mỗi hồ sơ thuộc một cơ quan tiếp nhận có mã định danh; mã số hồ sơ bắt đầu bằng mã này (Thông tư 01/2018/TT-VPCP, Điều 19).', en: 'Every dossier belongs to a receiving agency with an identifier; the dossier number starts with it (Circular 01/2018/TT-VPCP art. 19).' }),
  c('TTHC614', 'invalid-command', 400,
    { vi: 'Lệnh không hợp lệ: {detail}', en: 'Invalid command: {detail}' },
    { vi: 'Sửa nội dung lệnh theo tài liệu API (GET /openapi.json).', en: 'Fix the command as the API document describes (GET /openapi.json).' },
    { vi: 'Ví dụ: từ chối, từ chối giải quyết và dừng giải quyết phải nêu lý do bằng văn bản.', en: 'For example, refusing, rejecting and stopping must state written reasons.' }),
  c('TTHC615', 'invalid-facts', 422,
    { vi: 'Thông tin người nộp không hợp lệ: {detail}', en: 'Invalid applicant facts: {detail}' },
    { vi: 'Trả lời đúng các câu hỏi của thủ tục (tthc checklist <mã> --help).', en: 'Answer the procedure\'s questions as declared (tthc checklist <code>).' },
    { vi: 'Các câu trả lời quyết định thành phần hồ sơ bắt buộc; câu trả lời lạ hoặc sai kiểu sẽ làm kiểm tra thành phần sai.', en: 'The answers decide which components are required; an unknown or mistyped answer would make that check wrong.' }),
  c('TTHC616', 'not-overdue', 409,
    { vi: 'Hồ sơ chưa quá hạn (hạn {due}).', en: 'The dossier is not overdue (due {due}).' },
    { vi: 'Phiếu xin lỗi chỉ lập khi đã quá hạn.', en: 'An apology slip is issued only after the due moment.' },
    { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu số 04, Thông tư 01/2018/TT-VPCP) chỉ lập cho hồ sơ quá hạn.', en: 'The apology slip (form 04, Circular 01/2018/TT-VPCP) is for overdue dossiers only.' }),
  c('TTHC617', 'dossier-number-exhausted', 503,
    { vi: 'Cơ quan {agency} đã dùng hết 9999 số hồ sơ của ngày {day}.', en: 'Agency {agency} has used all 9999 dossier numbers of {day}.' },
    { vi: 'Mã số hồ sơ có 4 chữ số thứ tự trong ngày; tách cơ quan tiếp nhận (mã định danh riêng).', en: 'A dossier number has a 4-digit daily sequence; split the receiving agency (its own identifier).' },
    { vi: 'Thông tư 01/2018/TT-VPCP, Điều 19: XXXX là số thứ tự hồ sơ tiếp nhận trong ngày, gồm 04 chữ số. Hệ thống không quay vòng số.', en: 'Circular 01/2018/TT-VPCP art. 19: XXXX is the day\'s sequence, 4 digits. The engine never wraps numbers.' }),
  c('TTHC618', 'revision-missing', 500,
    { vi: 'Không tìm thấy phiên bản {revision} của thủ tục {procedure} mà hồ sơ đang chạy.', en: 'The revision {revision} of procedure {procedure} the dossier runs under is missing.' },
    { vi: 'Khôi phục cơ sở dữ liệu; không xóa bảng procedure_revisions.', en: 'Restore the database; never delete from procedure_revisions.' },
    { vi: 'Mỗi hồ sơ chạy theo phiên bản thủ tục lúc nộp, lưu cùng hồ sơ; thiếu nó là dữ liệu bị hỏng.', en: 'A dossier runs under the procedure revision it was filed with, stored beside it; its absence means damaged data.' }),
  c('TTHC619', 'replay-mismatch', 500,
    { vi: 'Chạy lại lịch sử hồ sơ {dossier} không ra trạng thái đã lưu ({detail}).', en: 'Replaying the history of dossier {dossier} does not give the stored state ({detail}).' },
    { vi: 'Báo cho quản trị viên: phiên bản phần mềm hoặc dữ liệu đã thay đổi.', en: 'Tell the administrator: the software or the data changed.' },
    { vi: 'Lịch sử sự kiện là nguồn gốc: chạy lại phải cho đúng trạng thái.', en: 'The event log is the source of truth: replaying it must give the same state.' }),
  c('TTHC620', 'store-locked', 423,
    { vi: 'Thư mục dữ liệu {folder} đang được một tiến trình khác mở.', en: 'The data folder {folder} is open in another process.' },
    { vi: 'Dừng tiến trình kia (tthc serve, tthc simulate…), hoặc dùng PostgreSQL (--database-url) cho nhiều tiến trình. Nếu tiến trình kia đã chết, khóa tự hết hạn sau {stale} giây.', en: 'Stop the other process (tthc serve, tthc simulate…), or use PostgreSQL (--database-url) for several processes. If that process died, the lock expires after {stale} seconds.' },
    { vi: 'Hai tiến trình mở cùng một thư mục PGlite đều mở được nhưng âm thầm làm mất dữ liệu đã ghi. Kho nhúng giữ khóa độc quyền trên thư mục và từ chối người mở thứ hai.', en: 'Two processes opening one PGlite folder both succeed and silently lose committed rows. The embedded store holds an exclusive lock on the folder and refuses a second opener.' }),
  c('TTHC621', 'store-unavailable', 503,
    { vi: 'Không mở được kho dữ liệu: {detail}', en: 'Cannot open the store: {detail}' },
    { vi: 'Kiểm tra thư mục dữ liệu hoặc địa chỉ PostgreSQL (postgres://máy:cổng/csdl) và quyền truy cập.', en: 'Check the data folder or the PostgreSQL address (postgres://host:port/db) and permissions.' },
    { vi: 'Kho dữ liệu là thư mục PGlite (mặc định) hoặc máy chủ PostgreSQL.', en: 'The store is a PGlite folder (default) or a PostgreSQL server.' }),
  c('TTHC622', 'store-schema-mismatch', 500,
    { vi: 'Lược đồ kho dữ liệu không khớp: {detail}', en: 'The store\'s schema does not match: {detail}' },
    { vi: 'Dùng phiên bản tthc mới hơn, hoặc khôi phục bản sao lưu; không sửa tay bảng tthc_migrations.', en: 'Use a newer tthc, or restore a backup; never edit tthc_migrations by hand.' },
    { vi: 'Các bước di chuyển lược đồ có số thứ tự và mã băm; chỉ chạy tiến, và một bước đã chạy không được sửa.', en: 'Migrations are numbered and hashed; they only run forward, and a migration that ran may not change.' }),
  c('TTHC630', 'token-missing', 401,
    { vi: 'Thiếu mã truy cập (Authorization: Bearer …).', en: 'No access token (Authorization: Bearer …).' },
    { vi: 'Gửi mã truy cập do quản trị viên cấp (tthc token add).', en: 'Send the token the operator issued (tthc token add).' },
    { vi: 'Mọi yêu cầu trừ /health và /openapi.json cần mã truy cập.', en: 'Every request but /health and /openapi.json needs a token.' }),
  c('TTHC631', 'token-invalid', 401,
    { vi: 'Mã truy cập không hợp lệ.', en: 'The access token is not valid.' },
    { vi: 'Kiểm tra mã truy cập; quản trị viên có thể cấp mã mới.', en: 'Check the token; the operator can issue a new one.' },
    { vi: 'Tệp cấu hình chỉ lưu mã băm SHA-256 của mã truy cập; mã không khớp bản ghi nào.', en: 'The operator file keeps only SHA-256 hashes of tokens; this one matches none.' }),
  c('TTHC632', 'token-expired', 401,
    { vi: 'Mã truy cập "{token}" đã hết hạn từ {expires}.', en: 'The access token "{token}" expired on {expires}.' },
    { vi: 'Xin quản trị viên cấp mã mới.', en: 'Ask the operator for a new token.' },
    { vi: 'Mỗi mã truy cập có thể có ngày hết hạn.', en: 'Each token may have an expiry date.' }),
  c('TTHC633', 'tokens-file-invalid', 500,
    { vi: 'Tệp mã truy cập {file} không hợp lệ: {detail}', en: 'The tokens file {file} is not valid: {detail}' },
    { vi: 'Tạo hoặc sửa tệp bằng "tthc token add --tokens <tệp> …" (xem docs/engine.md).', en: 'Create or fix it with "tthc token add --tokens <file> …" (see docs/engine.md).' },
    { vi: 'Tệp liệt kê các cơ quan (mã định danh, tên, cấp) và mã truy cập (mã băm, vai trò, cơ quan, hạn). Không có mã mặc định.', en: 'The file lists the agencies (identifier, name, level) and the tokens (hash, role, agency, expiry). There are no default tokens.' }),
  c('TTHC634', 'request-invalid', 400,
    { vi: 'Yêu cầu không hợp lệ: {detail}', en: 'Invalid request: {detail}' },
    { vi: 'Sửa yêu cầu theo tài liệu API (GET /openapi.json).', en: 'Fix the request as the API document describes (GET /openapi.json).' },
    { vi: 'Thân yêu cầu được kiểm tra theo JSON Schema của tuyến; thuộc tính lạ bị từ chối.', en: 'Bodies are validated against each route\'s JSON Schema; unknown properties are refused.' }),
  c('TTHC635', 'body-too-large', 413,
    { vi: 'Thân yêu cầu quá lớn (tối đa {limit} byte).', en: 'The request body is too large (at most {limit} bytes).' },
    { vi: 'Gửi ít dữ liệu hơn; tệp đính kèm không gửi qua API này.', en: 'Send less; attachments do not go through this API.' },
    { vi: 'Giới hạn kích thước bảo vệ máy chủ.', en: 'The size limit protects the server.' }),
  c('TTHC636', 'route-not-found', 404,
    { vi: 'Không có tuyến {method} {url}.', en: 'No route {method} {url}.' },
    { vi: 'Xem các tuyến trong GET /openapi.json.', en: 'See the routes in GET /openapi.json.' },
    { vi: 'API chỉ có các tuyến được mô tả trong tài liệu OpenAPI.', en: 'The API has only the routes its OpenAPI document lists.' }),
  c('TTHC637', 'clock-not-simulated', 409,
    { vi: 'Máy chủ chạy theo giờ thật; không thể đặt giờ.', en: 'The server runs on real time; its clock cannot be set.' },
    { vi: 'Khởi động với --simulated-clock <thời điểm> để thử nghiệm.', en: 'Start it with --simulated-clock <moment> to experiment.' },
    { vi: 'Giờ mô phỏng chỉ dùng để trình diễn và thử nghiệm.', en: 'A simulated clock is for demonstrations and trials only.' }),
  c('TTHC638', 'clock-backwards', 409,
    { vi: 'Giờ mô phỏng không lùi được ({now} → {to}).', en: 'The simulated clock cannot go back ({now} → {to}).' },
    { vi: 'Đặt một thời điểm sau thời điểm hiện tại.', en: 'Set a moment after the current one.' },
    { vi: 'Thời gian lùi sẽ làm hỏng thứ tự sự kiện và hạn xử lý.', en: 'Time going back would break the order of events and deadlines.' }),
  c('TTHC639', 'internal-error', 500,
    { vi: 'Lỗi nội bộ: {detail}', en: 'Internal error: {detail}' },
    { vi: 'Báo cho quản trị viên kèm mã yêu cầu.', en: 'Tell the administrator, with the request id.' },
    { vi: 'Một lỗi không lường trước; không có gì được ghi nửa chừng.', en: 'An unexpected failure; nothing was half-written.' }),
  c('TTHC640', 'simulation-heap-too-small', 422,
    { vi: 'Mô phỏng {dossiers} hồ sơ trong bộ nhớ cần khoảng {need} MB vùng nhớ của Node; giới hạn hiện tại là {limit} MB.', en: 'Simulating {dossiers} dossiers in memory needs about {need} MB of Node\'s heap; its limit is {limit} MB.' },
    { vi: 'Dùng kho nhúng (--store embedded: dữ liệu trên đĩa, khoảng 2,3 GB bộ nhớ cho một năm của một tỉnh), hoặc chạy với vùng nhớ lớn hơn: node --max-old-space-size={suggest} bin/tthc.js simulate …', en: 'Use the embedded store (--store embedded: data on disk, about 2.3 GB of memory for a province-year), or run with a larger heap: node --max-old-space-size={suggest} bin/tthc.js simulate …' },
    { vi: 'Kho trong bộ nhớ giữ mọi hồ sơ và mọi sự kiện của cả năm, khoảng 14 KB mỗi hồ sơ; vượt giới hạn vùng nhớ thì Node dừng giữa chừng mà không có kết quả. Lệnh kiểm tra trước khi chạy, để không mất hàng phút rồi mới hỏng.', en: 'The in-memory store keeps every dossier and event of the year, about 14 KB per dossier; past the heap limit Node stops half-way with no result. The command checks before it runs rather than fail minutes in.' }),
] as const;

/** Readable ids of the engine's codes. */
export type EngineCodeId = (typeof ENGINE_CODES)[number]['id'];

const BY_ID = new Map<string, EngineCodeInfo>(ENGINE_CODES.map((info) => [info.id, info]));

/** The code of a readable id. */
export function engineCode(id: EngineCodeId): EngineCodeInfo {
  return BY_ID.get(id) as EngineCodeInfo;
}
