import { parseIsoDate, viDate } from '../../calendar/dates.js';
import { compareCodePoints } from '../../catalogue/files.js';
import { RULES } from '../../checks/registry.js';
import type { Lang } from '../../i18n/lang.js';
import type { SiteModel } from '../model.js';
import { CHART_COLORS, type ChartSpec } from '../shared/charts.js';
import { groupThousands, levelName, onlineName } from '../shared/describe.js';
import { html, scriptJson, trusted, type Html } from '../shared/html.js';
import { statusText } from '../shared/legal.js';
import type { CatalogueData } from '../shared/payload.js';
import { t, type UiKey } from '../shared/ui.js';
import { link, page, vt, type PageAt } from './layout.js';

/**
 * The reviewer's dashboard: the figures of `tthc stats` (src/checks/stats.ts computeStats)
 * as charts with their data tables, and every finding of `tthc check` in a table the reader
 * filters, linked to the procedure pages, downloadable as CSV.
 */

/** The chart specs of the dashboard, in one language. */
export function chartSpecs(model: SiteModel, data: CatalogueData, lang: Lang): ChartSpec[] {
  const s = model.stats;
  const levels = (['ministry', 'province', 'commune', 'other', 'district'] as const).filter((l) => l !== 'district' || s.levels.district > 0);
  const onlines = ['full', 'partial', 'none', 'unknown'] as const;
  const rules = RULES.map((r) => r.id).filter((id) => (s.findings[id] ?? 0) > 0).sort((a, b) => (s.findings[b] ?? 0) - (s.findings[a] ?? 0) || compareCodePoints(a, b));
  const perField = new Map<string, number>();
  const fieldOf = new Map(data.entries.map((e) => [e.c, data.fields[e.f] ?? '']));
  for (const f of model.result.findings) {
    const field = fieldOf.get(f.procedure ?? '') ?? '';
    perField.set(field, (perField.get(field) ?? 0) + 1);
  }
  const fields = [...perField].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0])).slice(0, 20);
  const n = s.procedures;
  const notCandidates = Math.max(0, n - s.fourOnSpot.designated - s.fourOnSpot.candidates);
  const specs: ChartSpec[] = [
    {
      id: 'levels', title: t('chartLevels', lang), horizontal: false, stacked: false,
      summary: levels.map((l) => `${levelName(l, lang)}: ${s.levels[l]}`).join('; '),
      labels: levels.map((l) => levelName(l, lang)),
      datasets: [{ label: t('kpiProcedures', lang), data: levels.map((l) => s.levels[l]), color: CHART_COLORS[0] }],
    },
    {
      id: 'online', title: t('chartOnline', lang), horizontal: false, stacked: false,
      summary: onlines.map((o) => `${onlineName(o, lang)}: ${s.online[o]}`).join('; '),
      labels: onlines.map((o) => onlineName(o, lang)),
      datasets: [{ label: t('kpiProcedures', lang), data: onlines.map((o) => s.online[o]), color: CHART_COLORS[1] }],
    },
    {
      id: 'four', title: t('chartFour', lang), horizontal: false, stacked: false,
      summary: `${t('designated', lang)}: ${s.fourOnSpot.designated}; ${t('candidates', lang)}: ${s.fourOnSpot.candidates}; ${t('others', lang)}: ${notCandidates}`,
      labels: [t('designated', lang), t('candidates', lang), t('others', lang)],
      datasets: [{ label: t('kpiProcedures', lang), data: [s.fourOnSpot.designated, s.fourOnSpot.candidates, notCandidates], color: CHART_COLORS[2] }],
    },
    {
      id: 'rules', title: t('chartRules', lang), horizontal: true, stacked: false,
      summary: rules.slice(0, 5).map((r) => `${r}: ${s.findings[r]}`).join('; '),
      labels: rules,
      datasets: [{ label: t('kpiFindings', lang), data: rules.map((r) => s.findings[r] ?? 0), color: CHART_COLORS[3] }],
    },
    {
      id: 'fields', title: t('chartFields', lang), horizontal: true, stacked: false,
      summary: fields.slice(0, 5).map(([f, c]) => `${f || '—'}: ${c}`).join('; '),
      labels: fields.map(([f]) => f || '—'),
      datasets: [{ label: t('kpiFindings', lang), data: fields.map(([, c]) => c), color: CHART_COLORS[4] }],
    },
  ];
  const costs = [...s.compliance.procedures].sort((a, b) => b.perYear - a.perYear || compareCodePoints(a.code, b.code)).slice(0, 20);
  if (costs.length > 0) {
    specs.push({
      id: 'cost', title: t('chartCost', lang), horizontal: true, stacked: false,
      summary: `${t('costBefore', lang)}: ${groupThousands(s.compliance.perYear, lang)}; ${t('costAfter', lang)}: ${groupThousands(s.compliance.afterPerYear, lang)}`,
      labels: costs.map((c) => c.code),
      datasets: [
        { label: t('costBefore', lang), data: costs.map((c) => c.perYear), color: CHART_COLORS[5] },
        { label: t('costAfter', lang), data: costs.map((c) => c.afterPerYear), color: CHART_COLORS[0] },
      ],
    });
  }
  return specs;
}

