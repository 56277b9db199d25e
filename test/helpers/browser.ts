import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, installed by .ci/ensure-chromium.sh (never downloaded). */
export const CHROMIUM = '/usr/bin/chromium';

const MERMAID = path.resolve(import.meta.dirname, '../../node_modules/mermaid/dist/mermaid.min.js');

/** Launches headless chromium with the flags this workplace requires. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run "bash .ci/ensure-chromium.sh" (npm test does it first).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Renders Mermaid source to SVG in the browser; throws Mermaid's parse or render error. */
export async function renderMermaid(browser: Browser, sources: readonly string[]): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID });
    return await page.evaluate(async (texts) => {
      const m = (globalThis as unknown as { mermaid: { initialize(o: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict' });
      const out: string[] = [];
      for (let i = 0; i < texts.length; i++) out.push((await m.render(`d${i}`, texts[i] as string)).svg);
      return out;
    }, [...sources]);
  } finally {
    await page.close();
  }
}
