import { expect, test } from 'vitest';
import type { PagefindPage, PagefindSubResult } from '../../src/scripts/pagefind.ts';
import {
  finishedWords,
  foldForMatching,
  normalizeQuery,
  rankedPassages,
} from '../../src/scripts/search-ranking.ts';

const sub = (id: string, excerpt: string, locations: number[]): PagefindSubResult => ({
  title: 'Scene 1',
  url: `/w/c/?hl=x#${id}`,
  excerpt,
  locations,
});
const page = (subs: PagefindSubResult[]): PagefindPage => ({
  url: '/w/c/',
  content: '',
  excerpt: '',
  meta: {},
  filters: {},
  sub_results: subs,
  locations: [],
});

test('a passage holding the whole phrase ranks above passages with more scattered hits', () => {
  const ranked = rankedPassages(
    page([
      sub('p-ago', 'A <mark>few</mark> <mark>days</mark> ago he decided', [1, 2, 3, 9, 12, 15]),
      sub(
        'p-later',
        '<mark>A</mark> <mark>few</mark> <mark>days</mark> <mark>later</mark> Clark had',
        [40, 41, 42, 43],
      ),
    ]),
    'a few days later',
  );
  expect(ranked.map((s) => s.url.split('#')[1])).toEqual(['p-later', 'p-ago']);
});

test('without a phrase, more hits rank first and ties keep reading order; at most four passages', () => {
  const ranked = rankedPassages(
    page([
      sub('p-1', 'one', [1]),
      sub('p-2', 'two', [5, 6, 9]),
      sub('p-3', 'three', [20]),
      sub('p-4', 'four', [30]),
      sub('p-5', 'five', [40]),
      sub('p-none', 'no hit', []),
    ]),
    'zebra',
  );
  expect(ranked.map((s) => s.url.split('#')[1])).toEqual(['p-2', 'p-1', 'p-3', 'p-4']);
});

test('queries fold case, apostrophes, diacritics and punctuation for phrase matching', () => {
  expect(foldForMatching('Lex’s ZOÖLOGICAL “garden”!')).toBe(' lexs zoological garden ');
  expect(normalizeQuery('Lex’s “alarm”')).toBe('Lex\'s "alarm"');
});

test('only words followed by a space are finished, so a prefix being typed is not fetched early', () => {
  expect(finishedWords('alarm')).toBe('');
  expect(finishedWords('alarm ')).toBe('alarm');
  expect(finishedWords('destroyed alarm clo')).toBe('destroyed alarm');
  expect(finishedWords('  alarm  clock  ')).toBe('alarm  clock');
  expect(finishedWords('   ')).toBe('');
});

test('a highlight covers the word, not the punctuation around it', async () => {
  const { markWordsOnly } = await import('../../src/scripts/search-ranking.ts');
  expect(markWordsOnly('the <mark>alarm</mark> <mark>clock,</mark> and')).toBe(
    'the <mark>alarm</mark> <mark>clock</mark>, and',
  );
  expect(markWordsOnly('<mark>“Clark!”</mark> she said')).toBe('“<mark>Clark</mark>!” she said');
  expect(markWordsOnly('<mark>&quot;don’t&quot;</mark>')).toBe('&quot;<mark>don’t</mark>&quot;');
  expect(markWordsOnly('<mark>—</mark> x')).toBe('— x');
});

