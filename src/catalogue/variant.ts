import type { Case, Channel, Component, Procedure } from '../../generated/types/catalogue.js';
import { deepFreeze } from './normalize.js';
import { toPointer } from './source.js';

/** Where a part of a resolved procedure was written. */
export interface Origin {
  file: string;
  pointer: string;
}

/** A procedure as it applies: a national procedure, or a variant merged onto its base. */
export interface ResolvedProcedure {
  procedure: Procedure;
  /** The file and pointer a node of `procedure` comes from (nearest written ancestor). */
  originOf(pointer: string): Origin;
}

/** Keys that a variant replaces wholesale when it states them. */
const REPLACED = [
  'name', 'field', 'type', 'decision', 'targets', 'levels', 'steps', 'online', 'fourOnSpot', 'componentNotes',
  'stages', 'supplement', 'results', 'conditions', 'related', 'compliance',
] as const;

type Prefix = { resolved: string; file: string; source: string };

function originLookup(prefixes: Prefix[]): (pointer: string) => Origin {
  // Longest prefix first, so /channels/online/fees wins over /channels.
  const sorted = [...prefixes].sort((a, b) => b.resolved.length - a.resolved.length);
  return (pointer) => {
    for (const p of sorted) {
      if (pointer === p.resolved || pointer.startsWith(p.resolved + '/') || p.resolved === '') {
        return { file: p.file, pointer: p.source + pointer.slice(p.resolved.length) };
      }
    }
    return { file: sorted[sorted.length - 1]?.file ?? '', pointer };
  };
}

/**
 * A national procedure as a resolved procedure (every node comes from its own file).
 *
 * @example
 * resolveNational(procedure, '/catalogue/ho-tich/1.001193.yaml').originOf('/components/0') // { file: '/catalogue/ho-tich/1.001193.yaml', pointer: '/components/0' }
 */
export function resolveNational(procedure: Procedure, file: string): ResolvedProcedure {
  return { procedure, originOf: originLookup([{ resolved: '', file, source: '' }]) };
}

/**
 * Merges a provincial variant onto its national base. The rules (documented in
 * docs/format.md and the README):
 *
 * - `code`, `variantOf`, `jurisdiction` come from the variant; `provenance` lists the
 *   variant's sources, then the base's; `review` items of both are kept.
 * - Scalars and lists without ids (`name`, `levels`, `online`, `fourOnSpot`, `results`,
 *   `stages`, `supplement`…) are replaced when the variant states them.
 * - `agencies` and `facts` merge key by key; `channels` merge per channel and, inside a
 *   channel, per property (`duration`, `durationCases`, `fees`, `description`), so a
 *   province can change the in-person fee and keep the national online channel.
 * - Components merge by `id`: `removeComponents` drops base components, a variant
 *   component with a base id replaces that component where it stands (also inside a
 *   case), a new id is appended. Cases merge by `id` the same way.
 * - `legalBasis`: the base's documents, then the variant's; a variant entry with the same
 *   number replaces the base's.
 *
 * @example
 * const merged = resolveVariant(national, 'ho-tich/2.000908.yaml', laoCai, 'lao-cai/2.000908.H38.yaml');
 * merged.procedure.channels?.['in-person']?.duration // the province's: same day, 15:00 cut-off
 * merged.originOf('/channels/in-person/duration').file // 'lao-cai/2.000908.H38.yaml'
 * merged.originOf('/steps').file // 'ho-tich/2.000908.yaml': not restated, inherited
 */
