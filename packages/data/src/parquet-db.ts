import type { DuckDBConnection } from '@duckdb/node-api';

let opened: Promise<DuckDBConnection> | undefined;

/**
 * One in-memory DuckDB connection per process, opened on first use. DuckDB is imported lazily so that runs reading
 * only CSV never load its native library.
 */
export function duckdb(): Promise<DuckDBConnection> {
  opened ??= (async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    return instance.connect();
  })();
  return opened;
}

/** A SQL string literal: quotes doubled (paths and symbols are never spliced in unquoted). */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
