/**
 * True when a value survives `JSON.stringify` then `JSON.parse` unchanged: only strings,
 * finite numbers (not -0), booleans, null, arrays and ordinary objects, no `undefined`, no
 * `__proto__` key. The cache stores nothing else, so that a cached result can never differ
 * from a fresh one (`.nan` in a YAML file, a hostile key: that file is simply not cached).
 */
export function isPlainJson(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Object.is(v, -0)) return false;
      continue;
    }
    if (typeof v !== 'object') return false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) return false;
        stack.push(v[i]);
      }
      continue;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) return false;
    for (const key of Object.keys(v)) {
      if (key === '__proto__') return false;
      stack.push((v as Record<string, unknown>)[key]);
    }
    if (Object.getOwnPropertySymbols(v).length > 0) return false;
  }
  return true;
}
