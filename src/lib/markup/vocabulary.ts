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
 * | `data-messages`        | `<section>`            | a text-message thread (messages.ts)                  |
 * | `data-messages-start`, `data-messages-end` | `<p>` | its announced start and end               |
 * | `data-message`         | `<li>`                 | one message; `data-side` is `sent` or `received`     |
 * | `data-sender`, `data-time` | `<span>`           | who sent it, and when (as the author typed them)     |
 * | `data-letter`          | `<section>`            | a letter, note, diary entry or email; value: its kind |
 * | `data-letter-start`, `data-letter-end` | `<p>`  | its announced start and end                          |
 * | `data-letter-opening`, `data-letter-closing`, `data-letter-signature` | `<p>` | its parts |
 * | `data-verse`           | `<section>`            | verse: a poem, lyrics, a chant (verse.ts)            |
 * | `data-verse-start`, `data-verse-end` | `<p>`    | its announced start and end                          |
 * | `data-line`            | `<span>`               | one line of verse; `data-indent` its indentation     |
 * | `data-epigraph`        | `<figure>`             | an epigraph at the chapter's start (epigraphs.ts)    |
 * | `data-table`           | `<div>`                | a table's scrolling region (tables.ts)               |
 * | `data-illustration`    | `<figure>`             | a picture in the text, with its caption (images.ts)  |
 * | `data-image`           | `<img>`                | the picture's file, relative to the chapter file     |
 * | `data-footnotes`, `data-footnote`, `data-footnote-ref`, `data-footnote-backref` | | footnotes |
 *
 * The start and end markers (flashbacks, messages, letters, verse), footnote numbers, back links
 * and their heading are the only words the pipeline adds to a chapter; the word-fidelity tests
 * strip exactly the elements listed in `addedTextSelectors`.
 */
export const attributes = {
  scene: 'data-scene',
  sceneBreak: 'data-scene-break',
  flashback: 'data-flashback',
  flashbackStart: 'data-flashback-start',
  flashbackEnd: 'data-flashback-end',
  passage: 'data-passage',
  messages: 'data-messages',
  messagesStart: 'data-messages-start',
  messagesEnd: 'data-messages-end',
  message: 'data-message',
  sender: 'data-sender',
  time: 'data-time',
  letter: 'data-letter',
  letterStart: 'data-letter-start',
  letterEnd: 'data-letter-end',
  letterOpening: 'data-letter-opening',
  letterClosing: 'data-letter-closing',
  letterSignature: 'data-letter-signature',
  verse: 'data-verse',
  verseStart: 'data-verse-start',
  verseEnd: 'data-verse-end',
  line: 'data-line',
  epigraph: 'data-epigraph',
  table: 'data-table',
  illustration: 'data-illustration',
  image: 'data-image',
  tableCaptioned: 'data-table-captioned',
  tableCaption: 'data-table-caption',
} as const;

/** CSS selectors of the elements whose text the pipeline adds (labels, not the author's words). */
export const addedTextSelectors = [
  `[${attributes.flashbackStart}]`,
  `[${attributes.flashbackEnd}]`,
  `[${attributes.messagesStart}]`,
  `[${attributes.messagesEnd}]`,
  `[${attributes.letterStart}]`,
  `[${attributes.letterEnd}]`,
  `[${attributes.verseStart}]`,
  `[${attributes.verseEnd}]`,
  '[data-footnote-ref]',
  '[data-footnote-backref]',
  '#footnote-label',
] as const;

/** The markers that announce where a structure starts and ends: not passages, not searched. */
export const markerAttributes = [
  attributes.flashbackStart,
  attributes.flashbackEnd,
  attributes.messagesStart,
  attributes.messagesEnd,
  attributes.letterStart,
  attributes.letterEnd,
  attributes.verseStart,
  attributes.verseEnd,
] as const;

/** The id prefix of passages: `p-` plus a slug of the paragraph's opening words. */
export const passageIdPrefix = 'p-';

/** Rendered chapter HTML without the text the pipeline added (flashback start and end markers). */
export function withoutAddedText(html: string): string {
  return html
    .replace(/<p data-(?:flashback|messages|letter|verse)-(?:start|end)[^>]*>[\s\S]*?<\/p>/g, '')
    .replace(/<section data-footnotes[\s\S]*?<\/section>/g, '')
    .replace(/<sup><a [^>]*data-footnote-ref[^>]*>[^<]*<\/a><\/sup>/g, '');
}
