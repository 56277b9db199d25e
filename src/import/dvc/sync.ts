import { fold } from './text.js';

/**
 * The sync report: what the portal says that an existing catalogue file does not. It
 * compares the parts reviewers act on — levels, each channel's duration and fees, the
 * documents demanded, the results — and ignores wording elsewhere.
 */

/** One difference between the catalogue file and the portal record. */
export interface SyncChange {
  /** What differs, e.g. "channels.online.duration", "components". */
  field: string;
  /** What the catalogue file says (a short rendering). */
  catalogue: string;
  /** What the portal says. */
  portal: string;
}

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function durationText(d: unknown): string {
  const o = obj(d);
  if (o['value'] === undefined) return '—';
  return `${String(o['value'])} ${typeof o['unit'] === 'string' ? o['unit'] : '(?)'}`;
}

function feesText(fees: unknown): string {
  const list = arr(fees).map((f) => {
    const o = obj(f);
    const amount = typeof o['amount'] === 'number' ? o['amount'] : Number.NaN;
    return `${amount}${o['currency'] === 'USD' ? ' USD' : ''}`;
  });
  return list.length === 0 ? '—' : [...new Set(list)].sort().join(', ');
}

/** Every component of a procedure, top level and per case. */
function componentNames(p: Obj): Map<string, string> {
  const names = new Map<string, string>();
  const add = (c: unknown): void => {
    const name = obj(c)['name'];
    if (typeof name === 'string') names.set(normaliseName(name), name);
  };
  arr(p['components']).forEach(add);
  for (const c of arr(p['cases'])) arr(obj(c)['components']).forEach(add);
  return names;
}

/** Component names compared without case, diacritics, punctuation or a leading bullet. */
export function normaliseName(name: string): string {
  return fold(name).replace(/[^a-z0-9]+/g, ' ').trim();
}

function setText(values: Iterable<string>): string {
  const list = [...new Set(values)].sort();
  return list.length === 0 ? '—' : list.join(', ');
}

/** Compares an existing catalogue procedure with what the portal record gives. */
export function compareProcedures(catalogue: Obj, portal: Obj): SyncChange[] {
  const changes: SyncChange[] = [];
  const push = (field: string, a: string, b: string): void => {
    if (a !== b) changes.push({ field, catalogue: a, portal: b });
  };
  push('name', String(catalogue['name'] ?? '—'), String(portal['name'] ?? '—'));
  push('levels', setText(arr(catalogue['levels']).map(String)), setText(arr(portal['levels']).map(String)));
  for (const ch of ['in-person', 'online', 'postal']) {
    const a = obj(obj(catalogue['channels'])[ch]);
    const b = obj(obj(portal['channels'])[ch]);
    const hasA = obj(catalogue['channels'])[ch] !== undefined;
    const hasB = obj(portal['channels'])[ch] !== undefined;
    if (hasA !== hasB) {
      push(`channels.${ch}`, hasA ? 'có' : '—', hasB ? 'có' : '—');
      continue;
    }
    if (!hasB) continue;
    push(`channels.${ch}.duration`, durationText(a['duration']), durationText(b['duration']));
    push(`channels.${ch}.fees`, feesText(a['fees']), feesText(b['fees']));
  }
  const mine = componentNames(catalogue);
  const theirs = componentNames(portal);
  const added = [...theirs].filter(([k]) => !mine.has(k)).map(([, v]) => v);
  const removed = [...mine].filter(([k]) => !theirs.has(k)).map(([, v]) => v);
  for (const name of added) changes.push({ field: 'components', catalogue: '—', portal: name });
  for (const name of removed) changes.push({ field: 'components', catalogue: name, portal: '—' });
  const codes = (p: Obj): string[] => arr(p['results']).map((r) => obj(r)['code']).filter((c): c is string => typeof c === 'string');
  push('results', setText(codes(catalogue)), setText(codes(portal)));
  return changes;
}
