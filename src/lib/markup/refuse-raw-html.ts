import type { Html, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** Identifies this plugin's messages (`file.messages[n].source`). */
export const rawHtmlSource = 'fiction-reader:raw-html';

/**
 * Refuses raw HTML in a chapter: the site renders Markdown only, so markup a reader's browser
 * would run or style is never passed through. HTML comments are the one exception: they are
 * the author's notes to self and render nothing.
 *
 * ```markdown
 * She said <span style="color:red">no</span>.
 * ```
 *
 * fails with `raw-html:refused` at 1:10:
 * `Raw HTML is not rendered: found "<span style="color:red">". Write Markdown instead
 * (*emphasis*, **strong**, > quotes), or escape the "<" as "\<" if it is prose.`
 *
 * ```markdown
 * <!-- check the date -->
 * ```
 *
 * renders nothing.
 */
export function remarkRefuseRawHtml() {
  return function transformer(tree: Root, file: VFile) {
    visit(tree, 'html', (node: Html) => {
      if (/^<!--[\s\S]*-->$/.test(node.value.trim())) return;
      const found = node.value.trim().split('\n')[0]?.slice(0, 60) ?? node.value;
      file.fail(
        `Raw HTML is not rendered: found "${found}". Write Markdown instead (*emphasis*, **strong**, > quotes), or escape the "<" as "\\<" if it is prose.`,
        { place: node.position, ruleId: 'raw-html:refused', source: rawHtmlSource },
      );
    });
  };
}
