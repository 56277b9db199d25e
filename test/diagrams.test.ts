import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/catalogue.js';
import { buildWorkflow, type WorkflowIR } from '../src/workflow/ir.js';
import { lifecycle } from '../src/workflow/lifecycle.js';
import { toMermaid } from '../src/workflow/mermaid.js';
import { launch, renderMermaid } from './helpers/browser.js';

/**
 * The generated diagrams render: every distinct lifecycle of the bundled catalogue is drawn
 * by Mermaid in Debian's chromium (headless, through playwright-core), and so is a diagram
 * whose names are full of characters Mermaid treats specially.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('Mermaid diagrams render in a browser', () => {
  const catalogue = loadCatalogue({ paths: ['procedures'], cwd: ROOT });
  // One procedure per distinct lifecycle graph.
  const groups = new Map<string, WorkflowIR>();
  for (const code of catalogue.procedures.keys()) {
    const p = catalogue.resolve(code)?.procedure;
    if (p === undefined) continue;
    const ir = buildWorkflow(p);
    const key = JSON.stringify(lifecycle(ir).states.map((s) => [s.id, s.on.map((t) => [t.event, t.target, t.guard])]));
    if (!groups.has(key)) groups.set(key, ir);
  }

  it('draws one generated diagram of every distinct lifecycle, with its states', async () => {
    const irs = [...groups.values()];
    expect(irs.length).toBeGreaterThanOrEqual(4);
    // generated/ holds one diagram per distinct lifecycle, and index.json maps every code to it.
    const index = (JSON.parse(readFileSync(path.join(ROOT, 'generated/diagrams/index.json'), 'utf8')) as { diagrams: Record<string, string> }).diagrams;
    expect(Object.keys(index).length).toBe(catalogue.procedures.size);
    expect(new Set(irs.map((ir) => index[ir.procedure])).size).toBe(irs.length);
    expect(new Set(Object.values(index)).size).toBe(irs.length);
    const files = irs.map((ir) => readFileSync(path.join(ROOT, 'generated/diagrams', index[ir.procedure] as string), 'utf8'));
    const svgs = await renderMermaid(browser, files);
    svgs.forEach((svg, i) => {
      expect(svg.startsWith('<svg'), irs[i]?.procedure).toBe(true);
      expect(svg).toContain('Đã trả kết quả');
      expect(svg).toContain('Tiếp nhận, kiểm tra hồ sơ');
    });
    // An interconnected procedure shows its stages.
    const staged = irs.findIndex((ir) => ir.stages.length > 0);
    expect(staged).toBeGreaterThanOrEqual(0);
    expect(svgs[staged]).toContain(irs[staged]?.stages[0]?.name.slice(0, 20) ?? '∅');
  }, 120_000);

  it('keeps hostile stage names as text', async () => {
    const name = 'Giai đoạn "1"; #2 %% `x` ${y} */ <b>đậm</b>\nxuống dòng';
    const ir: WorkflowIR = {
      version: 1, procedure: '9.999999', name, channels: ['in-person'], online: 'partial', fourOnSpot: true,
      supplementLimit: 1, supplementLimitStated: true, periods: {}, components: [], cases: [], facts: [],
      stages: [{ id: 'a', name, level: 'commune' }, { id: 'b', name: 'Giai đoạn hai', level: 'province' }],
    };
    const [svg] = await renderMermaid(browser, [toMermaid(ir)]);
    expect(svg).toContain('Giai đoạn hai');
    expect(svg).not.toContain('<b>đậm</b>');
    expect(svg).toContain('đậm');
  }, 60_000);
});
