// Pure helpers of the search UI: how a query is read and how a chapter's passages are ranked.
import { foldForMatching } from '../lib/search/fold.ts';
import { editDistance, editsAllowed } from '../lib/search/edit-distance.ts';
import type { PagefindPage, PagefindSubResult } from './pagefind.ts';

export { foldForMatching };

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
  const words = page.content.split(/\s+/);
  const weight = (sub: PagefindSubResult) =>
    sub.weighted_locations?.reduce((sum, l) => sum + l.balanced_score, 0) ?? sub.locations.length;
  // The passage's words from its first hit on, for a phrase cut off by its excerpt.
  const holdsPhrase = (sub: PagefindSubResult) =>
    foldForMatching(sub.excerpt.replace(/<[^>]*>/g, '')).includes(phrase) ||
    foldForMatching(passageWords(words, sub.locations, query).join(' ')).includes(phrase);
  return page.sub_results
    .filter((sub) => sub.locations.length > 0 && sub.url.includes('#'))
    .map((sub, order) => ({
      sub,
      order,
      exact: phrase.trim() !== '' && holdsPhrase(sub) ? 1 : 0,
      weight: weight(sub),
    }))
    .sort((a, b) => b.exact - a.exact || b.weight - a.weight || a.order - b.order)
    .slice(0, passagesPerChapter)
    .map(({ sub }) => sub);
}

/**
 * A passage's words in the page's text (`words`), from its first hit to its last and the length
 * of the query beyond: where a run of the query's words would stand.
 */
export function passageWords(words: string[], locations: number[], query: string): string[] {
  if (locations.length === 0) return [];
  const last = Math.max(...locations) + query.trim().split(/\s+/).length;
  return words.slice(Math.min(...locations), last);
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
 * a matched word of the page is it, begins with it (a word still being typed), or is another
 * form of its stem (see `sameWord`). Words of scripts written without spaces are left to
 * Pagefind.
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
  const located = page.locations.map((at) => foldForMatching(words[at] ?? '').trim());
  // A page's title is indexed too (a work page ranks first for a word of its title, which its
  // summary may not hold: "slayer" found nothing, issue #27).
  const title = foldForMatching(page.meta?.['title'] ?? '')
    .trim()
    .split(' ');
  const holds = (candidates: string[]) =>
    terms.every((term) => candidates.some((word) => sameWord(term, word)));
  if (holds([...located, ...title])) return true;
  // An index built for Chinese or Japanese (a library with works in those languages) counts
  // locations by its segmenter's tokens, not by spaces: the words at them are then unrelated to
  // the query (not one begins as a query word does), and any word of the page may be the one.
  // Where they are related, Pagefind matched them, and they alone count: the page's other
  // words would let a fallback through ("carrige" fell back to "carri", and the chapter that
  // has "carrying" has "carriage" too).
  const aligned = located.some((word) => terms.some((term) => word[0] === term[0]));
  return !aligned && holds(foldForMatching(page.content).trim().split(' '));
}

/**
 * Whether a folded word of the text is a query word: it begins with it (a word being typed), or
 * is another form of the same stem: the two differ by inflection endings only ("noting" and
 * "note", "runs" and "running"), or share at least six letters and half of the query word
 * ("installation" and "installing"). Pagefind's fallback ends where a shorter word begins, and
 * is no form: "sunydale" found "sun" (and, by prefix, "Sunnydale"), "homles" "home", "alout"
 * "along".
 */
function sameWord(term: string, word: string): boolean {
  if (word.startsWith(term)) return true;
  let common = 0;
  while (common < term.length && term[common] === word[common]) common += 1;
  if (common >= 6 && common * 2 >= term.length) return true;
  if (common < 3) return false;
  // After a doubled last letter ("running"): the ending without it.
  const ending = (rest: string) =>
    stemEndings.has(rest) || (rest[0] === term[common - 1] && stemEndings.has(rest.slice(1)));
  return ending(term.slice(common)) && ending(word.slice(common));
}

const stemEndings = new Set([
  '',
  'e',
  'y',
  's',
  'es',
  'd',
  'ed',
  'ing',
  'er',
  'ers',
  'est',
  'ly',
  'ies',
  'ied',
]);

/**
 * The words a result marks, on its opened page (`?hl=`) and in its excerpt alike:
 *
 * - each quoted phrase whole;
 * - a query typed without quotes whose words stand together in the passage (`passage`, its words
 *   in order): that run of the text, marked once, as a phrase;
 * - otherwise each word of the query that is not a stop word of the language (`stop`), with the
 *   forms of it the index matched (`matched`: "begging" for "beg", "Lex’s" for "Lex"). Pagefind
 *   matches a short word as a prefix ("as" finds "asked"): a form needs three letters in common.
 *
 * A query of stop words only ("to be or not to be") keeps its words.
 */
