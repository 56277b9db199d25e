/** How many results the catalogue page shows before "show more" (template and script alike). */
export const PAGE_SIZE = 50;

/** How many findings the dashboard table shows before "show more". */
export const FINDINGS_PAGE_SIZE = 200;
