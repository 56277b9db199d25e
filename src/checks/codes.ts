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
] as const);

/** The readable ids of these codes. */
export type CheckCodeId = typeof CHECK_CODES extends CodeSet<infer Id> ? Id : never;
