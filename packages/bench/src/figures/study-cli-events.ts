import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@aftershock/cli';
import { xnysCalendar } from '@aftershock/core';
import { runStudy } from '@aftershock/study';
import { peakRssMb, timeBestInterleaved, type Figure } from '../figure';
import { universeStudyInputs } from './draw-events';

const EVENTS = 5000;

/**
 * `study.cli.events`: the `aftershock study` command's whole job on 5,000 seeded events of the 360-ticker universe
 * (read the events file, load the prices it needs from the universe folder, market model with every test, write
 * every table to a temporary folder) against `runStudy` alone on the same events, preloaded, in the same run (best of
 * 5 interleaved rounds each). The ratio is the share of the command's time that is the study itself (1 = nothing
 * else costs anything).
 * `study.cli.events.all` is the same with `--ar-rows all` (ar.csv with every estimation row: 1.28 M rows).
 */
function studyCliFigure(name: string, arRows: 'event' | 'all'): Figure {
  return {
    name,
    unit: 'events/s',
    description: `\`aftershock study\` on 5,000 events, tables written (market model, every test${arRows === 'all' ? ', ar.csv with every estimation row' : ''}) vs runStudy alone on the same events`,
    async run() {
      const { root, universe, market, events } = universeStudyInputs(EVENTS);
      const work = mkdtempSync(join(tmpdir(), 'aftershock-bench-study-'));
      try {
        const file = join(work, 'events.csv');
        writeFileSync(file, 'symbol,event_date,timing\n' + events.map((e) => `${e.symbol},${e.date},before-open`).join('\n') + '\n');
        const args = ['study', '--prices', join(root.dir, 'universe', 'prices'), '--events', file, '--market', 'SPY', '--ar-rows', arRows, '--out', join(work, 'out')];
        const cal = xnysCalendar();
        let code = 0;
        const cli = async (): Promise<void> => {
          // The command prints two lines; keep them off the bench's own output.
          const write = process.stdout.write.bind(process.stdout);
          process.stdout.write = () => true;
          try {
            code = await runCli(args);
          } finally {
            process.stdout.write = write;
          }
          if (code !== 0) throw new Error(`aftershock study exited ${code}`);
        };
        const alone = (): void => void runStudy({ prices: universe, market, events, calendar: cal }, { estimation: { start: -250, end: -11 }, event: { start: -5, end: 5 } });
        const [tAlone, tCli] = await timeBestInterleaved(alone, cli, 5);
        return {
          value: EVENTS / tCli,
          baseline: EVENTS / tAlone,
          extra: { events: EVENTS, cliMs: Math.round(tCli * 1000), runStudyMs: Math.round(tAlone * 1000), slowdown: Number((tCli / tAlone).toFixed(2)), peakRssMb: peakRssMb() },
        };
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  };
}

export const studyCliEvents = studyCliFigure('study.cli.events', 'event');
export const studyCliEventsAll = studyCliFigure('study.cli.events.all', 'all');
