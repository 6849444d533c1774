import type { Element } from 'hast';

// Properties set from mdast `data.hProperties` keep their attribute spelling
// (`data-scene`); properties hast parsed itself are camelCased (`dataScene`). Accept both.

/** True when the element carries the attribute, in either spelling. */
export function hasAttribute(element: Element, attribute: string): boolean {
  return attribute in element.properties || camelCase(attribute) in element.properties;
}

/** The attribute's value as a string ('' when absent). */
export function getAttribute(element: Element, attribute: string): string {
  return String(element.properties[attribute] ?? element.properties[camelCase(attribute)] ?? '');
}

// Asked for every element of every chapter with a handful of names: each name is spelt once
// (a regex replace per call was a quarter of rendering a chapter).
const camelCased = new Map<string, string>();

function camelCase(attribute: string): string {
  let spelt = camelCased.get(attribute);
  if (spelt === undefined) {
    spelt = attribute.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    camelCased.set(attribute, spelt);
  }
  return spelt;
}
