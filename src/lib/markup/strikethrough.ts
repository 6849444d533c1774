import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
// Declares mdast's `data.hName`, which remark-rehype honours.
import type {} from 'mdast-util-to-hast';

/**
 * Strikethrough as `<s>`: text no longer accurate or relevant, what a character crossed out
 * (`<del>`, remark-rehype's default, means an edit to the document).
 *
 * ```markdown
 * I ~~hate~~ love you.
 * ```
 *
 * ```html
 * <p>I <s>hate</s> love you.</p>
 * ```
 */
export function remarkStrikethrough() {
  return function transformer(tree: Root) {
    visit(tree, 'delete', (node) => {
      node.data = { ...node.data, hName: 's' };
    });
  };
}
