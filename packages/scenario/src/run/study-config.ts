import { readFileSync } from 'node:fs';
import { AftershockError } from '@aftershock/core';
import { mergeFactors, parseFrenchFactors, type FactorTable, type StudyConfig, type WindowSpec } from '@aftershock/study';
import type { Scenario } from '../load/scenario';

type WindowInput = Scenario['study']['estimation'] | Scenario['study']['window'];

function spec(w: WindowInput, eventStart: number): WindowSpec {
  if (Array.isArray(w)) return { start: w[0] as number, end: w[1] as number };
  if ('length' in w) return { start: eventStart - w.gap - w.length, end: eventStart - w.gap - 1 };
  return { startDate: w.from, endDate: w.to };
}

/** The event-study settings of a scenario, in @aftershock/study's terms. */
export function studyConfig(s: Scenario, groupBy?: string): StudyConfig {
  const st = s.study;
  const eventStart = Array.isArray(st.window) ? (st.window[0] as number) : 0;
  return {
    estimation: spec(st.estimation, eventStart),
    event: spec(st.window, eventStart),
    carWindows: st.car.map((c) => ({ start: c[0], end: c[1] })),
    model: st.model,
    returns: st.returns,
    profile: st.profile,
    price: s.data.dividends === 'total-return' ? 'adjClose' : 'close',
    minEstimation: st.minEstimation,
    nonSession: st.nonSession,
    unknownTiming: st.unknownTiming,
    bootstrap: { samples: 1000, seed: s.seed, level: 0.95 },
    excludeConfounded: st.excludeConfounded,
    ...(st.volume ? { volume: st.volume } : {}),
    ...(st.calendarTime === undefined ? {} : { calendarTime: { lag: st.calendarTime.lag, ...(st.calendarTime.window ? { window: { start: st.calendarTime.window[0], end: st.calendarTime.window[1] } } : {}) } }),
    ...(groupBy !== undefined ? { groupBy } : {}),
  };
}

/** Reads Ken French's daily factor files in place and merges them (e.g. FF3 and momentum for carhart). */
export function readFactorFiles(paths: readonly string[]): FactorTable {
  return mergeFactors(
    paths.map((p) => {
      let text: string;
      try {
        text = readFileSync(p, 'utf8');
      } catch {
        throw new AftershockError('FILE_NOT_FOUND', `factor file ${p} cannot be read`, { file: p, field: 'factors' });
      }
      return parseFrenchFactors(text, p);
    }),
  );
}
