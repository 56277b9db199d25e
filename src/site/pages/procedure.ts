import type { Channel, Component, Fact, LegalRef, Procedure } from '../../../generated/types/catalogue.js';
import { viDate, parseIsoDate } from '../../calendar/dates.js';
import type { Finding } from '../../checks/run.js';
import { findRule } from '../../checks/registry.js';
import { renderMessage } from '../../diagnostics/diagnostic.js';
import type { Lang } from '../../i18n/lang.js';
import { entriesOf } from '../../util/records.js';
import { checklist } from '../../workflow/checklist.js';
import { CHANNELS } from '../../workflow/ir.js';
import type { Lifecycle } from '../../workflow/lifecycle.js';
import { legalLink } from '../data.js';
import { EVENT_LABELS, GUARD_LABELS } from '../lifecycle-labels.js';
import type { SiteModel } from '../model.js';
import { checklistCount, checklistHtml } from '../shared/checklist-view.js';
import { amountText, channelName, conditionText, feeText, levelName, onlineName, periodText, quantityAndForm, questionOf } from '../shared/describe.js';
import { html, join, safeUrl, scriptJson, trusted, type Html, type HtmlValue } from '../shared/html.js';
import { legalRefsInline } from '../shared/legal.js';
import type { ProcedurePayload } from '../shared/payload.js';
import { t, type UiKey } from '../shared/ui.js';
import { compareVariants, type VariantVersion } from '../variants.js';
import { link, page, rootOf, vt, type PageAt } from './layout.js';

/**
 * A procedure's page: overview, the applicant's checklist (answers → documents), durations
 * and fees per channel, the appointment date for a submission now, steps, conditions,
 * stages, results, legal basis, related procedures, the lifecycle diagram, provincial
 * versions side by side, the review findings with their explanations, what is under review,
 * and the sources.
 */

/** The diagram of the page: its SVG file (from the site root) or null when not drawn, and the graph. */
export interface PageDiagram {
  file: string | null;
  lifecycle: Lifecycle;
}

interface Ctx {
  at: PageAt;
  lang: Lang;
  model: SiteModel;
  p: Procedure;
  facts: Readonly<Record<string, Fact>>;
  legalPage: string;
}

const section = (id: string, title: string, body: HtmlValue): Html => html`<section id="${id}" aria-labelledby="${id}-h">
<h2 id="${id}-h">${title}</h2>
${body}
</section>
`;

function basis(c: Ctx, refs: readonly LegalRef[] | undefined): Html | '' {
  return legalRefsInline(refs, (n) => legalLink(c.model.catalogue, n), c.lang, c.legalPage);
}

function procedureLink(c: Ctx, code: string, name?: string): Html {
  const label = name ?? (c.model.catalogue.procedures.get(code) !== undefined ? c.model.catalogue.resolve(code)?.procedure.name : undefined);
  const text = html`<span class="code">${code}</span>${label !== undefined ? html` <span${vt(c.lang)}>${label}</span>` : ''}`;
  return c.model.hasPage(code) ? html`<a href="${link(c.at, `p/${code}.html`)}">${text}</a>` : html`${text} <span class="muted">${t('notInCatalogue', c.lang)}</span>`;
}

