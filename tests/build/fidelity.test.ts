import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { addedTextSelectors } from '../../src/lib/markup/vocabulary.ts';
import { firstDifference, pageAt, visibleText, wordsOf } from '../support/html.ts';
import { sourceWords, words } from '../support/markdown.ts';
import { availableSites, distOf, root, sites, type SiteName } from '../support/sites.ts';

const isAddedLabel = (element: Element) =>
  addedTextSelectors.some((selector) => element.matches(selector));

/** The words of a built page's element, without the labels the pipeline adds. */
function renderedWords(dist: string, url: string, selector: string): string[] {
  const element = pageAt(dist, url).document.querySelector(selector);
  if (!element) throw new Error(`${url} has no ${selector}`);
  return wordsOf(visibleText(element, isAddedLabel));
}

describe("the author's words survive, complete and in order", () => {
  test('Entwined Destinies: title, summary, note and Part 1 as the author gave them', () => {
    const original = readFileSync(
      path.join(root, 'tests/fixtures/story/entwined-destinies-part-1.txt'),
      'utf8',
    );
    const [title, summary, note, ...body] = original
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    // "Summary:" and "Author's note:" label the author's fields in the text file; the site shows
    // them as the headings "Summary" and "Notes".
    const expected = wordsOf(
      [
        title,
        summary?.replace(/^Summary: /, ''),
        note?.replace(/^Author's note: /, ''),
        ...body,
      ].join('\n'),
    );

    const dist = distOf('story');
    const actual = [
      ...renderedWords(dist, '/entwined-destinies/', 'h1'),
      ...renderedWords(dist, '/entwined-destinies/part-1/', 'h1'),
      ...renderedWords(dist, '/entwined-destinies/', '[aria-labelledby="summary-heading"] > div'),
      ...renderedWords(
        dist,
        '/entwined-destinies/',
        '[aria-labelledby="work-notes-heading"] > div',
      ),
      ...renderedWords(dist, '/entwined-destinies/part-1/', '.story-text'),
    ];
    expect(firstDifference(expected, actual)).toBeUndefined();
    expect(actual).toHaveLength(expected.length);
  });

  test('the only words added inside the prose are the flashback labels', () => {
    const { document } = pageAt(distOf('story'), '/entwined-destinies/part-1/');
    const added = Array.from(document.querySelectorAll(addedTextSelectors.join(','))).map(
      (el) => el.textContent,
    );
    expect(added).toEqual([
      'Flashback: A few days ago',
      'End of flashback',
      'Flashback: Leaving Sunnydale',
      'End of flashback',
    ]);
  });

  test.each(chaptersOf('library', 'the-adventures-of-sherlock-holmes'))(
    'Holmes, %s: every word of the source is on its page, in order',
    (_file, source, url) => {
      const actual = renderedWords(distOf('library'), url, '.story-text');
      expect(firstDifference(markdownWords(source), actual)).toBeUndefined();
    },
  );

  test.each(chaptersOf('library', 'fiction-markup'))(
    'The Night Shift, %s: every word of messages, letters, verse, epigraph, tables and footnotes, in order',
    (_file, source, url) => {
      const element = pageAt(distOf('library'), url).document.querySelector('.story-text')!;
      const actual = words(visibleText(element, isAddedLabel));
      const expected = sourceWords(source);
      expect(firstDifference(expected, actual)).toBeUndefined();
      expect(actual.length).toBe(expected.length);
    },
  );

  test('The Night Shift adds only its labels, each accounted for', () => {
    const labels = (url: string) =>
      Array.from(
        pageAt(distOf('library'), url).document.querySelectorAll(
          `.story-text :is(${addedTextSelectors.join(',')})`,
        ),
      ).map((el) => el.textContent?.trim());
    expect(labels('/fiction-markup/messages-at-midnight/')).toEqual([
      '1',
      'Messages',
      'End of messages',
      'Footnotes',
      '↩',
    ]);
    expect(labels('/fiction-markup/the-letter-and-the-song/')).toEqual([
      'Letter',
      'End of letter',
      'Diary entry',
      'End of diary entry',
      '1',
      'Verse',
      'End of verse',
      'Flashback: The summer Hester bought the bakery',
      'End of flashback',
      'Footnotes',
      '↩',
    ]);
  });

  // Every book of ../shared/corpora where it exists (CI, maintainers); skipped on a user's machine.
  const corpora = availableSites.includes('corpora')
    ? readdirSync(sites.corpora, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((entry) => chaptersOf('corpora', entry.name))
    : [];
  test.skipIf(corpora.length === 0).each(corpora)(
    'corpora, %s: every word of the source is on its page, in order',
    (_file, source, url) => {
      const actual = renderedWords(distOf('corpora'), url, '.story-text');
      expect(firstDifference(markdownWords(source), actual)).toBeUndefined();
    },
  );
});

/** `[work/file, Markdown body, page URL]` for every chapter of a work of a test site. */
function chaptersOf(site: SiteName, work: string): [string, string, string][] {
  const dir = path.join(sites[site], work);
  return readdirSync(dir)
    .filter((name) => /^\d+-.+\.md$/.test(name))
    .sort()
    .map((file) => [
      `${work}/${file}`,
      readFileSync(path.join(dir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''),
      `/${work}/${file.replace(/^\d+-/, '').replace(/\.md$/, '')}/`,
    ]);
}

/** The words of Markdown read as plain CommonMark (no directives): what the author wrote. */
function markdownWords(markdown: string): string[] {
  const tree = unified().use(remarkParse).parse(markdown);
  let text = '';
  const walk = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    else if (node.type === 'break' || node.type === 'thematicBreak') text += ' ';
    if ('children' in node) {
      const block = node.type !== 'emphasis' && node.type !== 'strong' && node.type !== 'link';
      if (block) text += ' ';
      for (const child of node.children) walk(child as Nodes);
      if (block) text += ' ';
    }
  };
  walk(tree);
  return wordsOf(text);
}
