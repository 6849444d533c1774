// The library's words for "Did you mean" (src/lib/search/spelling.ts), made at build time from
// the text Pagefind indexed: each page's text and title, as its fragment holds them.
import { foldWord, isListable, listFile, type ListedWord } from './spelling.ts';

/** Words of a text: letters, with apostrophes inside ("Lex’s", "don’t"). */
const wordPattern = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/** Counts the words of texts, by folded form, remembering how each is most often written. */
export class WordCounts {
  readonly #words = new Map<string, { count: number; forms: Map<string, number> }>();

  add(text: string): void {
    for (const [written] of text.matchAll(wordPattern)) {
      const folded = foldWord(written);
      if (!isListable(folded)) continue;
      let entry = this.#words.get(folded);
      if (!entry) this.#words.set(folded, (entry = { count: 0, forms: new Map() }));
      entry.count += 1;
      entry.forms.set(written, (entry.forms.get(written) ?? 0) + 1);
    }
  }

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
