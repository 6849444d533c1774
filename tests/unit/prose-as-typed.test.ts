import { describe, expect, test } from 'vitest';
import { renderChapter } from '../support/markdown.ts';

/** The text of each `<p>` of rendered HTML, markup stripped. */
const paragraphs = (html: string) =>
  [...html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

describe('a line typed indented starts a paragraph', () => {
  test('tab-indented paragraphs typed one a line, as word processors paste them', async () => {
    const { html } = await renderChapter('\tBuffy woke.\n\tThe clock was broken.\n\tAgain.');
    expect(paragraphs(html)).toEqual(['Buffy woke.', 'The clock was broken.', 'Again.']);
  });

  test('a line indented with two or more spaces after a line of prose', async () => {
    const { html } = await renderChapter('Buffy woke.\n  The clock was broken.\n    Again.');
    expect(paragraphs(html)).toEqual(['Buffy woke.', 'The clock was broken.', 'Again.']);
  });

  test('emphasis and smart quotes are kept in each paragraph', async () => {
    const { html } = await renderChapter('\t"Clark," she said.\n\tHe *looked* up.');
    expect(html).toContain('>“Clark,” she said.</p>');
    expect(html).toContain('>He <em>looked</em> up.</p>');
  });

  test('a hard line break before an indented line becomes a paragraph break', async () => {
    const { html } = await renderChapter('One.  \n\tTwo.');
    expect(paragraphs(html)).toEqual(['One.', 'Two.']);
    expect(html).not.toContain('<br>');
  });

  test('in flashbacks and letters too', async () => {
    const { html } = await renderChapter(':::flashback\n\tThen.\n\tAnd then.\n:::');
    expect(paragraphs(html)).toContain('And then.');
    expect(paragraphs(html)).toContain('Then.');
  });

  test('lines typed at the margin stay one paragraph', async () => {
    const { html } = await renderChapter('Buffy woke\nto a broken clock.');
    expect(paragraphs(html)).toEqual(['Buffy woke\nto a broken clock.']);
  });

  test('verse keeps its indented lines, and a list item its continuation', async () => {
    const verse = await renderChapter(':::verse\nInto the night\n  we ride.\n:::');
    expect(verse.html).toContain('data-indent="1">we ride.</span>');
    const list = await renderChapter('- an item\n  continued');
    expect(list.html).toContain('<li>an item\ncontinued</li>');
  });

  test('the split counts the same words', async () => {
    const split = await renderChapter('\tOne two.\n\tThree four.');
    const joined = await renderChapter('One two.\n\nThree four.');
    expect(split.frontmatter).toEqual(joined.frontmatter);
    expect(paragraphs(split.html)).toEqual(paragraphs(joined.html));
  });
});
