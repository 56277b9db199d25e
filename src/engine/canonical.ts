import canonicalizeModule from 'canonicalize';

// The package sets `module.exports = serialize` while its typings declare an ES default export;
// under NodeNext the default import is `module.exports` itself, the function.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/**
 * JSON in canonical form (RFC 8785, JSON Canonicalization Scheme): keys sorted, numbers and
 * strings serialised one way. Equal data gives equal text, whatever the key order (a jsonb
 * column returns keys in its own order).
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}
