import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleStudy, fitStudyShard, prepareStudy, runStudy, ShardGatherer } from '@aftershock/study';
import { loadScenario } from '../src/index';
import { scenarioCalendar } from '../src/run/calendar';
import { loadInputs } from '../src/run/inputs';
import { fitScenarioShard, scenarioStudies } from '../src/run/scenario-study';
import { readFactorFiles, studyConfig } from '../src/run/study-config';
import { tryStudy } from '../src/run/study-result';
import { decodeShard } from '../src/run/study-shard-codec';
import { planShards } from '../src/run/study-shards';

/* The worker's side of a scenario's study shard (fitScenarioShard): the shard fitStudyShard gives, or the fit's coded error as a value. */
const FOCUS = new URL('../../../../shared/data/real/backtester39/focus', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'aftershock-scenario-shard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TWO = 'events: { list: [{ symbol: CRWV, date: 2025-08-12, kind: earnings }, { symbol: NVDA, date: 2025-08-13, kind: earnings }] }';

async function setUp(study: string, events = TWO) {
  const f = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, `name: v\ndata: { benchmark: SPY, root: ${FOCUS} }\n${events}\nstudy:\n${study}`);
  const s = loadScenario(f);
  const cal = await scenarioCalendar(s);
  const inputs = await loadInputs(s, cal);
  const input = { prices: inputs.prices, market: inputs.benchmark, events: inputs.events, calendar: cal };
  return { s, input, events: inputs.events.map((e, index) => ({ index, symbol: e.symbol, date: e.date, timing: e.timing, kind: e.kind })) };
}

describe('fitScenarioShard', () => {
  it('sends back the shard fitStudyShard gives, bit for bit', async () => {
    const { s, input, events } = await setUp('  estimation: [-60, -11]\n  window: [-5, 5]\n');
    const out = fitScenarioShard(s, input, events);
    if (!('shard' in out)) throw new Error(`expected a shard, got ${JSON.stringify(out)}`);
    const config = studyConfig(s);
    const want = fitStudyShard(prepareStudy(input.market, config, input.calendar), config, input.prices, events);
    expect(decodeShard(out.shard)).toEqual(want);
    expect(want.kept.length).toBe(2);
    // Without a queue the studies are the local ones.
    expect((await scenarioStudies(s, input)).studies).toEqual([tryStudy(input, config).result]);
  });

  it("returns the fit's coded error (calendar-time windows that differ per event) for the client to raise", async () => {
    // `validate` refuses such windows at their line; a worker still reports what the fit throws, as a value.
    const { s, input, events } = await setUp('  car: [[0, 0]]\n');
    const dated = { ...s, study: { ...s.study, estimation: { from: '2025-05-01', to: '2025-07-31' }, window: { from: '2025-08-05', to: '2025-08-20' } } } as typeof s;
    expect(fitScenarioShard(dated, input, events)).toEqual({ error: { code: 'BAD_WINDOW', field: 'estimation', message: expect.stringContaining('calendar-time windows give different relative sessions for NVDA 2025-08-13') } });
  });
});

describe('ShardGatherer', () => {
  const EARNINGS = new URL('../../../data/earnings.csv', import.meta.url).pathname;
  const FACTORS = new URL('../../../../shared/data/real/factors/', import.meta.url).pathname;
  const STUDIES = {
    'the market model with calendar time': '  calendarTime: true\n',
    'carhart (four factor betas, S⁻¹ and offsets per event)': `  model: carhart\n  factors: [${FACTORS}F-F_Research_Data_Factors_daily.csv, ${FACTORS}F-F_Momentum_Factor_daily.csv]\n`,
  };
  for (const [name, extra] of Object.entries(STUDIES)) {
    it(`shards arriving in any order give the unsharded study, with exclusions, confounders and groups: ${name}`, async () => {
      const { s, input: base, events } = await setUp(`  estimation: [-120, -11]\n  window: [-3, 3]\n  car: [[0, 0], [-1, 1]]\n${extra}`, `events: { files: [${EARNINGS}] }`);
      const input = { ...base, ...(s.study.factors ? { factors: readFactorFiles(s.study.factors) } : {}) };
      const config = studyConfig(s, 'symbol');
      const want = runStudy(input, config);
      expect(want.excluded.length).toBeGreaterThan(0);
      expect(want.groups.length).toBeGreaterThan(1);
      if (s.study.factors) expect(Object.keys(want.events[0]!.model.factorBetas!)).toHaveLength(4);
      const setup = prepareStudy(input.market, config, input.calendar, input.factors);
      // Four shards with their events interleaved in input order (every fourth event), and the per-symbol plan's.
      const shards = [0, 1, 2, 3].map((k) => fitStudyShard(setup, config, input.prices, events.filter((_, i) => i % 4 === k)));
      const bySymbol = planShards(input.events, 4).map((evs) => fitStudyShard(setup, config, input.prices, evs));
      const g0 = new ShardGatherer(input.events.length);
      bySymbol.forEach((sh, i) => g0.add(sh, i));
      expect(assembleStudy(setup, config, input.events, g0.finish())).toEqual(want);
      // Forward, backward, and a fixed interleaving.
      const orders = [shards.map((_, i) => i), shards.map((_, i) => shards.length - 1 - i), shards.map((_, i) => (i * 3) % shards.length)];
      for (const order of orders) {
        expect(new Set(order).size).toBe(shards.length);
        const g = new ShardGatherer(input.events.length);
        for (const i of order) g.add(shards[i]!, i);
        expect(assembleStudy(setup, config, input.events, g.finish())).toEqual(want);
      }
    });
  }
});
