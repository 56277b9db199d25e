// Bundles the site's browser scripts into dist/site (run by `npm run build`, after tsc).
// `tthc site` copies them into every site it writes.
import path from 'node:path';
import { bundleBrowser } from '../dist/src/site/bundle.js';

const root = path.resolve(import.meta.dirname, '..');
const bundles = await bundleBrowser(path.join(root, 'dist', 'site'));
for (const b of bundles) console.log(`dist/site/${b.file}  ${(b.bytes / 1024).toFixed(1)} KiB`);