function overview(c: Ctx, code: string): Html {
  const { p, lang } = c;
  const row = (key: UiKey, value: HtmlValue, catalogueText = true): Html | '' =>
    value === undefined || value === '' || (Array.isArray(value) && value.length === 0) ? '' : html`<dt>${t(key, lang)}</dt><dd${catalogueText ? vt(lang) : ''}>${value}</dd>\n`;
  const list = (xs: readonly string[] | undefined): Html | undefined => (xs === undefined || xs.length === 0 ? undefined : xs.length === 1 ? html`${xs[0]}` : html`<ul>${xs.map((x) => html`<li>${x}</li>`)}</ul>`);
  const decision = p.decision === undefined ? undefined : html`${safeUrl(p.decision.url) !== undefined ? html`<a href="${safeUrl(p.decision.url)}" rel="noopener">${p.decision.number}</a>` : p.decision.number}${p.decision.date !== undefined ? html` (${viDate(parseIsoDate(p.decision.date))})` : ''}${p.decision.title !== undefined ? html` — ${p.decision.title}` : ''}`;
  return html`<dl class="facts">
${row('code', html`<span class="code">${code}</span>`, false)}
${row('field', p.field)}
${row('levels', (p.levels ?? []).map((l) => levelName(l, lang)).join(', '), false)}
${row('type', p.type)}
${row('publisher', c.model.publisher(code).name[lang], false)}
${row('decision', decision)}
${row('onlineLevel', onlineName(p.online ?? 'unknown', lang), false)}
${row('fourOnSpot', p.fourOnSpot === true ? t('yes', lang) : c.model.fourCandidates.has(code) ? t('fourCandidate', lang) : t('no', lang), false)}
${row('targets', list(p.targets))}
${row('agencyCompetent', list(p.agencies?.competent))}
${row('agencyImplementing', list(p.agencies?.implementing))}
${row('agencyDelegated', list(p.agencies?.delegated))}
${row('agencyCoordinating', list(p.agencies?.coordinating))}
${row('agencyReception', list(p.agencies?.reception))}
</dl>`;
}

function factInput(c: Ctx, name: string, fact: Fact): Html {
  const { lang } = c;
  const id = `fact-${name}`;
  const hint = fact.note !== undefined || fact.legalBasis !== undefined
    ? html`<p class="hint" id="${id}-hint"><span${vt(lang)}>${fact.note ?? ''}</span> ${basis(c, fact.legalBasis)}</p>` : '';
  const describedBy = hint === '' ? '' : html` aria-describedby="${id}-hint"`;
  if (fact.type === 'number') {
    return html`<div class="fact">
<label for="${id}">${questionOf(fact, lang)}${fact.unit !== undefined ? html` (${fact.unit})` : ''}</label>
<input id="${id}" type="number" name="fact:${name}" data-fact="${name}" data-type="number"${fact.minimum !== undefined ? html` min="${fact.minimum}"` : ''}${fact.maximum !== undefined ? html` max="${fact.maximum}"` : ''}${describedBy}>
${hint}
</div>`;
  }
  const options: { value: string; text: string; vi: boolean }[] = fact.type === 'boolean'
    ? [{ value: 'true', text: t('yes', lang), vi: false }, { value: 'false', text: t('no', lang), vi: false }]
    : (fact.options ?? []).map((o) => ({ value: o.value, text: lang === 'en' ? (o.labelEn ?? o.label) : o.label, vi: lang === 'en' && o.labelEn === undefined }));
  return html`<fieldset class="fact" data-fact="${name}" data-type="${fact.type}"${describedBy}>
<legend>${questionOf(fact, lang)}</legend>
<label class="choice"><input type="radio" name="fact:${name}" value="" checked> ${t('notAnswered', lang)}</label>
${options.map((o, i) => html`<label class="choice"><input type="radio" name="fact:${name}" value="${o.value}" id="${id}-${i}"> <span${o.vi ? html` lang="vi"` : ''}>${o.text}</span></label>\n`)}
${hint}
</fieldset>`;
}

