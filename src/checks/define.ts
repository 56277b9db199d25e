import type { Bilingual } from '../i18n/lang.js';
import type { Rule, RuleCategory, RuleContext, RawFinding, RuleDoc } from './types.js';

/** What a rule module declares. */
export interface RuleSpec {
  id: string;
  code: string;
  severity: 'error' | 'warning' | 'info';
  category: RuleCategory;
  message: Bilingual;
  hint: Bilingual;
  doc: RuleDoc;
  run(ctx: RuleContext): RawFinding[];
}

const SEVERITY_WORD = { error: { vi: 'lỗi', en: 'error' }, warning: { vi: 'cảnh báo', en: 'warning' }, info: { vi: 'gợi ý', en: 'info' } } as const;

/** "- lỗi: …" lines of a rule's severities. */
function severities(doc: RuleDoc, lang: 'vi' | 'en'): string {
  return (['error', 'warning', 'info'] as const).flatMap((s) => {
    const when = doc.severities[s];
    return when === undefined ? [] : [`- ${SEVERITY_WORD[s][lang]}: ${when[lang]}`];
  }).join('\n');
}

/** Declares a rule: its diagnostic code entry (for messages and `tthc explain`) and its logic. */
export function defineRule(spec: RuleSpec): Rule {
  const explain: Bilingual = {
    vi: `${spec.doc.what.vi}\n\nVì sao: ${spec.doc.why.vi}\nCăn cứ: ${spec.doc.legalBasis.join('; ')}\n\nMức báo:\n${severities(spec.doc, 'vi')}\n\nVí dụ:\n${spec.doc.example}\n\nGiới hạn: ${spec.doc.limits.vi}`,
    en: `${spec.doc.what.en}\n\nWhy: ${spec.doc.why.en}\nLegal basis: ${spec.doc.legalBasis.join('; ')}\n\nSeverities:\n${severities(spec.doc, 'en')}\n\nExample:\n${spec.doc.example}\n\nLimits: ${spec.doc.limits.en}`,
  };
  return {
    id: spec.id,
    ruleCategory: spec.category,
    doc: spec.doc,
    run: spec.run,
    info: { code: spec.code, id: spec.id, category: 'check', severity: spec.severity, message: spec.message, hint: spec.hint, explain },
  };
}

/** Today's date (ISO) is on or after `date`. */
export function onOrAfter(today: string, date: string | undefined): boolean {
  return date === undefined || today >= date;
}

/** The codes a rule reports on, with their resolved procedures. */
export function targets(ctx: RuleContext): { code: string; p: NonNullable<ReturnType<RuleContext['procedure']>> }[] {
  const out: { code: string; p: NonNullable<ReturnType<RuleContext['procedure']>> }[] = [];
  for (const code of ctx.targets) {
    const p = ctx.procedure(code);
    if (p !== undefined) out.push({ code, p });
  }
  return out;
}
