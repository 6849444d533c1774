/** Reading speed for fiction, in words per minute (adult silent reading of prose: ~238). */
export const wordsPerMinute = 240;

// A word holds a letter or digit; punctuation standing alone ("—", "…") is not a word.
const wordPattern = /[\p{L}\p{N}]/u;

/** Counts the whitespace-separated tokens of `text` that hold a letter or a digit. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (wordPattern.test(token)) count += 1;
  return count;
}

/** Whole minutes to read `words` words, at least one for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
}
