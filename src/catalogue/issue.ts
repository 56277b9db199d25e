import type { CatalogueCodeId as CodeId } from './codes.js';
import type { MessageData } from '../diagnostics/types.js';

/** Which part of a node a finding points at (see `rangeOf`). */
export type PointMode = 'value' | 'key' | 'owner';

/**
 * A finding expressed with a JSON pointer instead of a line: checks return these, and only
 * the catalogue assembler maps them to positions (DESIGN.md: rules return pointers).
 */
export interface Issue {
  id: CodeId;
  pointer: string;
  mode: PointMode;
  data: MessageData;
  /** Other places involved, in other files or the same one. */
  related?: { file: string; pointer: string; mode: PointMode }[];
}
