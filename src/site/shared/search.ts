import type { Options, SearchOptions } from 'minisearch';
import { foldTerm } from './fold.js';

/**
 * The search configuration, one definition for the index the builder serialises and the
 * queries the browser runs (MiniSearch requires both sides to process terms alike).
 *
 * Fields: the code, the name and the field (lĩnh vực). Agencies and result names are
 * filters or page content, not search text: indexing them made long bundled procedures
 * outrank the procedure whose name is the query ("đăng ký khai sinh" ranked the birth +
 * residence + health-card bundle above the birth registration itself).
 */

/** One searchable procedure. */
export interface SearchDocument {
  /** The procedure code (mã thủ tục), also the document id. */
  id: string;
  name: string;
  field: string;
}

/** Index options: the fields, and the Vietnamese term folding. */
export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: ['id', 'name', 'field'],
  storeFields: [],
  processTerm: (term) => foldTerm(term),
};

/**
 * Query options: every word must match (word order does not matter: "khai sinh dang ky"
 * finds "Đăng ký khai sinh"), the last word as a prefix (results as you type), small typos
 * forgiven in longer words, and the name weighs most.
 */
export const QUERY_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  prefix: (_term, i, terms) => i === terms.length - 1,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  boost: { name: 3, id: 2, field: 1 },
};
