/**
 * The dashboard's charts as data: what each chart shows, in the page's language. The page
 * renders each spec as a data table (readable without the chart) and the browser script
 * draws the same spec with Chart.js, so the chart and its table never disagree.
 */

/** One chart. */
export interface ChartSpec {
  id: string;
  title: string;
  /** A one-sentence summary for screen readers (the canvas's accessible name). */
  summary: string;
  /** Bars run horizontally (long category names). */
  horizontal: boolean;
  /** Stack the datasets. */
  stacked: boolean;
  labels: string[];
  datasets: { label: string; data: number[]; color: string }[];
}

/** Colours with at least 3:1 contrast against white (WCAG 2.1 non-text contrast). */
export const CHART_COLORS = ['#1f5f99', '#b3541e', '#2e7d32', '#6a3d9a', '#8a6d00', '#a1263a'] as const;
