import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import { remarkRefuseRawHtml } from './refuse-raw-html.ts';
import { remarkRestoreUnownedDirectives } from './restore-unowned-directives.ts';
import { remarkSmartPunctuation } from './smart-punctuation.ts';

let renderer: Promise<MarkdownRenderer> | undefined;

/**
 * Renders a Markdown front matter field (a summary, a chapter's notes) to HTML with the same
 * typography and the same refusals as a chapter, but without scenes or passage ids: notes are
 * short and sit beside the story, not in it.
 */
export async function renderMarkdownField(markdown: string | undefined): Promise<string> {
  if (!markdown) return '';
  renderer ??= createMarkdownProcessor({
    syntaxHighlight: false,
    gfm: false,
    smartypants: false,
    remarkPlugins: [
      remarkSmartPunctuation,
      remarkDirective,
      [remarkRestoreUnownedDirectives, { owned: [] }],
      remarkRefuseRawHtml,
    ],
  });
  return (await (await renderer).render(markdown)).code;
}
