import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
// Declares mdast's `data.hName` / `data.hProperties`, which remark-rehype honours.
import type {} from 'mdast-util-to-hast';
import { checkContainer, failAt, marker } from './containers.ts';
import { splitLines } from './lines.ts';
import { attributes } from './vocabulary.ts';
import { labelsOf } from './labels.ts';

/**
 * Verse (a poem, song lyrics, a chant): `:::verse`. Every line break is kept as typed, with no
 * trailing backslashes; a blank line starts a stanza; a line indented with spaces (or a tab) is
 * indented (a continued line), up to three steps.
 *
 * ```markdown
 * :::verse
 * Into the night we ride,
 *   the slayer at my side.
 *
 * And none shall stand.
 * :::
 * ```
 *
 * ```html
 * <section data-verse="1" id="verse-1" aria-labelledby="verse-1-label">
 * <p data-verse-start id="verse-1-label">Verse</p>
 * <p><span data-line>Into the night we ride,</span><br><span data-line data-indent="1">the slayer at my side.</span></p>
 * <p><span data-line>And none shall stand.</span></p>
 * <p data-verse-end>End of verse</p>
 * </section>
 * ```
 *
 * Errors: blocks other than stanzas of lines (`verse:not-verse`), and the containers' own checks.
 */
export function remarkVerse() {
  return function transformer(tree: Root, file: VFile) {
    const source = String(file.value)
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    let count = 0;
    visitParents(tree, 'containerDirective', (node, ancestors) => {
      if (node.name !== 'verse') return;
      const { children } = checkContainer(node, ancestors, file, {
        known: [],
        example: ':::verse (then the lines, a blank line between stanzas, then ":::")',
      });
      const stanzas = children.map((block): Paragraph => {
        if (block.type !== 'paragraph') {
          failAt(
            file,
            block,
            'verse',
            'not-verse',
            'A ":::verse" holds lines of verse only.',
            'Write the lines as plain text, a blank line between stanzas; close the verse (":::") before other text.',
          );
        }
        const startLine = block.position?.start.line ?? 1;
        const lines = splitLines(block.children);
        const indents = lines.map((_, i) => indentOf(source[startLine - 1 + i] ?? ''));
        const base = indents[0] ?? 0;
        const content: PhrasingContent[] = [];
        lines.forEach((line, i) => {
          if (i > 0) content.push({ type: 'break' });
          const steps = Math.min(3, Math.max(0, Math.round((indents[i]! - base) / 2)));
          content.push({
            type: 'verseLine',
            data: {
              hName: 'span',
              hProperties: {
                [attributes.line]: '',
                ...(steps > 0 ? { 'data-indent': String(steps) } : {}),
              },
            },
            children: line,
          } as unknown as PhrasingContent);
        });
        return { ...block, children: content };
      });

      count += 1;
      const id = `verse-${count}`;
      node.data = {
        hName: 'section',
        hProperties: { [attributes.verse]: String(count), id, 'aria-labelledby': `${id}-label` },
      };
      node.children = [
        marker(labelsOf(file).verse, { [attributes.verseStart]: '', id: `${id}-label` }),
        ...(stanzas as RootContent[]),
        marker(labelsOf(file).verseEnd, { [attributes.verseEnd]: '' }),
      ] as never;
    });
  };
}

/** Leading spaces of a source line (a tab counts 4), without any quote markers before them. */
function indentOf(line: string): number {
  const leading = /^[\s>]*/.exec(line)?.[0] ?? '';
  return leading.replace(/>/g, '').replace(/\t/g, '    ').length;
}
