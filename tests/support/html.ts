import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';

export { visibleText, wordsOf } from '../../src/lib/words-on-page.ts';

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
