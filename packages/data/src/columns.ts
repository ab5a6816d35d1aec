/** Normalises a column name for matching: lower case, letters and digits only (`Adj Close` → `adjclose`). */
export function normalizeColumn(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Finds, for each wanted field, the index of the first header column matching one of its aliases (compared
 * after `normalizeColumn`). An explicit mapping (`field → column name`) replaces the aliases for that field.
 * Returns the indices (-1 when absent) and the header columns no field claimed.
 *
 * @example resolveColumns(['Date','Close'], { date: ['date'], close: ['close'] }) // → { index: { date: 0, close: 1 }, unknown: [] }
 */
export function resolveColumns<K extends string>(
  header: readonly string[],
  aliases: Readonly<Record<K, readonly string[]>>,
  mapping: Partial<Readonly<Record<K, string>>> = {},
): { index: Record<K, number>; unknown: number[] } {
  const norm = header.map(normalizeColumn);
  const claimed = new Array<boolean>(header.length).fill(false);
  const index = {} as Record<K, number>;
  for (const key of Object.keys(aliases) as K[]) {
    const explicit = mapping[key];
    const names = explicit !== undefined ? [normalizeColumn(explicit)] : aliases[key].map(normalizeColumn);
    let at = -1;
    for (const n of names) {
      at = norm.findIndex((h, i) => h === n && !claimed[i]);
      if (at >= 0) break;
    }
    index[key] = at;
    if (at >= 0) claimed[at] = true;
  }
  // Columns matching an alias of a field already claimed elsewhere are known, not unknown.
  const known = new Set<string>();
  for (const key of Object.keys(aliases) as K[]) for (const a of aliases[key]) known.add(normalizeColumn(a));
  for (const m of Object.values(mapping) as (string | undefined)[]) if (m !== undefined) known.add(normalizeColumn(m));
  const unknown = header.map((_, i) => i).filter((i) => !claimed[i] && !known.has(norm[i]!));
  return { index, unknown };
}
