import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { remarkEpigraphs } from './epigraphs.ts';
import { remarkContainerFences } from './fences.ts';
import { remarkFlashbacks } from './flashbacks.ts';
import { remarkImages, type ImagesFileData } from './images.ts';
import { footnoteOptions, rehypeFootnotes, remarkFootnotes } from './footnotes.ts';
import { remarkLetters } from './letters.ts';
import type { MarkupLabels } from './labels.ts';
import { remarkMessages } from './messages.ts';
import { rehypePassageAnchors } from './passage-anchors.ts';
import { remarkProseAsTyped } from './prose-as-typed.ts';
import { remarkRefuseRawHtml } from './refuse-raw-html.ts';
import { remarkRefuseUnsupported } from './refuse-unsupported.ts';
import { remarkRestoreUnownedDirectives } from './restore-unowned-directives.ts';
import { remarkScenes } from './scenes.ts';
import { rehypeSearchAnchors } from './search-anchors.ts';
import { remarkSmartPunctuation } from './smart-punctuation.ts';
import { remarkStrikethrough } from './strikethrough.ts';
import { remarkFictionSyntax } from './syntax.ts';
import { rehypeTables, remarkTableCaptions } from './tables.ts';
import { remarkVerse } from './verse.ts';
import { remarkWordCount, wordCountField } from './word-count.ts';

/**
 * The one ordered plugin list of the site, used by `astro.config.mjs`, `npm run check` and
 * the tests. Order matters: the parser's syntax is set first; directives are parsed, the
 * unowned ones given back as text, raw HTML and what the site does not render refused, pictures
 * checked and made figures, prose as authors type it restored and
 * footnotes checked before words are counted; words are counted before the structures add their
 * labels (flashbacks, messages, letters, verse, epigraphs, table captions); scenes wrap the
 * finished top level. After the HTML step: heading ids, footnotes and tables completed, then
 * passage ids and the search anchors that name each passage's place.
 */
export const remarkPlugins: RemarkPlugins = [
  remarkFictionSyntax,
  remarkDirective,
  [remarkRestoreUnownedDirectives, { owned: [] }],
  remarkContainerFences,
  remarkRefuseRawHtml,
  remarkRefuseUnsupported,
  remarkImages,
  remarkProseAsTyped,
  remarkFootnotes,
  remarkWordCount,
  remarkStrikethrough,
  remarkFlashbacks,
  remarkMessages,
  remarkLetters,
  remarkVerse,
  remarkEpigraphs,
  remarkTableCaptions,
  remarkScenes,
];

/** Rehype plugins, after Astro's own Markdown-to-HTML step. */
export const rehypePlugins: RehypePlugins = [
  rehypeSlug,
  rehypeFootnotes,
  rehypeTables,
  rehypePassageAnchors,
  rehypeSearchAnchors,
];

/**
 * The Markdown options handed to `@astrojs/markdown-remark`'s `unified()` processor. Typography
 * (curly quotes, `--` an en dash and `---` an em dash, as authors type them) comes first, where
 * Astro would run its own SmartyPants, by our faster plugin with the same output.
 */
export const markdownOptions = {
  remarkPlugins: [remarkSmartPunctuation, ...remarkPlugins],
  rehypePlugins,
  remarkRehype: footnoteOptions,
  smartypants: false,
  // remarkFictionSyntax brings the parts of GitHub's Markdown stories use (footnotes,
  // strikethrough, tables), and no autolinked "www." or task lists.
  gfm: false,
};

/** What rendering a chapter's Markdown gives: its HTML and word count, or the author's mistake. */
export type RenderedBody =
  | { html: string; words: number; images: string[] }
  | { mistake: { line: number; column?: number; ruleId: string; reason: string } };

// The plugins of `markdownOptions`, in the same order, without the stages of Astro's processor a
// chapter never needs (raw HTML is refused, pictures are placeholders, there is no code):
// `rehype-raw` alone re-parsed every chapter through parse5. Every chapter's text renders through
// this one processor (summaries and notes through render-field.ts, with fewer plugins).
const chapterProcessor = unified()
  .use(remarkParse)
  .use(markdownOptions.remarkPlugins as PluggableList)
  .use(remarkRehype, { allowDangerousHtml: true, ...footnoteOptions })
  .use(rehypePlugins as PluggableList)
  .use(rehypeStringify, { allowDangerousHtml: true })
  .freeze();

/**
 * Renders a chapter's Markdown body (front matter blanked, so lines are file lines) to HTML, with
 * the markup's words in the work's language (`labels`; English by default) and its
 * typography (`language`: quotes and spacing). A
 * plugin's refusal (an unclosed flashback, raw HTML…) comes back as the mistake, with its place.
 */
export async function renderChapterBody(
  body: string,
  file: string,
  labels?: MarkupLabels,
  language = 'en',
): Promise<RenderedBody> {
  const vfile = new VFile({
    value: body,
    path: file,
    data: { astro: { frontmatter: {} }, language, ...(labels ? { labels } : {}) },
  });
  try {
    const html = String(await chapterProcessor.process(vfile));
    const data = vfile.data as { astro: { frontmatter: Record<string, unknown> } } & ImagesFileData;
    return {
      html,
      words: Number(data.astro.frontmatter[wordCountField] ?? 0),
      images: data.images ?? [],
    };
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
    return {
      mistake: {
        line: error.line ?? 1,
        ...(error.column ? { column: error.column } : {}),
        ruleId: error.ruleId ?? 'markup',
        reason: error.reason,
      },
    };
  }
}
