import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { getAttribute as attr, hasAttribute as has } from './hast-attributes.ts';
import type { VFile } from 'vfile';
import { attributes, markerAttributes } from './vocabulary.ts';
import { fillLabel, labelsOf, type MarkupLabels } from './labels.ts';

/** Options of {@link rehypeSearchAnchors}. */
export interface SearchAnchorsOptions {
  /** Label of a passage in scene N. */
  sceneLabel?: (scene: number) => string;
}

/**
 * Makes every passage a Pagefind sub-result, titled by where it really is: its flashback,
 * message thread, letter (or note, diary entry, email), verse, epigraph or the footnotes; else
 * the heading it comes under within its scene (`## Buffy's POV`); else its scene. Pagefind credits text to the last anchor before it, so with an anchor on every
 * paragraph a hit lands on its own paragraph, and narrative after a flashback has closed belongs
 * to the scene again. Markers the pipeline adds are kept out of the index.
 *
 * ```html
 * <section data-scene="2" id="scene-2">
 * <p id="p-buffy-wakes-up" data-passage>Buffy wakes up.</p>
 * <section data-flashback="1" …><p data-flashback-start …>Flashback: Leaving Sunnydale</p>
 * <p id="p-she-survived" data-passage>She survived.</p>…</section>
 * <p id="p-buffy-walks-in" data-passage>Buffy walks in.</p></section>
 * ```
 *
 * gains
 *
 * ```html
 * <p id="p-buffy-wakes-up" data-passage data-pagefind-title="Scene 2">…
 * <p data-flashback-start … data-pagefind-ignore>…
 * <p id="p-she-survived" data-passage data-pagefind-title="Flashback: Leaving Sunnydale">…
 * <p id="p-buffy-walks-in" data-passage data-pagefind-title="Scene 2">…
 * ```
 */
export function rehypeSearchAnchors(options: SearchAnchorsOptions = {}) {
  return function transformer(tree: Root, file?: VFile) {
    const labels = labelsOf(file);
    const sceneLabel =
      options.sceneLabel ?? ((scene: number) => fillLabel(labels.scene, { number: scene }));
    // The heading a passage comes under, within its scene ("Buffy's POV", a dated entry).
    let heading: { text: string; scene: Element | undefined } | undefined;
    visitParents(tree, 'element', (element, ancestors) => {
      const props = element.properties;
      const scene = ancestors.findLast(
        (a): a is Element => a.type === 'element' && has(a, attributes.scene),
      );
      if (/^h[2-6]$/.test(element.tagName)) {
        heading = { text: toString(element).trim(), scene };
        return;
      }
      if (markerAttributes.some((attribute) => has(element, attribute))) {
        props['data-pagefind-ignore'] = '';
        return;
      }
      if (!has(element, attributes.passage)) return;
      const place = ancestors.findLast(
        (a): a is Element => a.type === 'element' && placeOf(a, labels) !== undefined,
      );
      const title = place
        ? placeOf(place, labels)
        : heading && heading.scene === scene && heading.text
          ? heading.text
          : scene
            ? sceneLabel(Number(attr(scene, attributes.scene)))
            : undefined;
      if (title) props['data-pagefind-title'] = title;
    });
  };
}

/** The place a structure gives the passages inside it: "Flashback: …", "Messages", "Letter"… */
function placeOf(element: Element, labels: MarkupLabels): string | undefined {
  if (has(element, attributes.flashback)) return flashbackLabel(element, labels);
  for (const start of [attributes.messagesStart, attributes.letterStart, attributes.verseStart]) {
    const marker = element.children.find(
      (child): child is Element => child.type === 'element' && has(child, start),
    );
    if (marker) return toString(marker);
  }
  if (has(element, attributes.epigraph)) return labels.epigraph;
  if (has(element, 'data-footnotes')) return labels.footnotes;
  return undefined;
}

function flashbackLabel(flashback: Element, labels: MarkupLabels): string {
  const start = flashback.children.find(
    (child): child is Element => child.type === 'element' && has(child, attributes.flashbackStart),
  );
  return start ? toString(start) : labels.flashback;
}
