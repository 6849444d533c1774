import { describe, expect, test } from 'vitest';
import { weighPage } from '../../src/lib/bench/page-weight.ts';
import { loadPages } from '../support/html.ts';
import { distOf } from '../support/sites.ts';

// The chapter page's budgets, in bytes (the benchmark measures the same with `weighPage`, and
// docs/performance.md shows its figures): every chapter, the newest (with its "To be continued")
// included. The entire-work page carries the "Save for offline" control's script beside them,
// and is held to the HTML budget only.
const budgetKB = { cssAndJs: 20, chrome: 12 };

describe.each(['story', 'library'] as const)('every reading page of the %s', (site) => {
  const dist = distOf(site);
  const pages = loadPages(dist).filter((page) => page.document.querySelector('.story-text'));
  const chapters = pages.filter((page) => !page.url.endsWith('/all/'));

  test('there are chapters (and, in the library, entire works) to weigh', () => {
    expect(chapters.length).toBeGreaterThan(site === 'story' ? 0 : 15);
    // A work of one chapter has no entire-work page.
    if (site === 'library') expect(pages.length).toBeGreaterThan(chapters.length);
  });

  test(`a chapter loads at most ${budgetKB.cssAndJs} KB of CSS and JavaScript (gzip), none of it render-blocking`, () => {
    const over = chapters
      .map((page) => ({ url: page.url, weight: weighPage(dist, page.url) }))
      .map(({ url, weight }) => ({
        url,
        KB: Math.round(((weight.css.gzip + weight.js.gzip) / 1024) * 10) / 10,
        blocking: weight.renderBlockingScripts,
      }))
      .filter(({ KB, blocking }) => KB > budgetKB.cssAndJs || blocking > 0);
    expect(over).toEqual([]);
  });

  test(`carries at most ${budgetKB.chrome} KB (gzip) of HTML beyond its own text`, () => {
    const over = pages
      .map((page) => ({ url: page.url, KB: weighPage(dist, page.url).chromeGzip / 1024 }))
      .filter(({ KB }) => KB > budgetKB.chrome);
    expect(over).toEqual([]);
  });
});
