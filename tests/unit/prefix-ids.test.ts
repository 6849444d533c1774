import { expect, test } from 'vitest';
import { prefixIds } from '../../src/lib/markup/prefix-ids.ts';

test('prefixIds rewrites ids and same-page references in tags only', () => {
  const html =
    '<section id="flashback-1" aria-labelledby="flashback-1-label" data-pagefind-title="a > b">' +
    '<p id="p-x">He typed id="p-x" and href="#p-x".</p><a href="#p-x">link</a><a href="/other/#p-x">away</a></section>';
  expect(prefixIds(html, 'chapter-one-')).toBe(
    '<section id="chapter-one-flashback-1" aria-labelledby="chapter-one-flashback-1-label" data-pagefind-title="a > b">' +
      '<p id="chapter-one-p-x">He typed id="p-x" and href="#p-x".</p><a href="#chapter-one-p-x">link</a><a href="/other/#p-x">away</a></section>',
  );
});

test("with the chapter title's id, every labelled region is named with its chapter too", () => {
  const html =
    '<section data-letter aria-labelledby="letter-1-label"><p id="letter-1-label">Letter</p></section>' +
    '<p aria-describedby="note-1">x</p>';
  expect(prefixIds(html, 'chapter-one-', 'chapter-one-title')).toBe(
    '<section data-letter aria-labelledby="chapter-one-letter-1-label chapter-one-title"><p id="chapter-one-letter-1-label">Letter</p></section>' +
      '<p aria-describedby="chapter-one-note-1">x</p>',
  );
});
