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
