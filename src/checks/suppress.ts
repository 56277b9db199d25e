/**
 * Inline suppressions in catalogue files, always with a reason:
 *
 *     # tthc-disable-next-line once-only -- Luật chuyên ngành yêu cầu bản giấy (Điều 12 Luật X)
 *     - id: giay-khai-sinh
 *
 *     # tthc-disable certified-copy-demanded -- chỉ nhận qua bưu chính   (whole file)
 *
 * A suppression without a reason, or naming an unknown rule, is itself reported.
 */

/** One suppression comment. */
export interface Suppression {
  /** 1-based line of the comment. */
  line: number;
  column: number;
  rules: string[];
  reason: string;
  /** The line it covers (the next non-comment line), or null for the whole file. */
  covers: number | null;
  /** Whether some finding used it. */
  used: boolean;
}

/** A malformed suppression comment. */
export interface SuppressionProblem {
  line: number;
  column: number;
  problem: 'no-reason' | 'unknown-rule' | 'no-rule';
  detail: string;
}

const COMMENT = /#\s*tthc-disable(-next-line)?\b(.*)$/u;

/** Reads the suppressions of one file's text. */
export function readSuppressions(text: string, knownRules: ReadonlySet<string>): { suppressions: Suppression[]; problems: SuppressionProblem[] } {
  const suppressions: Suppression[] = [];
  const problems: SuppressionProblem[] = [];
  const lines = text.split(/\r?\n/u);
  lines.forEach((raw, i) => {
    const m = COMMENT.exec(raw);
    if (m === null) return;
    // Only a real comment: "#" at the start of the line or after a space.
    const hash = raw.indexOf('#', m.index);
    if (hash > 0 && !/\s/u.test(raw[hash - 1] as string)) return;
    const column = hash + 1;
    const body = m[2] ?? '';
    const [rulePart = '', ...reasonParts] = body.split(/\s--\s?/u);
    const reason = reasonParts.join(' -- ').trim();
    const rules = rulePart.split(/[\s,]+/u).filter((r) => r !== '');
    if (rules.length === 0) {
      problems.push({ line: i + 1, column, problem: 'no-rule', detail: raw.trim() });
      return;
    }
    const unknown = rules.filter((r) => !knownRules.has(r));
    if (unknown.length > 0) {
      problems.push({ line: i + 1, column, problem: 'unknown-rule', detail: unknown.join(', ') });
      return;
    }
    if (reason === '') {
      problems.push({ line: i + 1, column, problem: 'no-reason', detail: rules.join(', ') });
      return;
    }
    let covers: number | null = null;
    if (m[1] !== undefined) {
      let j = i + 1;
      while (j < lines.length && /^\s*(#.*)?$/u.test(lines[j] as string)) j++;
      covers = j + 1;
    }
    suppressions.push({ line: i + 1, column, rules, reason, covers, used: false });
  });
  return { suppressions, problems };
}

/**
 * The suppression that covers a finding: a file-wide one for its rule, or a next-line one on
 * the first line of the finding's node or of one of its ancestors (so a comment above a
 * component covers findings on any of its fields).
 */
export function findSuppression(list: readonly Suppression[], rule: string, lines: readonly number[]): Suppression | undefined {
  return list.find((s) => s.rules.includes(rule) && (s.covers === null || lines.includes(s.covers)));
}
