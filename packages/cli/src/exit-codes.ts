/** Process exit codes, documented in the README. */
export const EXIT_OK = 0;
/** The run started but failed (a bug, an I/O failure, an engine error). */
export const EXIT_RUN_FAILED = 1;
/** The input was invalid (scenario, data file, arguments); nothing was run or written. */
export const EXIT_INVALID_INPUT = 2;
