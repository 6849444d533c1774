import type { Nodes } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { decorativeAlt } from '../../src/lib/markup/images.ts';
import { renderChapterBody } from '../../src/lib/markup/index.ts';
import { remarkProseAsTyped } from '../../src/lib/markup/prose-as-typed.ts';
import { remarkRestoreUnownedDirectives } from '../../src/lib/markup/restore-unowned-directives.ts';
import { remarkFictionSyntax } from '../../src/lib/markup/syntax.ts';
import { wordsOf } from './html.ts';
import { wordCountField } from '../../src/lib/markup/word-count.ts';

/** Renders chapter Markdown exactly as the build does (the loader's pipeline). */
export async function renderChapter(markdown: string, file = 'chapter.md') {
  const result = await renderChapterBody(markdown, file);
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

/** The author's words in Markdown, as the site's parser reads it (directive fences and attributes are syntax). */
export function sourceWords(markdown: string): string[] {
  const processor = unified()
    .use(remarkFictionSyntax)
    .use(remarkParse)
    .use(remarkDirective)
    .use(remarkRestoreUnownedDirectives)
    // Break lines (`oOo`) are markup, and `1984. It was…` is prose: the rules authors are promised.
    .use(remarkProseAsTyped);
  const tree = processor.runSync(processor.parse(markdown), new VFile(markdown)) as Nodes;
  let text = '';
  const walk = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    else if (node.type === 'break') text += ' ';
    // A picture's words: its alt text (unless it is marked decorative), then its caption.
    else if (node.type === 'image')
      text += ` ${node.alt === decorativeAlt ? '' : (node.alt ?? '')} ${node.title ?? ''} `;
    if ('children' in node) {
      const inline = ['emphasis', 'strong', 'link', 'delete'].includes(node.type);
      if (!inline) text += ' ';
      for (const child of node.children) walk(child as Nodes);
      if (!inline) text += ' ';
    }
  };
  walk(tree);
  return words(text);
}

/** Words with the punctuation the syntax itself uses (a sender's colon, a time's brackets) set aside. */
export const words = (text: string) =>
  wordsOf(text)
    .map((w) => w.replace(/^[(]+|[):]+$/g, ''))
    .filter(Boolean);
