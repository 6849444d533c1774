import { XMLParser } from 'fast-xml-parser';
import { parseHtml, textOf } from './html.ts';

// XML the importer reads (an EPUB's container.xml, package document and NCX; a Word document's
// properties) through a real parser, never regular expressions: quotes of either kind,
// attributes in any order, namespaces under any prefix, CDATA and comments all read alike.
// Namespace prefixes are dropped (`dc:title` is `title`), every element is a list.

export type XmlNode = { [name: string]: XmlNode[] | string | undefined; '#text'?: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // Content documents are XHTML and may carry HTML's named entities: decoded below.
  htmlEntities: true,
});

/** Parses XML; throws on text that is not well-formed enough to read. */
export function readXml(text: string): XmlNode {
  return parser.parse(text) as XmlNode;
}

/** The elements at `path` below `node` (`children(opf, 'package', 'manifest', 'item')`). */
export function children(node: XmlNode | undefined, ...path: string[]): XmlNode[] {
  let here: XmlNode[] = node ? [node] : [];
  for (const name of path)
    here = here.flatMap((n) => {
      const kids = n[name];
      return Array.isArray(kids)
        ? kids.map((k) => (typeof k === 'string' ? { '#text': k } : k))
        : [];
    });
  return here;
}

/** An element's attribute (`attribute(item, 'href')`), whatever its prefix. */
export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** An element's text, entities of XML and HTML decoded and markup inside it read as text. */
export function textIn(node: XmlNode | undefined): string {
  const raw = node?.['#text'];
  if (typeof raw !== 'string') return '';
  return /[&<]/.test(raw) ? textOf(parseHtml(raw)) : raw;
}

/** The texts of the elements at `path`. */
export function textsOf(node: XmlNode | undefined, ...path: string[]): string[] {
  return children(node, ...path).map(textIn);
}
