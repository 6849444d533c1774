import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { slugify } from '../slug.ts';
import { hasAttribute } from './hast-attributes.ts';
import { attributes, markerAttributes, passageIdPrefix } from './vocabulary.ts';

/** Options of {@link rehypePassageAnchors}. */
export interface PassageAnchorsOptions {
  /** How many opening words make the readable part of an id. */
  words?: number;
}

/**
 * Gives every paragraph of prose a passage id made from its own opening words, so that it
 * does not change when other paragraphs are inserted, removed or reordered. Search hits and
 * shared links point at these ids.
 *
 * ```markdown
 * Buffy wakes up to yet another destroyed alarm clock.
 *
 * "I promise."
 *
 * "I promise."
 * ```
 *
 * ```html
 * <p id="p-buffy-wakes-up-to-yet" data-passage>Buffy wakes up to yet another destroyed alarm clock.</p>
 * <p id="p-i-promise" data-passage>“I promise.”</p>
 * <p id="p-i-promise-2" data-passage>“I promise.”</p>
 * ```
 *
 * Two different paragraphs that open with the same words are told apart by a short hash of
 * their whole text (`p-chloe-looks-up-3kq1`), which stays put while neither is edited; only
 * paragraphs with identical text fall back to their order (`-2`, `-3`). Markers the other
 * plugins add (flashback start and end) are not passages.
 */
export function rehypePassageAnchors(options: PassageAnchorsOptions = {}) {
  const words = options.words ?? 5;

  return function transformer(tree: Root) {
    const passages: { element: Element; text: string; base: string }[] = [];
    visit(tree, 'element', (element) => {
      if (element.tagName !== 'p' || isMarker(element)) return;
      // A footnote's number is not the author's opening: adding a footnote keeps the id.
      const text = toString(withoutFootnoteCalls(element)).trim();
      if (text === '') return;
      passages.push({ element, text, base: slugOfOpening(text, words) });
    });

    // Texts per opening: an opening shared by different paragraphs needs the hash.
    const textsPerBase = new Map<string, Set<string>>();
    for (const { base, text } of passages) {
      textsPerBase.set(base, (textsPerBase.get(base) ?? new Set()).add(text));
    }
    const taken = new Set<string>();
    for (const { element, text, base } of passages) {
      const ambiguous = base === '' || (textsPerBase.get(base)?.size ?? 0) > 1;
      const preferred = ambiguous ? [base, hashOf(text)].filter(Boolean).join('-') : base;
      let id = preferred;
      for (let n = 2; taken.has(id); n += 1) id = `${preferred}-${n}`;
      taken.add(id);
      element.properties = {
        ...element.properties,
        id: `${passageIdPrefix}${id}`,
        [attributes.passage]: '',
      };
    }
  };
}

function isMarker(element: Element): boolean {
  return markerAttributes.some((attribute) => hasAttribute(element, attribute));
}

/** `"Clark, you can't save everyone"` -> `clark-you-cant-save-everyone` (ASCII, diacritics folded). */
export function slugOfOpening(text: string, words: number): string {
  return slugify(text, words);
}

/** A short, stable base-36 FNV-1a hash of the text. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36).slice(0, 4);
}

/** The paragraph without its footnote calls (`<sup><a data-footnote-ref>1</a></sup>`). */
function withoutFootnoteCalls(element: Element): Element {
  const calls = (node: Element | ElementContent): boolean =>
    node.type === 'element' &&
    node.tagName === 'sup' &&
    node.children.some((c) => c.type === 'element' && hasAttribute(c, 'data-footnote-ref'));
  if (!element.children.some(calls)) return element;
  return { ...element, children: element.children.filter((c) => !calls(c)) };
}
