/**
 * The defined entries of a record whose index signature admits `undefined` (the generated
 * types use strict index signatures), in insertion order.
 */
export function entriesOf<T>(record: Readonly<Record<string, T | undefined>> | undefined): [string, T][] {
  if (record === undefined) return [];
  const out: [string, T][] = [];
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out.push([k, v]);
  return out;
}

/** A record without its undefined values. */
export function definedOf<T>(record: Readonly<Record<string, T | undefined>> | undefined): Record<string, T> {
  return Object.fromEntries(entriesOf(record));
}
