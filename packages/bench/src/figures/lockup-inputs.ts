import { join } from 'node:path';
import { findRepoRoot, loadEvents, loadUniverse, resolveDataRoot } from '@aftershock/data';

/** Every lock-up of data/lockups.csv and the bars of their stocks, read from the data root: the sweep figures' inputs. */
export function lockupInputs() {
  const events = loadEvents(join(findRepoRoot()!, 'data', 'lockups.csv'));
  const bars = [...loadUniverse(resolveDataRoot(), { symbols: [...new Set(events.map((e) => e.symbol))] }).values()];
  return { bars, events };
}