function checklistSection(c: Ctx, payload: ProcedurePayload): Html {
  const { p, lang } = c;
  const facts = entriesOf<Fact>(p.facts);
  const choosable = (p.cases ?? []).filter((k) => k.when === undefined);
  const initial = checklist(payload.procedure, {});
  const allComponents = [...(p.components ?? []).map((comp) => ({ comp, caseName: undefined as string | undefined })), ...(p.cases ?? []).flatMap((k) => k.components.map((comp) => ({ comp, caseName: k.name })))];
  const componentRow = ({ comp, caseName }: { comp: Component; caseName: string | undefined }): Html => {
    const details = [quantityAndForm(comp.quantity, comp.form, lang), comp.optional === true ? t('optionalLabel', lang) : ''].filter((x) => x !== '').join(' · ');
    const template = comp.template !== undefined ? html`<span class="item-template">${t('template', lang)}: ${safeUrl(comp.template.url) !== undefined ? html`<a href="${safeUrl(comp.template.url)}" rel="noopener"${vt(lang)}>${comp.template.name}</a>` : html`<span${vt(lang)}>${comp.template.name}</span>`} ${basis(c, comp.template.legalBasis)}</span>` : '';
    return html`<li class="item ${comp.kind}"><span class="kind kind-${comp.kind}">${t(comp.kind === 'present' ? 'kindPresent' : 'kindSubmit', lang)}</span>
<span class="item-name"${vt(lang)}>${comp.name}</span>${details !== '' ? html` <span class="item-details">(${details})</span>` : ''}
${caseName !== undefined ? html`<span class="item-case"${vt(lang)}>${t('caseLabel', lang, { name: caseName })}</span>` : ''}
${comp.when !== undefined ? html`<span class="item-when">${t('whenLabel', lang)}: ${conditionText(comp.when, c.facts, lang)}</span>` : ''}
${comp.note !== undefined ? html`<span class="item-note"${vt(lang)}>${comp.note}</span>` : ''}
${template}
${basis(c, comp.legalBasis)}
</li>`;
  };
  const interactive = facts.length > 0 || choosable.length > 0;
  return section('checklist', t('checklistHeading', lang), html`${interactive ? html`<p>${t('checklistIntro', lang)}</p>
<form id="answers" class="answers">
${facts.map(([name, fact]) => factInput(c, name, fact))}
${choosable.length > 0 ? html`<fieldset class="fact cases"><legend>${t('casesLegend', lang)}</legend>
${choosable.map((k) => html`<label class="choice"><input type="checkbox" name="case" value="${k.id}"> <span${vt(lang)}>${k.name}</span></label>\n`)}</fieldset>` : ''}
</form>` : ''}
<p id="checklist-count" class="count" role="status">${checklistCount(initial, lang)}</p>
<div id="checklist-items" data-legal-page="${c.legalPage}">${checklistHtml(initial, payload, lang, c.legalPage)}</div>
${(p.componentNotes ?? []).length > 0 ? html`<h3>${t('componentNotes', lang)}</h3><ul class="notes"${vt(lang)}>${(p.componentNotes ?? []).map((n) => html`<li>${n}</li>`)}</ul>` : ''}
${allComponents.length > 0 ? html`<details class="all-components"><summary>${t('allComponents', lang)} (${allComponents.length})</summary>
<ul class="checklist">${allComponents.map(componentRow)}</ul>
</details>` : ''}`);
}

