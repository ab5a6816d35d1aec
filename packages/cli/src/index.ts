export { buildProgram, runCli, VERSION } from './program';
export { EXIT_INVALID_INPUT, EXIT_OK, EXIT_RUN_FAILED } from './exit-codes';
export { reportFailure } from './fail';
