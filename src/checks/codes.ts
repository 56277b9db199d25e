import { codeSet, type CodeSet } from '../diagnostics/registry.js';

/**
 * Diagnostic codes of the check runner itself (the rules define theirs in src/checks/rules/).
 * Codes are stable: never renumbered or reused for another meaning.
 */
export const CHECK_CODES = codeSet([
  // ── check: inline suppressions of check rules (the rules themselves are in src/checks/rules/) ──
  {
    code: 'TTHC439', id: 'invalid-suppression', category: 'check', severity: 'warning',
    message: { vi: 'Chú thích tắt quy tắc không hợp lệ: {detail}.', en: 'Invalid rule suppression: {detail}.' },
    hint: { vi: 'Viết "# tthc-disable-next-line <quy-tắc> -- <lý do>"; lý do là bắt buộc.', en: 'Write "# tthc-disable-next-line <rule> -- <reason>"; the reason is required.' },
    explain: {
      vi: 'Một phát hiện chỉ được tắt kèm lý do, để người rà soát sau biết vì sao. Chú thích không có lý do, không nêu quy tắc hoặc nêu quy tắc không tồn tại không có tác dụng và bị báo.',
      en: 'A finding may only be silenced with a reason, so later reviewers know why. A suppression with no reason, no rule or an unknown rule has no effect and is reported.',
    },
  },
  {
    code: 'TTHC440', id: 'invalid-baseline', category: 'check', severity: 'error',
    message: { vi: 'Tệp baseline không đúng dạng: {detail}.', en: 'The baseline file is not in shape: {detail}.' },
    hint: { vi: 'Tạo lại tệp bằng "tthc check --baseline <tệp> --update-baseline", rồi ghi quyết định vào từng mục (docs/baseline.md).', en: 'Create it again with "tthc check --baseline <file> --update-baseline", then record a decision in each entry (docs/baseline.md).' },
    explain: {
      vi: 'Tệp baseline là JSON do tthc ghi: {"tool": "tthc", "version": 1, "findings": [...]}, mỗi mục có fingerprint, rule, status (accepted, dismissed, open) và lý do. Tệp hỏng không được dùng: mọi phát hiện được báo như chưa xem xét.',
      en: 'A baseline is JSON written by tthc: {"tool": "tthc", "version": 1, "findings": [...]}, each entry with a fingerprint, a rule, a status (accepted, dismissed, open) and a reason. A broken file is not used: every finding is reported as untriaged.',
    },
  },
  {
    code: 'TTHC441', id: 'baseline-without-reason', category: 'check', severity: 'warning',
    message: { vi: 'Mục baseline {fingerprint} ghi "{status}" nhưng không có lý do; coi như chưa xem xét.', en: 'Baseline entry {fingerprint} is "{status}" without a reason; treated as open.' },
    hint: { vi: 'Ghi lý do (reason) cho quyết định, để người rà soát sau biết vì sao.', en: 'Write the reason for the decision, so later reviewers know why.' },
    explain: {
      vi: 'Một phát hiện chỉ được ẩn khi người rà soát ghi lý do chấp nhận hoặc bác bỏ; mục không có lý do vẫn được báo.',
      en: 'A finding is hidden only when a reviewer recorded why it was accepted or dismissed; an entry without a reason is still reported.',
    },
  },
] as const);

/** The readable ids of these codes. */
export type CheckCodeId = typeof CHECK_CODES extends CodeSet<infer Id> ? Id : never;
