import MiniSearch from 'minisearch';
import { PAGE_SIZE } from '../shared/constants.js';
import { GLOBALS, type CatalogueData, type CatalogueEntry } from '../shared/payload.js';
import { resultItem } from '../shared/result-item.js';
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchDocument } from '../shared/search.js';
import { t } from '../shared/ui.js';
import { byId, dataGlobal, pageLang } from './page.js';

/**
 * The catalogue page: search as you type (MiniSearch, the index built by tthc site), the
 * filters, and the result list. The query and filters live in the address's #fragment, so
 * the back button, a shared link and the language switch keep them.
 */

const lang = pageLang();
const data = dataGlobal<CatalogueData>(GLOBALS.catalogue);
const index = MiniSearch.loadJSON<SearchDocument>(dataGlobal<string>(GLOBALS.index), INDEX_OPTIONS);
const byCode = new Map(data.entries.map((e) => [e.c, e]));

const form = byId<HTMLFormElement>('search');
const input = byId<HTMLInputElement>('q');
const list = byId<HTMLOListElement>('results');
const count = byId('count');
const more = byId<HTMLButtonElement>('more');
const filters = {
  level: byId<HTMLSelectElement>('f-level'),
  field: byId<HTMLSelectElement>('f-field'),
  publisher: byId<HTMLSelectElement>('f-publisher'),
  online: byId<HTMLSelectElement>('f-online'),
  four: byId<HTMLSelectElement>('f-four'),
};
let shown = PAGE_SIZE;

function accepts(e: CatalogueEntry): boolean {
  const { level, field, publisher, online, four } = filters;
  return (level.value === '' || e.l.includes(level.value))
    && (field.value === '' || String(e.f) === field.value)
    && (publisher.value === '' || String(e.p) === publisher.value)
    && (online.value === '' || e.o === online.value)
    && (four.value === '' || e.q === four.value);
}

function matching(): CatalogueEntry[] {
  const q = input.value.trim();
  const found = q === '' ? data.entries : index.search(q, QUERY_OPTIONS).map((r) => byCode.get(r.id as string) as CatalogueEntry);
  return found.filter(accepts);
}

function saveState(): void {
  const params = new URLSearchParams();
  if (input.value.trim() !== '') params.set('q', input.value.trim());
  for (const [name, select] of Object.entries(filters)) if (select.value !== '') params.set(name, select.value);
  const hash = params.toString();
  history.replaceState(null, '', hash === '' ? location.pathname + location.search : `#${hash}`);
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-lang-switch]')) a.hash = hash;
}

function loadState(): void {
  const params = new URLSearchParams(location.hash.slice(1));
  input.value = params.get('q') ?? '';
  for (const [name, select] of Object.entries(filters)) {
    const v = params.get(name) ?? '';
    select.value = [...select.options].some((o) => o.value === v) ? v : '';
  }
}

/** Searches, filters and shows the results; measured as "tthc-search" (bench/site.bench.mjs reads it). */
function update(resetPaging: boolean): void {
  performance.mark('tthc-search-start');
  if (resetPaging) shown = PAGE_SIZE;
  const found = matching();
  list.innerHTML = found.slice(0, shown).map((e) => resultItem(e, data, lang, '').value).join('');
  const filtered = input.value.trim() !== '' || Object.values(filters).some((s) => s.value !== '');
  count.textContent = found.length === 0
    ? t('noResults', lang)
    : `${t(filtered ? 'resultCount' : 'resultCountAll', lang, { n: found.length })}${found.length > shown ? ` — ${t('showing', lang, { shown, n: found.length })}` : ''}`;
  more.hidden = found.length <= shown;
  performance.measure('tthc-search', 'tthc-search-start');
  saveState();
}

input.addEventListener('input', () => update(true));
for (const select of Object.values(filters)) select.addEventListener('change', () => update(true));
form.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('reset', () => setTimeout(() => update(true), 0));
more.addEventListener('click', () => {
  const first = shown;
  shown += PAGE_SIZE;
  update(false);
  // Keyboard users continue from the first new result.
  list.querySelectorAll<HTMLAnchorElement>('li a')[first]?.focus();
});
window.addEventListener('hashchange', () => {
  loadState();
  update(true);
});
loadState();
update(true);
document.documentElement.dataset['ready'] = 'true';
