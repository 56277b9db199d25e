import { describe, expect, it } from 'vitest';
import { ALL_CODES as CODES, findCode } from '../src/report/codes.js';

describe('the diagnostic code registry', () => {
  it('never reuses a code or an id', () => {
    expect(new Set(CODES.map((c) => c.code)).size).toBe(CODES.length);
    expect(new Set(CODES.map((c) => c.id)).size).toBe(CODES.length);
  });

  it('uses the TTHC + three digits form, in the band of its category', () => {
    const band = { load: '1', schema: '2', catalogue: '3', check: '4', import: '5', engine: '6', site: '7', tooling: '8', cli: '9' } as const;
    for (const c of CODES) {
      expect(c.code).toMatch(/^TTHC\d{3}$/);
      expect(c.code.charAt(4)).toBe(band[c.category]);
    }
  });

  it('has every text in Vietnamese and English, with the same placeholders', () => {
    const holes = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const c of CODES) {
      for (const part of [c.message, c.hint, c.explain]) {
        expect(part.vi.length).toBeGreaterThan(0);
        expect(part.en.length).toBeGreaterThan(0);
        expect(holes(part.vi)).toEqual(holes(part.en));
      }
      // Vietnamese text is really Vietnamese (has at least one letter with a diacritic).
      expect(c.explain.vi).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
    }
  });

  it('finds a code by code or by id', () => {
    expect(findCode('tthc202')?.id).toBe('unknown-property');
    expect(findCode('unknown-property')?.code).toBe('TTHC202');
    expect(findCode('nope')).toBeUndefined();
  });
});
