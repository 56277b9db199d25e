/**
 * Text folding for search (tìm kiếm không dấu). People type Vietnamese without diacritics
 * ("dang ky khai sinh"), with either spelling of the i/y variants the orthography allows
 * ("đăng kí" beside "đăng ký", "qui" beside "quy"), and in any case. Indexing and querying
 * fold text the same way, so "dang ki khai sinh" finds "Đăng ký khai sinh".
 *
 * Shared by the site builder (which builds the index) and the browser (which folds queries):
 * pure, no DOM, no Node.
 */

/** Combining marks left by NFD decomposition (the tones and vowel marks of Vietnamese). */
const MARKS = /[\u0300-\u036f]/g;

/**
 * A syllable written with a final "y" after consonants only ("ky", "ly", "my", "quy", "thy"):
 * the spellings with "i" ("ki", "li", "mi", "qui") are accepted variants, so both fold to
 * "i". Syllables where "y" follows another vowel ("tuy", "huy", "thuy", "tay") are left as
 * they are: there the "y" is not interchangeable.
 */
const Y_AFTER_CONSONANTS = /^(b|c|ch|d|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)y$/;

/**
 * Folds text: NFD, marks removed, "đ" → "d", lower case.
 *
 * @example
 * foldText('Đăng ký khai sinh') // 'dang ky khai sinh'
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * Folds one search term (a word): {@link foldText}, then the i/y spelling variant.
 *
 * @example
 * foldTerm('Ký') // 'ki'
 * foldTerm('kí') // 'ki'
 * foldTerm('thủy') // 'thuy'
 */
export function foldTerm(term: string): string {
  const folded = foldText(term);
  return Y_AFTER_CONSONANTS.test(folded) ? `${folded.slice(0, -1)}i` : folded;
}
