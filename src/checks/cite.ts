import type { LegalRef } from '../../generated/types/catalogue.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { Bilingual } from '../i18n/lang.js';

/**
 * Legal references as a reviewer reads them: to the article, with the document's name
 * ("khoản 3 Điều 38 Luật Cư trú 68/2020/QH14"), in both languages (the articles stay in
 * Vietnamese: they are how the law is cited).
 */
export function citeLegal(refs: readonly LegalRef[] | undefined, catalogue?: Pick<Catalogue, 'registries'>): Bilingual {
  const parts = (refs ?? []).map((r) => {
    const full = r.title ?? catalogue?.registries.legal.get(r.number)?.value.title;
    // A long title (a decree's whole subject) reads badly in a message: the kind of document will do.
    const title = full !== undefined && full.length <= 40 ? full : kindOf(r.number);
    const articles = (r.articles ?? []).join(', ');
    return [articles, title, r.number].filter((x) => x !== undefined && x !== '').join(' ');
  });
  const text = parts.join('; ');
  return text === '' ? { vi: 'không nêu căn cứ', en: 'no basis given' } : { vi: text, en: text };
}

/** The kind of a legal document from its ký hiệu (NĐ-CP → Nghị định, QH → Luật…). */
function kindOf(number: string): string | undefined {
  if (/\/NĐ-/u.test(number)) return 'Nghị định';
  if (/\/NQ-/u.test(number)) return 'Nghị quyết';
  if (/\/TTLT-/u.test(number)) return 'Thông tư liên tịch';
  if (/\/TT-/u.test(number)) return 'Thông tư';
  if (/\/QĐ-/u.test(number)) return 'Quyết định';
  if (/\/QH\d{2}$/u.test(number)) return 'Luật';
  return undefined;
}
