import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
// Declares mdast's `data.hName` / `data.hProperties`, which remark-rehype honours.
import type {} from 'mdast-util-to-hast';
import { checkContainer, failAt, marker } from './containers.ts';
import { splitLines } from './lines.ts';
import { attributes } from './vocabulary.ts';
import { labelsOf } from './labels.ts';

/** The kinds of letter; each is announced in the work's language (labels.ts). */
export const letterKinds = ['letter', 'note', 'diary', 'email'] as const;
type LetterKind = (typeof letterKinds)[number];

const wordsIn = (line: PhrasingContent[]) =>
  line
    .map((n) => ('value' in n ? n.value : 'children' in n ? 'x' : ''))
    .join('')
    .trim()
    .split(/\s+/)
    .filter(Boolean).length;
const textOf = (line: PhrasingContent[]) =>
  line
    .map((n) => ('value' in n ? n.value : ''))
    .join('')
    .trim();

/**
 * Letters, notes, diary entries and emails, set apart and announced where they start and end:
 * `:::letter` (or `:::letter{kind="diary"}`, `"note"`, `"email"`).
 *
 * ```markdown
 * :::letter
 * Dear Buffy,
 *
 * The farm is quiet without you.
 *
 * Love,
 * Clark
 * :::
 * ```
 *
 * ```html
 * <section data-letter="letter" id="letter-1" aria-labelledby="letter-1-label">
 * <p data-letter-start id="letter-1-label">Letter</p>
 * <p data-letter-opening>Dear Buffy,</p>
 * <p>The farm is quiet without you.</p>
 * <p data-letter-closing>Love,</p>
 * <p data-letter-signature>Clark</p>
 * <p data-letter-end>End of letter</p>
 * </section>
 * ```
 *
 * The parts are found by their shape, as letters are typed: the opening is a first paragraph of
 * one short line (at most 8 words) ending in a comma or colon; the closing and signature are a
 * last paragraph of two short lines whose first ends in a comma ("Love,", "Clark"), or of one
 * short line starting with a dash ("— Clark", the signature alone). Anything else is body.
 *
 * Errors: an unknown `kind` (`letter:unknown-kind`), and the containers' own checks.
 */
export function remarkLetters() {
  return function transformer(tree: Root, file: VFile) {
    let count = 0;
    visitParents(tree, 'containerDirective', (node, ancestors) => {
      if (node.name !== 'letter') return;
      const { children } = checkContainer(node, ancestors, file, {
        known: ['kind'],
        example: ':::letter, or :::letter{kind="diary"} (letter, note, diary or email)',
      });
      const kind = (node.attributes?.['kind'] ?? 'letter').trim();
      if (!(letterKinds as readonly string[]).includes(kind)) {
        failAt(
          file,
          node,
          'letter',
          'unknown-kind',
          `":::letter" knows no kind "${kind}".`,
          `Write kind="letter", "note", "diary" or "email", or leave it out for a letter.`,
        );
      }
      const labels = labelsOf(file);
      const label = labels[kind as LetterKind];
      const endLabel = labels[`${kind as LetterKind}End`];
      const blocks = [...children];
      const first = blocks[0];
      if (first?.type === 'paragraph') {
        const lines = splitLines(first.children);
        if (
          lines.length === 1 &&
          wordsIn(lines[0]!) <= 8 &&
          /[,:]$/.test(textOf(lines[0]!)) &&
          blocks.length > 1
        )
          mark(first, attributes.letterOpening);
      }
      const last = blocks.at(-1);
      if (last?.type === 'paragraph' && last !== first) {
        const lines = splitLines(last.children);
        const short = lines.every((line) => wordsIn(line) <= 6);
        if (short && lines.length === 2 && /,$/.test(textOf(lines[0]!))) {
          blocks.splice(
            blocks.length - 1,
            1,
            part(lines[0]!, attributes.letterClosing),
            part(lines[1]!, attributes.letterSignature),
          );
        } else if (short && lines.length === 1 && /^[—–-]/.test(textOf(lines[0]!))) {
          mark(last, attributes.letterSignature);
        }
      }

      count += 1;
      const id = `letter-${count}`;
      node.data = {
        hName: 'section',
        hProperties: { [attributes.letter]: kind, id, 'aria-labelledby': `${id}-label` },
      };
      node.children = [
        marker(label, { [attributes.letterStart]: '', id: `${id}-label` }),
        ...(blocks as RootContent[]),
        marker(endLabel, { [attributes.letterEnd]: '' }),
      ] as never;
    });
  };
}

function mark(paragraph: Paragraph, attribute: string) {
  paragraph.data = { ...paragraph.data, hProperties: { [attribute]: '' } };
}

function part(line: PhrasingContent[], attribute: string): Paragraph {
  return { type: 'paragraph', children: line, data: { hProperties: { [attribute]: '' } } };
}
