import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createActor } from 'xstate';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/catalogue.js';
import { calendarOf } from '../src/calendar/index.js';
import { buildWorkflow } from '../src/workflow/ir.js';
import { createWorkflowMachine, type DossierContext, type WorkflowEvent } from '../src/workflow/machine.js';

/**
 * Lifecycle scenarios written in YAML (test/scenarios/*.yaml), each named by the sentence it
 * proves. A step sends one event and may check the state and the context afterwards.
 * `components: [__all__]` stands for every component of the procedure.
 */

interface Step {
  send: Record<string, unknown> & { type: string };
  expect?: { state?: string; due?: string | null; appointment?: string | null; missing?: string[]; supplementRequests?: number; apologies?: number; stage?: string | null; stageDue?: string | null };
}
interface Scenario {
  name: string;
  procedure: string;
  steps: Step[];
}

const ROOT = path.resolve(import.meta.dirname, '..');
const DIR = path.join(ROOT, 'test/scenarios');
const catalogue = loadCatalogue({ paths: ['procedures/curated', 'procedures/registry'], cwd: ROOT });
const calendar = calendarOf(catalogue.registries);
const scenarios = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, ...(parse(readFileSync(path.join(DIR, f), 'utf8')) as Scenario) }));

describe('lifecycle scenarios', () => {
  it('exist', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(7);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const resolved = catalogue.resolve(scenario.procedure);
    expect(resolved, `procedure ${scenario.procedure}`).toBeDefined();
    const ir = buildWorkflow((resolved as NonNullable<typeof resolved>).procedure);
    const all = ir.components.map((c) => c.id);
    const actor = createActor(createWorkflowMachine(ir, { calendar })).start();
    scenario.steps.forEach((step, i) => {
      const event = { ...step.send } as Record<string, unknown>;
      for (const key of ['components', 'missing'] as const) {
        const list = event[key];
        if (Array.isArray(list) && list.includes('__all__')) event[key] = all;
      }
      actor.send(event as unknown as WorkflowEvent);
      const snap = actor.getSnapshot();
      const ctx = snap.context as DossierContext;
      const where = `${scenario.file} step ${i + 1} (${step.send.type})`;
      const e = step.expect;
      if (e === undefined) return;
      if (e.state !== undefined) expect(snap.value, where).toBe(e.state);
      if (e.due !== undefined) expect(ctx.due, where).toBe(e.due);
      if (e.appointment !== undefined) expect(ctx.appointment, where).toBe(e.appointment);
      if (e.missing !== undefined) expect(ctx.missing, where).toEqual(e.missing);
      if (e.supplementRequests !== undefined) expect(ctx.supplementRequests, where).toBe(e.supplementRequests);
      if (e.apologies !== undefined) expect(ctx.apologies.length, where).toBe(e.apologies);
      if (e.stage !== undefined) expect(ctx.stage, where).toBe(e.stage);
      if (e.stageDue !== undefined) expect(ctx.stageDue, where).toBe(e.stageDue);
    });
  });
});
