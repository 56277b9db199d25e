import type { Lang } from '../../i18n/lang.js';
import { html, trusted, type Html } from '../shared/html.js';
import { t, type UiKey } from '../shared/ui.js';

/**
 * The page shell: language, title, navigation with the language switch, skip link,
 * landmarks, the stylesheet and the page's scripts. Every link is relative, so the site
 * reads from disk (file://) as well as from any server path.
 */

/** Where a page is: its language and its path from the site root ("p/1.001193.html", without the "en/" prefix). */
export interface PageAt {
  lang: Lang;
  path: string;
  /** Whether the site publishes the API reference under api/. */
  api: boolean;
}

/** The path of a page in a language, from the site root. */
export function pagePath(lang: Lang, path: string): string {
  return lang === 'vi' ? path : `en/${path}`;
}

/** The relative prefix from a page to the site root ("", "../", "../../"). */
export function rootOf(at: PageAt): string {
  const depth = pagePath(at.lang, at.path).split('/').length - 1;
  return '../'.repeat(depth);
}

/** A link from a page to another page of the same language. */
export function link(at: PageAt, path: string): string {
  return `${rootOf(at)}${pagePath(at.lang, path)}`;
}

/** A link from a page to a shared asset. */
export function asset(at: PageAt, path: string): string {
  return `${rootOf(at)}assets/${path}`;
}

/** What a page puts in the shell. */
export interface PageContent {
  title: string;
  description: string;
  /** Which navigation entry is this page. */
  nav?: 'catalogue' | 'dashboard' | 'rules';
  body: Html;
  /** Scripts, in order (paths relative to the site root's assets/). */
  scripts?: readonly string[];
  /** Data embedded before the scripts (JSON elements). */
  head?: Html;
}

/** Renders a whole page. */
export function page(at: PageAt, content: PageContent): string {
  const lang = at.lang;
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const counterpart = `${rootOf(at)}${pagePath(other, at.path)}`;
  const item = (key: UiKey, path: string, id: PageContent['nav']) =>
    html`<li><a href="${link(at, path)}"${content.nav === id ? html` aria-current="page"` : ''}>${t(key, lang)}</a></li>`;
  const scripts = (content.scripts ?? []).map((s) => html`<script src="${asset(at, s)}"></script>\n`);
  return `${html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${content.title}</title>
<meta name="description" content="${content.description}">
<link rel="stylesheet" href="${asset(at, 'site.css')}">
<link rel="alternate" hreflang="${other}" href="${counterpart}">
${content.head ?? ''}
</head>
<body>
<a class="skip" href="#main">${t('skip', lang)}</a>
<header class="site-header">
<div class="wrap">
<a class="brand" href="${link(at, 'index.html')}">${t('siteName', lang)}</a>
<nav aria-label="${t('navMain', lang)}">
<ul>
${item('navCatalogue', 'index.html', 'catalogue')}
${item('navDashboard', 'dashboard.html', 'dashboard')}
${item('navRules', 'rules.html', 'rules')}
${at.api ? html`<li><a href="${rootOf(at)}api/index.html" lang="en">${t('navApi', lang)}</a></li>` : ''}
<li><a class="lang-switch" href="${counterpart}" hreflang="${other}" lang="${other}" title="${t('otherLanguageLabel', lang)}" data-lang-switch>${t('otherLanguage', lang)}</a></li>
</ul>
</nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${content.body}
</main>
<footer class="site-footer"><div class="wrap"><p>${t('footer', lang)}</p></div></footer>
${scripts}</body>
</html>
`}`;
}

/** Catalogue text (Vietnamese) on an English page carries lang="vi", so screen readers read it as Vietnamese. */
export function vt(lang: Lang): Html {
  return lang === 'en' ? trusted(' lang="vi"') : trusted('');
}
