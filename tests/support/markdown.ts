import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { markdownOptions } from '../../src/lib/markup/index.ts';

const processor = createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });

/** Renders chapter Markdown through exactly the processor and plugin list Astro uses. */
export async function renderChapter(markdown: string) {
  const result = await (await processor).render(markdown, { frontmatter: {} });
  return { html: result.code, frontmatter: result.metadata.frontmatter };
}

/** Renders Markdown that must fail; returns the vfile message (ruleId, line, column, reason). */
export async function renderFailure(markdown: string) {
  const original = console.error;
  console.error = () => {}; // Astro's processor logs the error before rethrowing it
  try {
    await (await processor).render(markdown, { frontmatter: {} });
  } catch (error) {
    return error as { ruleId: string; line: number; column: number; reason: string };
  } finally {
    console.error = original;
  }
  throw new Error('expected the Markdown to fail, but it rendered');
}
