import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { displayPath } from './paths.js';
import type { FormatOptions } from './format-options.js';

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** JUnit XML: a test case per file, failing with one failure per finding at error or warning. */
export function formatJunit(list: readonly Diagnostic[], o: FormatOptions): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of o.files) byFile.set(f, []);
  for (const d of list) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const cases: string[] = [];
  let failures = 0;
  for (const [file, findings] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = displayPath(file, o.cwd);
    const failing = findings.filter((d) => d.severity !== 'info');
    if (failing.length > 0) failures++;
    const body = failing.map((d) => {
      const where = `${name}:${d.range?.start.line ?? 1}:${d.range?.start.column ?? 1}`;
      return `      <failure type="${d.severity}" message="${xml(`${d.code} ${d.id}: ${renderMessage(d, o.lang)}`)}">${xml(where)}</failure>`;
    });
    cases.push(body.length === 0
      ? `    <testcase classname="tthc.check" name="${xml(name)}"/>`
      : `    <testcase classname="tthc.check" name="${xml(name)}">\n${body.join('\n')}\n    </testcase>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tthc check" tests="${byFile.size}" failures="${failures}">`,
    `  <testsuite name="tthc check" tests="${byFile.size}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
