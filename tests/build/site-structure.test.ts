import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPages, visibleText } from '../support/html.ts';
import { availableSites, baseOf, distOf } from '../support/sites.ts';

// Invariants over every page of every test site: structure, not prose.
describe.each(availableSites)('every page of the %s site', (site) => {
  const dist = distOf(site);
  // Pages sit at dist's top; the site serves them under its base path (`/my-story/`).
  const base = baseOf(site);
  const pages = loadPages(dist);
  const byUrl = new Map(pages.map((page) => [page.url, page]));

  test('the site has its pages', () => {
    expect(pages.map((p) => p.url)).toEqual(expect.arrayContaining(['/', '/404.html']));
    expect(pages.length).toBeGreaterThan(3);
  });

  test.each(pages.map((p) => [p.url, p] as const))(
    '%s has one h1, a language, a title and a description',
    (_url, page) => {
      const { document } = page;
      expect(document.querySelectorAll('h1')).toHaveLength(1);
      expect(document.documentElement.getAttribute('lang')).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
      expect(document.querySelector('title')?.textContent?.trim()).toBeTruthy();
      expect(
        document.querySelector('meta[name="description"]')?.getAttribute('content')?.trim(),
      ).toBeTruthy();
      // Every page but the not-found page has one absolute canonical URL.
      const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
      if (page.url === '/404.html') expect(canonical).toBeUndefined();
      else expect(canonical).toMatch(/^https?:\/\//);
    },
  );

  test.each(pages.map((p) => [p.url, p] as const))(
    '%s has landmarks and a skip link to the main content',
    (_url, page) => {
      const { document } = page;
      expect(document.querySelectorAll('main')).toHaveLength(1);
      expect(document.querySelector('body > header')).not.toBeNull();
      expect(document.querySelector('body > footer')).not.toBeNull();
      const skip = document.querySelector('a.skip-link');
      expect(skip?.getAttribute('href')).toBe('#main');
      expect(document.querySelector('main')?.id).toBe('main');
    },
  );

  test.each(pages.map((p) => [p.url, p] as const))(
    '%s has unique ids and every id reference resolves',
    (_url, page) => {
      const ids = Array.from(page.document.querySelectorAll('[id]')).map((el) => el.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      for (const el of Array.from(page.document.querySelectorAll('[aria-labelledby]'))) {
        for (const ref of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/))
          expect(ids).toContain(ref);
      }
    },
  );

  test.each(pages.map((p) => [p.url, p] as const))(
    '%s leaves no directive fence in its text',
    (_url, page) => {
      expect(visibleText(page.document.body)).not.toMatch(/(^|\s):::/);
    },
  );

  test('every internal link and anchor resolves', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const el of Array.from(page.document.querySelectorAll('a[href], link[href]'))) {
        const href = el.getAttribute('href') ?? '';
        if (/^(https?:)?\/\//.test(href) || href.startsWith('mailto:')) continue;
        const url = new URL(href, `http://site${base}${page.url.slice(1)}`);
        if (!url.pathname.startsWith(base)) {
          broken.push(`${page.url} -> ${href} (outside the site's base path ${base})`);
          continue;
        }
        const pathname = `/${url.pathname.slice(base.length)}`;
        const target =
          pathname === page.url ? page : (byUrl.get(pathname) ?? resolveAsset(dist, pathname));
        if (!target) broken.push(`${page.url} -> ${href} (no such page)`);
        else if (
          url.hash &&
          target !== 'asset' &&
          !target.document.getElementById(decodeURIComponent(url.hash.slice(1)))
        ) {
          broken.push(`${page.url} -> ${href} (no such anchor)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

function resolveAsset(dist: string, pathname: string): 'asset' | undefined {
  return existsSync(path.join(dist, pathname)) && !pathname.endsWith('/') ? 'asset' : undefined;
}
