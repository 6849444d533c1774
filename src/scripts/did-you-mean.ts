// "Did you mean": loaded by the search box only when a search finds nothing
// (src/scripts/passage-search.ts), so that a search that finds results loads none of it.
import { withBase } from '../lib/base.ts';
import {
  closestWords,
  foldWord,
  isKnown,
  isListable,
  listFile,
  listsFor,
  parseList,
  wordListDir,
  type ListedWord,
} from '../lib/search/spelling.ts';

/** Corrections offered at most. */
const offered = 3;

const lists = new Map<string, Promise<ListedWord[]>>();

/** A list of the library's words (src/lib/search/word-list.ts); none for a letter no word has. */
function listOf(letter: string): Promise<ListedWord[]> {
  const file = listFile(letter);
  let list = lists.get(file);
  if (!list) {
    list = fetch(withBase(`/${wordListDir}/${file}`))
      .then((response) => (response.ok ? response.text() : ''))
      .then(parseList, () => []);
    lists.set(file, list);
  }
  return list;
}

/**
 * Queries close to `query` that find something: each word no page holds replaced by one of the
 * library's closest words (src/lib/search/spelling.ts), tried with `finds` (a search in what the
 * reader may search now: offline, the saved works) before it is offered. The first word that is
 * a miss gets up to three choices; any other takes its best. Quotes and other words are kept.
 */
export async function corrections(
  query: string,
  finds: (query: string) => Promise<boolean>,
): Promise<string[]> {
  const parts = query.split(/(\s+)/);
  const last = parts.length - 1;
  const choices = await Promise.all(
    parts.map(async (part, at) => {
      const word = /[\p{L}\p{M}'’]+/u.exec(part)?.[0] ?? '';
      const folded = foldWord(word);
      if (!isListable(folded)) return undefined;
      const words = (await Promise.all(listsFor(folded).map(listOf))).flat();
      // The last word may be unfinished: "slay" is no miss where "slayer" is listed.
      if (isKnown(folded, words, at === last)) return undefined;
      const closest = closestWords(folded, words, offered);
      return { word, closest: closest.map((listed) => part.replace(word, listed.word)) };
    }),
  );
  const misses = choices.flatMap((choice, at) => (choice ? [{ at, ...choice }] : []));
  const [first, ...others] = misses;
  if (!first || misses.some((miss) => miss.closest.length === 0)) return [];
  const candidates = first.closest.map((choice) => {
    const corrected = [...parts];
    corrected[first.at] = choice;
    for (const other of others) corrected[other.at] = other.closest[0]!;
    return corrected.join('');
  });
  // One after another: Pagefind's searches share its index loader, and three at once lost one.
  const found: string[] = [];
  for (const candidate of candidates) if (await finds(candidate)) found.push(candidate);
  return found;
}
