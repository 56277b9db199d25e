import type { Component, Procedure } from '../../generated/types/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import { CHANNELS } from '../workflow/ir.js';
import { channelName, feeText, levelName, onlineName, periodText, quantityText } from './shared/describe.js';
import { t } from './shared/ui.js';

/**
 * Provincial variants side by side with their national procedure: for each aspect a
 * province changes (after merging its overlay onto the base, src/catalogue/variant.ts), the
 * national value and each province's value. Aspects no province changes are left out, so
 * the table answers "what does this province do differently?".
 */

/** A province's version: its code, the province, and the merged procedure. */
export interface VariantVersion {
  code: string;
  province: string;
  procedure: Procedure;
}

/** One row: what is compared, the national value, each version's value (null: as national). */
export interface VariantRow {
  aspect: string;
  national: string;
  versions: (string | null)[];
}

/** JSON with sorted keys, so values that differ only in key order compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const dash = (lang: Lang): string => t('absent', lang);

function componentText(c: Component | undefined, lang: Lang): string {
  if (c === undefined) return dash(lang);
  const q = quantityText(c.quantity, lang);
  return q === '' ? c.name : `${c.name} (${q})`;
}

function componentsById(p: Procedure): Map<string, Component> {
  const out = new Map<string, Component>();
  for (const c of p.components ?? []) out.set(c.id, c);
  for (const k of p.cases ?? []) for (const c of k.components) out.set(c.id, c);
  return out;
}

interface Aspect {
  label: string;
  value(p: Procedure): unknown;
  text(p: Procedure): string;
}

function aspects(lang: Lang, base: Procedure, versions: readonly VariantVersion[]): Aspect[] {
  const list = (xs: readonly string[] | undefined): string => (xs === undefined || xs.length === 0 ? dash(lang) : xs.join('; '));
  const out: Aspect[] = [
    { label: lang === 'vi' ? 'Tên thủ tục' : 'Name', value: (p) => p.name, text: (p) => p.name ?? dash(lang) },
    { label: t('field', lang), value: (p) => p.field, text: (p) => p.field ?? dash(lang) },
    { label: t('levels', lang), value: (p) => p.levels, text: (p) => list(p.levels?.map((l) => levelName(l, lang))) },
    { label: t('targets', lang), value: (p) => p.targets, text: (p) => list(p.targets) },
    { label: t('onlineLevel', lang), value: (p) => p.online, text: (p) => onlineName(p.online ?? 'unknown', lang) },
    { label: t('fourOnSpot', lang), value: (p) => p.fourOnSpot === true, text: (p) => t(p.fourOnSpot === true ? 'yes' : 'no', lang) },
  ];
  const roles = [['competent', 'agencyCompetent'], ['implementing', 'agencyImplementing'], ['delegated', 'agencyDelegated'], ['coordinating', 'agencyCoordinating'], ['reception', 'agencyReception']] as const;
  for (const [role, key] of roles) out.push({ label: t(key, lang), value: (p) => p.agencies?.[role], text: (p) => list(p.agencies?.[role]) });
  for (const ch of CHANNELS) {
    out.push({
      label: `${t('duration', lang)} — ${channelName(ch, lang)}`,
      value: (p) => [p.channels?.[ch]?.duration, p.channels?.[ch]?.durationCases],
      text: (p) => {
        const c = p.channels?.[ch];
        if (c === undefined) return dash(lang);
        const main = c.duration === undefined ? t('notStated', lang) : periodText(c.duration, lang);
        const cases = (c.durationCases ?? []).map((d) => `${d.case}: ${periodText(d, lang)}`);
        return [main, ...cases].join('; ');
      },
    });
    out.push({
      label: `${t('fees', lang)} — ${channelName(ch, lang)}`,
      value: (p) => p.channels?.[ch]?.fees,
      text: (p) => {
        const fees = p.channels?.[ch]?.fees;
        if (fees === undefined) return p.channels?.[ch] === undefined ? dash(lang) : t('notStated', lang);
        return fees.map((f) => feeText(f, lang)).join('; ');
      },
    });
  }
  out.push(
    { label: t('stepsHeading', lang), value: (p) => p.steps, text: (p) => (p.steps === undefined ? dash(lang) : (lang === 'vi' ? `${p.steps.length} bước` : `${p.steps.length} steps`)) },
    { label: t('conditionsHeading', lang), value: (p) => p.conditions, text: (p) => list(p.conditions) },
    { label: t('resultsHeading', lang), value: (p) => p.results, text: (p) => list(p.results?.map((r) => r.name)) },
    { label: t('supplementHeading', lang), value: (p) => p.supplement?.maxRequests, text: (p) => (p.supplement?.maxRequests === undefined ? t('notStated', lang) : String(p.supplement.maxRequests)) },
    { label: t('stagesHeading', lang), value: (p) => p.stages, text: (p) => list(p.stages?.map((s) => `${s.name} (${periodText(s.budget, lang)})`)) },
    { label: t('legalHeading', lang), value: (p) => p.legalBasis?.map((l) => l.number), text: (p) => list(p.legalBasis?.map((l) => l.number)) },
  );
  // Components, by id: one row per component a version adds, removes or replaces.
  const baseComponents = componentsById(base);
  const ids = new Set(baseComponents.keys());
  for (const v of versions) for (const id of componentsById(v.procedure).keys()) ids.add(id);
  for (const id of ids) {
    const name = baseComponents.get(id)?.name ?? versions.map((v) => componentsById(v.procedure).get(id)?.name).find((n) => n !== undefined) ?? id;
    out.push({
      label: `${lang === 'vi' ? 'Giấy tờ' : 'Document'}: ${name}`,
      value: (p) => componentsById(p).get(id),
      text: (p) => {
        const c = componentsById(p).get(id);
        if (p === base) return componentText(c, lang);
        const b = baseComponents.get(id);
        if (c === undefined) return `${t('removed', lang)}`;
        if (b === undefined) return `${t('added', lang)}: ${componentText(c, lang)}`;
        return `${t('replaced', lang)}: ${componentText(c, lang)}`;
      },
    });
  }
  return out;
}

/**
 * The rows of the side-by-side table: only aspects where at least one version differs
 * from the national procedure.
 *
 * @example
 * compareVariants(national, [{ code: '2.000908.H38', province: 'Lào Cai', procedure: merged }], 'vi')
 * // [{ aspect: 'Thời hạn giải quyết — trực tiếp', national: '1 ngày làm việc', versions: ['Trong ngày (…)'] }, …]
 */
export function compareVariants(base: Procedure, versions: readonly VariantVersion[], lang: Lang): VariantRow[] {
  const rows: VariantRow[] = [];
  for (const a of aspects(lang, base, versions)) {
    const b = canonical(a.value(base));
    const cells = versions.map((v) => (canonical(a.value(v.procedure)) === b ? null : a.text(v.procedure)));
    if (cells.every((c) => c === null)) continue;
    rows.push({ aspect: a.label, national: a.text(base), versions: cells });
  }
  return rows;
}
