import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import { remarkRefuseRawHtml } from './refuse-raw-html.ts';
import { remarkRestoreUnownedDirectives } from './restore-unowned-directives.ts';
import { remarkSmartPunctuation } from './smart-punctuation.ts';

const renderers = new Map<string, Promise<MarkdownRenderer>>();

/**
 * Renders a Markdown front matter field (a summary, a chapter's notes) to HTML with the same
 * typography and the same refusals as a chapter, but without scenes or passage ids: notes are
 * short and sit beside the story, not in it.
 */
export async function renderMarkdownField(
  markdown: string | undefined,
  language = 'en',
): Promise<string> {
  if (!markdown) return '';
  let renderer = renderers.get(language);
  if (!renderer) {
    renderer = createMarkdownProcessor({
      syntaxHighlight: false,
      gfm: false,
      smartypants: false,
      remarkPlugins: [
        // The work's typography: its quotes and spacing.
        [remarkSmartPunctuation, { language }],
        remarkDirective,
        [remarkRestoreUnownedDirectives, { owned: [] }],
        remarkRefuseRawHtml,
      ],
    });
    renderers.set(language, renderer);
  }
  return (await (await renderer).render(markdown)).code;
}
