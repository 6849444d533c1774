// The words a reader sees on a rendered page, for the checks that every word of the author's
// text survives (the fidelity tests, the EPUB tests, `npm run fuzz`).

const blockTags = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'BR',
  'UL',
  'OL',
  'HEADER',
  'ASIDE',
  'TABLE',
  'TR',
  'TH',
  'TD',
  'CAPTION',
  'FIGURE',
  'FIGCAPTION',
]);

/**
 * The text of an element as a reader sees it: blocks and line breaks separate words. A
 * picture's alt text counts (the author's words, as a screen reader reads them), as a block.
 */
export function visibleText(node: Node, skip: (element: Element) => boolean = () => false): string {
  let text = '';
  const walk = (current: Node) => {
    if (current.nodeType === 3) text += current.nodeValue ?? '';
    if (current.nodeType !== 1) return;
    const element = current as Element;
    if (skip(element)) return;
    if (element.tagName === 'IMG') text += ` ${element.getAttribute('alt') ?? ''} `;
    const block = blockTags.has(element.tagName);
    if (block) text += ' ';
    for (const child of Array.from(element.childNodes)) walk(child);
    if (block) text += ' ';
  };
  walk(node);
  return text;
}

/**
 * Splits text into words, folding only what typography may change: curly quotes and
 * apostrophes, ellipses, dashes the pipeline made from `--`/`---`, invisible joiners.
 */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/\u2014/g, '---')
    .replace(/\u2013/g, '--')
    .replace(/[\u2060\u200A\u00A0]/g, (c) => (c === '\u2060' ? '' : ' '))
    .split(/\s+/)
    .filter(Boolean);
}