function chartFigure(spec: ChartSpec, lang: Lang): Html {
  const height = spec.horizontal ? Math.max(220, spec.labels.length * 26 + 60) : 280;
  return html`<figure class="chart" aria-labelledby="chart-${spec.id}-title">
<figcaption id="chart-${spec.id}-title">${spec.title}</figcaption>
<div class="chart-box" style="height:${height}px"><canvas id="chart-${spec.id}" role="img" aria-label="${spec.title}: ${spec.summary}">${spec.summary}</canvas></div>
<details><summary>${t('chartData', lang)}</summary>
<div class="table-wrap" role="region" tabindex="0" aria-label="${t('chartData', lang)}: ${spec.title}"><table>
<thead><tr><th scope="col">${spec.title}</th>${spec.datasets.map((d) => html`<th scope="col">${d.label}</th>`)}</tr></thead>
<tbody>${spec.labels.map((l, i) => html`<tr><th scope="row">${l}</th>${spec.datasets.map((d) => html`<td class="num">${groupThousands(d.data[i] ?? 0, lang)}</td>`)}</tr>\n`)}</tbody>
</table></div>
</details>
</figure>`;
}

/** Renders the dashboard page. */
export function dashboardPage(at: PageAt, model: SiteModel, data: CatalogueData): string {
  const lang = at.lang;
  const s = model.stats;
  const specs = chartSpecs(model, data, lang);
  const total = model.result.findings.length;
  const rules = RULES.filter((r) => (s.findings[r.id] ?? 0) > 0);
  const fieldOf = new Map(data.entries.map((e) => [e.c, e.f]));
  const usedFields = [...new Set(model.result.findings.map((f) => fieldOf.get(f.procedure ?? '') ?? -1))].filter((f) => f >= 0).sort((a, b) => a - b);
  const kpi = (label: string, value: string, note?: string): Html => html`<div class="kpi"><dt>${label}</dt><dd><span class="kpi-value">${value}</span>${note !== undefined ? html`<span class="kpi-note">${note}</span>` : ''}</dd></div>`;
  const share = (x: number): string => `${groupThousands(x, lang)} %`;
  const body = html`<h1>${t('dashboardHeading', lang)}</h1>
<p class="lead">${t('dashboardIntro', lang, { n: groupThousands(s.procedures, lang), date: viDate(parseIsoDate(model.today)) })}</p>
<dl class="kpis">
${kpi(t('kpiProcedures', lang), groupThousands(s.procedures, lang))}
${kpi(t('kpiFour', lang), share(s.fourOnSpot.share), t('kpiFourIf', lang, { share: groupThousands(s.fourOnSpot.shareIfDesignated, lang) }))}
${kpi(t('kpiOnline', lang), share(s.online.fullShare), t('kpiFourIf', lang, { share: groupThousands(s.online.fullShareIfDesignated, lang) }))}
${kpi(t('kpiFindings', lang), groupThousands(total, lang))}
</dl>
<div class="charts">
${specs.map((spec) => chartFigure(spec, lang))}
</div>
${s.compliance.procedures.length === 0 ? html`<p class="muted">${t('costNone', lang)}</p>` : ''}
<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">${t('findingsTable', lang)}</h2>
<form id="finding-filters" class="filters-row">
<div class="filter"><label for="ff-rule">${t('filterRule', lang)}</label><select id="ff-rule"><option value="">${t('any', lang)}</option>${rules.map((r) => html`<option value="${r.id}">${r.info.code} ${r.id} (${s.findings[r.id] ?? 0})</option>`)}</select></div>
<div class="filter"><label for="ff-severity">${t('filterSeverity', lang)}</label><select id="ff-severity"><option value="">${t('any', lang)}</option>${(['error', 'warning', 'info'] as const).map((v) => html`<option value="${v}">${t(`severity_${v}` as UiKey, lang)}</option>`)}</select></div>
<div class="filter"><label for="ff-field">${t('filterField', lang)}</label><select id="ff-field"><option value="">${t('any', lang)}</option>${usedFields.map((f) => html`<option value="${f}"${vt(lang)}>${data.fields[f] || '—'}</option>`)}</select></div>
<div class="filter wide"><label for="ff-text">${t('filterText', lang)}</label><input id="ff-text" type="search" autocomplete="off"></div>
<button type="button" id="csv" class="secondary">${t('downloadCsv', lang)}</button>
</form>
<p id="finding-count" class="count" role="status">${t('findingsShown', lang, { n: groupThousands(total, lang) })}</p>
<div class="table-wrap" role="region" tabindex="0" aria-labelledby="findings-h"><table class="findings-table">
<thead><tr><th scope="col">${t('procedure', lang)}</th><th scope="col">${t('rule', lang)}</th><th scope="col">${t('filterSeverity', lang)}</th><th scope="col">${t('message', lang)}</th><th scope="col">${t('location', lang)}</th></tr></thead>
<tbody id="finding-rows"><tr><td colspan="5">${t('needsScript', lang)}</td></tr></tbody>
</table></div>
<p class="more"><button type="button" id="finding-more" hidden>${t('showMore', lang)}</button></p>
</section>`;
  return page(at, {
    title: `${t('dashboardHeading', lang)} — ${t('siteName', lang)}`,
    description: t('dashboardIntro', lang, { n: s.procedures, date: model.today }),
    nav: 'dashboard',
    body,
    head: html`<script type="application/json" id="chart-data">${trusted(scriptJson(specs))}</script>`,
    scripts: ['data/catalogue.js', `data/findings.${lang}.js`, 'dashboard.js'],
  });
}

