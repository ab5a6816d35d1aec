import type { RunResult } from '@aftershock/report';
/** The tables of a result as danfo.js DataFrames (danfojs-node is loaded on first use: it takes about a second). */
export interface ResultFrames {
    /** One row per event: id, symbol, kind, dates, day-0 return and AR, one `car_a_b` column per CAR window. */
    readonly events: import('danfojs-node').DataFrame;
    /** One row per event-window day of every study group: group, offset, n, aar, caar. */
    readonly aar: import('danfojs-node').DataFrame;
    /** One row per strategy with its metrics. */
    readonly strategies: import('danfojs-node').DataFrame;
    /** One row per trade of every strategy. */
    readonly trades: import('danfojs-node').DataFrame;
    /** One row per (event, related symbol) pair. */
    readonly spillovers: import('danfojs-node').DataFrame;
}
/** The row objects behind each frame (plain data; usable without danfo). */
export declare function resultRows(r: RunResult): Record<keyof ResultFrames, Record<string, string | number | boolean>[]>;
/**
 * Converts a result to danfo.js DataFrames for your own analysis. danfojs-node is imported lazily, so code that
 * never calls this never pays for it. An empty table becomes a frame with no rows.
 *
 * @example const { events } = await toDataFrames(runScenario('scenarios/coreweave-2025.yaml').result); events.print();
 */
export declare function toDataFrames(r: RunResult): Promise<ResultFrames>;
