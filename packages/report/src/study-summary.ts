import type { StudyGroup } from './result-types';

/** One line per group: N, day-0 AAR with the t-test, the CAAR at the end of the window, the first CAR test. */
export interface GroupSummary {
  readonly name: string;
  readonly n: number;
  readonly aar0: number | null;
  readonly t0: number | null;
  readonly t0Signif: string;
  readonly caarEnd: number | null;
  readonly carTest: StudyGroup['carTests'][number] | undefined;
}

export function groupSummaries(groups: readonly StudyGroup[]): GroupSummary[] {
  return groups.map((g) => {
    const day0 = g.aar.find((a) => a.offset === 0);
    const row = g.tests.rows.find((r) => r.offset === 0);
    const ti = g.tests.tests.indexOf('t-test');
    return {
      name: g.name,
      n: g.n,
      aar0: day0?.aar ?? null,
      t0: ti >= 0 ? (row?.stats[ti] ?? null) : null,
      t0Signif: ti >= 0 ? (row?.signif[ti] ?? '') : '',
      caarEnd: g.aar[g.aar.length - 1]?.caar ?? null,
      carTest: g.carTests[0],
    };
  });
}
