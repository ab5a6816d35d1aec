import type { ScenarioSpec } from './schema';

/** A validated scenario: defaults filled in, every path absolute (resolved against the scenario file's folder). */
export interface Scenario extends ScenarioSpec {
  /** The scenario file, when it came from one. */
  readonly file: string | undefined;
  /** The folder relative paths were resolved against. */
  readonly dir: string;
  /** Input files the run reads (scenario, calendars, relations), for provenance hashes. */
  readonly inputs: readonly string[];
}
