// Pure helpers of the search UI: how a query is read and how a chapter's passages are ranked.
import type { PagefindPage, PagefindSubResult } from './pagefind.ts';

/** Passages shown per chapter. */
export const passagesPerChapter = 4;

/** Straight and curly apostrophes and quotes match each other; the text has curly ones. */
export function normalizeQuery(query: string): string {
  return query.replace(/[‘’ʼ]/g, "'").replace(/[“”„]/g, '"');
}

/** The words of a query being typed that are finished (a space follows them); '' if none. */
export function finishedWords(input: string): string {
  const end = input.search(/\s+\S*$/);
  return end === -1 ? '' : input.slice(0, end).trim();
}

/**
 * A chapter's matching passages: those whose text holds the query as written (a phrase) first,
 * then by Pagefind's weighted hits, ties in reading order. Pagefind matches words by stem and
 * prefix, so its positions alone cannot tell "a few days later" from "a few days ago".
 */
export function rankedPassages(page: PagefindPage, query: string): PagefindSubResult[] {
  const phrase = foldForMatching(query);
  const weight = (sub: PagefindSubResult) =>
    sub.weighted_locations?.reduce((sum, l) => sum + l.balanced_score, 0) ?? sub.locations.length;
  return page.sub_results
    .filter((sub) => sub.locations.length > 0 && sub.url.includes('#'))
    .map((sub, order) => ({
      sub,
      order,
      exact:
        phrase.trim() !== '' &&
        foldForMatching(sub.excerpt.replace(/<[^>]*>/g, '')).includes(phrase)
          ? 1
          : 0,
      weight: weight(sub),
    }))
    .sort((a, b) => b.exact - a.exact || b.weight - a.weight || a.order - b.order)
    .slice(0, passagesPerChapter)
    .map(({ sub }) => sub);
}

/** Lowercase words without apostrophes, diacritics or punctuation, single-spaced. */
export function foldForMatching(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * Pagefind marks whole space-separated words, punctuation and all (`<mark>clock,</mark>`):
 * the highlight is kept to the letters, the punctuation moved out of it.
 */
export function markWordsOnly(excerpt: string): string {
  const punctuation = String.raw`(?:&(?:amp|lt|gt|quot|#39);|[\p{P}\p{S}])*`;
  return excerpt.replace(
    new RegExp(`<mark>(${punctuation})([^<]*?)(${punctuation})</mark>`, 'gu'),
    (_all, before: string, word: string, after: string) =>
      word ? `${before}<mark>${word}</mark>${after}` : `${before}${after}`,
  );
}

/**
 * Whether a result really holds every word of the query. When a word is not in the index at
 * all, Pagefind searches for the longest start of it that is ("zzqxj" finds "z", "Irene" finds
 * "I"; Pagefind/pagefind#793), and answers with unrelated passages. A word counts as found when
 * a matched word of the page begins with it (a word still being typed), or shares its first
 * three letters with it (Pagefind matches stems: "running" finds "runs"). Words of scripts
 * written without spaces are left to Pagefind.
 */
export function holdsEveryWord(
  page: Pick<PagefindPage, 'content' | 'locations'> & { meta?: PagefindPage['meta'] },
  query: string,
): boolean {
  const spaced = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]+$/u;
  const terms = foldForMatching(query)
    .trim()
    .split(' ')
    .filter((term) => spaced.test(term));
  if (terms.length === 0) return true;
  const words = page.content.split(/\s+/);
  const matched = new Set(page.locations.map((at) => foldForMatching(words[at] ?? '').trim()));
  if (terms.every((term) => [...matched].some((word) => sameWord(term, word)))) return true;
  // An index built for Chinese or Japanese (a library with works in those languages) counts
  // locations by its segmenter's tokens, not by spaces: then any word of the page may be it.
  // A page's title is indexed too (a work page ranks first for a word of its title, which its
  // summary may not hold: "slayer" found nothing, issue #27).
  const all = new Set(
    foldForMatching(`${page.content} ${page.meta?.['title'] ?? ''}`)
      .trim()
      .split(' '),
  );
  return terms.every((term) => [...all].some((word) => sameWord(term, word)));
}

/**
 * Whether a folded word of the text is a query word: it begins with it (a word being typed), or
 * shares its first three letters with it (another form of the same stem: "runs", "running").
 */
function sameWord(term: string, word: string): boolean {
  if (word.startsWith(term)) return true;
  let common = 0;
  while (common < term.length && term[common] === word[common]) common += 1;
  return common >= 3;
}

/**
 * The words a result's link asks the opened page to mark (`?hl=`): each quoted phrase whole, each
 * other word of the query, and the words of the passage the index matched to those (another
 * form of a word: "begging" for "beg", "Lex’s" for "Lex"). The page marks whole words only, so
 * "an" no longer lights up inside "and".
 */
export function highlightTerms(query: string, matched: string[]): string[] {
  const trim = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const phrases = [...query.matchAll(/["“”]([^"“”]+)["“”]/g)].map((m) => m[1]!.trim());
  const words = query
    .replace(/["“”][^"“”]*["“”]?/g, ' ')
    .split(/\s+/)
    .map(trim)
    .filter(Boolean);
  // Forms of words of three letters or more: Pagefind matches a short word as a prefix
  // ("as" finds "asked"), which is no form of it.
  const forms = matched.map(trim).filter((form) =>
    words.some((word) => {
      const term = foldForMatching(word).trim();
      const folded = foldForMatching(form).trim();
      return term.length >= 3 ? sameWord(term, folded) : term === folded;
    }),
  );
  const seen = new Set<string>();
  return [...phrases, ...words, ...forms].filter((term) => {
    const key = term.toLowerCase();
    if (!term || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
