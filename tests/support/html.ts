import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';

/** A built page: its URL path, its file, and its parsed document. */
export interface Page {
  url: string;
  file: string;
  document: Document;
}

/** Every HTML page of a dist folder, parsed. */
export function loadPages(dist: string): Page[] {
  const pages: Page[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) pages.push(loadPage(dist, full));
    }
  };
  walk(dist);
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

/** One page of a dist folder by URL path (`/work/chapter/`). */
export function pageAt(dist: string, url: string): Page {
  return loadPage(dist, path.join(dist, url, url.endsWith('/') ? 'index.html' : ''));
}

function loadPage(dist: string, file: string): Page {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  const url = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
  return {
    url,
    file,
    document: parseHTML(readFileSync(file, 'utf8')).document as unknown as Document,
  };
}

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
]);

/** The text of an element as a reader sees it: blocks and line breaks separate words. */
export function visibleText(node: Node, skip: (element: Element) => boolean = () => false): string {
  let text = '';
  const walk = (current: Node) => {
    if (current.nodeType === 3) text += current.nodeValue ?? '';
    if (current.nodeType !== 1) return;
    const element = current as Element;
    if (skip(element)) return;
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

/** Index of the first difference between two word lists, or -1 when equal; for readable failures. */
export function firstDifference(
  a: string[],
  b: string[],
): { index: number; expected: string; actual: string } | undefined {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    if (a[i] !== b[i]) {
      return {
        index: i,
        expected: a.slice(Math.max(0, i - 5), i + 5).join(' '),
        actual: b.slice(Math.max(0, i - 5), i + 5).join(' '),
      };
    }
  }
  return undefined;
}
