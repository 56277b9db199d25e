import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartSpec } from '../shared/charts.js';
import { FINDINGS_PAGE_SIZE } from '../shared/constants.js';
import { toCsv } from '../shared/csv.js';
import { groupThousands } from '../shared/describe.js';
import { foldText } from '../shared/fold.js';
import { html } from '../shared/html.js';
import { GLOBALS, type CatalogueData, type FindingRow } from '../shared/payload.js';
import { t, type UiKey } from '../shared/ui.js';
import { byId, dataGlobal, pageLang } from './page.js';

/**
 * The review dashboard: draws the charts the page describes (Chart.js, only the bar chart
 * parts registered, so the bundle carries no other chart types), and runs the findings
 * table: filters, paging, and the CSV of the rows the filters select.
 */

const lang = pageLang();
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = 'system-ui, "DejaVu Sans", "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#1f2328';

const specs = JSON.parse(byId('chart-data').textContent ?? '[]') as ChartSpec[];
for (const spec of specs) {
  const canvas = byId<HTMLCanvasElement>(`chart-${spec.id}`);
  new Chart(canvas, {
    type: 'bar',
    data: { labels: spec.labels, datasets: spec.datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: d.color, borderColor: d.color })) },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      locale: lang === 'vi' ? 'vi-VN' : 'en-GB',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: spec.datasets.length > 1 } },
      scales: { x: { stacked: spec.stacked, ticks: { autoSkip: false } }, y: { stacked: spec.stacked, ticks: { autoSkip: false } } },
    },
  });
}

const catalogue = dataGlobal<CatalogueData>(GLOBALS.catalogue);
const rows = dataGlobal<FindingRow[]>(GLOBALS.findings);
const names = new Map(catalogue.entries.map((e) => [e.c, e.n]));
const folded = rows.map((r) => foldText(`${r.p} ${names.get(r.p) ?? ''} ${r.r} ${r.m}`));
const ruleSelect = byId<HTMLSelectElement>('ff-rule');
const severitySelect = byId<HTMLSelectElement>('ff-severity');
const fieldSelect = byId<HTMLSelectElement>('ff-field');
const text = byId<HTMLInputElement>('ff-text');
const body = byId<HTMLTableSectionElement>('finding-rows');
const count = byId('finding-count');
const more = byId<HTMLButtonElement>('finding-more');
let shown = FINDINGS_PAGE_SIZE;

/** The rows the filters select, in the checks' order. */
function selected(): FindingRow[] {
  const words = foldText(text.value).split(/\s+/).filter((w) => w !== '');
  return rows.filter((r, i) => (ruleSelect.value === '' || r.r === ruleSelect.value)
    && (severitySelect.value === '' || r.s === severitySelect.value)
    && (fieldSelect.value === '' || String(r.f) === fieldSelect.value)
    && words.every((w) => (folded[i] as string).includes(w)));
}

function render(resetPaging: boolean): void {
  if (resetPaging) shown = FINDINGS_PAGE_SIZE;
  const list = selected();
  body.innerHTML = list.slice(0, shown).map((r) => html`<tr class="finding-${r.s}"><td><a href="p/${r.p}.html"><span class="code">${r.p}</span></a> <span${lang === 'en' ? html` lang="vi"` : ''}>${names.get(r.p) ?? ''}</span></td><td><a href="rules.html#${r.r}">${r.r}</a></td><td><span class="badge finding-${r.s}">${t(`severity_${r.s}` as UiKey, lang)}</span></td><td>${r.m}</td><td><code>${r.at}</code></td></tr>`.value).join('');
  count.textContent = t('findingsShown', lang, { n: groupThousands(list.length, lang) });
  more.hidden = list.length <= shown;
}

function downloadCsv(): void {
  const list = selected();
  const header = [t('procedure', lang), lang === 'vi' ? 'Tên thủ tục' : 'Procedure name', t('rule', lang), t('filterSeverity', lang), t('message', lang), t('location', lang)];
  const csv = toCsv(header, list.map((r) => [r.p, names.get(r.p) ?? '', r.r, r.s, r.m, r.at]));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  a.download = 'tthc-findings.csv';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

for (const el of [ruleSelect, severitySelect, fieldSelect]) el.addEventListener('change', () => render(true));
text.addEventListener('input', () => render(true));
byId<HTMLFormElement>('finding-filters').addEventListener('submit', (e) => e.preventDefault());
byId('csv').addEventListener('click', downloadCsv);
more.addEventListener('click', () => {
  shown += FINDINGS_PAGE_SIZE;
  render(false);
});
render(true);
document.documentElement.dataset['ready'] = 'true';
