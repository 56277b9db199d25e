import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { displayPath } from './paths.js';
import type { FormatOptions } from './format-options.js';
import { RULES } from '../checks/registry.js';

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
