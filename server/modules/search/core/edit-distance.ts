/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), computed on code points.
 * Gives up early and returns `limit + 1` once the distance must exceed `limit`, so comparing a term against a
 * whole vocabulary stays cheap.
 */
export function boundedEditDistance(first: string, second: string, limit: number): number {
  const a = [...first];
  const b = [...second];
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let row = 1; row <= a.length; row += 1) {
    const current = [row];
    let rowMinimum = row;
    for (let column = 1; column <= b.length; column += 1) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let value = Math.min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost);
      const transposed =
        row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1];
      if (transposed) value = Math.min(value, previousPrevious[column - 2] + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length], limit + 1);
}

/** Typos tolerated for a term of this many characters, as Meilisearch does by default: 0, 1 from 5, 2 from 9. */
export function allowedTypos(termLength: number): number {
  if (termLength >= 9) return 2;
  if (termLength >= 5) return 1;
  return 0;
}