function channelsSection(c: Ctx): Html {
  const { p, lang } = c;
  const channels = CHANNELS.filter((ch) => p.channels?.[ch] !== undefined).map((ch) => [ch, p.channels?.[ch] as Channel] as const);
  if (channels.length === 0) return section('channels', t('channelsHeading', lang), html`<p>${t('noChannels', lang)}</p>`);
  const duration = (ch: Channel): Html => {
    if (ch.duration === undefined) return html`${t('notStated', lang)}`;
    const d = ch.duration;
    return html`<strong>${periodText(d, lang)}</strong>${d.note !== undefined ? html`<span class="item-note"${vt(lang)}>${d.note}</span>` : ''}${basis(c, d.legalBasis)}
${(ch.durationCases ?? []).length > 0 ? html`<details><summary>${t('durationCases', lang)} (${(ch.durationCases ?? []).length})</summary><ul>${(ch.durationCases ?? []).map((k) => html`<li><span${vt(lang)}>${k.case}</span>: ${periodText(k, lang)}${k.when !== undefined ? html` (${t('whenLabel', lang)}: ${conditionText(k.when, c.facts, lang)})` : ''} ${basis(c, k.legalBasis)}</li>`)}</ul></details>` : ''}`;
  };
  const fees = (ch: Channel): Html => {
    if (ch.fees === undefined || ch.fees.length === 0) return html`${t('notStated', lang)}`;
    return html`<ul class="fees">${ch.fees.map((f) => html`<li><strong>${amountText(f, lang)}</strong>${f.label !== undefined && feeText(f, lang) !== amountText(f, lang) ? html` <span${vt(lang)}>${f.label}</span>` : ''}${f.validFrom !== undefined ? html` (${t('validFrom', lang, { date: viDate(parseIsoDate(f.validFrom)) })})` : ''}${f.validTo !== undefined ? html` (${t('validTo', lang, { date: viDate(parseIsoDate(f.validTo)) })})` : ''}${f.when !== undefined ? html` — ${t('feeCondition', lang)}: ${conditionText(f.when, c.facts, lang)}` : ''}${f.note !== undefined ? html`<span class="item-note"${vt(lang)}>${f.note}</span>` : ''}${f.exemptions !== undefined && f.exemptions.length > 0 ? html`<span class="item-note">${t('exemptions', lang)}: <span${vt(lang)}>${f.exemptions.join('; ')}</span></span>` : ''}${basis(c, f.legalBasis)}</li>`)}</ul>`;
  };
  return section('channels', t('channelsHeading', lang), html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="channels-h"><table class="channels">
<thead><tr><th scope="col">${t('channel', lang)}</th><th scope="col">${t('duration', lang)}</th><th scope="col">${t('fees', lang)}</th><th scope="col">${t('description', lang)}</th></tr></thead>
<tbody>
${channels.map(([id, ch]) => html`<tr><th scope="row">${channelName(id, lang)}</th><td>${duration(ch)}</td><td>${fees(ch)}</td><td${vt(lang)}>${ch.description ?? ''}</td></tr>\n`)}</tbody>
</table></div>`);
}

function dueSection(c: Ctx): Html {
  const { lang } = c;
  const channels = CHANNELS.filter((ch) => c.p.channels?.[ch] !== undefined);
  const rows = (channels.length > 0 ? channels : ['in-person' as const]).map((ch) => html`<tr data-channel="${ch}"><th scope="row">${channelName(ch, lang)}</th><td class="due-value">${t('needsScript', lang)}</td></tr>\n`);
  return section('due', t('dueHeading', lang), html`<p>${t('dueIntro', lang)}</p>
<form id="due-form" class="due-form">
<label for="due-at">${t('submittedAt', lang)}</label>
<input id="due-at" type="datetime-local" step="60">
<button type="button" id="due-now" class="secondary">${t('now', lang)}</button>
</form>
<div class="table-wrap" role="region" tabindex="0" aria-labelledby="due-h"><table class="due" id="due-table" aria-live="polite">
<thead><tr><th scope="col">${t('channel', lang)}</th><th scope="col">${t('dueAt', lang)}</th></tr></thead>
<tbody>
${rows}</tbody>
</table></div>`);
}

function textList(items: readonly string[] | undefined, ordered: boolean, lang: Lang): Html {
  const li = (items ?? []).map((s) => html`<li${vt(lang)}>${s}</li>\n`);
  return ordered ? html`<ol class="steps">${li}</ol>` : html`<ul>${li}</ul>`;
}

function stagesSection(c: Ctx): Html | '' {
  const { p, lang } = c;
  if (p.stages === undefined || p.stages.length === 0) return '';
  return section('stages', t('stagesHeading', lang), html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="stages-h"><table>
<thead><tr><th scope="col">${t('stage', lang)}</th><th scope="col">${t('level', lang)}</th><th scope="col">${t('agency', lang)}</th><th scope="col">${t('budget', lang)}</th></tr></thead>
<tbody>${p.stages.map((s) => html`<tr><th scope="row"${vt(lang)}>${s.name}${s.procedure !== undefined ? html`<br>${procedureLink(c, s.procedure)}` : ''}</th><td>${levelName(s.level, lang)}</td><td${vt(lang)}>${s.agency ?? ''}</td><td>${periodText(s.budget, lang)}${s.note !== undefined ? html`<span class="item-note"${vt(lang)}>${s.note}</span>` : ''} ${basis(c, s.legalBasis)}</td></tr>\n`)}</tbody>
</table></div>`);
}

