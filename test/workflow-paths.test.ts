import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/catalogue.js';
import { buildWorkflow, type WorkflowIR } from '../src/workflow/ir.js';
import { lifecycle } from '../src/workflow/lifecycle.js';
import { createWorkflowMachine } from '../src/workflow/machine.js';
import { analysePaths } from '../src/workflow/paths.js';

/**
 * Path tests with xstate/graph over every procedure of the bundled catalogue.
 *
 * Every procedure's machine is built. Machines whose lifecycle graph is the same (same
 * states, transitions, guards and actions; only names and periods differ) behave the same
 * under the path properties, so the graph is walked once per distinct lifecycle and every
 * procedure is checked to have exactly its group's graph.
 */

const ROOT = path.resolve(import.meta.dirname, '..');

/** The lifecycle with its labels removed: what the path properties depend on, plus the supplement limit. */
function structure(ir: WorkflowIR): string {
  const graph = lifecycle(ir);
  return JSON.stringify([ir.supplementLimit, ir.channels, ir.components.some((c) => c.required === true), graph.states.map((s) => [s.id, s.final, s.clock, s.on])]);
}

function check(ir: WorkflowIR): void {
  const report = analysePaths(ir, createWorkflowMachine(ir));
  expect(report.unreached, `${ir.procedure}: states never reached`).toEqual([]);
  expect(report.deadEnds, `${ir.procedure}: states from which no outcome is reachable`).toEqual([]);
  expect(report.pathToReturned, `${ir.procedure}: a path to "returned"`).not.toBeNull();
  expect(report.reached).toEqual(expect.arrayContaining(['returned', 'refused', 'rejected', 'withdrawn', 'stopped']));
  expect(report.maxSupplementRequests, `${ir.procedure}: supplement limit`).toBe(ir.supplementLimit);
}

describe('path tests over the bundled catalogue (xstate/graph)', () => {
  const catalogue = loadCatalogue({ paths: ['procedures'], cwd: ROOT });
  const groups = new Map<string, WorkflowIR[]>();
  for (const code of catalogue.procedures.keys()) {
    const resolved = catalogue.resolve(code);
    if (resolved === undefined) continue;
    const ir = buildWorkflow(resolved.procedure);
    createWorkflowMachine(ir); // every procedure compiles
    const key = structure(ir);
    groups.set(key, [...(groups.get(key) ?? []), ir]);
  }

  it('covers every procedure', () => {
    const total = [...groups.values()].reduce((n, g) => n + g.length, 0);
    expect(total).toBe(catalogue.procedures.size);
    expect(total).toBeGreaterThan(2000);
  });

  it.each([...groups.values()].map((g) => [g[0]?.procedure ?? '', g.length, g[0] as WorkflowIR] as const))(
    'lifecycle of %s (and %i procedures like it): every state reached, no dead end, "returned" reachable, supplement limit held',
    (_code, _count, ir) => {
      check(ir);
    },
  );

  it.each([
    ['4 tại chỗ', { fourOnSpot: true }],
    ['three interconnected stages, two supplement notices', {
      supplementLimit: 2,
      stages: [
        { id: 'a', name: 'Giai đoạn 1', level: 'commune', budget: { value: 1, unit: 'working-days' as const } },
        { id: 'b', name: 'Giai đoạn 2', level: 'commune' },
        { id: 'c', name: 'Giai đoạn 3', level: 'province', budget: { value: 2, unit: 'days' as const } },
      ],
    }],
    ['fully online, no supplement allowed', { online: 'full' as const, supplementLimit: 0 }],
    ['online only', { channels: ['online' as const] }],
  ])('a synthetic lifecycle (%s) holds the same properties', (_name, over) => {
    const base: WorkflowIR = {
      version: 1, procedure: '9.999999', name: 'x', channels: ['in-person', 'online'], online: 'partial', fourOnSpot: false,
      supplementLimit: 1, supplementLimitStated: true, periods: { 'in-person': { value: 5, unit: 'working-days' }, online: { value: 5 } },
      stages: [], components: [{ id: 'don', name: 'Đơn', kind: 'submit', required: true }], cases: [], facts: [],
    };
    check({ ...base, ...over });
  });
});