/** Renders the page of the review rules (what, why, example, limits), with links from findings. */
export function rulesPage(at: PageAt, model: SiteModel): string {
  const lang = at.lang;
  const body = html`<h1>${t('rulesHeading', lang)}</h1>
<p class="lead">${t('rulesIntro', lang)}</p>
${RULES.map((r) => html`<section id="${r.id}" class="rule" aria-labelledby="${r.id}-h">
<h2 id="${r.id}-h"><code>${r.info.code}</code> ${r.id}</h2>
<p><span class="badge finding-${r.info.severity}">${t(`severity_${r.info.severity}` as UiKey, lang)}</span> ${t('ruleFindings', lang, { n: groupThousands(model.stats.findings[r.id] ?? 0, lang) })}</p>
<h3>${t('ruleWhat', lang)}</h3><p>${r.doc.what[lang]}</p>
<h3>${t('ruleWhy', lang)}</h3><p>${r.doc.why[lang]}</p>
<p class="basis">${lang === 'vi' ? 'Căn cứ' : 'Basis'}: <span lang="vi">${r.doc.legalBasis.join('; ')}</span></p>
<h3>${t('ruleExample', lang)}</h3><pre tabindex="0" aria-label="${t('ruleExample', lang)}: ${r.id}"><code lang="vi">${r.doc.example}</code></pre>
<h3>${t('ruleLimits', lang)}</h3><p>${r.doc.limits[lang]}</p>
</section>
`)}`;
  return page(at, { title: `${t('rulesHeading', lang)} — ${t('siteName', lang)}`, description: t('rulesIntro', lang), nav: 'rules', body });
}

/** Renders the page of the legal registry: each document, its status, and the procedures citing it. */
export function legalPage(at: PageAt, model: SiteModel, anchor: (n: string) => string): string {
  const lang = at.lang;
  const numbers = [...model.catalogue.registries.legal.keys()].sort(compareCodePoints);
  const body = html`<h1>${t('legalPageHeading', lang)}</h1>
<p class="lead">${t('legalPageIntro', lang)}</p>
${numbers.map((n) => {
    const d = model.legal(n);
    if (d === undefined) return '';
    const citing = model.citing(n);
    return html`<section id="${anchor(n)}" class="legal-doc" aria-labelledby="${anchor(n)}-h">
<h2 id="${anchor(n)}-h"><span${vt(lang)}>${d.title}</span> <span class="code">${n}</span></h2>
<p>${d.status !== undefined ? html`<span class="badge ${d.status === 'superseded' || d.status === 'expired' ? 'finding-warning' : 'neutral'}">${statusText(d.status, lang)}</span> ` : ''}${d.effective !== undefined ? t('effective', lang, { date: viDate(parseIsoDate(d.effective)) }) : ''}${d.supersededBy !== undefined ? html` · ${t('supersededBy', lang, { number: '' })}<a href="#${anchor(d.supersededBy)}">${d.supersededBy}</a>` : ''}</p>
${d.note !== undefined ? html`<p${vt(lang)}>${d.note}</p>` : ''}
${citing.length > 0 ? html`<details><summary>${t('citedBy', lang, { n: citing.length })}</summary><p class="citing">${citing.map((c) => html`<a href="${link(at, `p/${c}.html`)}">${c}</a> `)}</p></details>` : ''}
</section>
`;
  })}`;
  return page(at, { title: `${t('legalPageHeading', lang)} — ${t('siteName', lang)}`, description: t('legalPageIntro', lang), body });
}