function relatedSection(c: Ctx, code: string): Html | '' {
  const { p, lang } = c;
  const rows: Html[] = [];
  if (p.variantOf !== undefined) rows.push(html`<li>${procedureLink(c, p.variantOf)} — ${t('relation_base', lang)}</li>`);
  for (const v of c.model.variantsOf(code)) rows.push(html`<li>${procedureLink(c, v)} — ${t('relation_variant', lang)}</li>`);
  for (const r of p.related ?? []) rows.push(html`<li>${procedureLink(c, r.code, r.name)} — ${t(`relation_${r.relation ?? 'other'}` as UiKey, lang)}</li>`);
  for (const s of p.stages ?? []) if (s.procedure !== undefined) rows.push(html`<li>${procedureLink(c, s.procedure)} — ${t('relation_stage', lang)}</li>`);
  if (rows.length === 0) return '';
  return section('related', t('relatedHeading', lang), html`<ul class="related">${rows}</ul>`);
}

function lifecycleSection(c: Ctx, code: string, diagram: PageDiagram): Html {
  const { lang } = c;
  const labels = new Map(diagram.lifecycle.states.map((s) => [s.id, s.label[lang]]));
  const rows = diagram.lifecycle.states.flatMap((s) => s.on.map((tr) => html`<tr><td>${s.label[lang]}</td><td>${EVENT_LABELS[tr.event][lang]}</td><td>${tr.guard !== undefined ? GUARD_LABELS[tr.guard][lang] : ''}</td><td>${tr.internal === true || tr.target === '' ? s.label[lang] : labels.get(tr.target) ?? tr.target}</td></tr>\n`));
  return section('lifecycle', t('diagramHeading', lang), html`${diagram.file !== null
    ? html`<figure class="diagram"><img src="${rootOf(c.at)}${diagram.file}" alt="${t('diagramAlt', lang, { code })}" loading="lazy"><figcaption><a href="${rootOf(c.at)}${diagram.file}">${t('diagramFull', lang)}</a></figcaption></figure>`
    : html`<p class="muted">${t('diagramMissing', lang)}</p>`}
<details><summary>${t('diagramText', lang)}</summary>
<div class="table-wrap" role="region" tabindex="0" aria-label="${t('diagramText', lang)}"><table class="lifecycle">
<thead><tr><th scope="col">${t('diagramFrom', lang)}</th><th scope="col">${t('diagramEvent', lang)}</th><th scope="col">${t('diagramGuard', lang)}</th><th scope="col">${t('diagramTo', lang)}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
</details>`);
}

function variantsSection(c: Ctx, code: string): Html | '' {
  const { p, lang, model } = c;
  let baseCode: string;
  let versions: string[];
  if (p.variantOf !== undefined) {
    baseCode = p.variantOf;
    versions = [code];
  } else {
    baseCode = code;
    versions = [...model.variantsOf(code)];
  }
  if (versions.length === 0) return '';
  const base = model.catalogue.resolve(baseCode)?.procedure;
  if (base === undefined) return '';
  const list: VariantVersion[] = versions.map((v) => {
    const vp = model.procedure(v);
    return { code: v, province: vp.jurisdiction?.name ?? v, procedure: vp };
  });
  const rows = compareVariants(base, list, lang);
  const heading = p.variantOf !== undefined ? t('variantHeading', lang) : t('variantsHeading', lang);
  return section('variants', heading, html`<p>${t('variantIntro', lang)}</p>
<div class="table-wrap" role="region" tabindex="0" aria-labelledby="variants-h"><table class="variants">
<thead><tr><th scope="col">${t('aspect', lang)}</th><th scope="col">${model.hasPage(baseCode) ? html`<a href="${link(c.at, `p/${baseCode}.html`)}">${t('national', lang, { code: baseCode })}</a>` : t('national', lang, { code: baseCode })}</th>
${list.map((v) => html`<th scope="col">${v.code === code ? v.province : html`<a href="${link(c.at, `p/${v.code}.html`)}">${v.province}</a>`}<br><span class="code">${v.code}</span></th>`)}</tr></thead>
<tbody>
${rows.map((r) => html`<tr><th scope="row">${r.aspect}</th><td${vt(lang)}>${r.national}</td>${r.versions.map((v) => (v === null ? html`<td class="muted">${t('sameAsNational', lang)}</td>` : html`<td class="changed"${vt(lang)}>${v}</td>`))}</tr>\n`)}</tbody>
</table></div>`);
}

