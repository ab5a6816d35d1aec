import { AftershockError, Problems } from '@aftershock/core';
import { ingestParquet, isParquetPath, resolveDataRoot } from '@aftershock/data';
import type { IngestOptions } from './data-ingest';

/** Ingests the data root into the Parquet file and says what was written (the first warnings on stderr). */
export async function runIngest(opts: IngestOptions): Promise<void> {
  if (!isParquetPath(opts.out)) throw new AftershockError('ARG_INVALID', `--out must name a .parquet file, got ${opts.out}`, { field: 'out' });
  const root = resolveDataRoot({ root: opts.root });
  const problems = new Problems();
  const r = await ingestParquet(root.dir, opts.out, { problems });
  for (const w of problems.warnings.slice(0, 5)) process.stderr.write(`warning: ${w.message}${w.file ? ` (${w.file})` : ''}\n`);
  if (problems.warnings.length > 5) process.stderr.write(`… and ${problems.warnings.length - 5} more warning(s)\n`);
  process.stdout.write(`wrote ${r.file}: ${r.symbols} symbols, ${r.rows} bars from ${r.sources} source files in ${root.dir}\n`);
}
