import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index';
import { EXIT_INVALID_INPUT, EXIT_OK } from './exit-codes';
import { reportFailure } from './fail';
import { VERSION } from './version';

export { VERSION };

/** Builds the `aftershock` program. Each command lives in its own file under commands/. */
export function buildProgram(): Command {
  const program = new Command('aftershock')
    .description('Event-driven stock-reaction backtester: event studies and strategies around earnings and lock-up expiries')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Runs the CLI with argv (without node and script) and returns the exit code; prints but never exits itself. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return Number(process.exitCode ?? EXIT_OK);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      return EXIT_INVALID_INPUT;
    }
    return reportFailure(e);
  }
}
