// How far apart two words are: "Did you mean" (spelling.ts) and the search box's check of what
// Pagefind matched (src/scripts/search-ranking.ts). Its own module so that the search box's
// first query loads this, and the word lists' code only on a miss.

/**
 * The edits a word may be away from a suggestion, as search engines allow (Elasticsearch's
 * `fuzziness: AUTO`): none under three letters, one up to five, two from six.
 */
export function editsAllowed(folded: string): number {
  const length = [...folded].length;
  return length < 3 ? 0 : length <= 5 ? 1 : 2;
}

/**
 * The edits between `a` and `b` (insert, delete, replace a letter, or swap two neighbours: the
 * optimal string alignment distance), or `max + 1` as soon as it is sure to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}
