import type { Lang } from '../i18n/lang.js';
import type { WorkflowIR } from './ir.js';
import { lifecycle } from './lifecycle.js';

/**
 * The lifecycle of a procedure as a Mermaid state diagram (stateDiagram-v2). Text from the
 * catalogue (procedure and stage names) is escaped with Mermaid's entity codes, so a quote,
 * a "#", a semicolon, angle brackets (HTML in labels) or a newline in a name never changes
 * the diagram's structure or becomes markup.
 */

/** Escapes text for a quoted Mermaid label. */
export function mermaidLabel(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/;/g, '#59;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/%%/g, '#37;#37;');
}

/** Text for a Mermaid comment line: one line, nothing that ends it early. */
function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** A state id Mermaid accepts in transitions (letters, digits, underscores): "stage_ubnd-xa" → "stage_ubnd_xa". */
export function mermaidId(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Renders the state diagram of a workflow, labels in one language.
 *
 * @example
 * toMermaid(buildWorkflow(khaiSinh), 'en') // '%% 1.001193 — Thủ tục đăng ký khai sinh\nstateDiagram-v2\n  [*] --> draft\n…'
 */
export function toMermaid(ir: WorkflowIR, lang: Lang = 'vi'): string {
  const graph = lifecycle(ir);
  const m = mermaidId;
  const lines = [
    `%% ${commentText(`${ir.procedure} — ${ir.name}`)}`,
    'stateDiagram-v2',
    `  [*] --> ${m(graph.initial)}`,
  ];
  for (const s of graph.states) lines.push(`  state "${mermaidLabel(s.label[lang])}" as ${m(s.id)}`);
  for (const s of graph.states) {
    for (const t of s.on) {
      const guard = t.guard !== undefined ? ` [${t.guard}]` : '';
      lines.push(`  ${m(s.id)} --> ${m(t.target)} : ${t.event}${guard}`);
    }
  }
  for (const s of graph.states) if (s.final) lines.push(`  ${m(s.id)} --> [*]`);
  return `${lines.join('\n')}\n`;
}
