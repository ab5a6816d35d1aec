import type { Problem } from '@aftershock/core';
import { paramProblems, type StrategyCatalog } from './catalog';
import { didYouMean } from './did-you-mean';
import type { Scenario } from './scenario';
import { findSymbolFiles, isParquetFile, isParquetPath, listSymbols } from '@aftershock/data';
import { fileProblem, isDirectory, isFile, symbolsInLongFile } from './price-files';
import { resolvePriceRoots } from './roots';
import type { YamlSource } from './yaml-source';
import { formatPath } from './zod-problems';
import { longPriceFile, symbolPriceFiles } from './vendor-files';

/**
 * The checks a schema cannot make: files exist, strategies and their parameters are known, every symbol has
 * prices, windows fit together. Returns every problem found.
 */
export function checkScenario(s: Partial<Scenario>, src: YamlSource, catalog?: StrategyCatalog): Problem[] {
  const out: Problem[] = [];
  const add = (code: string, message: string, path: PropertyKey[], key?: string) => {
    const line = src.lineOf(path, key);
    out.push({ code, message, severity: 'error', field: formatPath(key !== undefined ? [...path, key] : path), file: src.file, ...(line !== undefined ? { line } : {}) });
  };

  // Files and folders.
  (s.data?.root ?? []).forEach((r, i) => {
    const at = ['data', 'root', ...(Array.isArray(rawAt(src, ['data', 'root'])) ? [i] : [])];
    if (isParquetPath(r)) {
      if (!isParquetFile(r)) add('SCENARIO_MISSING_FILE', `Parquet price store not found (or not Parquet): ${r}`, at);
    } else if (!isDirectory(r)) add('SCENARIO_MISSING_FILE', `price folder not found: ${r}`, at);
  });
  const dataFiles = s.data?.files;
  const long = longPriceFile(dataFiles);
  const longFile = long?.file;
  const asObject = (path: PropertyKey[]) => (rawAt(src, path) !== null && typeof rawAt(src, path) === 'object' ? [...path, 'file'] : path);
  const addFile = (f: string, what: string, path: PropertyKey[]) => {
    const bad = fileProblem(f, what);
    if (bad) add(bad.code, bad.message, path);
  };
  if (longFile !== undefined) addFile(longFile, 'price file', asObject(['data', 'files']));
  for (const [sym, f] of Object.entries(symbolPriceFiles(dataFiles))) addFile(f.file, 'price file', asObject(['data', 'files', sym]));
  let roots: string[] = [];
  let onSample = false;
  if (s.data) {
    try {
      const found = resolvePriceRoots(s.data, s.dir);
      roots = found.dirs;
      onSample = found.notes.length > 0;
    } catch (e) {
      add('DATA_ROOT_NOT_FOUND', (e as Error).message, ['data']);
    }
  }
  s.events?.files.forEach((f, i) => addFile(f.file, 'event calendar', asObject(['events', 'files', i])));
  if (s.events && s.events.files.length === 0 && s.events.list.length === 0) add('SCENARIO_MISSING_KEY', 'give events.files (calendars) or events.list', ['events']);
  if (s.related?.file !== undefined) addFile(s.related.file, 'relations file', ['related', 'file']);

  // Symbols: every named symbol must have prices.
  const longSymbols = long !== undefined && isFile(long.file) ? symbolsInLongFile(long.file, long.columns?.symbol, long.delimiter) : undefined;
  const mapped = Object.keys(symbolPriceFiles(dataFiles));
  // A Parquet store's symbols are read through DuckDB (asynchronously) when the run loads it: see loadInputs.
  const deferred = roots.some(isParquetPath);
  const found = (sym: string) => roots.map((r) => findSymbolFiles(r, sym)).find((f) => f !== undefined);
  const known = (sym: string) => deferred || mapped.includes(sym) || longSymbols?.has(sym) === true || found(sym) !== undefined;
  const pricesUsable = s.data !== undefined && out.every((p) => !p.field?.startsWith('data'));
  const checkSymbol = (sym: string, path: PropertyKey[]) => {
    const files = pricesUsable ? found(sym) : undefined;
    // A price file that is a broken link, a FIFO or a folder is named as such, not as an unknown symbol.
    const bad = files && [files.prices, files.dividends, files.splits].flatMap((f) => (f !== undefined ? [fileProblem(f, 'price data file')] : [])).find(Boolean);
    if (bad) add(bad.code, bad.message, path);
    else if (pricesUsable && !known(sym)) {
      const near = longSymbols ? didYouMean(sym, [...longSymbols]) : undefined;
      const hint = onSample ? `; the embedded sample data/sample/ serves (no data root was found), and it holds only ${listSymbols(roots[0]!).join(', ')}: run \`aftershock data fetch ${sym}\` and point AFTERSHOCK_DATA at its folder` : '';
      add('SCENARIO_UNKNOWN_SYMBOL', `unknown symbol "${sym}": no price data for it${near ? ` (did you mean "${near}"?)` : ''}${hint}`, path);
    }
  };
  if (s.data) checkSymbol(s.data.benchmark, ['data', 'benchmark']);
  if (s.universe && s.universe !== 'events') s.universe.symbols.forEach((sym, i) => checkSymbol(sym, ['universe', 'symbols', i]));
  s.events?.filters.symbols?.forEach((sym, i) => checkSymbol(sym, ['events', 'filters', 'symbols', i]));
  s.events?.list.forEach((e, i) => checkSymbol(e.symbol, ['events', 'list', i, 'symbol']));
  s.related?.only?.forEach((sym, i) => checkSymbol(sym, ['related', 'only', i]));
  for (const [company, list] of Object.entries(s.related?.symbols ?? {})) {
    list.forEach((r, i) => checkSymbol(r.symbol, ['related', 'symbols', company, i, 'symbol']));
  }

  // Strategies and their parameters (a module's parameters are checked once it is loaded: checkStrategyModules).
  s.strategies?.forEach((st, i) => {
    for (const k of ['objective', 'walkForward'] as const) {
      if (st[k] !== undefined && st.grid === undefined) add('SCENARIO_INVALID_VALUE', `${k} applies to a sweep: give a grid too`, ['strategies', i, k]);
    }
    if (st.module !== undefined) {
      if (st.name !== undefined) add('SCENARIO_INVALID_VALUE', 'give either name (a built-in) or module (a file), not both', ['strategies', i, 'module']);
      else if (!isFile(st.module)) add('STRATEGY_MODULE_NOT_FOUND', `strategy module not found: ${st.module}`, ['strategies', i, 'module']);
      return;
    }
    if (st.name === undefined) return add('SCENARIO_MISSING_KEY', 'give name (a built-in strategy) or module (a strategy file)', ['strategies', i]);
    if (!catalog) return;
    if (!catalog.names.includes(st.name)) {
      const near = didYouMean(st.name, catalog.names);
      add('SCENARIO_UNKNOWN_STRATEGY', `unknown strategy "${st.name}"${near ? ` (did you mean "${near}"?)` : ''}; known: ${catalog.names.join(', ')}`, ['strategies', i, 'name']);
      return;
    }
    const name = st.name;
    const names = catalog.paramNames(name);
    const at = ['strategies', i, 'params'];
    for (const q of paramProblems(catalog.check(name, st.params), name, names, at, undefined, (p) => rawAt(src, p))) add(q.code, q.message, [...q.path], q.key);
    for (const [k, vs] of Object.entries(st.grid ?? {})) {
      vs.forEach((v, j) => {
        const issues = catalog.check(name, { ...st.params, [k]: v }).filter((q) => q.path[0] === k);
        for (const q of paramProblems(issues, name, names, at, ['strategies', i, 'grid', k, j], (p) => rawAt(src, p))) add(q.code, q.message, [...q.path], q.key);
      });
    }
  });

  // Windows fit together.
  const study = s.study;
  if (study && Array.isArray(study.window)) {
    const [w0, w1] = study.window as readonly [number, number];
    if (Array.isArray(study.estimation) && study.estimation[1] >= w0) {
      add('SCENARIO_OUT_OF_RANGE', `the estimation window must end before the event window starts (${w0}), got [${study.estimation.join(', ')}]`, ['study', 'estimation']);
    }
    study.car.forEach((c, i) => {
      if (c[0] < w0 || c[1] > w1) add('SCENARIO_OUT_OF_RANGE', `a CAR window must lie inside the event window [${w0}, ${w1}], got [${c.join(', ')}]`, ['study', 'car', i]);
    });
  }
  if (s.events?.filters.from && s.events.filters.to && s.events.filters.from > s.events.filters.to) {
    add('SCENARIO_OUT_OF_RANGE', `from (${s.events.filters.from}) is after to (${s.events.filters.to})`, ['events', 'filters', 'to']);
  }
  return out;
}

function rawAt(src: YamlSource, path: readonly PropertyKey[]): unknown {
  let cur: unknown = src.data;
  for (const k of path) cur = cur && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[k] : undefined;
  return cur;
}
