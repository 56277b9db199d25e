import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldSlow } from '../src/util/suggest.js';

const VIETNAMESE = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
const pieces = [...VIETNAMESE, ...VIETNAMESE.toUpperCase(), ...VIETNAMESE.normalize('NFD'), ' ', '\t', '\n', '\u00a0', '“', '”', '–', '…', '\u2028', 'İ', 'ß', 'ǅ', '\u0301', '\u0323', 'x', '1', ',', '.', '(', ')'];

describe('fold: the character table gives exactly the definition', () => {
  it('on random Vietnamese text, composed or decomposed, with punctuation and odd letters', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join('')), (text) => {
      expect(fold(text)).toBe(foldSlow(text));
    }), { numRuns: 3000 });
  });

  it('on any string (characters outside the table take the definition itself)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
      expect(fold(text)).toBe(foldSlow(text));
    }), { numRuns: 3000 });
  });

  it('folds Vietnamese as before', () => {
    expect(fold('  Cấp  GIẤY khai sinh – Đăng ký  ')).toBe('cap giay khai sinh – dang ky');
  });
});
