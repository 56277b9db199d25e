import type { Bilingual } from '../i18n/lang.js';
import type { EventType, GuardName } from '../workflow/lifecycle.js';

/**
 * What the lifecycle's events and guards mean, for readers of the diagram's text table
 * (the diagram itself shows the engine's event names). Wording after Decree 118/2025/NĐ-CP's
 * one-stop steps and the forms of Circular 01/2018/TT-VPCP (receipt, supplement request,
 * refusal slip, apology slip).
 */
export const EVENT_LABELS: Readonly<Record<EventType, Bilingual>> = {
  SUBMIT: { vi: 'Nộp hồ sơ', en: 'Submit the dossier' },
  RECEIVE: { vi: 'Tiếp nhận, cấp giấy hẹn', en: 'Receive, issue the appointment slip' },
  REQUEST_COMPLETION: { vi: 'Hướng dẫn bổ sung, hoàn thiện hồ sơ', en: 'Ask for missing items' },
  SUBMIT_COMPLETION: { vi: 'Nộp bổ sung, hoàn thiện', en: 'Complete the dossier' },
  REFUSE: { vi: 'Từ chối tiếp nhận (phiếu từ chối)', en: 'Refuse (refusal slip)' },
  PROCESS_ON_SPOT: { vi: 'Giải quyết tại chỗ', en: 'Process on the spot' },
  RETURN_ON_SPOT: { vi: 'Trả kết quả tại chỗ', en: 'Return on the spot' },
  TRANSFER: { vi: 'Chuyển hồ sơ để giải quyết', en: 'Transfer for processing' },
  APPRAISE: { vi: 'Thẩm định xong', en: 'Appraisal done' },
  APPROVE: { vi: 'Phê duyệt', en: 'Approve' },
  STAGE_DONE: { vi: 'Hoàn thành giai đoạn', en: 'Stage done' },
  REQUEST_SUPPLEMENT: { vi: 'Yêu cầu bổ sung (tạm dừng thời hạn)', en: 'Request a supplement (clock paused)' },
  SUPPLEMENT_PROVIDED: { vi: 'Đã bổ sung', en: 'Supplement provided' },
  REQUEST_PAYMENT: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Request payment of obligations' },
  PAYMENT_RECEIVED: { vi: 'Đã thực hiện nghĩa vụ tài chính', en: 'Payment received' },
  REJECT: { vi: 'Từ chối giải quyết (nêu lý do)', en: 'Reject with reasons' },
  STOP: { vi: 'Dừng giải quyết', en: 'Stop processing' },
  WITHDRAW: { vi: 'Người nộp rút hồ sơ', en: 'The applicant withdraws' },
  DEADLINE_PASSED: { vi: 'Quá hạn: phiếu xin lỗi và hẹn lại ngày trả', en: 'Overdue: apology slip with a new date' },
  STAGE_DEADLINE_PASSED: { vi: 'Giai đoạn quá hạn: phiếu xin lỗi', en: 'Stage overdue: apology slip' },
  PRESENT_ORIGINALS: { vi: 'Xuất trình bản chính', en: 'Present the originals' },
  RETURN: { vi: 'Trả kết quả', en: 'Return the result' },
};

/** What each guard requires. */
export const GUARD_LABELS: Readonly<Record<GuardName, Bilingual>> = {
  channelAllowed: { vi: 'cách thức nộp được chấp nhận', en: 'the channel is offered' },
  componentsComplete: { vi: 'đủ giấy tờ theo câu trả lời của người nộp', en: 'every document the answers require is there' },
  supplementAllowed: { vi: 'chưa quá số lần được yêu cầu bổ sung', en: 'supplement notices left' },
  overdue: { vi: 'đã quá ngày hẹn', en: 'the due moment has passed' },
  stageOverdue: { vi: 'giai đoạn đã quá thời hạn', en: 'the stage budget is spent' },
  returnAllowed: { vi: 'đã xuất trình bản chính (nếu nộp trực tuyến một phần)', en: 'originals presented (partial online filings)' },
};
