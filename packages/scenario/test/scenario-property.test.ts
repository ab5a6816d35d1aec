import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateScenario } from '../src/load/load';
import { parseYamlSource } from '../src/load/yaml-source';

// Objects need no files: data.files names a map the checks look up, so only the schema and positions are exercised.
const KEYS = ['name', 'description', 'data', 'universe', 'events', 'study', 'strategies', 'costs', 'capital', 'sizing', 'seed', 'outputs', 'related', 'period'];

describe('scenario parsing (property)', () => {
  it('reports a bad minEstimation at its own line, whatever comes before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 6 }), (v, blank) => {
        const pad = '\n'.repeat(blank);
        const text = `name: p\n${pad}study:\n  window: [-5, 5]\n  minEstimation: ${v}\n`;
        const { problems } = validateScenario(parseYamlSource(text, 'p.yaml').source!.data as object);
        const hit = problems.filter((p) => p.field === 'study.minEstimation');
        expect(hit.length).toBe(v >= 2 ? 0 : 1);
        // With the text, the same problem carries the line: 1 (name) + blank lines + 3.
        const src = parseYamlSource(text, 'p.yaml').source!;
        expect(src.lineOf(['study', 'minEstimation'])).toBe(4 + blank);
      }),
    );
  });

  it('flags any unknown top-level key, and only that one', () => {
    const word = fc.stringMatching(/^[a-z][a-zA-Z]{2,12}$/).filter((k) => !KEYS.includes(k));
    fc.assert(
      fc.property(word, (k) => {
        const r = validateScenario({ name: 'x', data: { benchmark: 'SPY', files: {} }, events: { list: [] }, [k]: 1 });
        const unknown = r.problems.filter((p) => p.code === 'SCENARIO_UNKNOWN_KEY');
        expect(unknown.map((p) => p.field)).toEqual([k]);
      }),
    );
  });

  it('keeps every value of a valid window through validation', () => {
    fc.assert(
      fc.property(fc.integer({ min: -300, max: -20 }), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 10 }), (e0, gapLen, w1) => {
        const est: [number, number] = [e0, -gapLen - 1];
        const r = validateScenario({ name: 'x', data: { benchmark: 'SPY', files: {} }, events: { list: [] }, study: { estimation: est, window: [-gapLen, w1], car: [[0, w1]] } });
        const schema = r.problems.filter((p) => p.field?.startsWith('study'));
        expect(schema).toEqual([]);
        expect(r.scenario?.study.estimation).toEqual(est);
      }),
    );
  });
});
