import type { Lang } from '../i18n/lang.js';

/**
 * Small helpers the figure formatters share: numbers as each language writes them
 * (1.234,5 in Vietnamese, 1,234.5 in English), percentages, and plain-text, Markdown and CSV
 * tables. Pure functions returning strings.
 */

const FORMATS = {
  vi: { int: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }), dec: new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) },
  en: { int: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }), dec: new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) },
};

/** A count. */
export function count(n: number, lang: Lang): string {
  return FORMATS[lang].int.format(n);
}

/** A ratio as a percentage with one decimal ("95,2 %" / "95.2%"), or "—". */
export function percent(r: number | null, lang: Lang): string {
  if (r === null) return '—';
  const text = FORMATS[lang].dec.format(r * 100);
  return lang === 'vi' ? `${text} %` : `${text}%`;
}

/** A number with one decimal, or "—". */
export function decimal(n: number | null, lang: Lang): string {
  return n === null ? '—' : FORMATS[lang].dec.format(n);
}

/** Display width of a string (combining marks take no column). */
function width(s: string): number {
  return [...s.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).length;
}

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]): string => cells.map((c, i) => {
    const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c)));
    return i === 0 ? c + pad : pad + c;
  }).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A Markdown table (pipes in cells escaped). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** CSV (RFC 4180): fields with commas, quotes or line breaks are quoted; CRLF line ends. */
export function csvTable(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const field = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
