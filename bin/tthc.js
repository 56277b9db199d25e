#!/usr/bin/env node
// Entry point of the `tthc` command. The TypeScript sources are compiled to dist/ by
// `npm install` (the `prepare` script) or `npm run build`.
let main;
try {
  ({ main } = await import('../dist/src/cli/main.js'));
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/src/cli/main.js')) {
    process.stderr.write(
      'tthc: chưa biên dịch (thiếu dist/). Chạy "npm ci" hoặc "npm run build" trong thư mục tthc.\n' +
        'tthc: not built yet (dist/ is missing). Run "npm ci" or "npm run build" in the tthc folder.\n',
    );
    process.exit(2);
  }
  throw error;
}

process.exitCode = await main(process.argv.slice(2));