test('a result holds every word of the query, not just the start Pagefind fell back to', async () => {
  const { holdsEveryWord } = await import('../../src/scripts/search-ranking.ts');
  // Words as Pagefind counts them in a page's content; `locations` point at the matched ones.
  const page = (content: string, matched: string[]) => {
    const words = content.split(' ');
    return { content, locations: matched.map((word) => words.indexOf(word)) };
  };
  const dracula = page('customs and octroi officers to pass. (z) His pursuers', ['(z)']);
  expect(holdsEveryWord(dracula, 'zzqxj')).toBe(false);
  const story = page('“Chloe, I should have protected her. I told a friend', ['I', 'a']);
  expect(holdsEveryWord(story, 'Irene Adler')).toBe(false);
  // Real words: whole, being typed, another form of the same stem, any case and accents.
  const holmes = page('“Holmes,” said I with wrenching effort, running fast', [
    '“Holmes,”',
    'wrenching',
    'running',
  ]);
  expect(holdsEveryWord(holmes, 'holmes')).toBe(true);
  expect(holdsEveryWord(holmes, 'Holmes wren')).toBe(true);
  expect(holdsEveryWord(holmes, 'runs')).toBe(true);
  expect(holdsEveryWord(holmes, 'HOLM')).toBe(true);
  expect(holdsEveryWord(page('un café noir', ['café']), 'cafe')).toBe(true);
  // A work page found by a word of its title its summary lacks (issue #27: "slayer").
  const work = {
    ...page('After the defeat of the First', ['First']),
    meta: { title: 'Entwined Destinies: The Last Son and the Slayer' },
  };
  expect(holdsEveryWord(work, 'slayer')).toBe(true);
  expect(holdsEveryWord(work, 'zzqxj')).toBe(false);
  // Locations a Chinese index counts by its own tokens: the words of the page still count.
  expect(holdsEveryWord({ content: '冬天 бабушка была жива', locations: [0] }, 'бабушка')).toBe(
    true,
  );
  expect(holdsEveryWord(holmes, 'Holmes zzqxj')).toBe(false);
  // Pagefind fell back to a shorter word that begins alike: not the word, nor a form of it.
  const town = page('the sun set on Sunnydale', ['sun', 'Sunnydale']);
  expect(holdsEveryWord(town, 'Sunydale')).toBe(false);
  expect(holdsEveryWord(town, 'Chloe Sunydale')).toBe(false);
  expect(holdsEveryWord(page('at home', ['home']), 'Homles')).toBe(false);
  // Forms of one stem that the query word is longer than: found.
  expect(holdsEveryWord(page('a note of it', ['note']), 'noting')).toBe(true);
  expect(holdsEveryWord(page('he runs', ['runs']), 'running')).toBe(true);
  expect(holdsEveryWord(page('all along the wall', ['along']), 'alout')).toBe(false);
  // The words Pagefind matched count, not the page's others ("carrige" fell back to "carri").
  expect(holdsEveryWord(page('carrying the carriage', ['carrying']), 'carrige')).toBe(false);
  expect(holdsEveryWord(page('he carried it', ['carried']), 'carrige')).toBe(false);
  expect(holdsEveryWord(page('the install is installing', ['installing']), 'installation')).toBe(
    true,
  );
  // Scripts written without spaces are left to Pagefind.
  expect(holdsEveryWord(page('東京に行きました', ['東京に行きました']), '東京')).toBe(true);
});

test('a result’s page marks phrases whole, the query’s words, and the forms the index matched', async () => {
  const { highlightTerms } = await import('../../src/scripts/search-ranking.ts');
  expect(
    highlightTerms('"my wife as an old friend"', ['wife', 'as', 'an', 'old', 'friend']),
  ).toEqual(['my wife as an old friend']);
  expect(highlightTerms('beg alarm', ['begging,', 'alarm', 'Alarmed.'])).toEqual([
    'beg',
    'alarm',
    'begging',
    'Alarmed',
  ]);
  expect(highlightTerms('Lex', ['“Lex’s'])).toEqual(['Lex', 'Lex’s']);
  // A typo Pagefind forgave by a stem: the word it found is marked; "the" still marks no "then".
  expect(highlightTerms('carrige', ['carriage,', 'carrying'])).toEqual(['carrige', 'carriage']);
  expect(highlightTerms('the', ['the', 'then'])).toEqual(['the']);
  // A phrase is marked as a phrase: its words alone ("old" everywhere) are not.
  expect(highlightTerms('“old friend” wives', ['old', 'friend', 'wives'])).toEqual([
    'old friend',
    'wives',
  ]);
});

