/**
 * Text in the model is Unicode NFC: Vietnamese arrives both precomposed ("ế" as one code
 * point) and decomposed ("e" + circumflex + acute), and the two must compare equal.
 * Positions still refer to the file as written, because parsing happens before this step.
 *
 * The value is normalised in place (it is the loader's own fresh parse result), which
 * avoids copying every object of a large catalogue.
 */
export function normalizeNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (typeof v === 'string') node[i] = v.normalize('NFC');
        else if (v !== null && typeof v === 'object') stack.push(v);
      }
    } else if (node !== null && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      for (const key of Object.keys(obj)) {
        const v = obj[key];
        const nfcKey = key.normalize('NFC');
        const nv = typeof v === 'string' ? v.normalize('NFC') : v;
        if (nfcKey !== key) {
          delete obj[key];
          // defineProperty keeps a "__proto__" key an ordinary property.
          Object.defineProperty(obj, nfcKey, { value: nv, enumerable: true, writable: true, configurable: true });
        } else if (nv !== v) obj[key] = nv;
        if (nv !== null && typeof nv === 'object') stack.push(nv);
      }
    }
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
