import { runBacktest, streamingSource, type Strategy } from '@aftershock/engine';
import { peakRssMb, timeBest, type Figure } from '../figure';
import { barCount, engineUniverse } from './engine-universe';

/**
 * `engine.replay.universe`: a do-nothing strategy (it walks every slice of every phase and touches each bar
 * index) replayed through the engine over the whole universe: 360 symbols, 610,589 bars, 2019–2026, four
 * messages per session. Baseline: a plain loop over the same typed arrays reading every close. Extra: the same
 * replay from a streaming source (bars handed over one row at a time as the clock reaches them).
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
    let streamed = 0;
    const ours = (stream = false): void => {
      let n = 0;
      const nothing: Strategy = {
        name: 'do-nothing',
        onBar(msg) {
          for (let k = msg.slice.start; k < msg.slice.end; k++) n += msg.slice.bars[k]! >= 0 ? 1 : 0;
        },
      };
      const r = runBacktest({ source: stream ? streamingSource(universe) : universe, initialCash: 0, strategy: nothing });
      if (stream) {
        streamed = n;
        return;
      }
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
    const tOurs = await timeBest(() => ours(), 5);
    const tStream = await timeBest(() => ours(true), 3);
    if (seen !== bars || streamed !== bars) throw new Error(`the engine replayed ${seen} bars (streaming ${streamed}), the universe has ${bars}`);
    return {
      value: bars / tOurs,
      baseline: bars / tPlain,
      extra: { bars, symbols: universe.length, messages, streamingBarsPerSec: Math.round(bars / tStream), oursMs: Math.round(tOurs * 1000), plainMs: +(tPlain * 1000).toFixed(2), checksum: Math.round(checksum), peakRssMb: peakRssMb() },
    };
  },
};
