import { expect, test } from 'vitest';
import { editDistance, editsAllowed } from '../../src/lib/search/edit-distance.ts';
import {
  closestWords,
  isKnown,
  isListable,
  listFile,
  listsFor,
  parseList,
} from '../../src/lib/search/spelling.ts';
import { WordCounts } from '../../src/lib/search/word-list.ts';

test('edits between words: insert, delete, replace, and two neighbours swapped count one each', () => {
  expect(editDistance('sunydale', 'sunnydale', 2)).toBe(1);
  expect(editDistance('chole', 'chloe', 2)).toBe(1);
  expect(editDistance('slyaer', 'slayer', 2)).toBe(1);
  expect(editDistance('smalvile', 'smallville', 2)).toBe(2);
  expect(editDistance('kitten', 'sitting', 5)).toBe(3);
  // Stops as soon as the limit is passed, and says limit + 1.
  expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  expect(editDistance('a', 'abcdef', 2)).toBe(3);
});

test('short words get no correction, longer ones one edit, from six letters two', () => {
  expect([editsAllowed('to'), editsAllowed('lex'), editsAllowed('chole')]).toEqual([0, 1, 1]);
  expect(editsAllowed('sunydale')).toBe(2);
  // Letters, not UTF-16 units.
  expect(editsAllowed('𝒶𝒷')).toBe(0);
});

test('the closest words: fewest edits first, then the most frequent, as the text writes them', () => {
  const words = parseList('Chloe\t45\nchose\t3\nhole\t2\nClark\t50\nwhole\t9\n');
  expect(closestWords('chole', words).map((w) => w.word)).toEqual(['Chloe', 'whole', 'chose']);
  expect(closestWords('chole', words, 1).map((w) => w.word)).toEqual(['Chloe']);
  expect(closestWords('zzqxj', words)).toEqual([]);
  // A word that is listed is no miss; the word being typed is no miss where a word begins so.
  expect(isKnown('chloe', words, false)).toBe(true);
  expect(isKnown('chlo', words, false)).toBe(false);
  expect(isKnown('chlo', words, true)).toBe(true);
});

test('the lists a miss reads: its first letter, and its second for a letter typed before', () => {
  expect(listsFor('hcloe')).toEqual(['h', 'c']);
  expect(listsFor('aardvark')).toEqual(['a']);
  expect(listFile('c')).toBe('0063.txt');
  expect(listFile('б')).toBe('0431.txt');
  expect(listFile('ש')).toBe('05e9.txt');
});

test('the word lists: words of spaced scripts, folded, counted, each as most often written', () => {
  const counts = new WordCounts();
  counts.add(
    'Chloe said, “Chloe’s here.” chloe? Café, cafe, CAFÉ. 外婆还在 Москва, москва אבא שלום',
  );
  counts.add('Chloe ok');
  const lists = counts.lists();
  expect(lists.get(listFile('c'))).toBe('Café\t3\nChloe\t3\nChloe’s\t1\n');
  expect(lists.get(listFile('м'))).toBe('Москва\t2\n');
  expect(lists.get(listFile('ש'))).toBe('שלום\t1\n');
  // Two letters ("ok"), and Chinese (segmented by Pagefind, not by spaces), are not listed.
  expect([...lists.values()].join('')).not.toMatch(/\bok\b|外婆/);
  expect(isListable('ok')).toBe(false);
  expect(counts.size).toBe(8); // chloe, said, chloes, here, cafe, москва, אבא, שלום
});
