/** Shared shapes of the portal importer. */

/** Topics of review items, as the procedure schema lists them. */
export type ReviewTopic = 'duration' | 'fee' | 'component' | 'level' | 'agency' | 'legal-basis' | 'result' | 'channel' | 'other';

/**
 * Something the importer could not encode with confidence: kept with the portal's original
 * text so a person can settle it (never silently dropped). Questions are in Vietnamese, as
 * all free text of the catalogue is.
 */
export interface ReviewNote {
  topic: ReviewTopic;
  /** JSON pointer into the written procedure, when the item belongs to one place. */
  path?: string;
  original?: string;
  question: string;
}

/** Channel keys of the catalogue format. */
export type ChannelKey = 'in-person' | 'online' | 'postal';

/** Duration units of the catalogue format. */
export type DurationUnit = 'working-days' | 'days' | 'hours' | 'months';

/** A duration as written to the catalogue; `unit` is absent when the portal gives a bare number. */
export interface ImportedDuration {
  value: number;
  unit?: DurationUnit;
  note?: string;
}

/** A fee as written to the catalogue. */
export interface ImportedFee {
  label?: string;
  amount: number;
  currency?: 'USD';
  per?: string;
  note?: string;
}
