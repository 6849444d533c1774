import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { visit } from 'unist-util-visit';
// Declares mdast's `data.hName` / `data.hProperties`, which remark-rehype honours.
import type {} from 'mdast-util-to-hast';
import { checkContainer, failAt } from './containers.ts';
import { getAttribute, hasAttribute } from './hast-attributes.ts';
import { attributes } from './vocabulary.ts';
import { labelsOf } from './labels.ts';

/**
 * A table's caption: `:::table[Status]` around a table names it. Its label becomes the
 * table's `<caption>` (moved there by {@link rehypeTables}).
 *
 * ```markdown
 * :::table[Status screen]
 * | Stat | Value |
 * | ---- | ----- |
 * | STR  | 14    |
 * :::
 * ```
 *
 * Errors: anything but one table inside (`table:not-a-table`), and the containers' own checks.
 */
export function remarkTableCaptions() {
  return function transformer(tree: Root, file: VFile) {
    let count = 0;
    visitParents(tree, 'containerDirective', (node, ancestors) => {
      if (node.name !== 'table') return;
      const { children, label } = checkContainer(node, ancestors, file, {
        known: [],
        takesLabel: true,
        example: ':::table[A caption] (a new line, the table, then a line ":::")',
      });
      if (children.length !== 1 || children[0]?.type !== 'table') {
        failAt(
          file,
          node,
          'table',
          'not-a-table',
          '":::table[caption]" holds one table and nothing else.',
          'Put the table\'s lines ("| a | b |", "| - | - |", …) between ":::table[caption]" and ":::".',
        );
      }
      count += 1;
      const captionId = `table-${count}-caption`;
      node.data = { hName: 'div', hProperties: { [attributes.tableCaptioned]: captionId } };
      if (label) {
        label.data = {
          ...label.data,
          hName: 'p',
          hProperties: { [attributes.tableCaption]: captionId },
        };
      }
    });
  };
}

/**
 * Tables as readers need them: header cells with `scope="col"`, column alignment as
 * `data-align` (the stylesheet's, since `align` is obsolete), the caption from
 * `:::table[…]` inside the table, and the table in a focusable, named region that scrolls on
 * its own when it is wider than a phone, so the page never does.
 *
 * ```html
 * <section data-table tabindex="0" aria-labelledby="table-1-caption">
 * <table><caption id="table-1-caption">Status screen</caption>
 * <thead><tr><th scope="col">Stat</th>…</tr></thead><tbody>…</tbody></table></section>
 * ```
 *
 * A table without a caption is named "Table".
 */
export function rehypeTables() {
  return function transformer(tree: HastRoot, file?: VFile) {
    visitParents(tree, 'element', (element, ancestors) => {
      if (element.tagName !== 'table') return;
      for (const row of element.children) {
        if (row.type !== 'element' || row.tagName !== 'thead') continue;
        visit(row, 'element', (cell: Element) => {
          if (cell.tagName === 'th') cell.properties['scope'] = 'col';
        });
      }
      // A column's alignment (`| ---: |`): `align` is obsolete in HTML and invalid in EPUB.
      visit(element, 'element', (cell: Element) => {
        const align = cell.properties['align'];
        if (align === undefined) return;
        delete cell.properties['align'];
        cell.properties['dataAlign'] = String(align);
      });
      const parent = ancestors.at(-1) as Element | HastRoot;
      const captioned =
        parent.type === 'element' ? getAttribute(parent, attributes.tableCaptioned) : '';
      // A named <section> is a region landmark; focusable, so a keyboard can scroll it.
      const region: Element = {
        type: 'element',
        tagName: 'section',
        properties: { [propertyOf(attributes.table)]: '', tabIndex: 0 },
        children: [],
      };
      if (captioned && parent.type === 'element') {
        const labelIndex = parent.children.findIndex(
          (c) => c.type === 'element' && hasAttribute(c, attributes.tableCaption),
        );
        const label = parent.children[labelIndex] as Element | undefined;
        if (label) {
          parent.children.splice(labelIndex, 1);
          element.children.unshift({
            type: 'element',
            tagName: 'caption',
            properties: { id: captioned },
            children: label.children as ElementContent[],
          });
        }
        region.properties['ariaLabelledBy'] = [captioned];
        // The captioned container becomes the region itself.
        parent.tagName = 'section';
        parent.properties = region.properties;
        return;
      }
      region.properties['ariaLabel'] = labelsOf(file).table;
      const index = parent.children.indexOf(element);
      region.children = [element];
      parent.children.splice(index, 1, region);
      return undefined;
    });
  };
}

/** `data-table-caption` → hast's property name `dataTableCaption`. */
function propertyOf(attribute: string): string {
  return attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
