import type { Element, Root as HastRoot } from 'hast';
import type { FootnoteDefinition, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { englishLabels, fillLabel, labelsOf } from './labels.ts';

/** Identifies this plugin's messages. */
export const footnoteSource = 'fiction-reader:footnote';

/**
 * remark-rehype's footnote options: ids `fn-1` and `fnref-1` (no "user-content-" prefix: the
 * site renders only its author's text), a visible "Footnotes" heading, and "Back to text" as
 * each back link's name. Used by both chapter processors (index.ts).
 */
export const footnoteOptions = {
  clobberPrefix: '',
  footnoteLabel: 'Footnotes',
  footnoteLabelTagName: 'h2',
  footnoteLabelProperties: {},
  footnoteBackLabel: (_referenceIndex: number, rereferenceIndex: number) =>
    rereferenceIndex > 1 ? `Back to text (${rereferenceIndex})` : 'Back to text',
  footnoteBackContent: '↩',
};

/**
 * Checks footnotes (`She typed fast.[^1]` … `[^1]: A footnote.`): a call whose label has no
 * definition is an error (`footnote:undefined`; the parser would leave "[^1]" as text), and so is
 * a definition nothing calls (`footnote:unused`; its text would be silently dropped).
 */
export function remarkFootnotes() {
  return function transformer(tree: Root, file: VFile) {
    const definitions = new Map<string, FootnoteDefinition>();
    const called = new Set<string>();
    visit(tree, (node) => {
      if (node.type === 'footnoteDefinition') definitions.set(node.identifier, node);
      if (node.type === 'footnoteReference') called.add(node.identifier);
      if (node.type === 'text') {
        const match = /\[\^([^\]\s]+)\]/.exec(node.value);
        if (match) {
          file.fail(
            `The footnote "${match[0]}" has no text. Add a line "${match[0]}: The footnote's text." (at the end of the chapter, say), or escape the bracket ("\\\\${match[0]}") if it is prose.`,
            { place: node.position, ruleId: 'footnote:undefined', source: footnoteSource },
          );
        }
      }
    });
    for (const [identifier, definition] of definitions) {
      if (called.has(identifier)) continue;
      file.fail(
        `The footnote "[^${definition.label ?? identifier}]" is never called, so its text would not show. Put "[^${definition.label ?? identifier}]" where the footnote belongs in the text, or remove the definition.`,
        { place: definition.position, ruleId: 'footnote:unused', source: footnoteSource },
      );
    }
  };
}

/**
 * Footnotes as readers meet them, after remark-rehype: each call is named "Footnote 1" (its
 * visible text is only the number), each note is marked `data-footnote` (an EPUB footnote), the
 * numbers, back links and heading are kept out of search, and the classes remark-rehype adds go
 * (the stylesheet reads meaning, not classes).
 *
 * ```html
 * <p>She typed fast.<sup><a href="#fn-1" id="fnref-1" data-footnote-ref="" aria-describedby="footnote-label" aria-label="Footnote 1" data-pagefind-ignore>1</a></sup></p>
 * <section data-footnotes=""><h2 id="footnote-label" data-pagefind-ignore>Footnotes</h2>
 * <ol><li id="fn-1" data-footnote><p>A footnote. <a href="#fnref-1" data-footnote-backref aria-label="Back to text" data-pagefind-ignore>↩</a></p></li></ol>
 * </section>
 * ```
 */
export function rehypeFootnotes() {
  return function transformer(tree: HastRoot, file?: VFile) {
    const labels = labelsOf(file);
    // remark-rehype's words are set once per processor, in English: the file's language here.
    const english = labels === englishLabels;
    visit(tree, 'element', (element: Element) => {
      const props = element.properties;
      if (props['dataFootnoteRef'] !== undefined) {
        props['ariaLabel'] = fillLabel(labels.footnote, { number: textOf(element) });
      }
      if (!english && props['id'] === 'footnote-label') {
        element.children = [{ type: 'text', value: labels.footnotes }];
      }
      if (!english && props['dataFootnoteBackref'] !== undefined) {
        const again = /\((\d+)\)$/.exec(String(props['ariaLabel'] ?? ''));
        props['ariaLabel'] = again ? `${labels.backToText} (${again[1]})` : labels.backToText;
      }
      if (props['dataFootnotes'] !== undefined || props['dataFootnoteBackref'] !== undefined) {
        delete props['className'];
      }
      // Numbers, back links and the heading are the pipeline's words: not searched.
      const added =
        props['dataFootnoteRef'] !== undefined ||
        props['dataFootnoteBackref'] !== undefined ||
        props['id'] === 'footnote-label';
      if (added) props['dataPagefindIgnore'] = '';
      // remark-rehype sets these as booleans, which serialise without a value; written as ''
      // they read the same whichever processor (ours or Astro's, with rehype-raw) renders them.
      for (const key of ['dataFootnoteRef', 'dataFootnotes', 'dataFootnoteBackref'])
        if (props[key] === true) props[key] = '';
      if (element.tagName === 'li' && typeof props['id'] === 'string' && /^fn-/.test(props['id'])) {
        props['dataFootnote'] = '';
      }
    });
  };
}

function textOf(element: Element): string {
  return element.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
}
