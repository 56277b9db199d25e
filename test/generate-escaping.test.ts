import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { renderWorkflowModule } from '../src/generate/workflows.js';
import type { WorkflowIR } from '../src/workflow/ir.js';
import { lifecycle } from '../src/workflow/lifecycle.js';
import { toMermaid } from '../src/workflow/mermaid.js';

/**
 * Names from the catalogue end up in generated TypeScript and Mermaid. Whatever they
 * contain — quotes, backticks, `${`, `*\/`, newlines, line separators — they must come
 * back exactly as data and never become code.
 */

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom('"', "'", '`', '${', '}', '*/', '/*', '//', '\n', '\r\n', '\u2028', '\u2029', '\\', '</script>', '#', ';', '%%', 'Đăng ký', ' '), { maxLength: 12 }).map((parts) => parts.join('')),
);

function ir(name: string): WorkflowIR {
  return {
    version: 1, procedure: '1.000001', name, channels: ['in-person'], online: 'partial', fourOnSpot: false,
    supplementLimit: 1, supplementLimitStated: true, periods: { 'in-person': { value: 1, unit: 'working-days' } },
    stages: [{ id: 'a', name, level: 'commune' }],
    components: [{ id: 'don', name, kind: 'submit', required: true }],
    cases: [{ id: 'k', name }],
    facts: [{ name: 'f', type: 'enum', options: ['x'] }],
  };
}

/** Evaluates a transpiled CommonJS module with stub imports; returns its exports. */
function evaluate(js: string): Record<string, unknown> {
  const exports: Record<string, unknown> = {};
  const stubs: Record<string, unknown> = {
    '../../src/workflow/index.js': { createWorkflowMachine: () => 'machine' },
    '../calendar.js': { holidayTable: { years: {} } },
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('exports', 'require', js)(exports, (id: string) => stubs[id]);
  return exports;
}

describe('generated code escapes catalogue text', () => {
  it('a workflow module keeps any name as data (fast-check)', () => {
    fc.assert(
      fc.property(hostile, (name) => {
        const source = renderWorkflowModule(ir(name), `procedures/${name}.yaml`);
        const file = ts.createSourceFile('m.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
        const K = ts.SyntaxKind;
        expect(file.statements.map((s) => s.kind)).toEqual([
          K.ImportDeclaration, K.ImportDeclaration, K.TypeAliasDeclaration, K.TypeAliasDeclaration, K.TypeAliasDeclaration,
          K.VariableStatement, K.FunctionDeclaration,
        ]);
        const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 }, reportDiagnostics: true });
        expect(out.diagnostics ?? []).toEqual([]);
        const exported = evaluate(out.outputText);
        expect(exported['workflow']).toEqual(ir(name));
        expect((exported['createMachine'] as () => unknown)()).toBe('machine');
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it('a Mermaid diagram keeps its structure whatever the stage names', () => {
    fc.assert(
      fc.property(hostile, (name) => {
        const text = toMermaid(ir(name));
        const lines = text.trimEnd().split('\n');
        const graph = lifecycle(ir(name));
        const transitions = graph.states.reduce((n, s) => n + s.on.length, 0);
        const finals = graph.states.filter((s) => s.final).length;
        expect(lines.length).toBe(3 + graph.states.length + transitions + finals);
        expect(lines[0]?.startsWith('%% ')).toBe(true);
        for (const line of lines.slice(3, 3 + graph.states.length)) expect(line).toMatch(/^ {2}state "[^"\n\r]*" as [A-Za-z_]\w*$/);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});
