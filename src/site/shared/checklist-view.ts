import type { Lang } from '../../i18n/lang.js';
import type { Checklist, ChecklistItem } from '../../workflow/checklist.js';
import { quantityAndForm } from './describe.js';
import { html, type Html } from './html.js';
import { legalRefsInline } from './legal.js';
import type { ProcedurePayload } from './payload.js';
import { t } from './ui.js';

/**
 * The applicant's checklist as HTML: what `checklist()` (src/workflow/checklist.ts) returns,
 * rendered. The page template renders it for "no answers yet" and the browser script
 * re-renders it with the same function whenever an answer changes.
 */

function itemHtml(i: ChecklistItem, payload: ProcedurePayload, lang: Lang, legalPage: string, optional: boolean): Html {
  const caseName = i.case !== undefined ? payload.procedure.cases?.find((k) => k.id === i.case)?.name : undefined;
  const details = [quantityAndForm(i.quantity, i.form, lang), optional ? t('optionalLabel', lang) : ''].filter((x) => x !== '').join(' · ');
  const db = i.dataSource !== undefined ? payload.databases[i.dataSource]?.[lang] ?? i.dataSource : undefined;
  const vi = lang === 'en' ? html` lang="vi"` : '';
  return html`<li data-id="${i.id}" class="item ${i.kind}">
<span class="kind kind-${i.kind}">${t(i.kind === 'present' ? 'kindPresent' : 'kindSubmit', lang)}</span>
<span class="item-name"${vi}>${i.name}</span>${details !== '' ? html` <span class="item-details">(${details})</span>` : ''}
${caseName !== undefined ? html`<span class="item-case"${vi}>${t('caseLabel', lang, { name: caseName })}</span>` : ''}
${db !== undefined ? html`<span class="item-db">${t('fromDatabase', lang, { db })}</span>` : ''}
${legalRefsInline(i.legalBasis, (n) => payload.legal[n], lang, legalPage)}
</li>`;
}

/**
 * The checklist: required documents, then optional ones, with a count the page announces.
 *
 * @example
 * checklistHtml(checklist(procedure, { facts: { applicant: 'authorised' } }), payload, 'vi', '../legal.html')
 */
export function checklistHtml(list: Checklist, payload: ProcedurePayload, lang: Lang, legalPage: string): Html {
  if (list.components.length === 0 && list.optional.length === 0) return html`<p class="empty">${t('noDocs', lang)}</p>`;
  return html`${list.components.length > 0 ? html`<h3>${t('yourChecklist', lang)}</h3>
<ul class="checklist" id="required">
${list.components.map((i) => itemHtml(i, payload, lang, legalPage, false))}
</ul>` : ''}
${list.optional.length > 0 ? html`<h3>${t('optionalDocs', lang)}</h3>
<ul class="checklist" id="optional">
${list.optional.map((i) => itemHtml(i, payload, lang, legalPage, true))}
</ul>` : ''}`;
}

/** The announcement after a change: "5 giấy tờ phải có, 1 giấy tờ nếu có". */
export function checklistCount(list: Checklist, lang: Lang): string {
  return t('checklistCount', lang, { n: list.components.length, m: list.optional.length });
}