export function highlightTerms(
  query: string,
  matched: string[],
  passage: string[] = [],
  stop: ReadonlySet<string> = new Set(),
): string[] {
  const trim = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const fold = (word: string) => foldForMatching(word).trim();
  const phrases = [...query.matchAll(/["“”]([^"“”]+)["“”]/g)].map((m) => m[1]!.trim());
  const typed = query
    .replace(/["“”][^"“”]*["“”]?/g, ' ')
    .split(/\s+/)
    .map(trim)
    .filter(Boolean);
  if (phrases.length === 0 && typed.length > 1) {
    const run = runOf(typed.map(fold), passage.map(fold));
    if (run !== -1) return [trim(passage.slice(run, run + typed.length).join(' '))];
  }
  const kept = typed.some((word) => !stop.has(fold(word)))
    ? typed.filter((word) => !stop.has(fold(word)))
    : typed;
  // A word the text does not have, that Pagefind matched by a stem or a start all the same
  // ("carrige" found "carriage"): the matched words one typo away from it are its forms too
  // (two would take "carried" as well).
  const found = new Set(matched.map(fold));
  const forgiven = (word: string, form: string) =>
    !found.has(word) && editsAllowed(word) > 0 && editDistance(word, form, 1) === 1;
  const forms = matched
    .map(trim)
    .filter((form) =>
      kept.some((word) => isFormOf(fold(word), fold(form)) || forgiven(fold(word), fold(form))),
    );
  const seen = new Set<string>();
  return [...phrases, ...kept, ...forms].filter((term) => {
    const key = term.toLowerCase();
    if (!term || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Whether a folded word of the text is another form of a folded query word, to be marked with
 * it. Pagefind matches by stem and by prefix, so its hits for "the" include "then" and "these";
 * a form is the word itself, or it with an ending: a long shared start and a short ending
 * ("parler", "parlait"), or an inflection ("beg", "begging"; "alarm", "alarmed"; "Lex", "Lex’s").
 * Words under three letters mark only themselves ("an" is not "and").
 */
function isFormOf(term: string, word: string): boolean {
  if (word === term) return true;
  if (term.length < 3) return false;
  let common = 0;
  while (common < term.length && term[common] === word[common]) common += 1;
  const dropped = term.length - common; // the letters the ending replaces ("e", "er")
  const ending = word.slice(common);
  if (ending === '') return false;
  if (common >= 4 && dropped <= 2 && ending.length <= 3) return true;
  if (dropped > 1) return false;
  // After a doubled last letter ("begging") or a dropped one ("hoping", "cries").
  const endings = dropped === 0 && ending[0] === term.at(-1) ? [ending, ending.slice(1)] : [ending];
  return endings.some((rest) => inflections.has(rest));
}

const inflections = new Set(['s', 'es', 'd', 'ed', 'ing', 'er', 'ers', 'est', 'ly', 'ies', 'ied']);

/** Where the folded words `run` stand together, in order, among the folded `words`; -1 if not. */
function runOf(run: string[], words: string[]): number {
  for (let at = 0; at + run.length <= words.length; at++)
    if (run.every((word, i) => words[at + i] === word)) return at;
  return -1;
}

/**
 * An excerpt marked as its landing will be: Pagefind's marks (every word it matched, by prefix
 * too: "the" marks "Then") replaced by the terms of {@link highlightTerms}, each phrase and word
 * whole. Entities stay whole. Scripts written without spaces keep Pagefind's marks.
 */
export function markExcerpt(excerpt: string, terms: string[]): string {
  if (terms.some((term) => spaceless.test(term))) return markWordsOnly(excerpt);
  const text = excerpt.replace(/<\/?mark>/g, '');
  const token = /&(?:#\d+|\w+);|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  const tokens = [...text.matchAll(token)]
    .filter((m) => !m[0].startsWith('&'))
    .map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      word: foldForMatching(m[0]).trim(),
    }));
  const wanted = terms.map((term) => foldForMatching(term).trim().split(' '));
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const found = wanted.find((words) => words.every((word, k) => tokens[i + k]?.word === word));
    if (!found) continue;
    spans.push([tokens[i]!.start, tokens[i + found.length - 1]!.end]);
    i += found.length - 1;
  }
  let marked = '';
  let from = 0;
  for (const [start, end] of spans) {
    marked += `${text.slice(from, start)}<mark>${text.slice(start, end)}</mark>`;
    from = end;
  }
  return marked + text.slice(from);
}

/** Letters of scripts written without spaces between words: their words are a segmenter's. */
export const spaceless =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
