import { AftershockError, ValidationError, type IsoDate } from '@aftershock/core';

/** Daily factor returns as fractions (French's percent ÷ 100), one column per factor, rows by date ascending. */
export interface FactorTable {
  readonly dates: readonly IsoDate[];
  /** Column name → values, one per date (NaN when a file has no value that day). */
  readonly columns: ReadonlyMap<string, Float64Array>;
  /** The files read, for messages. */
  readonly files: readonly string[];
}

const DATE8 = /^(\d{4})(\d{2})(\d{2})$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads one of Ken French's daily factor CSVs as published: description lines, then a header whose first cell is
 * empty or `Date` (`,Mkt-RF,SMB,HML,RF` or `,Mom`), rows dated `YYYYMMDD` or `YYYY-MM-DD` with values in percent,
 * padded with spaces, then a blank line and the copyright line. -99.99 and -999 are French's missing values.
 * A malformed row inside the data is an error naming file, line and field.
 */
export function parseFrenchFactors(text: string, file: string): FactorTable {
  const lines = text.split(/\r?\n/);
  let h = -1;
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i]!.split(',').map((c) => c.trim());
    if (cells.length >= 2 && (cells[0] === '' || /^date$/i.test(cells[0]!)) && cells.slice(1).every((c) => /^[A-Za-z][A-Za-z0-9-]*$/.test(c))) {
      h = i;
      break;
    }
  }
  if (h < 0) throw new AftershockError('FACTORS_NO_HEADER', `${file}: no factor header (a line like ",Mkt-RF,SMB,HML,RF" or ",Mom")`, { file, field: 'factors' });
  const names = lines[h]!.split(',').slice(1).map((c) => c.trim());
  const dates: IsoDate[] = [];
  const cols = names.map(() => [] as number[]);
  const problems: { code: string; message: string; severity: 'error'; file: string; line: number; field: string }[] = [];
  for (let i = h + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') {
      if (dates.length > 0) break; // the blank line before the copyright line ends the daily table
      continue;
    }
    const cells = raw.split(',').map((c) => c.trim());
    const d = cells[0]!;
    const m = DATE8.exec(d);
    const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : ISO.test(d) ? d : null;
    if (iso === null) {
      if (dates.length > 0 && cells.length === 1) break; // a trailing text line (e.g. the copyright)
      problems.push({ code: 'FACTORS_BAD_DATE', message: `${file}:${i + 1}: date: expected YYYYMMDD or YYYY-MM-DD, got "${d}"`, severity: 'error', file, line: i + 1, field: 'date' });
      continue;
    }
    if (dates.length > 0 && iso <= dates[dates.length - 1]!) {
      problems.push({ code: 'FACTORS_DATE_ORDER', message: `${file}:${i + 1}: date: ${iso} is not after ${dates[dates.length - 1]}`, severity: 'error', file, line: i + 1, field: 'date' });
      continue;
    }
    if (cells.length !== names.length + 1) {
      problems.push({ code: 'FACTORS_BAD_ROW', message: `${file}:${i + 1}: expected ${names.length + 1} fields, got ${cells.length}`, severity: 'error', file, line: i + 1, field: names[0]! });
      continue;
    }
    dates.push(iso);
    names.forEach((name, k) => {
      const v = Number(cells[k + 1]);
      if (cells[k + 1] === '' || !Number.isFinite(v)) {
        problems.push({ code: 'FACTORS_BAD_VALUE', message: `${file}:${i + 1}: ${name}: expected a number in percent, got "${cells[k + 1]}"`, severity: 'error', file, line: i + 1, field: name });
        cols[k]!.push(NaN);
      } else cols[k]!.push(v === -99.99 || v === -999 ? NaN : v / 100);
    });
  }
  if (problems.length > 0) throw new ValidationError(problems, problems.map((p) => p.message).join('\n'));
  if (dates.length === 0) throw new AftershockError('FACTORS_EMPTY', `${file}: no daily rows after the header`, { file, field: 'factors' });
  return { dates, columns: new Map(names.map((n, k) => [n, Float64Array.from(cols[k]!)])), files: [file] };
}

/** Several factor tables as one: the union of their dates, each column from its own file (a column named twice keeps the first file's). */
export function mergeFactors(tables: readonly FactorTable[]): FactorTable {
  if (tables.length === 1) return tables[0]!;
  const dates = [...new Set(tables.flatMap((t) => t.dates))].sort();
  const at = new Map(dates.map((d, i) => [d, i]));
  const columns = new Map<string, Float64Array>();
  for (const t of tables) {
    for (const [name, v] of t.columns) {
      if (columns.has(name)) continue;
      const out = new Float64Array(dates.length).fill(NaN);
      t.dates.forEach((d, i) => (out[at.get(d)!] = v[i]!));
      columns.set(name, out);
    }
  }
  return { dates, columns, files: tables.flatMap((t) => t.files) };
}

/** Factor model → the factor columns it regresses on (besides the constant); the excess return uses `RF`. */
export const FACTOR_MODELS = {
  ff3: ['Mkt-RF', 'SMB', 'HML'],
  ff5: ['Mkt-RF', 'SMB', 'HML', 'RMW', 'CMA'],
  carhart: ['Mkt-RF', 'SMB', 'HML', 'Mom'],
} as const;
export type FactorModelKind = keyof typeof FACTOR_MODELS;

/** The columns of `model` (and RF) from `table`, or an error naming what is missing and the files read. */
export function factorColumns(table: FactorTable, model: FactorModelKind): { names: readonly string[]; values: readonly Float64Array[]; rf: Float64Array } {
  const names = FACTOR_MODELS[model];
  // French spells momentum `Mom` (older releases `Mom   ` or `UMD`).
  const get = (n: string) => table.columns.get(n) ?? (n === 'Mom' ? (table.columns.get('UMD') ?? table.columns.get('MOM')) : undefined);
  const missing = [...names, 'RF'].filter((n) => !get(n));
  if (missing.length > 0) {
    throw new AftershockError(
      'FACTORS_MISSING_COLUMN',
      `model ${model} needs the factor column(s) ${missing.join(', ')}, not in ${table.files.join(', ')} (it has ${[...table.columns.keys()].join(', ')})${model === 'carhart' ? '; give the momentum file too: --factors FF3.csv,Momentum.csv' : ''}`,
      { field: 'factors' },
    );
  }
  return { names, values: names.map((n) => get(n)!), rf: get('RF')! };
}
