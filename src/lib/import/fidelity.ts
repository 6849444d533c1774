import path from 'node:path';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { renderChapterBodies } from '../story/render-pool.ts';
import { addedTextSelectors } from '../markup/vocabulary.ts';
import { visibleText, wordsOf } from '../words-on-page.ts';
import { blocksOf, readableText, textOf } from './html.ts';
import type { ImportedStory } from './story.ts';
import type { Written } from './write.ts';
import { englishLabels } from '../markup/labels.ts';

// Every word kept, proven: each text the writer made is rendered through the site's own
// pipeline, and its words must be the source's, in order, but for what became structure (scene
// break lines, flashback markers the site's labels now say) and the labels the site adds.

/** The first place two word lists part, or undefined when they are the same. */
export interface Difference {
  where: string;
  expected: string;
  found: string;
}

/** Words for comparing: typography folded, punctuation at a word's edges set aside. */
function comparable(text: string): string[] {
  return wordsOf(text)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

function firstDifference(expected: string[], found: string[]): number | undefined {
  const length = Math.max(expected.length, found.length);
  for (let index = 0; index < length; index++) if (expected[index] !== found[index]) return index;
  return undefined;
}

const around = (words: string[], index: number) =>
  words.slice(Math.max(0, index - 4), index + 6).join(' ') || '(nothing)';

/** Checks every text of `written` against the source; the first difference, if any. */
export async function checkFidelity(
  story: ImportedStory,
  written: Written,
  contentDir: string,
): Promise<Difference | undefined> {
  // Rendered in worker threads, as a build renders (a 10 MB story is 2.7 million words).
  const rendered = await renderChapterBodies(
    written.texts.map((text) => ({
      file: path.join(contentDir, text.path),
      body: text.converted.markdown,
      // The markup's own words are left out of the comparison, whatever their language.
      labels: englishLabels,
      language: 'en',
    })),
  );
  for (const [index, text] of written.texts.entries()) {
    const structural = new Set(
      text.converted.structural.map((line) => line.replace(/\s+/g, ' ').trim()),
    );
    const sourceText = blocksOf(text.source)
      .filter((block) => !structural.has(textOf(block.element)))
      .map((block) => readableText(block.element))
      .join(' \n ');
    const expected = comparable(sourceText);
    const result = rendered[index]!;
    if ('mistake' in result)
      return {
        where: text.label,
        expected: 'Markdown the site renders',
        found: `${result.mistake.reason} [${result.mistake.ruleId}]`,
      };
    const { document } = parseHTML(`<!doctype html><html><body>${result.html}</body></html>`);
    const labels = addedTextSelectors.join(',');
    const found = comparable(visibleText(document.body, (element) => element.matches(labels)));
    const at = firstDifference(expected, found);
    if (at !== undefined)
      return { where: text.label, expected: around(expected, at), found: around(found, at) };
  }
  // The work's fields, read back from the file as the site reads them.
  const work = String(written.files[0]!.content);
  const front = parseYaml(/^---\n([\s\S]*?)\n---/.exec(work)?.[1] ?? '') as Record<string, unknown>;
  const { meta } = story;
  const checks: [string, unknown, unknown][] = [
    ['title', meta.title, front['title']],
    ['author', meta.authors.join(', '), front['author']],
    ['fandoms', meta.fandoms?.length ? meta.fandoms : undefined, front['fandoms']],
    [
      'relationships',
      meta.relationships?.length ? meta.relationships : undefined,
      front['relationships'],
    ],
    ['characters', meta.characters?.length ? meta.characters : undefined, front['characters']],
    ['warnings', meta.warnings?.length ? meta.warnings : undefined, front['warnings']],
    ['rating', meta.rating, front['rating']],
  ];
  for (const [field, expected, found] of checks)
    if (JSON.stringify(expected) !== JSON.stringify(found))
      return {
        where: `work.md "${field}"`,
        expected: JSON.stringify(expected),
        found: JSON.stringify(found),
      };
  return undefined;
}
