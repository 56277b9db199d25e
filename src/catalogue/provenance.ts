/**
 * Who wrote a catalogue file: `tthc import dvc` marks its files with a comment line; a file
 * without it is hand-written and authoritative. The checks read this too (review items of an
 * imported file hold portal text the importer could not parse), so it lives with the model.
 */

/** First characters of the line that marks a file as written by the importer. */
export const IMPORT_MARKER = '# tthc-import: dvc';

/** Whether a catalogue file was written by `tthc import dvc` (and has not been claimed by hand since). */
export function isImported(text: string): boolean {
  const head = text.slice(0, 600).split('\n', 4);
  return head.some((line) => line.startsWith(IMPORT_MARKER));
}
