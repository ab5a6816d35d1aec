/**
 * An empty array that already holds V8's generic elements (not small integers). A fresh `[]` starts as an array of
 * small integers and changes kind at its first string, object or undefined; code optimised in an earlier run for
 * the generic kind then meets the fresh array of the next run and is thrown away (a deoptimisation per run, in
 * the bookkeeping of every fill). Starting generic keeps every run's arrays of the one kind.
 */
export function objectArray<T>(): T[] {
  const a: T[] = [undefined as T];
  a.pop();
  return a;
}
