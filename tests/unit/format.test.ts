import { expect, test } from 'vitest';
import { excerpt, textOf } from '../../src/lib/format.ts';

test('textOf gives the plain text of rendered HTML, entities decoded once', () => {
  expect(
    textOf('<p>Summary with &#x3C;b>tags&#x3C;/b>? &amp; &#8220;quotes&#8221;</p>\n<p>Two</p>'),
  ).toBe('Summary with <b>tags</b>? & “quotes” Two');
});

test('textOf joins blocks with a space but not inline elements', () => {
  expect(textOf('<p>Every <em>scene</em>, <strong>all</strong>.</p><p>Next.</p>')).toBe(
    'Every scene, all. Next.',
  );
});

test('excerpt cuts at a word boundary and marks the cut', () => {
  expect(excerpt('one two three four', 12)).toBe('one two…');
  expect(excerpt('short', 12)).toBe('short');
});

test('a title in runs keeps each spaced dash with the word before it, and every character', async () => {
  const { titleRuns } = await import('../../src/lib/format.ts');
  const title = 'Book IV — Part III: 1812 – Chapter IV';
  const runs = titleRuns(title);
  expect(runs.map((r) => r.text).join('')).toBe(title);
  expect(runs.filter((r) => r.together).map((r) => r.text)).toEqual(['IV —', '1812 –']);
  expect(titleRuns('Arrival')).toEqual([{ text: 'Arrival', together: false }]);
});
