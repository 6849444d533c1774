/**
 * The fixed vocabulary of data attributes the markup plugins emit. Styles (`src/styles/`),
 * client scripts (`src/scripts/`) and tests select on these, never on classes: the plugins
 * emit meaning, the renderer decides the look.
 *
 * | attribute              | on                     | meaning                                              |
 * | ---------------------- | ---------------------- | ---------------------------------------------------- |
 * | `data-scene`           | `<section id=scene-N>` | one scene of a chapter; value is its number          |
 * | `data-scene-break`     | `<hr>`                 | the ornament between two scenes                      |
 * | `data-flashback`       | `<section>`            | a flashback region, labelled by its start marker     |
 * | `data-flashback-start` | `<p>`                  | "Flashback: when", the visible start of a flashback  |
 * | `data-flashback-end`   | `<p>`                  | "End of flashback", the visible end of a flashback   |
 * | `data-passage`         | `<p>`                  | a paragraph of the author's prose with a stable id   |
 * | `data-pagefind-title`  | passage `<p>`          | its search anchor's title: "Scene 2", "Flashback: …" |
 * | `data-pagefind-ignore` | start and end markers  | kept out of the search index                         |
 *
 * The start and end markers are the only words the pipeline adds to a chapter; the
 * word-fidelity tests strip exactly the elements listed in `addedTextSelectors`.
 */
export const attributes = {
  scene: 'data-scene',
  sceneBreak: 'data-scene-break',
  flashback: 'data-flashback',
  flashbackStart: 'data-flashback-start',
  flashbackEnd: 'data-flashback-end',
  passage: 'data-passage',
} as const;

/** CSS selectors of the elements whose text the pipeline adds (labels, not the author's words). */
export const addedTextSelectors = [
  `[${attributes.flashbackStart}]`,
  `[${attributes.flashbackEnd}]`,
] as const;

/** The id prefix of passages: `p-` plus a slug of the paragraph's opening words. */
export const passageIdPrefix = 'p-';

/** Rendered chapter HTML without the text the pipeline added (flashback start and end markers). */
export function withoutAddedText(html: string): string {
  return html.replace(/<p data-flashback-(?:start|end)[^>]*>[\s\S]*?<\/p>/g, '');
}
