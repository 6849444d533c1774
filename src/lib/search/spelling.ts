// "Did you mean": the library's words, and the closest of them to a word no page holds. Pure;
// the build writes the word lists (src/lib/search/word-list.ts), the search box reads them
// (src/scripts/did-you-mean.ts).
import { editDistance, editsAllowed } from './edit-distance.ts';
import { foldForMatching } from './fold.ts';

/**
 * Where the word lists live in the built site: beside Pagefind's index, one file per first
 * letter, so that a miss loads a small part of a large library's words (a miss loads the lists
 * of a word's first and second letters, see {@link listsFor}).
 */
export const wordListDir = 'pagefind/words';

/** A word as lists and queries compare it: lowercase, no diacritics, no apostrophes. */
export function foldWord(word: string): string {
  return foldForMatching(word).trim().replace(/ /g, '');
}

/**
 * Words in scripts written with spaces between words. Chinese, Japanese, Thai and the rest have
 * no such words to list (their index terms are the segmenter's), and are left out.
 */
export function isListable(word: string): boolean {
  return (
    word.length >= 3 &&
    /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Armenian}\p{Script=Georgian}]+$/u.test(
      word,
    )
  );
}

/** The file holding the folded words that begin with the letter `letter`: its code point. */
export function listFile(letter: string): string {
  return `${letter.codePointAt(0)!.toString(16).padStart(4, '0')}.txt`;
}

/**
 * The lists to read for a word that no page holds: those of its first and its second letter.
 * Most typos keep the first letter; of those that do not, a letter typed before the word
 * ("xchloe") and the first two letters swapped ("hcloe") are found in the second letter's list.
 * A wrong first letter ("whloe") is not looked for: it would mean reading every list.
 */
export function listsFor(folded: string): string[] {
  return [...new Set([...folded].slice(0, 2))];
}

/** A listed word: as it is most often written in the text, and how often it occurs. */
export interface ListedWord {
  word: string;
  count: number;
}

/** A list file's text: `word<TAB>count` lines, the most frequent first. */
export function parseList(text: string): ListedWord[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [word = '', count = '1'] = line.split('\t');
      return { word, count: Number(count) };
    });
}

/**
 * The listed words closest to `typed` (a folded word no page holds): fewest edits first, then
 * the most frequent. A word being typed is not a miss: `isKnown` says so.
 */
export function closestWords(typed: string, words: ListedWord[], limit = 3): ListedWord[] {
  const max = editsAllowed(typed);
  if (max === 0) return [];
  const found = new Map<string, { word: ListedWord; edits: number }>();
  for (const word of words) {
    const folded = foldWord(word.word);
    if (found.has(folded)) continue;
    const edits = editDistance(typed, folded, max);
    if (edits > 0 && edits <= max) found.set(folded, { word, edits });
  }
  return [...found.values()]
    .sort((a, b) => a.edits - b.edits || b.word.count - a.word.count)
    .slice(0, limit)
    .map(({ word }) => word);
}

/** Whether a folded word is in the lists, whole or (the word being typed) as a word's start. */
export function isKnown(folded: string, words: ListedWord[], typing: boolean): boolean {
  return words.some((word) => {
    const listed = foldWord(word.word);
    return listed === folded || (typing && listed.startsWith(folded));
  });
}