export function resolveVariant(base: Procedure, baseFile: string, overlay: Procedure, overlayFile: string): ResolvedProcedure {
  const prefixes: Prefix[] = [{ resolved: '', file: baseFile, source: '' }];
  const out: Record<string, unknown> = { ...base };
  const fromOverlay = (key: string) => prefixes.push({ resolved: `/${key}`, file: overlayFile, source: `/${key}` });

  out['code'] = overlay.code;
  prefixes.push({ resolved: '/code', file: overlayFile, source: '/code' });
  for (const key of ['variantOf', 'jurisdiction'] as const) {
    if (overlay[key] !== undefined) {
      out[key] = overlay[key];
      fromOverlay(key);
    }
  }
  for (const key of REPLACED) {
    if (overlay[key] !== undefined) {
      out[key] = overlay[key];
      fromOverlay(key);
    }
  }

  // provenance and review: both files' entries, the variant's first.
  out['provenance'] = [...overlay.provenance, ...base.provenance];
  overlay.provenance.forEach((_, i) => prefixes.push({ resolved: `/provenance/${i}`, file: overlayFile, source: `/provenance/${i}` }));
  base.provenance.forEach((_, i) => prefixes.push({ resolved: `/provenance/${overlay.provenance.length + i}`, file: baseFile, source: `/provenance/${i}` }));
  if (overlay.review !== undefined) {
    const baseReview = base.review ?? [];
    out['review'] = [...baseReview, ...overlay.review];
    overlay.review.forEach((_, i) => prefixes.push({ resolved: `/review/${baseReview.length + i}`, file: overlayFile, source: `/review/${i}` }));
  }

  // Key-by-key maps.
  for (const key of ['agencies', 'facts'] as const) {
    const o = overlay[key] as Record<string, unknown> | undefined;
    if (o === undefined) continue;
    out[key] = { ...(base[key] as Record<string, unknown> | undefined), ...o };
    for (const k of Object.keys(o)) prefixes.push({ resolved: toPointer([key, k]), file: overlayFile, source: toPointer([key, k]) });
  }
  if (overlay.channels !== undefined) {
    const channels: Record<string, Channel> = { ...base.channels };
    for (const [name, ch] of Object.entries(overlay.channels) as [string, Channel][]) {
      channels[name] = { ...channels[name], ...ch };
      for (const prop of Object.keys(ch)) {
        prefixes.push({ resolved: toPointer(['channels', name, prop]), file: overlayFile, source: toPointer(['channels', name, prop]) });
      }
    }
    out['channels'] = channels;
  }

  // Components and cases by id.
  const removed = new Set(overlay.removeComponents ?? []);
  const replacements = new Map<string, { component: Component; index: number }>();
  overlay.components?.forEach((c, i) => replacements.set(c.id, { component: c, index: i }));
  const used = new Set<string>();
  const mergeList = (list: readonly Component[], resolvedAt: (i: number) => string, baseAt: (i: number) => string): Component[] => {
    const result: Component[] = [];
    list.forEach((c, i) => {
      if (removed.has(c.id)) return;
      const r = replacements.get(c.id);
      const at = resolvedAt(result.length);
      if (r !== undefined) {
        used.add(c.id);
        result.push(r.component);
        prefixes.push({ resolved: at, file: overlayFile, source: toPointer(['components', r.index]) });
      } else {
        result.push(c);
        prefixes.push({ resolved: at, file: baseFile, source: baseAt(i) });
      }
    });
    return result;
  };
  const components = mergeList(base.components ?? [], (i) => toPointer(['components', i]), (i) => toPointer(['components', i]));
  const caseReplacements = new Map((overlay.cases ?? []).map((k, i) => [k.id, { k, i }]));
  const cases: Case[] = [];
  (base.cases ?? []).forEach((k, ci) => {
    const r = caseReplacements.get(k.id);
    const at = cases.length;
    if (r !== undefined) {
      caseReplacements.delete(k.id);
      cases.push(r.k);
      prefixes.push({ resolved: toPointer(['cases', at]), file: overlayFile, source: toPointer(['cases', r.i]) });
      return;
    }
    prefixes.push({ resolved: toPointer(['cases', at]), file: baseFile, source: toPointer(['cases', ci]) });
    cases.push({
      ...k,
      components: mergeList(k.components, (i) => toPointer(['cases', at, 'components', i]), (i) => toPointer(['cases', ci, 'components', i])),
    });
  });
  for (const { k, i } of caseReplacements.values()) {
    prefixes.push({ resolved: toPointer(['cases', cases.length]), file: overlayFile, source: toPointer(['cases', i]) });
    cases.push(k);
  }
  overlay.components?.forEach((c, i) => {
    if (used.has(c.id)) return;
    prefixes.push({ resolved: toPointer(['components', components.length]), file: overlayFile, source: toPointer(['components', i]) });
    components.push(c);
  });
  if (components.length > 0 || base.components !== undefined) out['components'] = components;
  else delete out['components'];
  if (cases.length > 0 || base.cases !== undefined) out['cases'] = cases;

  // Legal basis: union by document number.
  if (overlay.legalBasis !== undefined) {
    const numbers = new Set(overlay.legalBasis.map((l) => l.number));
    const kept = (base.legalBasis ?? []).map((l, i) => ({ l, i })).filter(({ l }) => !numbers.has(l.number));
    out['legalBasis'] = [...kept.map(({ l }) => l), ...overlay.legalBasis];
    kept.forEach(({ i }, j) => prefixes.push({ resolved: toPointer(['legalBasis', j]), file: baseFile, source: toPointer(['legalBasis', i]) }));
    overlay.legalBasis.forEach((_, i) => prefixes.push({ resolved: toPointer(['legalBasis', kept.length + i]), file: overlayFile, source: toPointer(['legalBasis', i]) }));
  }
  delete out['removeComponents'];
  return { procedure: deepFreeze(out as unknown as Procedure), originOf: originLookup(prefixes) };
}
