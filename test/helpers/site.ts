import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleBrowser } from '../../src/site/bundle.js';

let assets: Promise<string> | undefined;

/**
 * The browser scripts bundled fresh from src/ (not the dist/ of the last build), so the
 * site tests test the code as it is now. Bundled once per test process.
 */
export function freshAssets(): Promise<string> {
  assets ??= (async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tthc-site-assets-'));
    await bundleBrowser(dir);
    return dir;
  })();
  return assets;
}
