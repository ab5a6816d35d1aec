/**
 * Removes entry `i` of `a`, keeping the order of the rest, in place (splice would allocate the removed part, and
 * setting `length` is a slow runtime call where `pop` is not).
 */
export function removeAt<T>(a: T[], i: number): void {
  for (let j = i + 1; j < a.length; j++) a[j - 1] = a[j]!;
  a.pop();
}
