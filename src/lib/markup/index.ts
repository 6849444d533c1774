import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import remarkDirective from 'remark-directive';
import { remarkFlashbacks } from './flashbacks.ts';
import { rehypePassageAnchors } from './passage-anchors.ts';
import { remarkRefuseRawHtml } from './refuse-raw-html.ts';
import { remarkRestoreUnownedDirectives } from './restore-unowned-directives.ts';
import { remarkScenes } from './scenes.ts';
import { rehypeSearchAnchors } from './search-anchors.ts';
import { remarkSmartPunctuation } from './smart-punctuation.ts';
import { remarkWordCount } from './word-count.ts';

/**
 * The one ordered plugin list of the site, used by `astro.config.mjs`, `npm run check` and
 * the tests. Order matters: directives are parsed, the unowned ones given back as text and
 * raw HTML refused before words are counted; words are counted before the flashback plugin
 * adds its labels; scenes wrap the finished top level; passage ids, then the search anchors
 * that name each passage's scene or flashback, come last.
 */
export const remarkPlugins: RemarkPlugins = [
  remarkDirective,
  [remarkRestoreUnownedDirectives, { owned: [] }],
  remarkRefuseRawHtml,
  remarkWordCount,
  remarkFlashbacks,
  remarkScenes,
];

/** Rehype plugins, after Astro's own Markdown-to-HTML step. */
export const rehypePlugins: RehypePlugins = [rehypeSlug, rehypePassageAnchors, rehypeSearchAnchors];

/**
 * The Markdown options handed to `@astrojs/markdown-remark`'s `unified()` processor. Typography
 * (curly quotes, `--` an en dash and `---` an em dash, as authors type them) comes first, where
 * Astro would run its own SmartyPants, by our faster plugin with the same output.
 */
export const markdownOptions = {
  remarkPlugins: [remarkSmartPunctuation, ...remarkPlugins],
  rehypePlugins,
  smartypants: false,
  // Chapters are plain CommonMark (the content contract): no autolinked "www.", no tables.
  gfm: false,
};
