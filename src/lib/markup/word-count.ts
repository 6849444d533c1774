import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { countWords } from '../story/words.ts';

/** Where {@link remarkWordCount} leaves its count, in Astro's `rendered.metadata.frontmatter`. */
export const wordCountField = 'wordCount';

/**
 * Counts the words of the author's text (every paragraph, heading and table cell, never the
 * labels other plugins add) and records it for the content model, the way Astro's own
 * reading-time recipe does: `file.data.astro.frontmatter.wordCount`.
 *
 * ```markdown
 * Clark is *sitting* in the Talon. 3,4 weeks.
 * ```
 *
 * sets `wordCount: 8`.
 */
export function remarkWordCount() {
  return function transformer(tree: Root, file: VFile) {
    let words = 0;
    visit(tree, (node) => {
      if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
      words += countWords(toString(node));
      return 'skip';
    });
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter = { ...data.astro.frontmatter, [wordCountField]: words };
  };
}
