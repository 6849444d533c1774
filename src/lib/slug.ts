import { createHash } from 'node:crypto';
import { transliterate } from 'transliteration';

/**
 * A URL slug of any text: ASCII letters and digits joined by hyphens, diacritics folded,
 * apostrophes dropped (`"Clark's Farm!"` -> `clarks-farm`); at most `maxWords` words. Letters of
 * other scripts are dropped: passage ids rely on that (src/lib/markup/passage-anchors.ts).
 */
export function slugify(text: string, maxWords = Infinity): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/['’‘ʼ]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}

/**
 * A readable URL slug for a title in any script: Latin as {@link slugify} makes it, other
 * scripts transliterated first by the `transliteration` package (Chinese and Japanese kanji
 * as pinyin, kana, Hangul, Cyrillic, Greek, Arabic and Hebrew romanised: `月光下的面包店` ->
 * `yue-guang-xia-de-mian-bao-dian`, `Ночная пекарня` -> `nochnaya-pekarnya`). A title with no
 * letters at all gets `<fallback>-` and a short hash of the title, so two such titles never
 * share a folder or URL.
 */
export function titleSlug(title: string, maxWords = Infinity, fallback = 'work'): string {
  // Accents go, not split the word ("Zoölogical" → "zoological"; passage ids keep slugify's way).
  const latin = slugify(title.normalize('NFKD').replace(/\p{M}/gu, ''), maxWords);
  // A title already in Latin letters keeps the slug it always had.
  if (latin && !/[^\p{Script=Latin}\p{N}\p{P}\p{S}\p{Z}\p{M}]/u.test(title)) return latin;
  const transliterated = slugify(transliterate(title.normalize('NFC')), maxWords);
  if (transliterated) return transliterated;
  return `${fallback}-${createHash('sha256').update(title).digest('hex').slice(0, 8)}`;
}