function findingsSection(c: Ctx, findings: readonly Finding[]): Html {
  const { lang, model } = c;
  const date = viDate(parseIsoDate(model.today));
  const items = findings.map((f) => {
    const rule = findRule(f.id);
    const related = f.related.filter((r) => r.procedure !== null);
    return html`<li class="finding finding-${f.severity}">
<p><span class="badge finding-${f.severity}">${t(`severity_${f.severity}` as UiKey, lang)}</span> <a class="rule" href="${link(c.at, 'rules.html')}#${f.id}"><code>${f.code}</code> ${f.id}</a></p>
<p class="message">${renderMessage(f, lang)}</p>
<p class="where">${t('where', lang)}: <code>${model.displayPath(f.file)}:${f.range?.start.line ?? 1}</code>${related.length > 0 ? html` · ${t('alsoConcerns', lang)}: ${join(related.map((r) => procedureLink(c, r.procedure as string)), ', ')}` : ''}</p>
${rule !== undefined ? html`<details><summary>${t('why', lang)}</summary>
<p>${rule.doc.what[lang]}</p>
<p>${rule.doc.why[lang]}</p>
<p class="basis">${lang === 'vi' ? 'Căn cứ' : 'Basis'}: <span lang="vi">${rule.doc.legalBasis.join('; ')}</span></p>
<p class="muted">${t('ruleLimits', lang)}: ${rule.doc.limits[lang]}</p>
</details>` : ''}
</li>`;
  });
  return section('findings', t('findingsHeading', lang), html`<p>${t('findingsIntro', lang, { date })}</p>
${findings.length === 0 ? html`<p>${t('noFindings', lang)}</p>` : html`<ul class="findings">${items}</ul>`}`);
}

function reviewSection(c: Ctx): Html | '' {
  const { p, lang } = c;
  if (p.review === undefined || p.review.length === 0) return '';
  return section('review', t('reviewHeading', lang), html`<p>${t('reviewIntro', lang)}</p>
<ul class="review">${p.review.map((r) => html`<li><p${vt(lang)}>${r.question}</p>${r.path !== undefined ? html`<p class="muted"><code>${r.path}</code></p>` : ''}${r.original !== undefined ? html`<details><summary>${t('reviewOriginal', lang)}</summary><blockquote${vt(lang)}>${r.original}</blockquote></details>` : ''}</li>\n`)}</ul>`);
}

function sourcesSection(c: Ctx): Html | '' {
  const { p, lang } = c;
  if (p.provenance.length === 0) return '';
  return section('sources', t('sourcesHeading', lang), html`<ul class="sources">${p.provenance.map((s) => {
    const url = safeUrl(s.url);
    return html`<li>${url !== undefined ? html`<a href="${url}" rel="noopener">${s.publisher ?? url}</a>` : html`<span>${s.publisher ?? s.url}</span>`}${s.retrieved !== undefined ? html` (${t('retrieved', lang, { date: viDate(parseIsoDate(s.retrieved)) })})` : ''}${s.note !== undefined ? html`<span class="item-note"${vt(lang)}>${s.note}</span>` : ''}</li>\n`;
  })}</ul>`);
}

