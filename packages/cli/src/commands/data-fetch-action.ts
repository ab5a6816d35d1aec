import { formatProblem, isAftershockError } from '@aftershock/core';
import { fetchToCache, replayFetch } from '@aftershock/data';
import { EXIT_INVALID_INPUT, EXIT_RUN_FAILED } from '../exit-codes';
import type { FetchOptions } from './data-fetch';

/** Runs `data fetch`: prints a line per symbol, the warnings and where the cache is; a failure sets exit 1 (2 for bad arguments). */
export async function fetchData(symbols: readonly string[], opts: FetchOptions, replay: string | undefined): Promise<void> {
  const out = (s: string): void => void process.stdout.write(s);
  const now = new Date();
  try {
    const res = await fetchToCache(symbols, {
      from: opts.from,
      to: opts.to ?? now.toISOString().slice(0, 10),
      out: opts.out,
      now,
      ...(replay ? { fetch: replayFetch(replay) } : {}),
      onSymbol: (r) => {
        const divs = r.dividends ? r.dividends.trimEnd().split('\n').length - 1 : 0;
        out(`${r.symbol.padEnd(8)} ${r.bars} bars ${r.first} .. ${r.last}, ${divs} dividends, ${r.splits.length} splits, ${r.earnings.length} earnings dates\n`);
      },
    });
    const warnings = res.symbols.flatMap((r) => r.warnings);
    if (warnings.length > 0) out(`${warnings.length} warning(s):\n${warnings.map((w) => `  ${w}\n`).join('')}`);
    out(`Wrote ${res.symbols.length} symbol(s) to ${res.dir}\n`);
    out(`Use it as a data root: AFTERSHOCK_DATA=${res.dir} (or --root, or data.root in a scenario); calendars in ${res.dir}/events/\n`);
  } catch (e) {
    if (!isAftershockError(e)) throw e;
    process.stderr.write(`aftershock: ${formatProblem(e.toProblem())}\n`);
    if (e.code !== 'FETCH_BAD_ARGUMENT') process.stderr.write('aftershock: nothing was written.\n');
    process.exitCode = e.code === 'FETCH_BAD_ARGUMENT' ? EXIT_INVALID_INPUT : EXIT_RUN_FAILED;
  }
}
