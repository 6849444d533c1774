// How good the search is, not how fast: random phrases a reader remembers, typed without quotes;
// misspelled words; and what a landing marks outside the passage it opens. Run by `npm run
// bench` (measure-site.ts) on the largest generated story and on a long public-domain book, in
// Chromium through the search page as readers use it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { foldForMatching } from '../search/fold.ts';
import { foldWord, wordListDir } from '../search/spelling.ts';
import { round } from './budgets.ts';

export interface SearchQuality {
  /** Unquoted 6-word phrases, each found once in the text: its passage among the first 3 results. */
  phrases: { tried: number; inFirst3: number; share: number; missed: string[] };
  /** A word with one typo: the intended word offered by "Did you mean", or found anyway. */
  typos: { tried: number; corrected: number; share: number; missed: string[] };
  /** Marks outside the passage a phrase's first result opens, per landing. */
  strayMarks: { landings: number; mean: number; max: number };
  /**
   * "Did you mean"'s word lists: all of them, and the most one miss (a typo query) loaded, as
   * gzip (how servers send text).
   */
  wordLists: { files: number; gzipKB: number; mostPerMissGzipKB: number };
}

interface Passage {
  url: string;
  id: string;
  words: string[];
}

/** Phrases and typos per measurement: enough for a share to mean something, minutes at L. */
const samples = 40;
const phraseLength = 6;

export async function measureSearchQuality(
  browser: Browser,
  origin: string,
  dist: string,
  chapterPages: string[],
): Promise<SearchQuality> {
  const random = seeded(27);
  const passages = chapterPages.flatMap((url) => passagesOf(dist, url));
  // The text as a search compares it, to know which phrases it holds once.
  const text = foldForMatching(passages.map((p) => p.words.join(' ')).join(' '));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const listsDir = path.join(dist, wordListDir);
  // A letter no word begins with has no list (the browser's request finds none): 0 bytes.
  const gzipOf = (file: string) =>
    existsSync(path.join(listsDir, file))
      ? gzipSync(readFileSync(path.join(listsDir, file))).length
      : 0;
  let listsLoaded: string[] = [];
  page.on('request', (request) => {
    const [, file] = /\/pagefind\/words\/([^/?]+)$/.exec(request.url()) ?? [];
    if (file) listsLoaded.push(file);
  });
  let mostPerMiss = 0;
  try {
    const phrases = { tried: 0, inFirst3: 0, share: 0, missed: [] as string[] };
    const stray: number[] = [];
    for (let attempt = 0; phrases.tried < samples && attempt < samples * 20; attempt++) {
      const passage = pick(passages, random);
      if (passage.words.length < phraseLength) continue;
      const start = Math.floor(random() * (passage.words.length - phraseLength + 1));
      // As a reader types a phrase remembered: its words, without the quotes and commas.
      const words = passage.words
        .slice(start, start + phraseLength)
        .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
      // Only a phrase the text holds once has one right answer.
      if (words.some((word) => word === '') || !once(text, foldForMatching(words.join(' '))))
        continue;
      const query = words.join(' ');
      phrases.tried += 1;
      const links = await resultLinks(page, origin, query);
      const target = `${passage.url}#${passage.id}`;
      const hit = links.slice(0, 3).find((link) => link.replace(/\?[^#]*/, '') === target);
      if (!hit) {
        phrases.missed.push(query);
        continue;
      }
      phrases.inFirst3 += 1;
      stray.push(await strayMarksAt(page, origin, hit));
    }
    phrases.share = round(phrases.inFirst3 / Math.max(1, phrases.tried), 3);

    const typos = { tried: 0, corrected: 0, share: 0, missed: [] as string[] };
    for (let attempt = 0; typos.tried < samples && attempt < samples * 20; attempt++) {
      const passage = pick(passages, random);
      const word = pick(passage.words, random)?.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '') ?? '';
      // Words long enough to mistype, of letters only (a name, a verb: what readers look for).
      if (!/^\p{L}{5,}$/u.test(word)) continue;
      const typo = mistype(word, random);
      if (foldWord(typo) === foldWord(word)) continue;
      typos.tried += 1;
      listsLoaded = [];
      const corrected = await correctedOrFound(page, origin, typo, word);
      mostPerMiss = Math.max(
        mostPerMiss,
        listsLoaded.reduce((sum, file) => sum + gzipOf(file), 0),
      );
      if (corrected) typos.corrected += 1;
      else typos.missed.push(`${typo} (${word})`);
    }
    typos.share = round(typos.corrected / Math.max(1, typos.tried), 3);
    const mean = stray.reduce((sum, marks) => sum + marks, 0) / Math.max(1, stray.length);
    return {
      phrases,
      typos,
      strayMarks: { landings: stray.length, mean: round(mean, 2), max: Math.max(0, ...stray) },
      wordLists: {
        files: readdirSync(listsDir).length,
        gzipKB: round(readdirSync(listsDir).reduce((sum, file) => sum + gzipOf(file), 0) / 1024),
        mostPerMissGzipKB: round(mostPerMiss / 1024),
      },
    };
  } finally {
    await context.close();
  }
}

/** A chapter page's passages (`<p id="p-…" data-passage>`), each with its words. */
function passagesOf(dist: string, url: string): Passage[] {
  const html = readFileSync(path.join(dist, url, 'index.html'), 'utf8');
  const found: Passage[] = [];
  for (const m of html.matchAll(
    /<p\b[^>]*\bid="(p-[^"]+)"[^>]*\bdata-passage\b[^>]*>([\s\S]*?)<\/p>/g,
  )) {
    const text = m[2]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&#x([\da-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
    found.push({ url, id: m[1]!, words: text.split(/\s+/).filter(Boolean) });
  }
  return found;
}

