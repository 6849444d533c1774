import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Processor } from 'unified';

/**
 * What the parser reads, beyond CommonMark: footnotes (`[^1]`), strikethrough (`~~struck~~`)
 * and tables, the three parts of GitHub's Markdown that stories use, and no other part (no
 * autolinked "www.", no task lists). Two CommonMark rules that turn prose as authors type it
 * into something else are off:
 *
 * - indented code: a paragraph indented by a tab or four spaces (a word processor's first-line
 *   indent) is a paragraph, never a monospace block;
 * - setext headings: a `---` line right under a paragraph is a scene break, never an underline
 *   that turns the paragraph above into a heading (headings are written with `#`).
 *
 * Registered on the processor, so it must come before any plugin that parses (remark-parse reads
 * these extensions when it runs).
 */
export function remarkFictionSyntax(this: Processor) {
  const data = this.data() as {
    micromarkExtensions?: unknown[];
    fromMarkdownExtensions?: unknown[];
  };
  (data.micromarkExtensions ??= []).push(
    gfmFootnote(),
    // One tilde is prose ("~10 miles", "~*~"): only `~~` strikes through.
    gfmStrikethrough({ singleTilde: false }),
    gfmTable(),
    { disable: { null: ['codeIndented', 'setextUnderline'] } },
  );
  (data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
  );
}
