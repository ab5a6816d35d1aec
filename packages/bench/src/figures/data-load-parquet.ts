import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestParquet, listSymbols, loadSymbol, readParquetPrices, resolveDataRoot } from '@aftershock/data';
import { peakRssMb, type Figure } from '../figure';

/**
 * `data.load.parquet`: every series of the data root read from a Parquet store (written once by `ingestParquet`
 * from the same root, not timed in the rate) through DuckDB, vs the same series from their CSV files (`loadSymbol`),
 * interleaved in the same run, best of 5. Extras: the ingest time and file size, and five symbols read with the
 * symbol filter pushed down vs the same five from CSV.
 */
export const dataLoadParquet: Figure = {
  name: 'data.load.parquet',
  unit: 'rows/s',
  description: 'load the universe from a Parquet store (DuckDB) vs from its CSV files',
  async run() {
    const root = resolveDataRoot();
    const dir = mkdtempSync(join(tmpdir(), 'aftershock-bench-parquet-'));
    try {
      const file = join(dir, 'prices.parquet');
      const t0 = process.hrtime.bigint();
      const ingest = await ingestParquet(root.dir, file);
      const ingestS = Number(process.hrtime.bigint() - t0) / 1e9;
      // Every symbol of the store, each from the file the store took it from (focus/ first, as loadSymbol reads).
      const symbols = listSymbols(root);
      const five = ['CRWV', 'MSFT', 'NVDA', 'QQQ', 'SPY'].filter((s) => listSymbols(root).includes(s));
      let rows = 0;
      const fromCsv = async () => {
        let n = 0;
        for (const s of symbols) n += loadSymbol(root, s).length;
        rows = n;
      };
      let pqRows = 0;
      const fromParquet = async () => {
        let n = 0;
        for (const s of (await readParquetPrices(file, { symbols })).values()) n += s.length;
        pqRows = n;
      };
      await fromParquet();
      const rssMb = peakRssMb();
      await fromCsv();
      let tPq = Infinity;
      let tCsv = Infinity;
      for (let i = 0; i < 5; i++) {
        tPq = Math.min(tPq, await time(fromParquet));
        tCsv = Math.min(tCsv, await time(fromCsv));
      }
      if (pqRows !== rows) throw new Error(`Parquet gave ${pqRows} rows, CSV ${rows}`);
      let t5Pq = Infinity;
      let t5Csv = Infinity;
      for (let i = 0; i < 5; i++) {
        t5Pq = Math.min(t5Pq, await time(() => readParquetPrices(file, { symbols: five })));
        t5Csv = Math.min(t5Csv, await time(async () => five.map((s) => loadSymbol(root, s))));
      }
      return {
        value: rows / tPq,
        baseline: rows / tCsv,
        extra: {
          rows,
          symbols: symbols.length,
          parquetMs: Math.round(tPq * 1000),
          csvMs: Math.round(tCsv * 1000),
          fiveSymbolsParquetMs: Math.round(t5Pq * 1000),
          fiveSymbolsCsvMs: Math.round(t5Csv * 1000),
          ingestS: +ingestS.toFixed(2),
          ingestRows: ingest.rows,
          fileMb: +(statSync(file).size / 1e6).toFixed(1),
          peakRssMb: rssMb,
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
