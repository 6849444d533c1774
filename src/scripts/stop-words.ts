// The stop words of a language ("the", "to", "de", "и"): words a search landing does not mark
// on their own (src/scripts/search-ranking.ts). From the `stopword` package (its lists per ISO
// 639-3 code, from the stopwords-iso collection), one small file per language, loaded with the
// first results in that language; a language it lacks marks every word.
import { stopWordListOf } from '../lib/search/stop-words.ts';

/**
 * Each list the site can use (src/lib/search/stop-words.ts names them), as an import of its own:
 * a chunk each. A unit test holds the two to the same lists.
 */
export const lists: Record<string, () => Promise<Record<string, unknown>>> = {
  ara: () => import('stopword/src/stopwords_ara.js'),
  deu: () => import('stopword/src/stopwords_deu.js'),
  eng: () => import('stopword/src/stopwords_eng.js'),
  fra: () => import('stopword/src/stopwords_fra.js'),
  heb: () => import('stopword/src/stopwords_heb.js'),
  ind: () => import('stopword/src/stopwords_ind.js'),
  ita: () => import('stopword/src/stopwords_ita.js'),
  jpn: () => import('stopword/src/stopwords_jpn.js'),
  kor: () => import('stopword/src/stopwords_kor.js'),
  nld: () => import('stopword/src/stopwords_nld.js'),
  pol: () => import('stopword/src/stopwords_pol.js'),
  por: () => import('stopword/src/stopwords_por.js'),
  rus: () => import('stopword/src/stopwords_rus.js'),
  spa: () => import('stopword/src/stopwords_spa.js'),
  swe: () => import('stopword/src/stopwords_swe.js'),
  tur: () => import('stopword/src/stopwords_tur.js'),
  ukr: () => import('stopword/src/stopwords_ukr.js'),
  vie: () => import('stopword/src/stopwords_vie.js'),
  zho: () => import('stopword/src/stopwords_zho.js'),
};

const loaded = new Map<string, Promise<ReadonlySet<string>>>();

/** The stop words of `language` (a BCP 47 tag), folded as the search folds words. */
export function stopWordsOf(language: string): Promise<ReadonlySet<string>> {
  const code = stopWordListOf(language) ?? '';
  let words = loaded.get(code);
  if (!words) {
    const list = lists[code];
    words = list
      ? list().then(
          (module) =>
            new Set(
              Object.values(module)
                .flat()
                .map((word) => fold(String(word))),
            ),
          () => new Set<string>(), // offline and not saved: every word is marked
        )
      : Promise.resolve(new Set<string>());
    loaded.set(code, words);
  }
  return words;
}

/** As foldForMatching folds a word: lowercase, no diacritics, no apostrophes. */
function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘ʼ]/g, '');
}
