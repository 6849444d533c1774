import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { attributes } from '../markup/vocabulary.ts';

// The site's chapter HTML, re-serialised as the XHTML an EPUB requires: every element closed,
// attributes quoted, no named character references (XML knows only five, and EPUB has no DTD),
// no comments. The markup plugins' data attributes become classes as well, because e-reader
// engines are older than browsers and some ignore attribute selectors.

/** The class each of the markup vocabulary's attributes gives an element in the EPUB. */
const classOf: Record<string, string> = {
  [attributes.scene]: 'scene',
  [attributes.sceneBreak]: 'scene-break',
  [attributes.flashback]: 'flashback',
  [attributes.flashbackStart]: 'flashback-start',
  [attributes.flashbackEnd]: 'flashback-end',
};

/** An HTML fragment from the markup pipeline, as an XHTML fragment for an EPUB content document. */
export function toXhtml(html: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, (node, index, parent) => {
    if (node.type === 'comment' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index; // visit the node that moved into its place
    }
    if (node.type === 'element') adaptElement(node);
    return undefined;
  });
  return toHtml(tree, {
    space: 'html',
    closeSelfClosing: true,
    tightSelfClosing: false,
    collapseEmptyAttributes: false,
    characterReferences: { useNamedReferences: false },
  });
}

function adaptElement(element: Element): void {
  const classes: string[] = [];
  for (const [attribute, name] of Object.entries(classOf)) {
    if (element.properties[propertyName(attribute)] !== undefined) classes.push(name);
  }
  for (const key of Object.keys(element.properties)) {
    // Search and passage-link hooks of the site mean nothing in a book.
    if (key.startsWith('dataPagefind') || key === 'dataPassage') delete element.properties[key];
  }
  if (classes.length > 0) {
    const existing = element.properties['className'];
    element.properties['className'] = [...(Array.isArray(existing) ? existing : []), ...classes];
  }
}

/** `data-scene-break` → hast's property name `dataSceneBreak`. */
function propertyName(attribute: string): string {
  return attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A complete XHTML content document around `body`. */
export function xhtmlDocument(options: {
  title: string;
  lang: string;
  body: string;
  stylesheet?: string;
}): string {
  const { title, lang, body, stylesheet = 'style.css' } = options;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${escapeXml(lang)}" xml:lang="${escapeXml(lang)}">
<head>
<meta charset="UTF-8" />
<title>${escapeXml(title)}</title>
<link rel="stylesheet" type="text/css" href="${stylesheet}" />
</head>
<body>
${body}
</body>
</html>
`;
}
