import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { displayPath } from '../format/paths.js';
import type { Lang } from '../i18n/lang.js';
import { RULES } from './registry.js';

/**
 * Output formats of `tthc check`: json (the contract), SARIF 2.1.0 (code-scanning tools),
 * JUnit XML (CI test reports), GitHub workflow commands (annotations) and Markdown (a review
 * document). The stylish format is shared with `tthc validate`.
 */

export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** Options every formatter takes. */
export interface FormatOptions {
  lang: Lang;
  cwd: string;
  version: string;
  /** Files examined (for JUnit's passing cases and summaries). */
  files: readonly string[];
}

/** One finding in the JSON contract of `tthc check --format json`: exactly these keys. */
export interface JsonFinding {
  ruleId: string;
  code: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  procedure: string | null;
  related: { file: string; line: number; column: number; procedure: string | null }[];
}

/** Findings in the JSON contract. */
export function toJsonFindings(list: readonly Diagnostic[], o: Pick<FormatOptions, 'lang' | 'cwd'>): JsonFinding[] {
  return list.map((d) => ({
    ruleId: d.id,
    code: d.code,
    severity: d.severity,
    message: renderMessage(d, o.lang),
    file: displayPath(d.file, o.cwd),
    line: d.range?.start.line ?? 1,
    column: d.range?.start.column ?? 1,
    procedure: d.procedure,
    related: d.related.map((r) => ({ file: displayPath(r.file, o.cwd), line: r.range?.start.line ?? 1, column: r.range?.start.column ?? 1, procedure: r.procedure })),
  }));
}

export function formatCheckJson(list: readonly Diagnostic[], o: FormatOptions): string {
  return `${JSON.stringify(toJsonFindings(list, o), null, 2)}\n`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0: one run, the rules as reportingDescriptors, results with physical locations. */
export function formatSarif(list: readonly Diagnostic[], o: FormatOptions): string {
  const uri = (file: string): string => displayPath(file, o.cwd).split('\\').join('/');
  const region = (d: { range: Diagnostic['range'] }): Record<string, number> => ({
    startLine: d.range?.start.line ?? 1,
    startColumn: d.range?.start.column ?? 1,
    ...(d.range !== null ? { endLine: d.range.end.line, endColumn: Math.max(d.range.end.column, 1) } : {}),
  });
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tthc',
            version: o.version,
            informationUri: 'https://dichvucong.gov.vn',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.doc.what[o.lang] },
              fullDescription: { text: `${r.doc.what[o.lang]} ${r.doc.why[o.lang]}` },
              help: { text: r.info.explain[o.lang] },
              defaultConfiguration: { level: SARIF_LEVEL[r.info.severity] },
              properties: { code: r.info.code, category: r.ruleCategory, legalBasis: [...r.doc.legalBasis] },
            })),
          },
        },
        results: list.map((d) => {
          const result: Record<string, unknown> = {
            ruleId: d.id,
            level: SARIF_LEVEL[d.severity],
            message: { text: renderMessage(d, o.lang) },
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(d.file) }, region: region(d) } }],
            properties: { code: d.code, procedure: d.procedure },
          };
          const index = ruleIndex.get(d.id);
          if (index !== undefined) result['ruleIndex'] = index;
          if (d.related.length > 0) {
            result['relatedLocations'] = d.related.map((r, i) => ({
              id: i + 1,
              physicalLocation: { artifactLocation: { uri: uri(r.file) }, region: region(r) },
              message: { text: r.procedure ?? '' },
            }));
          }
          return result;
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

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

function ghData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function ghProperty(text: string): string {
  return ghData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GH_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: one annotation per finding. */
export function formatGithub(list: readonly Diagnostic[], o: FormatOptions): string {
  return list
    .map((d) => `::${GH_LEVEL[d.severity]} file=${ghProperty(displayPath(d.file, o.cwd))},line=${d.range?.start.line ?? 1},col=${d.range?.start.column ?? 1},title=${ghProperty(`${d.code} ${d.id}`)}::${ghData(renderMessage(d, o.lang))}\n`)
    .join('');
}

function md(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Markdown: a summary per rule, then every finding in a table. */
export function formatMarkdown(list: readonly Diagnostic[], o: FormatOptions): string {
  const vi = o.lang === 'vi';
  const counts = new Map<string, number>();
  for (const d of list) counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
  const lines = [
    vi ? '# Kết quả rà soát thủ tục hành chính' : '# Procedure review findings',
    '',
    vi ? `${list.length} phát hiện trong ${o.files.length} tệp.` : `${list.length} findings in ${o.files.length} files.`,
    '',
    vi ? '| quy tắc | mã | mức | số phát hiện |' : '| rule | code | severity | findings |',
    '|---|---|---|---|',
    ...RULES.filter((r) => counts.has(r.id)).map((r) => `| \`${r.id}\` | ${r.info.code} | ${r.info.severity} | ${counts.get(r.id) ?? 0} |`),
    '',
    vi ? '| tệp:dòng | thủ tục | quy tắc | nội dung |' : '| file:line | procedure | rule | message |',
    '|---|---|---|---|',
    ...list.map((d) => `| ${md(displayPath(d.file, o.cwd))}:${d.range?.start.line ?? 1} | ${d.procedure ?? ''} | \`${d.id}\` | ${md(renderMessage(d, o.lang))} |`),
    '',
  ];
  return lines.join('\n');
}
