/**
 * CSV for spreadsheets (RFC 4180): fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled, CRLF line ends, and a UTF-8 byte order mark so that Excel reads
 * Vietnamese correctly. A cell that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) is prefixed with an apostrophe (OWASP, CSV injection):
 * catalogue text must never execute in a reviewer's spreadsheet.
 */

const FORMULA = /^[=+\-@\t\r]/;

/**
 * One CSV cell.
 *
 * @example
 * csvCell('a "b", c') // '"a ""b"", c"'
 * csvCell('=HYPERLINK("x")') // '"\'=HYPERLINK(""x"")"'
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document: a header row then the rows.
 *
 * @example
 * toCsv(['code', 'name'], [['1.001193', 'Đăng ký khai sinh']]) // '\uFEFFcode,name\r\n1.001193,Đăng ký khai sinh\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
