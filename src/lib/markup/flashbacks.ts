import type { Paragraph, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
// Declares mdast's `data.hName` / `data.hProperties`, which remark-rehype honours.
import type {} from 'mdast-util-to-hast';
import { visitParents } from 'unist-util-visit-parents';
import { containerNames, isClosed } from './containers.ts';
import { attributes } from './vocabulary.ts';
import { fillLabel, labelsOf } from './labels.ts';

/** Identifies this plugin's messages (`file.messages[n].source`). */
export const flashbackSource = 'fiction-reader:flashback';

/** Options of {@link remarkFlashbacks}. */
export interface FlashbacksOptions {
  /** Visible text of the start marker, before the `when`. */
  startLabel?: string;
  /** Visible text of the end marker. */
  endLabel?: string;
}

/**
 * Turns `:::flashback` containers into labelled regions whose start and end are announced,
 * and refuses every container directive the site does not know (containers.ts lists them).
 *
 * ```markdown
 * :::flashback{when="A few days ago"}
 * "Clark, you can't save everyone."
 * :::
 * ```
 *
 * ```html
 * <section data-flashback="1" id="flashback-1" aria-labelledby="flashback-1-label">
 * <p data-flashback-start id="flashback-1-label">Flashback: A few days ago</p>
 * <p>“Clark, you can’t save everyone.”</p>
 * <p data-flashback-end>End of flashback</p>
 * </section>
 * ```
 *
 * Author's mistakes fail the file with a place and a fix: an unknown container
 * (`flashback:unknown-container`), a container never closed (`flashback:unclosed`), a
 * flashback inside a flashback (`flashback:nested`), an attribute other than `when` or a
 * `[label]` (`flashback:unknown-attribute`), an empty flashback (`flashback:empty`).
 */
export function remarkFlashbacks(options: FlashbacksOptions = {}) {
  return function transformer(tree: Root, file: VFile) {
    const labels = labelsOf(file);
    const startLabel = options.startLabel ?? labels.flashback;
    const endLabel = options.endLabel ?? labels.flashbackEnd;
    const lines = String(file.value).split(/\r?\n/);
    let count = 0;

    visitParents(tree, 'containerDirective', (node, ancestors) => {
      if (!(containerNames as readonly string[]).includes(node.name)) {
        fail(
          file,
          node,
          'unknown-container',
          `Unknown container directive ":::${node.name}": the site knows ${containerNames.map((name) => `":::${name}"`).join(', ')}.`,
          `Use one of those, or escape the colons ("\\:::${node.name}") if they are prose.`,
        );
      }
      if (node.name !== 'flashback') return;
      if (!isClosed(node, lines)) {
        fail(
          file,
          node,
          'unclosed',
          'This ":::flashback" is never closed: it would run to the end of the chapter.',
          'Add a line holding only ":::" where the flashback ends and the narrative returns to the present.',
        );
      }
      if (ancestors.some((a) => a.type === 'containerDirective' && a.name === 'flashback')) {
        fail(
          file,
          node,
          'nested',
          'A flashback cannot sit inside another flashback.',
          'Close the outer flashback (a line holding ":::") before opening the next one.',
        );
      }
      const label = node.children[0];
      if (label?.type === 'paragraph' && label.data?.directiveLabel) {
        fail(
          file,
          node,
          'unknown-attribute',
          'A flashback takes no [label].',
          'Write the time of the flashback as an attribute: :::flashback{when="A few days ago"}.',
        );
      }
      const unknown = Object.keys(node.attributes ?? {}).filter((name) => name !== 'when');
      if (unknown.length > 0) {
        fail(
          file,
          node,
          'unknown-attribute',
          `A flashback takes only the attribute "when", found "${unknown.join('", "')}".`,
          'Write :::flashback{when="A few days ago"}, or :::flashback with no attributes.',
        );
      }
      if (node.children.length === 0) {
        fail(
          file,
          node,
          'empty',
          'This flashback holds no text.',
          'Put the flashback\'s paragraphs between ":::flashback" and ":::", or remove both lines.',
        );
      }

      count += 1;
      const id = `flashback-${count}`;
      const when = node.attributes?.when?.trim();
      const start: Paragraph = {
        type: 'paragraph',
        children: [
          {
            type: 'text',
            value: when
              ? options.startLabel
                ? `${startLabel}: ${when}`
                : fillLabel(labels.flashbackWhen, { when })
              : startLabel,
          },
        ],
        data: { hProperties: { [attributes.flashbackStart]: '', id: `${id}-label` } },
      };
      const end: Paragraph = {
        type: 'paragraph',
        children: [{ type: 'text', value: endLabel }],
        data: { hProperties: { [attributes.flashbackEnd]: '' } },
      };
      node.data = {
        hName: 'section',
        hProperties: {
          [attributes.flashback]: String(count),
          id,
          'aria-labelledby': `${id}-label`,
        },
      };
      node.children = [start, ...(node.children as RootContent[] as Paragraph[]), end];
    });
  };
}

function fail(
  file: VFile,
  node: ContainerDirective,
  rule: string,
  reason: string,
  fix: string,
): never {
  file.fail(`${reason} ${fix}`, {
    place: node.position,
    ruleId: `flashback:${rule}`,
    source: flashbackSource,
  });
}
