// The library's words for "Did you mean" (src/lib/search/spelling.ts), made at build time from
// the text Pagefind indexed: each page's text and title, as its fragment holds them.
import { foldWord, isListable, listFile, type ListedWord } from './spelling.ts';

/** Words of a text: letters, with apostrophes inside ("Lex’s", "don’t"). */
const wordPattern = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * Counts the words of texts, by folded form, remembering how each is most often written. The
 * texts' space-separated tokens are counted as they come, and their words found and folded once
 * per distinct token, when the lists are made: folding each of a large library's 8 million
 * words as it came took 11 s.
 */
export class WordCounts {
  /** Space-separated tokens ("Chloe," "said"), counted: far fewer distinct than words. */
  readonly #tokens = new Map<string, number>();
  #folded: Map<string, { count: number; forms: Map<string, number> }> | undefined;

  add(text: string): void {
    this.#folded = undefined;
    for (const token of text.split(/\s+/))
      this.#tokens.set(token, (this.#tokens.get(token) ?? 0) + 1);
  }

  /** Each folded word, with its count and its written forms' counts (in the order first seen). */
  get #words(): Map<string, { count: number; forms: Map<string, number> }> {
    if (this.#folded) return this.#folded;
    const words = new Map<string, { count: number; forms: Map<string, number> }>();
    for (const [token, count] of this.#tokens) {
      for (const [written] of token.matchAll(wordPattern)) {
        const folded = foldWord(written);
        if (!isListable(folded)) continue;
        let entry = words.get(folded);
        if (!entry) words.set(folded, (entry = { count: 0, forms: new Map() }));
        entry.count += count;
        entry.forms.set(written, (entry.forms.get(written) ?? 0) + count);
      }
    }
    this.#folded = words;
    return words;
  }

  /** How many words the lists hold. */
  get size(): number {
    return this.#words.size;
  }

  /**
   * The list files: file name → `word<TAB>count` lines, the most frequent first, each word as
   * the text most often writes it ("Chloe", "the").
   */
  lists(): Map<string, string> {
    const byLetter = new Map<string, ListedWord[]>();
    for (const [folded, { count, forms }] of this.#words) {
      const file = listFile(folded);
      // The most frequent form; of forms as frequent, the first the text wrote.
      const word = [...forms].sort((a, b) => b[1] - a[1])[0]![0];
      const list = byLetter.get(file) ?? [];
      list.push({ word, count });
      byLetter.set(file, list);
    }
    return new Map(
      [...byLetter]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([file, words]) => [
          file,
          words
            .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1))
            .map(({ word, count }) => `${word}\t${count}\n`)
            .join(''),
        ]),
    );
  }
}
