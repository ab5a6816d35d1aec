import type { CarTest, SessionWindow } from './result-types';

/** CAR tests with one row per window and one column per test (CAAR from the first test that has it). */
export function pivotCarTests(tests: readonly CarTest[]): { names: string[]; rows: { window: SessionWindow; caar: number | null; cells: (CarTest | undefined)[] }[] } {
  const names = [...new Set(tests.map((t) => t.test))];
  const keys: string[] = [];
  const byKey = new Map<string, CarTest[]>();
  for (const t of tests) {
    const k = `${t.window[0]},${t.window[1]}`;
    if (!byKey.has(k)) {
      keys.push(k);
      byKey.set(k, []);
    }
    byKey.get(k)!.push(t);
  }
  const rows = keys.map((k) => {
    const list = byKey.get(k)!;
    return { window: list[0]!.window, caar: list.find((t) => t.caar !== null)?.caar ?? null, cells: names.map((n) => list.find((t) => t.test === n)) };
  });
  return { names, rows };
}
