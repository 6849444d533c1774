import { expect, test } from 'vitest';
import { countWords, readingMinutes } from '../../src/lib/story/words.ts';

test('countWords counts tokens with a letter or digit, in any script', () => {
  expect(countWords('Clark — is  here… 3,4 weeks. Zoölogical ¿qué? 東京')).toBe(8);
  expect(countWords('  — … ')).toBe(0);
});

test('readingMinutes rounds at 240 words a minute, at least one minute for any text', () => {
  expect(readingMinutes(0)).toBe(0);
  expect(readingMinutes(10)).toBe(1);
  expect(readingMinutes(2652)).toBe(11);
});
