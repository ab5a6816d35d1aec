import { runBacktest, type Strategy } from '@aftershock/engine';
import { peakRssMb, timeBest, type Figure } from '../figure';
import { barCount, engineUniverse } from './engine-universe';

/**
 * `engine.replay.universe`: a do-nothing strategy (it walks every slice of every phase and touches each bar
 * index) replayed through the engine over the whole universe: 360 symbols, 610,589 bars, 2019–2026, four
 * messages per session. Baseline: a plain loop over the same typed arrays reading every close.
 */
export const engineReplayUniverse: Figure = {
  name: 'engine.replay.universe',
  unit: 'bars/s',
  description: 'do-nothing strategy replayed over the 360-ticker universe vs a plain typed-array loop',
  async run() {
    const universe = engineUniverse();
    const bars = barCount(universe);
    let seen = 0;
    let messages = 0;
    const ours = (): void => {
      let n = 0;
      const nothing: Strategy = {
        name: 'do-nothing',
        onBar(msg) {
          for (let k = msg.slice.start; k < msg.slice.end; k++) n += msg.slice.bars[k]! >= 0 ? 1 : 0;
        },
      };
      const r = runBacktest({ source: universe, initialCash: 0, strategy: nothing });
      seen = n;
      messages = r.stats.messages;
    };
    let checksum = 0;
    const plain = (): void => {
      let sum = 0;
      for (const s of universe) {
        const c = s.close;
        for (let i = 0; i < s.length; i++) sum += c[i]!;
      }
      checksum = sum;
    };
    const tPlain = await timeBest(plain, 5);
    const tOurs = await timeBest(ours, 5);
    if (seen !== bars) throw new Error(`the engine replayed ${seen} bars, the universe has ${bars}`);
    return {
      value: bars / tOurs,
      baseline: bars / tPlain,
      extra: { bars, symbols: universe.length, messages, oursMs: Math.round(tOurs * 1000), plainMs: +(tPlain * 1000).toFixed(2), checksum: Math.round(checksum), peakRssMb: peakRssMb() },
    };
  },
};