test('an unquoted query whose words stand together in the passage marks that run, once', async () => {
  const { highlightTerms } = await import('../../src/scripts/search-ranking.ts');
  const passage = 'and she was the last person she should talk to, after all'.split(' ');
  const stop = new Set(['the', 'she', 'to', 'and', 'was', 'after', 'all']);
  expect(
    highlightTerms('the last person she should talk to', ['the', 'last'], passage, stop),
  ).toEqual(['the last person she should talk to']);
  // Case, apostrophes and punctuation between the words do not matter; the text's own words
  // are marked.
  expect(highlightTerms("Lex's arrival", [], '“Lex’s arrival, at last”'.split(' '), stop)).toEqual([
    'Lex’s arrival',
  ]);
  // The words apart: only those that are not stop words, with their matched forms.
  expect(
    highlightTerms(
      'the last person',
      ['the', 'lasting', 'persons'],
      'the lasting of persons'.split(' '),
      stop,
    ),
  ).toEqual(['last', 'person', 'lasting', 'persons']);
  // A query of stop words only keeps them.
  expect(
    highlightTerms('to be or not', ['to'], ['to', 'go'], new Set(['to', 'be', 'or', 'not'])),
  ).toEqual(['to', 'be', 'or', 'not']);
});

test('an excerpt marks what its landing marks: whole words and runs, never a prefix', async () => {
  const { markExcerpt } = await import('../../src/scripts/search-ranking.ts');
  // Pagefind marked "Then" and "these" for "the".
  expect(
    markExcerpt('<mark>Then</mark> <mark>these</mark> words: the old friend.', ['old friend']),
  ).toBe('Then these words: the <mark>old friend</mark>.');
  expect(markExcerpt('<mark>an</mark>d an old <mark>friend</mark>', ['old', 'friend'])).toBe(
    'and an <mark>old</mark> <mark>friend</mark>',
  );
  // Entities stay whole, apostrophes and diacritics fold.
  expect(
    markExcerpt('&quot;Lex’s&quot; &amp; amp, Zoölogical', ['Lex’s', 'amp', 'zoological']),
  ).toBe('&quot;<mark>Lex’s</mark>&quot; &amp; <mark>amp</mark>, <mark>Zoölogical</mark>');
  // Scripts without spaces keep Pagefind's marks.
  expect(markExcerpt('那年<mark>外婆</mark>还在', ['外婆'])).toBe('那年<mark>外婆</mark>还在');
});

test('the browser can load every stop-word list the offline lists name, and no other', async () => {
  const { stopWordLists } = await import('../../src/lib/search/stop-words.ts');
  const { lists } = await import('../../src/scripts/stop-words.ts');
  expect(Object.keys(lists).sort()).toEqual(Object.values(stopWordLists).sort());
  // Each is a list of the package, with its words.
  for (const load of Object.values(lists)) {
    const words = Object.values(await load()).flat();
    expect(words.length).toBeGreaterThan(50);
  }
});

test('the forms a result marks are inflections of the query word, not words that begin with it', async () => {
  const { highlightTerms } = await import('../../src/scripts/search-ranking.ts');
  // Pagefind's hits for "the": every word beginning with it. Marks ignore case.
  expect(highlightTerms('the', ['The', 'Then', 'these', 'They', 'their', 'there', 'them'])).toEqual(
    ['the'],
  );
  expect(
    highlightTerms('hope friend old', [
      'hoping',
      'friends',
      'friendly',
      'friendship',
      'older',
      'olden',
    ]),
  ).toEqual(['hope', 'friend', 'old', 'hoping', 'friends', 'friendly', 'older']);
  // A long shared start with a short ending: a form in any language Pagefind stems.
  expect(highlightTerms('parler', ['parlait', 'parlementaire'])).toEqual(['parler', 'parlait']);
});
