import type { LegalRef } from '../../../generated/types/catalogue.js';
import type { Lang } from '../../i18n/lang.js';
import { html, join, safeUrl, type Html } from './html.js';
import type { LegalLink } from './payload.js';

/** Status labels of legal documents (the legal registry's `status`). */
const STATUS: Readonly<Record<string, { vi: string; en: string }>> = {
  'in-force': { vi: 'còn hiệu lực', en: 'in force' },
  amended: { vi: 'đã được sửa đổi', en: 'amended' },
  superseded: { vi: 'đã bị thay thế', en: 'superseded' },
  expired: { vi: 'hết hiệu lực', en: 'expired' },
};

/** The label of a legal document's status. */
export function statusText(status: string, lang: Lang): string {
  return STATUS[status]?.[lang] ?? status;
}

/**
 * One legal reference: the document (linked to its entry on the site's legal page, and to
 * its text where the registry has an address), the articles cited, and a warning when the
 * registry marks it superseded or expired.
 *
 * @example
 * legalRefHtml({ number: '60/2014/QH13', articles: ['Điều 16'] }, { title: 'Luật Hộ tịch', anchor: 'l-60-2014-qh13' }, 'vi', '../legal.html')
 */
export function legalRefHtml(ref: LegalRef, info: LegalLink | undefined, lang: Lang, legalPage: string): Html {
  const title = ref.title ?? info?.title;
  const name = title !== undefined ? `${title} ${ref.number}` : ref.number;
  const url = safeUrl(info?.url);
  const doc = info?.anchor !== undefined ? html`<a href="${legalPage}#${info.anchor}">${name}</a>` : html`${name}`;
  const articles = ref.articles !== undefined && ref.articles.length > 0 ? html`, ${ref.articles.join(', ')}` : '';
  const text = url !== undefined ? html` (<a href="${url}" rel="noopener">${lang === 'vi' ? 'văn bản' : 'text'}</a>)` : '';
  const stale = info?.status === 'superseded' || info?.status === 'expired' ? html` <span class="badge finding-warning">${statusText(info.status, lang)}</span>` : '';
  const note = ref.note !== undefined ? html` — ${ref.note}` : '';
  return html`<span class="legal"${lang === 'en' ? html` lang="vi"` : ''}>${doc}${articles}${note}</span>${text}${stale}`;
}

/** A list of legal references, inline ("Căn cứ: …; …"). */
export function legalRefsInline(refs: readonly LegalRef[] | undefined, links: (number: string) => LegalLink | undefined, lang: Lang, legalPage: string): Html | '' {
  if (refs === undefined || refs.length === 0) return '';
  return html`<span class="basis">${lang === 'vi' ? 'Căn cứ' : 'Basis'}: ${join(refs.map((r) => legalRefHtml(r, links(r.number), lang, legalPage)), '; ')}</span>`;
}
