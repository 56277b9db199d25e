import type { Lang } from '../../i18n/lang.js';
import { levelName, onlineName } from '../shared/describe.js';
import { PAGE_SIZE } from '../shared/constants.js';
import { html } from '../shared/html.js';
import type { CatalogueData } from '../shared/payload.js';
import { resultItem } from '../shared/result-item.js';
import { t } from '../shared/ui.js';
import { link, page, vt, type PageAt } from './layout.js';


/**
 * The catalogue page: the search box, the filters, and the results. The first results are
 * in the HTML (so the page reads before its scripts run); the script searches and filters
 * as the reader types.
 */
export function cataloguePage(at: PageAt, data: CatalogueData): string {
  const lang: Lang = at.lang;
  const levels = ['ministry', 'province', 'commune', 'other', 'district'].filter((l) => data.entries.some((e) => e.l.includes(l)));
  const onlines = ['full', 'partial', 'none', 'unknown'].filter((o) => data.entries.some((e) => e.o === o));
  const select = (id: string, labelKey: Parameters<typeof t>[0], options: { value: string; text: string; lang?: string }[]) => html`<div class="filter">
<label for="${id}">${t(labelKey, lang)}</label>
<select id="${id}" name="${id.slice(2)}">
<option value="">${t('any', lang)}</option>
${options.map((o) => html`<option value="${o.value}"${o.lang !== undefined ? html` lang="${o.lang}"` : ''}>${o.text}</option>\n`)}</select>
</div>`;
  const first = data.entries.slice(0, PAGE_SIZE);
  const body = html`<h1>${t('siteName', lang)}</h1>
<p class="lead">${t('siteTagline', lang)}</p>
<form role="search" id="search" class="search" aria-label="${t('searchHeading', lang)}">
<div class="query">
<label for="q">${t('searchLabel', lang)}</label>
<input id="q" name="q" type="search" autocomplete="off" spellcheck="false" placeholder="${t('searchPlaceholder', lang)}">
</div>
<fieldset class="filters">
<legend>${t('filters', lang)}</legend>
${select('f-level', 'filterLevel', levels.map((l) => ({ value: l, text: levelName(l, lang) })))}
${select('f-field', 'filterField', data.fields.map((f, i) => ({ value: String(i), text: f === '' ? '—' : f, ...(lang === 'en' ? { lang: 'vi' } : {}) })))}
${select('f-publisher', 'filterPublisher', data.publishers.map((p, i) => ({ value: String(i), text: p.name[lang] })))}
${select('f-online', 'filterOnline', onlines.map((o) => ({ value: o, text: onlineName(o, lang) })))}
${select('f-four', 'filterFour', [
    { value: 'designated', text: t('fourDesignated', lang) },
    { value: 'candidate', text: t('fourCandidate', lang) },
    { value: 'no', text: t('fourNo', lang) },
  ])}
<button type="reset" class="secondary">${t('resetFilters', lang)}</button>
</fieldset>
</form>
<section aria-labelledby="results-heading">
<h2 id="results-heading" class="visually-hidden">${t('results', lang)}</h2>
<p id="count" class="count" role="status">${t('resultCountAll', lang, { n: data.entries.length })}</p>
<ol id="results" class="results">
${first.map((e) => resultItem(e, data, lang, ''))}
</ol>
<p class="more"><button type="button" id="more"${data.entries.length <= PAGE_SIZE ? html` hidden` : ''}>${t('showMore', lang)}</button></p>
<noscript><p><a href="${link(at, 'list.html')}">${lang === 'vi' ? 'Danh sách đầy đủ các thủ tục (không cần JavaScript)' : 'The full list of procedures (no JavaScript needed)'}</a></p></noscript>
</section>`;
  return page(at, {
    title: t('siteName', lang),
    description: t('siteTagline', lang),
    nav: 'catalogue',
    body,
    scripts: ['data/catalogue.js', 'data/search-index.js', 'catalogue.js'],
  });
}

/** The full list, grouped by field, for readers without JavaScript (and for crawlers). */
export function listPage(at: PageAt, data: CatalogueData): string {
  const lang = at.lang;
  const byField = new Map<number, typeof data.entries>();
  for (const e of data.entries) byField.set(e.f, [...(byField.get(e.f) ?? []), e]);
  const title = lang === 'vi' ? 'Danh sách đầy đủ các thủ tục' : 'Every procedure';
  const body = html`<h1>${title}</h1>
<p>${t('resultCountAll', lang, { n: data.entries.length })}</p>
${[...byField.keys()].sort((a, b) => a - b).map((f) => html`<section>
<h2${vt(lang)}>${data.fields[f] === '' ? '—' : data.fields[f]}</h2>
<ul class="plain">
${(byField.get(f) ?? []).map((e) => html`<li><a href="${link(at, `p/${e.c}.html`)}"><span class="code">${e.c}</span> <span${vt(lang)}>${e.n}</span></a></li>\n`)}</ul>
</section>
`)}`;
  return page(at, { title, description: title, nav: 'catalogue', body });
}
