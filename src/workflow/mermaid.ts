import type { Lang } from '../i18n/lang.js';
import type { WorkflowIR } from './ir.js';
import { lifecycle } from './lifecycle.js';

/**
 * The lifecycle of a procedure as a Mermaid state diagram (stateDiagram-v2). Text from the
 * catalogue (procedure and stage names) is escaped with Mermaid's entity codes, so a quote,
 * a "#", a semicolon or a newline in a name never changes the diagram's structure.
 */

/** Escapes text for a quoted Mermaid label. */
export function mermaidLabel(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/;/g, '#59;')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/%%/g, '#37;#37;');
}

/** Text for a Mermaid comment line: one line, nothing that ends it early. */
function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** Renders the state diagram of a workflow, labels in one language. */
export function toMermaid(ir: WorkflowIR, lang: Lang = 'vi'): string {
  const graph = lifecycle(ir);
  const lines = [
    `%% ${commentText(`${ir.procedure} — ${ir.name}`)}`,
    'stateDiagram-v2',
    `  [*] --> ${graph.initial}`,
  ];
  for (const s of graph.states) lines.push(`  state "${mermaidLabel(s.label[lang])}" as ${s.id}`);
  for (const s of graph.states) {
    for (const t of s.on) {
      const guard = t.guard !== undefined ? ` [${t.guard}]` : '';
      lines.push(`  ${s.id} --> ${t.target} : ${t.event}${guard}`);
    }
  }
  for (const s of graph.states) if (s.final) lines.push(`  ${s.id} --> [*]`);
  return `${lines.join('\n')}\n`;
}
