import type { Condition, Fact } from '../../../generated/types/catalogue.js';
import type { Lang } from '../../i18n/lang.js';
import { CHANNEL_LABELS, FORM_LABELS, label, LEVEL_LABELS, ONLINE_LABELS, UNIT_LABELS } from '../../i18n/labels.js';
import { t } from './ui.js';

/**
 * Catalogue values as a reader reads them, in one language: quantities, periods, amounts,
 * conditions on the applicant's answers. Pure text (escaped by whoever inserts it), shared by
 * the page templates and the browser checklist.
 */

/**
 * An amount with thousands grouped as each language writes it (deterministic: no locale data).
 *
 * @example
 * groupThousands(1250000, 'vi') // '1.250.000'
 * groupThousands(1250000, 'en') // '1,250,000'
 */
export function groupThousands(n: number, lang: Lang): string {
  const [whole = '0', fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  const sign = n < 0 ? '-' : '';
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}${lang === 'vi' ? ',' : '.'}${fraction}`;
}

/**
 * A quantity: "1 bản chính, 2 bản sao".
 *
 * @example
 * quantityText({ originals: 1, copies: 2 }, 'vi') // '1 bản chính, 2 bản sao'
 */
export function quantityText(q: { originals?: number; copies?: number } | undefined, lang: Lang): string {
  if (q === undefined) return '';
  const parts: string[] = [];
  if ((q.originals ?? 0) > 0) parts.push(t('originals', lang, { n: q.originals as number }));
  if ((q.copies ?? 0) > 0) parts.push(t('copies', lang, { n: q.copies as number }));
  return parts.join(', ');
}

/**
 * A statutory period: "10 ngày làm việc", the same-day rule, or a bare number flagged.
 *
 * @example
 * periodText({ value: 0, unit: 'working-days', sameDayCutoff: '15:00' }, 'en') // 'Same day (received after 15:00: next working day)'
 */
export function periodText(d: { value: number; unit?: string; sameDayCutoff?: string }, lang: Lang): string {
  if (d.value === 0 && d.sameDayCutoff !== undefined) return t('sameDay', lang, { cutoff: d.sameDayCutoff });
  if (d.unit === undefined) return lang === 'vi' ? `${d.value} (không rõ đơn vị)` : `${d.value} (unit unknown)`;
  return `${groupThousands(d.value, lang)} ${label(UNIT_LABELS, d.unit, lang)}`;
}

/**
 * An amount of money: "50.000 đồng", "Miễn phí", "20 USD/bản".
 *
 * @example
 * amountText({ amount: 50000 }, 'vi') // '50.000 đồng'
 */
export function amountText(f: { amount: number; currency?: string; per?: string }, lang: Lang): string {
  if (f.amount === 0) return t('free', lang);
  const currency = (f.currency ?? 'VND') === 'VND' ? (lang === 'vi' ? 'đồng' : 'VND') : (f.currency as string);
  const per = f.per !== undefined ? t('perUnit', lang, { per: f.per }) : '';
  return `${groupThousands(f.amount, lang)} ${currency}${per}`;
}

/**
 * A fee as one line: the amount, then its label unless the label only repeats the amount
 * ("Miễn phí" beside a 0 amount).
 *
 * @example
 * feeText({ amount: 0, label: 'Miễn phí' }, 'vi') // 'Miễn phí'
 * feeText({ amount: 50000, label: 'Lệ phí' }, 'vi') // '50.000 đồng (Lệ phí)'
 */
export function feeText(f: { amount: number; currency?: string; per?: string; label?: string }, lang: Lang): string {
  const amount = amountText(f, lang);
  if (f.label === undefined || f.label.trim().toLowerCase() === amount.toLowerCase() || (f.amount === 0 && /^miễn (phí|lệ phí)$/i.test(f.label.trim()))) return amount;
  return `${amount} (${f.label})`;
}

/** The label of a component's form. */
export function formName(id: string, lang: Lang): string {
  return label(FORM_LABELS, id, lang);
}

/**
 * A component's quantity and form as one phrase, without saying "bản chính" twice when
 * the quantity already counts originals ("1 bản chính", not "1 bản chính · bản chính").
 *
 * @example
 * quantityAndForm({ originals: 1 }, 'original', 'vi') // '1 bản chính'
 * quantityAndForm({ copies: 1 }, 'certified-copy', 'vi') // '1 bản sao · bản sao có chứng thực'
 */
export function quantityAndForm(q: { originals?: number; copies?: number } | undefined, form: string | undefined, lang: Lang): string {
  const quantity = quantityText(q, lang);
  const redundant = (form === 'original' && (q?.originals ?? 0) > 0) || (form === 'copy' && (q?.copies ?? 0) > 0);
  return [quantity, form !== undefined && !redundant ? formName(form, lang) : ''].filter((x) => x !== '').join(' · ');
}

/** Labels of enumerated values, in one language. */
export const channelName = (id: string, lang: Lang): string => label(CHANNEL_LABELS, id, lang);
export const levelName = (id: string, lang: Lang): string => label(LEVEL_LABELS, id, lang);
export const onlineName = (id: string, lang: Lang): string => (id === 'unknown' ? t('onlineUnknown', lang) : label(ONLINE_LABELS, id, lang));

/** A fact's question in one language (the Vietnamese one when no English is given). */
export function questionOf(fact: Fact, lang: Lang): string {
  return lang === 'en' ? (fact.questionEn ?? fact.question) : fact.question;
}

function valueText(fact: Fact | undefined, value: string | number | boolean, lang: Lang): string {
  if (typeof value === 'boolean') return t(value ? 'yes' : 'no', lang);
  const option = fact?.options?.find((o) => o.value === value);
  if (option !== undefined) return lang === 'en' ? (option.labelEn ?? option.label) : option.label;
  return String(value);
}

/**
 * A condition on the applicant's answers, in words: "Ai đi đăng ký khai sinh? Người được ủy
 * quyền". Used to explain, beside each conditional component, when it is required.
 *
 * @example
 * conditionText({ fact: 'surrogacy', is: true }, { surrogacy: { type: 'boolean', question: 'Mang thai hộ?' } }, 'vi') // 'Mang thai hộ? Có'
 */
export function conditionText(c: Condition, facts: Readonly<Record<string, Fact | undefined>>, lang: Lang): string {
  const and = lang === 'vi' ? ' và ' : ' and ';
  const or = lang === 'vi' ? ' hoặc ' : ' or ';
  if (typeof c === 'string') return `${questionOf(facts[c] ?? { type: 'boolean', question: c }, lang)} ${t('yes', lang)}`;
  if (c.all !== undefined) return c.all.map((s) => `(${conditionText(s, facts, lang)})`).join(and);
  if (c.any !== undefined) return c.any.map((s) => `(${conditionText(s, facts, lang)})`).join(or);
  if (c.not !== undefined) {
    if (typeof c.not === 'string') return `${questionOf(facts[c.not] ?? { type: 'boolean', question: c.not }, lang)} ${t('no', lang)}`;
    return `${lang === 'vi' ? 'không phải' : 'not'} (${conditionText(c.not, facts, lang)})`;
  }
  const fact = c.fact === undefined ? undefined : facts[c.fact];
  const q = fact !== undefined ? questionOf(fact, lang) : (c.fact ?? '?');
  if (c.is !== undefined) return `${q} ${valueText(fact, c.is, lang)}`;
  if (c.in !== undefined) return `${q} ${c.in.map((v) => valueText(fact, v, lang)).join(or)}`;
  const unit = fact?.unit !== undefined ? ` ${fact.unit}` : '';
  if (c.gt !== undefined) return `${q} > ${c.gt}${unit}`;
  if (c.gte !== undefined) return `${q} ≥ ${c.gte}${unit}`;
  if (c.lt !== undefined) return `${q} < ${c.lt}${unit}`;
  if (c.lte !== undefined) return `${q} ≤ ${c.lte}${unit}`;
  return q;
}
