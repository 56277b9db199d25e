import { calendarOf } from '../../calendar/index.js';
import { formatMoment, momentOf, parseMoment, viMoment, type LocalMoment } from '../../calendar/dates.js';
import type { FactValues } from '../../catalogue/conditions.js';
import { BASIS_LABELS, label } from '../../i18n/labels.js';
import { checklist, type Applicant } from '../../workflow/checklist.js';
import type { ChannelKey } from '../../workflow/ir.js';
import { checklistCount, checklistHtml } from '../shared/checklist-view.js';
import { GLOBALS, type CalendarData, type ProcedurePayload } from '../shared/payload.js';
import { t } from '../shared/ui.js';
import { byId, dataGlobal, pageLang } from './page.js';

/**
 * A procedure page: the checklist follows the applicant's answers and the due dates follow
 * the submission moment. Both call the library itself — `checklist()` of
 * src/workflow/checklist.ts and the working-day calendar of src/calendar, bundled for the
 * browser — so the page and `tthc checklist` cannot disagree.
 */

const lang = pageLang();
const payload = JSON.parse(byId('procedure-data').textContent ?? '{}') as ProcedurePayload;
const table = dataGlobal<CalendarData>(GLOBALS.calendar);
const calendar = calendarOf({
  ...(table.weekend !== undefined ? { weekend: table.weekend } : {}),
  holidays: new Map(Object.entries(table.years).map(([year, value]) => [year, { value }])),
});

const items = byId('checklist-items');
const countEl = byId('checklist-count');
const answersForm = document.getElementById('answers') as HTMLFormElement | null;
const dueInput = byId<HTMLInputElement>('due-at');
const legalPage = items.dataset['legalPage'] ?? 'legal.html';

/** The answers given so far (unanswered facts are left out, as `tthc checklist` does). */
function applicant(): Applicant {
  const facts: Record<string, boolean | string | number> = {};
  const cases: string[] = [];
  if (answersForm !== null) {
    for (const el of answersForm.querySelectorAll<HTMLElement>('[data-fact]')) {
      const name = el.dataset['fact'] as string;
      if (el instanceof HTMLInputElement) {
        if (el.value.trim() !== '' && Number.isFinite(Number(el.value))) facts[name] = Number(el.value);
        continue;
      }
      const checked = el.querySelector<HTMLInputElement>('input[type=radio]:checked');
      if (checked === null || checked.value === '') continue;
      facts[name] = el.dataset['type'] === 'boolean' ? checked.value === 'true' : checked.value;
    }
    for (const box of answersForm.querySelectorAll<HTMLInputElement>('input[name=case]:checked')) cases.push(box.value);
  }
  return { facts: facts as FactValues, cases };
}

function showChecklist(a: Applicant): void {
  const list = checklist(payload.procedure, a);
  const before = new Set([...items.querySelectorAll<HTMLElement>('li[data-id]')].map((li) => li.dataset['id']));
  items.innerHTML = checklistHtml(list, payload, lang, legalPage).value;
  // Mark what the last answer added, so the change is visible as well as announced.
  for (const li of items.querySelectorAll<HTMLElement>('li[data-id]')) if (!before.has(li.dataset['id'])) li.classList.add('added');
  countEl.textContent = checklistCount(list, lang);
}

function readMoment(): LocalMoment | null {
  try {
    return parseMoment(dueInput.value);
  } catch {
    return null;
  }
}

function showDue(a: Applicant): void {
  const at = readMoment();
  for (const row of document.querySelectorAll<HTMLTableRowElement>('#due-table tr[data-channel]')) {
    const cell = row.querySelector<HTMLElement>('.due-value') as HTMLElement;
    if (at === null) {
      cell.textContent = t('dueInvalidMoment', lang);
      continue;
    }
    const due = checklist(payload.procedure, a, { channel: row.dataset['channel'] as ChannelKey, at, calendar }).due;
    if (due === undefined || due.due === null) {
      const reason = due?.reason ?? 'no-period';
      cell.textContent = t(reason === 'unit-missing' ? 'dueUnitMissing' : reason === 'channel-not-offered' ? 'dueNotOffered' : 'dueNoPeriod', lang);
      continue;
    }
    cell.textContent = '';
    const strong = document.createElement('strong');
    strong.className = 'due-date';
    strong.textContent = viMoment(parseMoment(due.due), lang);
    cell.append(strong);
    const basis = due.basis;
    if (basis !== undefined && basis.basis !== 'announced') {
      // A due date over a year whose days off are not announced may move: say which year and why.
      const years = basis.years.filter((y) => y.basis !== 'announced').map((y) => `${y.year}: ${label(BASIS_LABELS, y.basis, lang)}`).join('; ');
      const note = document.createElement('span');
      note.className = `item-note basis basis-${basis.basis}`;
      note.textContent = t('dueNote', lang, { years });
      cell.append(note);
    }
  }
}

function setNow(): void {
  dueInput.value = formatMoment(momentOf(new Date())).slice(0, 16);
}

let lastAnswers = '';

/** Recomputes after an answer changed (a radio fires both "input" and "change": the second finds nothing new). */
function update(): void {
  const a = applicant();
  const key = JSON.stringify(a);
  if (key === lastAnswers) return;
  lastAnswers = key;
  showChecklist(a);
  showDue(a);
}

answersForm?.addEventListener('change', update);
answersForm?.addEventListener('input', update);
dueInput.addEventListener('input', () => showDue(applicant()));
byId('due-now').addEventListener('click', () => {
  setNow();
  showDue(applicant());
});
setNow();
update();
document.documentElement.dataset['ready'] = 'true';