/** Renders the page of one procedure. */
export function procedurePage(at: PageAt, model: SiteModel, code: string, payload: ProcedurePayload, diagram: PageDiagram): string {
  const p = model.procedure(code);
  const lang = at.lang;
  const c: Ctx = { at, lang, model, p, facts: Object.fromEntries(entriesOf<Fact>(p.facts)), legalPage: link(at, 'legal.html') };
  const findings = model.findingsOf(code);
  const sections: [string, Html | ''][] = [
    ['overview', section('overview', t('summary', lang), overview(c, code))],
    ['checklist', checklistSection(c, payload)],
    ['channels', channelsSection(c)],
    ['due', dueSection(c)],
    ['steps', p.steps !== undefined && p.steps.length > 0 ? section('steps', t('stepsHeading', lang), textList(p.steps, true, lang)) : ''],
    ['conditions', p.conditions !== undefined && p.conditions.length > 0 ? section('conditions', t('conditionsHeading', lang), textList(p.conditions, false, lang)) : ''],
    ['stages', stagesSection(c)],
    ['supplement', p.supplement !== undefined ? section('supplement', t('supplementHeading', lang), html`${p.supplement.maxRequests !== undefined ? html`<p>${t('supplementLimit', lang, { n: p.supplement.maxRequests })}</p>` : ''}${p.supplement.note !== undefined ? html`<p${vt(lang)}>${p.supplement.note}</p>` : ''}<p>${basis(c, p.supplement.legalBasis)}</p>`) : ''],
    ['results', p.results !== undefined && p.results.length > 0 ? section('results', t('resultsHeading', lang), html`<ul>${p.results.map((r) => html`<li><span${vt(lang)}>${r.name}</span>${r.code !== undefined ? html` (${t('resultCode', lang, { code: r.code })})` : ''}${r.note !== undefined ? html`<span class="item-note"${vt(lang)}>${r.note}</span>` : ''}</li>`)}</ul>`) : ''],
    ['legal', p.legalBasis !== undefined && p.legalBasis.length > 0 ? section('legal', t('legalHeading', lang), html`<ul class="legal-list">${p.legalBasis.map((r) => html`<li>${basis(c, [r])}</li>\n`)}</ul>`) : ''],
    ['related', relatedSection(c, code)],
    ['lifecycle', lifecycleSection(c, code, diagram)],
    ['variants', variantsSection(c, code)],
    ['findings', findingsSection(c, findings)],
    ['review', reviewSection(c)],
    ['sources', sourcesSection(c)],
  ];
  const headings: Record<string, string> = {
    overview: t('summary', lang), checklist: t('checklistHeading', lang), channels: t('channelsHeading', lang), due: t('dueHeading', lang),
    steps: t('stepsHeading', lang), conditions: t('conditionsHeading', lang), stages: t('stagesHeading', lang), supplement: t('supplementHeading', lang),
    results: t('resultsHeading', lang), legal: t('legalHeading', lang), related: t('relatedHeading', lang), lifecycle: t('diagramHeading', lang),
    variants: p.variantOf !== undefined ? t('variantHeading', lang) : t('variantsHeading', lang), findings: `${t('findingsHeading', lang)} (${findings.length})`,
    review: t('reviewHeading', lang), sources: t('sourcesHeading', lang),
  };
  const present = sections.filter(([, s]) => s !== '');
  const name = p.name ?? code;
  const body = html`<nav class="breadcrumb" aria-label="${lang === 'vi' ? 'Đường dẫn' : 'Breadcrumb'}"><a href="${link(at, 'index.html')}">${t('navCatalogue', lang)}</a> › <span class="code">${code}</span></nav>
<h1${vt(lang)}>${name}</h1>
${p.jurisdiction !== undefined ? html`<p class="lead">${t('variantOf', lang, { province: p.jurisdiction.name, code: p.variantOf ?? '' })}</p>` : ''}
<nav class="toc" aria-label="${t('onThisPage', lang)}"><h2 class="toc-title">${t('onThisPage', lang)}</h2><ul>${present.map(([id]) => html`<li><a href="#${id}">${headings[id] ?? id}</a></li>`)}</ul></nav>
<div class="sections">
${present.map(([, s]) => s)}
</div>`;
  return page(at, {
    title: `${name} (${code}) — ${t('siteName', lang)}`,
    description: `${code} ${name}: ${t('siteTagline', lang)}`,
    body,
    head: html`<script type="application/json" id="procedure-data">${trusted(scriptJson(payload))}</script>`,
    scripts: ['data/calendar.js', 'procedure.js'],
  });
}
