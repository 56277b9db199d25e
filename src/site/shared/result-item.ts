import type { Lang } from '../../i18n/lang.js';
import { levelName, onlineName } from './describe.js';
import { html, type Html } from './html.js';
import type { CatalogueData, CatalogueEntry } from './payload.js';
import { t } from './ui.js';

/**
 * One procedure in the catalogue's result list. The page template renders the first results
 * with it and the browser script the rest, so both look alike.
 *
 * @example
 * resultItem(entry, data, 'vi', '') // <li class="result"><a href="p/1.001193.html">Thủ tục đăng ký khai sinh</a>…
 */
export function resultItem(e: CatalogueEntry, data: CatalogueData, lang: Lang, prefix: string): Html {
  const findings = e.e[0] + e.e[1] + e.e[2];
  const severity = e.e[0] > 0 ? 'error' : e.e[1] > 0 ? 'warning' : 'info';
  const vt = lang === 'en' ? 'vi' : undefined;
  return html`<li class="result"><a href="${prefix}p/${e.c}.html"${vt !== undefined ? html` lang="vi"` : ''}>${e.n}</a>
<p class="meta"><span class="code">${e.c}</span> · <span${vt !== undefined ? html` lang="vi"` : ''}>${data.fields[e.f] ?? ''}</span> · ${e.l.map((l) => levelName(l, lang)).join(', ')}${e.j !== undefined ? html` · <span class="badge variant">${t('variantOf', lang, { province: e.j, code: e.v ?? '' })}</span>` : ''}
 <span class="badge online-${e.o}">${onlineName(e.o, lang)}</span>${e.q === 'designated' ? html` <span class="badge four">4 tại chỗ</span>` : ''}${findings > 0 ? html` <span class="badge finding-${severity}">${t('findingsBadge', lang, { n: findings })}</span>` : ''}</p></li>`;
}
