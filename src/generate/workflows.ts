import { createHash } from 'node:crypto';
import type { HolidayTable } from '../calendar/calendar.js';
import type { WorkflowIR } from '../workflow/ir.js';
import { toMermaid } from '../workflow/mermaid.js';
import { banner } from './schema-types.js';
import type { GeneratedFile } from './file.js';

/**
 * The generated workflow modules: per procedure a small *data* module (its workflow IR,
 * its component-id, fact and event types, and a typed `createMachine()` through the one
 * generic factory), a Mermaid diagram, the holiday table as data, and an index of lazy
 * imports. Data modules keep the type check of thousands of procedures fast: the machine's
 * logic is type-checked once, in src/workflow/machine.ts.
 *
 * Escaping: every string from the catalogue enters TypeScript as a JSON string literal
 * (valid TypeScript, never code); text in comments has comment terminators and line breaks
 * neutralised. A property test round-trips hostile names through compilation.
 */

/** File name of a procedure's module (codes are `d.dddddd` with optional suffixes: safe in paths). */
export function moduleName(code: string): string {
  return code.replace(/[^0-9A-Za-z._-]/g, '_');
}

/** Text safe inside a `//` or `/** *\/` comment: one line, no comment terminator. */
export function commentSafe(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\*\//g, '*\\/');
}

/** A TypeScript string literal for any string (JSON is a subset of TS string literals). */
function literal(text: string): string {
  return JSON.stringify(text);
}

function union(values: readonly string[]): string {
  return values.length === 0 ? 'never' : [...new Set(values)].map(literal).join(' | ');
}

/** Renders the module of one procedure. */
export function renderWorkflowModule(ir: WorkflowIR, source: string): string {
  const facts = ir.facts.map((f) => {
    const type = f.type === 'boolean' ? 'boolean' : f.type === 'number' ? 'number' : union(f.options ?? []);
    return `  ${literal(f.name)}?: ${type};`;
  });
  const name = commentSafe(ir.name);
  return [
    banner(commentSafe(source)),
    '',
    "import { createWorkflowMachine, type MachineOptions, type WorkflowEvent, type WorkflowIR, type WorkflowMachine } from '../../src/workflow/index.js';",
    "import { holidayTable } from '../calendar.js';",
    '',
    `/** Component ids (thành phần hồ sơ) of ${commentSafe(ir.procedure)} — ${name}. */`,
    `export type ComponentId = ${union(ir.components.map((c) => c.id))};`,
    '',
    '/** Facts (câu hỏi) that decide conditional components and fees. */',
    facts.length === 0 ? 'export type Facts = Record<string, never>;' : `export type Facts = {\n${facts.join('\n')}\n};`,
    '',
    '/** Events a dossier of this procedure accepts. */',
    'export type Event = WorkflowEvent<ComponentId, Facts>;',
    '',
    `/** Workflow parameters of ${commentSafe(ir.procedure)}. */`,
    `export const workflow: WorkflowIR = ${JSON.stringify(ir, null, 2)};`,
    '',
    '/** The XState machine of this procedure; deadlines counted on the catalogue\'s holiday table unless `options` say otherwise. */',
    'export function createMachine(options: MachineOptions = {}): WorkflowMachine<ComponentId, Facts> {',
    '  return createWorkflowMachine<ComponentId, Facts>(workflow, { holidays: holidayTable, ...options });',
    '}',
    '',
  ].join('\n');
}

/** Renders the holiday table module. */
export function renderCalendarModule(table: HolidayTable, source: string): string {
  return [
    banner(commentSafe(source)),
    '',
    "import type { HolidayTable } from '../src/calendar/calendar.js';",
    '',
    '/** Days off of public agencies per year, from the catalogue\'s holiday table (procedures/registry). */',
    `export const holidayTable: HolidayTable = ${JSON.stringify(table, null, 2)};`,
    '',
  ].join('\n');
}

/** Renders every workflow file for a list of procedures (sorted by code). */
export function renderWorkflowFiles(entries: readonly { ir: WorkflowIR; source: string }[], table: HolidayTable, tableSource: string): GeneratedFile[] {
  const files: GeneratedFile[] = [{ path: 'calendar.ts', content: renderCalendarModule(table, tableSource) }];
  const sorted = [...entries].sort((a, b) => (a.ir.procedure < b.ir.procedure ? -1 : a.ir.procedure > b.ir.procedure ? 1 : 0));
  // One diagram per distinct lifecycle: most procedures share the same graph, so a diagram
  // file per procedure would repeat one text thousands of times. index.json maps each code to
  // its diagram.
  const diagrams = new Map<string, { body: string; codes: string[] }>();
  const diagramOf: Record<string, string> = {};
  for (const { ir, source } of sorted) {
    const name = moduleName(ir.procedure);
    files.push({ path: `workflows/${name}.ts`, content: renderWorkflowModule(ir, source) });
    const body = toMermaid(ir, 'vi').split('\n').filter((l) => !l.startsWith('%%')).join('\n');
    const file = `lifecycle-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.mmd`;
    const entry = diagrams.get(file) ?? { body, codes: [] };
    entry.codes.push(ir.procedure);
    diagrams.set(file, entry);
    diagramOf[ir.procedure] = file;
  }
  for (const [file, { body, codes }] of diagrams) {
    const who = codes.length === 1 ? `procedure ${codes[0] as string}` : `${codes.length} procedures, e.g. ${codes.slice(0, 3).join(', ')} (index.json lists them)`;
    files.push({ path: `diagrams/${file}`, content: `%% Code generated by \`tthc generate\` (src/generate/workflows.ts). DO NOT EDIT.\n%% The lifecycle of ${who}.\n${body}\n` });
  }
  files.push({
    path: 'diagrams/index.json',
    content: `${JSON.stringify({ '//': 'Code generated by `tthc generate` (src/generate/workflows.ts). DO NOT EDIT. The diagram file of each procedure code.', diagrams: diagramOf }, null, 1)}\n`,
  });
  files.push({
    path: 'workflows/index.ts',
    content: [
      banner('src/generate/workflows.ts'),
      '',
      '/** Lazy imports of every procedure\'s workflow module, by procedure code. */',
      'export const workflows = {',
      ...sorted.map(({ ir }) => `  ${literal(ir.procedure)}: () => import(${literal(`./${moduleName(ir.procedure)}.js`)}),`),
      '} as const;',
      '',
      '/** Procedure codes that have a workflow module. */',
      'export type ProcedureCode = keyof typeof workflows;',
      '',
      '/** The workflow module of one procedure: its `createMachine`, `workflow` parameters and types. */',
      'export type WorkflowModule<K extends ProcedureCode> = Awaited<ReturnType<(typeof workflows)[K]>>;',
      '',
      '/**',
      ' * Loads the workflow module of a procedure by its code, at run time (only that module is',
      ' * loaded). Typed per code when the code is a literal; `undefined` for a code without a',
      ' * workflow.',
      ' *',
      ' * @example',
      " * const birth = await machineFor('1.001193');",
      " * const machine = birth?.createMachine();",
      ' */',
      'export async function machineFor<K extends ProcedureCode>(code: K): Promise<WorkflowModule<K>>;',
      'export async function machineFor(code: string): Promise<WorkflowModule<ProcedureCode> | undefined>;',
      'export async function machineFor(code: string): Promise<WorkflowModule<ProcedureCode> | undefined> {',
      '  const load = (workflows as Record<string, (() => Promise<WorkflowModule<ProcedureCode>>) | undefined>)[code];',
      '  return load === undefined ? undefined : load();',
      '}',
      '',
    ].join('\n'),
  });
  return files;
}