/** The search page's result links for a query, once its outcome is announced. */
async function resultLinks(page: Page, origin: string, query: string): Promise<string[]> {
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(
    () => document.querySelector('passage-search[data-mode="page"] [data-status]')?.textContent,
    undefined,
    { timeout: 30_000 },
  );
  return page.locator('passage-search[data-mode="page"] a[data-result]').evaluateAll((links) =>
    links.map((link) => {
      const url = new URL((link as HTMLAnchorElement).href);
      return `${url.pathname}${url.search}${url.hash}`;
    }),
  );
}

/** Opens a result and counts the marks outside the passage it names. */
async function strayMarksAt(page: Page, origin: string, href: string): Promise<number> {
  await page.goto(`${origin}${href}`);
  await page
    .waitForFunction(() => document.querySelector('mark.search-hit'), undefined, {
      timeout: 10_000,
    })
    .catch(() => {});
  return page.evaluate(() => {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    return [...document.querySelectorAll('mark.search-hit')].filter(
      (mark) => !target?.contains(mark),
    ).length;
  });
}

/**
 * Whether a misspelled query gets the intended word: offered by "Did you mean", or found anyway
 * (Pagefind matched it, and the first results mark it).
 */
async function correctedOrFound(
  page: Page,
  origin: string,
  typo: string,
  intended: string,
): Promise<boolean> {
  const links = await resultLinks(page, origin, typo);
  const offered = await page
    .locator('passage-search[data-mode="page"] a[data-correction]')
    .allTextContents();
  const wanted = foldWord(intended);
  if (offered.some((word) => foldWord(word) === wanted)) return true;
  const marked = links
    .slice(0, 3)
    .flatMap((link) => new URL(link, origin).searchParams.getAll('hl'))
    .map(foldWord);
  return marked.includes(wanted);
}

/**
 * One typo of the kinds typists make, anywhere in the word: a letter left out, one doubled
 * or added from a neighbour key, one replaced, or two neighbours swapped.
 */
function mistype(word: string, random: () => number): string {
  const letters = [...word];
  const at = Math.floor(random() * letters.length);
  const other = 'etaoinshrdlucmfwypvbgkqjxz'[Math.floor(random() * 26)]!;
  switch (Math.floor(random() * 4)) {
    case 0:
      letters.splice(at, 1);
      break;
    case 1:
      letters.splice(at, 0, random() < 0.5 ? letters[at]! : other);
      break;
    case 2:
      letters[at] = other;
      break;
    default:
      if (at + 1 < letters.length)
        [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
      else letters.splice(at, 1);
  }
  return letters.join('');
}

function once(text: string, phrase: string): boolean {
  const first = text.indexOf(phrase);
  return first !== -1 && text.indexOf(phrase, first + 1) === -1;
}

function pick<T>(items: T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A seeded random generator (mulberry32): the same phrases and typos every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
