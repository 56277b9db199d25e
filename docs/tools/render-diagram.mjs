// Renders generated Mermaid diagrams to SVG files with Debian's chromium (playwright-core),
// for the README and docs:  npm run docs:diagram [-- <code> …]   (default: 2.000908)
// Labels are plain SVG text (no HTML), so the files display anywhere an <img> does.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../..');
const codes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['2.000908'];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: path.join(root, 'node_modules/mermaid/dist/mermaid.min.js') });
  mkdirSync(path.join(root, 'docs/diagrams'), { recursive: true }); // inside the repository: a normal folder
  const index = JSON.parse(readFileSync(path.join(root, 'generated/diagrams/index.json'), 'utf8')).diagrams;
  for (const code of codes) {
    if (index[code] === undefined) throw new Error(`no procedure ${code} in generated/diagrams/index.json`);
    const source = readFileSync(path.join(root, 'generated/diagrams', index[code]), 'utf8');
    const svg = await page.evaluate(async (text) => {
      const m = globalThis.mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false }, state: { htmlLabels: false } });
      return (await m.render('diagram', text)).svg;
    }, source);
    const out = path.join(root, 'docs/diagrams', `${code}.svg`);
    writeFileSync(out, `${svg}\n`);
    console.log(`wrote ${path.relative(root, out)}`);
  }
} finally {
  await browser.close();
}
