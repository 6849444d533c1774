import type { Paragraph, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
// Declares mdast's `data.hName` / `data.hProperties`, which remark-rehype honours.
import type {} from 'mdast-util-to-hast';
import { checkContainer, failAt } from './containers.ts';
import { attributes } from './vocabulary.ts';
import { labelsOf } from './labels.ts';

/**
 * An epigraph at the start of a chapter: `:::epigraph`, its last paragraph the attribution
 * when it starts with a dash.
 *
 * ```markdown
 * :::epigraph
 * The hardest thing in this world is to live in it.
 *
 * — Buffy Summers
 * :::
 * ```
 *
 * ```html
 * <figure data-epigraph aria-label="Epigraph">
 * <blockquote><p>The hardest thing in this world is to live in it.</p></blockquote>
 * <figcaption>— Buffy Summers</figcaption>
 * </figure>
 * ```
 *
 * Errors: an epigraph anywhere but before the chapter's first text (`epigraph:not-at-start`),
 * and the containers' own checks.
 */
export function remarkEpigraphs() {
  return function transformer(tree: Root, file: VFile) {
    visitParents(tree, 'containerDirective', (node, ancestors) => {
      if (node.name !== 'epigraph') return;
      const { children } = checkContainer(node, ancestors, file, {
        known: [],
        example: ':::epigraph (the quotation, a blank line, "— Who said it", then ":::")',
      });
      const before = tree.children.slice(0, tree.children.indexOf(node as never));
      const atStart =
        ancestors.length === 1 &&
        before.every(
          (n) => n.type === 'html' || (n.type === 'containerDirective' && n.name === 'epigraph'),
        );
      if (!atStart) {
        failAt(
          file,
          node,
          'epigraph',
          'not-at-start',
          'An epigraph opens a chapter: this one comes after its text has begun.',
          'Move it to the top of the chapter, or use a quotation ("> ") for a quote within the text.',
        );
      }
      const last = children.at(-1);
      const attribution =
        children.length > 1 && last?.type === 'paragraph' && /^[—–-]/.test(firstText(last))
          ? last
          : undefined;
      const quote = attribution ? children.slice(0, -1) : children;
      node.data = {
        hName: 'figure',
        hProperties: { [attributes.epigraph]: '', 'aria-label': labelsOf(file).epigraph },
      };
      node.children = [
        { type: 'blockquote', children: quote } as RootContent,
        ...(attribution ? [{ ...attribution, data: { hName: 'figcaption' } } as RootContent] : []),
      ] as never;
    });
  };
}

function firstText(paragraph: Paragraph): string {
  const first = paragraph.children[0];
  return first && 'value' in first ? first.value.trimStart() : '';
}
