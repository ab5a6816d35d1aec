import { peakRssMb, timeBest, type Figure } from '../figure';
import type { BacktestResult } from '@aftershock/engine';
import { plainSmaCross, runSmaCross } from '../sma-cross';
import { timeOrderedSmaCross } from '../time-ordered-sma-cross';
import { barCount, engineUniverse } from './engine-universe';

/**
 * `engine.sma-cross.universe`: SMA(20)/SMA(50) long-only crossover on all 360 symbols (610,589 bars) through the
 * engine (slices, history views, broker, portfolio; $10,000 per entry, market-on-close) vs the same rule as a
 * plain typed-array loop. The engine's entry count must equal the loop's. Printed beside it: the same rule as a bare
 * loop in time order (session by session, no engine), the floor of any event-driven loop over this universe, and the
 * engine's ratio to that (`timeOrderedMs`, `ratioTimeOrdered`).
 */
export const engineSmaCrossUniverse: Figure = {
  name: 'engine.sma-cross.universe',
  unit: 'bars/s',
  description: 'SMA(20)/SMA(50) crossover on 360 symbols through the engine vs a plain typed-array loop',
  async run() {
    const universe = engineUniverse();
    const bars = barCount(universe);
    // The timed run is the backtest alone; its fills are counted (made into objects) after the timing.
    let last: BacktestResult | undefined;
    const ours = (): void => {
      last = runSmaCross(universe);
    };
    let plain = { entries: 0, pnl: 0 };
    const tPlain = await timeBest(() => {
      plain = plainSmaCross(universe);
    }, 5);
    const tOurs = await timeBest(ours, 3);
    let timeOrdered = { entries: 0, pnl: 0 };
    const tTimeOrdered = await timeBest(() => {
      timeOrdered = timeOrderedSmaCross(universe);
    }, 5);
    if (timeOrdered.entries !== plain.entries) throw new Error(`time-ordered loop entries ${timeOrdered.entries} vs plain loop ${plain.entries}`);
    const fills = last!.fills.length;
    const entries = last!.fills.filter((f) => f.side === 'buy').length;
    const rejections = last!.rejections.length;
    if (entries !== plain.entries || rejections !== 0) throw new Error(`engine entries ${entries} (rejections ${rejections}) vs plain loop ${plain.entries}`);
    return {
      value: bars / tOurs,
      baseline: bars / tPlain,
      extra: {
        bars,
        fills,
        entries,
        oursMs: Math.round(tOurs * 1000),
        plainMs: +(tPlain * 1000).toFixed(2),
        timeOrderedMs: +(tTimeOrdered * 1000).toFixed(2),
        ratioTimeOrdered: +(tTimeOrdered / tOurs).toFixed(3),
        peakRssMb: peakRssMb(),
      },
    };
  },
};
