import type { Element, ElementContent, Nodes, Parents, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';

export { select, selectAll };

/** Elements that never carry the author's words, or that run code: removed with their content. */
const inert = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'object',
  'embed',
  'link',
  'meta',
  'template',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'select',
  'textarea',
]);

/**
 * Parses an HTML document or fragment as a browser does, made inert: scripts, styles, frames and
 * forms removed, event handlers and inline styles stripped, `javascript:` links unlinked, and
 * e-mail addresses a CDN hid (`<a class="__cf_email__" data-cfemail="…">`) decoded back to text.
 */
export function parseHtml(text: string): Root {
  const tree = fromHtml(text);
  makeInert(tree);
  return tree;
}

function makeInert(tree: Root | Element): void {
  visit(tree, 'element', (element, index, parent) => {
    if (inert.has(element.tagName) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const properties = element.properties;
    for (const name of Object.keys(properties)) {
      if (/^on/i.test(name) || name === 'style') delete properties[name];
    }
    const href = typeof properties['href'] === 'string' ? properties['href'] : '';
    const hidden = properties['dataCfemail'];
    if (typeof hidden === 'string' || href.includes('/cdn-cgi/l/email-protection#')) {
      const hex = typeof hidden === 'string' ? hidden : href.slice(href.indexOf('#') + 1);
      const address = decodeCloudflareEmail(hex);
      if (address) {
        element.tagName = 'span';
        element.properties = {};
        element.children = [{ type: 'text', value: address }];
      }
    } else if (/^\s*(javascript|vbscript|data):/i.test(href)) {
      delete properties['href'];
    }
    return undefined;
  });
}

/** A CDN's hidden e-mail: hex pairs, each XOR the first (the key). Undefined if malformed. */
export function decodeCloudflareEmail(hex: string): string | undefined {
  if (!/^([0-9a-f]{2}){2,}$/i.test(hex)) return undefined;
  const bytes = hex.match(/../g)!.map((pair) => Number.parseInt(pair, 16));
  const [key, ...rest] = bytes;
  return String.fromCharCode(...rest.map((byte) => byte ^ key!));
}

/** Elements whose text stands apart from its neighbours' (cells, items, lines). */
const apart = new Set([
  'td',
  'th',
  'tr',
  'li',
  'dt',
  'dd',
  'br',
  'p',
  'div',
  'caption',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/** The text of a node as a reader sees it: cells, items and lines apart, spaces collapsed. */
export function readableText(node: Nodes | undefined): string {
  let text = '';
  const walk = (current: Nodes) => {
    if (current.type === 'text') text += current.value;
    if (current.type !== 'element' && current.type !== 'root') return;
    // A picture the import keeps: its alt text is read, as the site's pages give it.
    if (current.type === 'element' && current.tagName === 'img') {
      if (String(current.properties['src'] ?? '').startsWith('images/'))
        text += ` ${String(current.properties['alt'] ?? '')} `;
      return;
    }
    const separate = current.type === 'element' && apart.has(current.tagName);
    if (separate) text += ' ';
    for (const child of current.children) walk(child as Nodes);
    if (separate) text += ' ';
  };
  if (node) walk(node);
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of a node, spaces collapsed and trimmed. */
export function textOf(node: Nodes | undefined): string {
  return node ? toString(node).replace(/\s+/g, ' ').trim() : '';
}

/** Child elements of a node, in order. */
export function elementsOf(node: Parents): Element[] {
  return (node.children as Nodes[]).filter((child): child is Element => child.type === 'element');
}

/**
 * A list value (fandoms, tags): the texts of its links, or its text split at commas when it has
 * none.
 */
export function listOf(node: Element | undefined): string[] {
  if (!node) return [];
  const links = selectAll('a', node).map(textOf).filter(Boolean);
  if (links.length > 0) return links;
  return textOf(node)
    .split(/,\s*/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Elements that are blocks of text in their own right (never descended into). */
const leafBlocks = new Set([
  'p',
  'blockquote',
  'hr',
  'table',
  'ul',
  'ol',
  'dl',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'details',
  'figure',
]);
const phrasing = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** One block of a document read in order, with the ids and classes of the elements around it. */
export interface Block {
  element: Element;
  /** Ids of its ancestors (and its own), outermost first. */
  ids: string[];
  /** Classes of its ancestors (and its own). */
  classes: string[];
  /** `name`s of the anchors around it (`<a name="section0001"><h2>…`). */
  names: string[];
}

/**
 * A document as the sequence of its text blocks in reading order: paragraphs, quotes, rules,
 * tables, lists, headings; a `div` holding only inline content counts as one block. Wrappers
 * (`div`, `section`, `body`…) are gone, but each block remembers their ids and classes. This
 * reads an archive's HTML download and the same file split by an EPUB converter (which cuts
 * wrappers in two and renames classes) alike.
 */
export function blocksOf(root: Root | Element): Block[] {
  const blocks: Block[] = [];
  // An inline element holding blocks (`<a name=…><h2>`) is a wrapper, not inline.
  const isInline = (kid: ElementContent) =>
    kid.type !== 'element' ||
    (phrasing.has(kid.tagName) &&
      kid.children.every((c) => c.type !== 'element' || phrasing.has(c.tagName)));
  const walk = (node: Element, ids: string[], classes: string[], names: string[]) => {
    const id = typeof node.properties['id'] === 'string' ? [node.properties['id']] : [];
    const name = typeof node.properties['name'] === 'string' ? [node.properties['name']] : [];
    const own = Array.isArray(node.properties['className'])
      ? node.properties['className'].map(String)
      : [];
    const here = {
      ids: [...ids, ...id],
      classes: [...classes, ...own],
      names: [...names, ...name],
    };
    if (leafBlocks.has(node.tagName)) {
      blocks.push({ element: node, ...here });
      return;
    }
    const kids = node.children;
    const inline = kids.every(isInline);
    if (inline && node.tagName !== 'body' && node.tagName !== 'html') {
      if (kids.some((kid) => kid.type === 'element' || (kid.type === 'text' && kid.value.trim())))
        blocks.push({ element: { ...node, tagName: 'p' }, ...here });
      return;
    }
    // Mixed: runs of inline content between blocks become paragraphs of their own.
    let run: ElementContent[] = [];
    const flush = () => {
      if (run.some((kid) => kid.type === 'element' || (kid.type === 'text' && kid.value.trim())))
        blocks.push({
          element: { type: 'element', tagName: 'p', properties: {}, children: run },
          ...here,
        });
      run = [];
    };
    for (const kid of kids) {
      if (kid.type === 'element' && !isInline(kid)) {
        flush();
        walk(kid, here.ids, here.classes, here.names);
      } else if (kid.type === 'text' || kid.type === 'element') run.push(kid);
    }
    flush();
  };
  for (const node of root.type === 'root' ? root.children : [root])
    if (node.type === 'element') walk(node, [], [], []);
  return blocks;
}

/** A label's text, normalised: "Relationships:" → "relationships". */
export function labelOf(node: Nodes | undefined): string {
  return textOf(node)
    .replace(/[:：]\s*$/, '')
    .trim()
    .toLowerCase();
}
