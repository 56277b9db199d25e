// Runs the tthc command line from the TypeScript sources in a child process (node --import tsx),
// so process tests need no build and never race a build of dist/.
import { main } from '../../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
