import { renderChapterBody } from '../../src/lib/markup/index.ts';
import { wordCountField } from '../../src/lib/markup/word-count.ts';

/** Renders chapter Markdown exactly as the build does (the loader's pipeline). */
export async function renderChapter(markdown: string) {
  const result = await renderChapterBody(markdown, 'chapter.md');
  if ('mistake' in result)
    throw new Error(`expected the Markdown to render: ${result.mistake.reason}`);
  return { html: result.html, frontmatter: { [wordCountField]: result.words } };
}

/** Renders Markdown that must fail; returns the author's mistake (ruleId, line, column, reason). */
export async function renderFailure(markdown: string) {
  const result = await renderChapterBody(markdown, 'chapter.md');
  if ('mistake' in result) return result.mistake;
  throw new Error('expected the Markdown to fail, but it rendered');
}
