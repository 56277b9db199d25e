/**
 * Text in the model is Unicode NFC: Vietnamese arrives both precomposed ("ế" as one code
 * point) and decomposed ("e" + circumflex + acute), and the two must compare equal.
 * Positions still refer to the file as written, because parsing happens before this step.
 */
export function normalizeNfc<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(walk);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const k = key.normalize('NFC');
      // defineProperty keeps a "__proto__" key an ordinary property.
      Object.defineProperty(out, k, { value: walk(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** Freezes a plain value and everything inside it. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) stack.push(child);
    }
  }
  return value;
}
