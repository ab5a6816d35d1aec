import { runCli } from './program';

// The only place that exits the process.
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
