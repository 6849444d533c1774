import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { loadPages, pageAt } from '../support/html.ts';
import { openEpub } from '../support/epub.ts';
import { readFragments } from '../support/search-index.ts';
import { distOf, sites } from '../support/sites.ts';

// The fixture library's "The Night Shift" has a cover (JPEG), a photo-like illustration of
// 2000 px and 175 KB with a caption, a decorative PNG and an SVG drawing inside a flashback.
const dist = distOf('library');
const work = path.join(sites.library, 'fiction-markup');
const illustrated = '/fiction-markup/messages-at-midnight/';
const pages = loadPages(dist);

/** Every URL an `<img>` or `<source>` names: src and each srcset candidate, with its width. */
function candidates(element: Element): { url: string; width: number | undefined }[] {
  const found: { url: string; width: number | undefined }[] = [];
  const src = element.getAttribute('src');
  if (src) found.push({ url: src, width: undefined });
  for (const candidate of (element.getAttribute('srcset') ?? '').split(',')) {
    const [url, descriptor] = candidate.trim().split(/\s+/);
    if (url) found.push({ url, width: descriptor ? Number.parseInt(descriptor, 10) : undefined });
  }
  return found;
}
const fileOf = (url: string) => path.join(dist, decodeURI(new URL(url, 'http://x/').pathname));

describe.each(pages.map((page) => [page.url, page] as const))('%s', (_url, page) => {
  test('every picture has alt text, width and height, and every file it names exists', () => {
    for (const img of page.document.querySelectorAll('img')) {
      expect(img.hasAttribute('alt'), img.outerHTML).toBe(true);
      expect(Number(img.getAttribute('width')), img.outerHTML).toBeGreaterThan(0);
      expect(Number(img.getAttribute('height')), img.outerHTML).toBeGreaterThan(0);
    }
    for (const element of page.document.querySelectorAll('img, source')) {
      for (const { url } of candidates(element)) {
        expect(url, element.outerHTML).toMatch(/^\/_astro\//);
        expect(existsSync(fileOf(url)), url).toBe(true);
      }
    }
  });
});

describe('an illustrated chapter', () => {
  const { document } = pageAt(dist, illustrated);
  const figure = document.querySelector('figure[data-illustration]')!;

  test('shows the picture as a figure with its caption, as WebP with a JPEG fallback', () => {
    expect(figure.querySelector('figcaption')?.textContent).toBe(
      'The bakery, as Wren saw it from the stairs',
    );
    const types = [...figure.querySelectorAll('picture source')].map((s) => s.getAttribute('type'));
    expect(types).toEqual(['image/webp']);
    const img = figure.querySelector('picture img')!;
    expect(img.getAttribute('alt')).toBe(
      'The bakery at midnight, every light on, seen from across the empty street',
    );
    expect(img.getAttribute('src')).toMatch(/\.jpg$/);
    // Below the first screen: it waits until the reader nears it, and never blocks the text.
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('decoding')).toBe('async');
    for (const element of figure.querySelectorAll('source, img'))
      expect(element.getAttribute('sizes')).toBe('(min-width: 40rem) 46rem, 100vw');
    // Its width and height keep the source's proportions (2000 × 1333), so nothing moves.
    const ratio = Number(img.getAttribute('width')) / Number(img.getAttribute('height'));
    expect(ratio).toBeCloseTo(2000 / 1333, 2);
  });

  test('is not a passage: no id, and the paragraphs around it keep theirs', () => {
    expect(figure.hasAttribute('id')).toBe(false);
    expect(figure.querySelector('[id], [data-passage]')).toBeNull();
    expect(figure.previousElementSibling?.hasAttribute('data-passage')).toBe(true);
    expect(figure.nextElementSibling?.hasAttribute('data-passage')).toBe(true);
  });

  test('sends no file over 150 KB for a phone-width column, and never the 2000 px source', () => {
    const sent = [...figure.querySelectorAll('source, img')].flatMap(candidates);
    const widths = sent.map((c) => c.width).filter((w): w is number => w !== undefined);
    expect(Math.max(...widths)).toBe(1440);
    expect(widths).toEqual(expect.arrayContaining([360, 540, 720, 1080, 1440]));
    for (const { url } of sent) expect(statSync(fileOf(url)).size, url).toBeLessThan(150 * 1024);
  });
});

test("the sources' bytes are never shipped as they are", () => {
  const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  const sources = new Set(
    ['cover.jpg', 'images/bakery-at-midnight.jpg', 'images/flourish.png'].map((f) =>
      hash(path.join(work, f)),
    ),
  );
  expect(statSync(path.join(work, 'images/bakery-at-midnight.jpg')).size).toBeGreaterThan(
    150 * 1024,
  );
  const shipped = readdirSync(path.join(dist, '_astro')).map((f) => path.join(dist, '_astro', f));
  expect(shipped.filter((file) => sources.has(hash(file)))).toEqual([]);
});

test('a decorative picture says nothing; a drawing in a flashback is sent as drawn', () => {
  const { document } = pageAt(dist, '/fiction-markup/the-letter-and-the-song/');
  const [flourish, plan] = document.querySelectorAll('figure[data-illustration] img');
  expect(flourish?.getAttribute('alt')).toBe('');
  expect(flourish?.hasAttribute('data-pagefind-index-attrs')).toBe(false);
  expect(plan?.closest('section[data-flashback]')).not.toBeNull();
  expect(plan?.getAttribute('src')).toMatch(/\.svg$/);
  expect(plan?.getAttribute('alt')).toMatch(/^A floor plan of the bakery/);
});

test('alt text and captions are searchable', () => {
  const fragment = readFragments(dist).find(
    (f) => f.url === '/fiction-markup/the-letter-and-the-song/',
  );
  expect(fragment?.content).toContain('A floor plan of the bakery: two ovens at the back');
  expect(fragment?.content).toContain('The plan on the back of the deed');
});

describe("the work's cover", () => {
  const alt = 'A bakery window glowing gold on a dark street, late at night';

  test('is on its library card and its page, described by its alt text', () => {
    const card = pageAt(dist, '/').document.querySelector(
      'article[aria-labelledby="work-fiction-markup"]',
    );
    expect(card?.querySelector('img.cover')?.getAttribute('alt')).toBe(alt);
    const page = pageAt(dist, '/fiction-markup/').document;
    const cover = page.querySelector('header img.cover')!;
    expect(cover.getAttribute('alt')).toBe(alt);
    // At the top of its page: it loads at once.
    expect(cover.getAttribute('loading')).toBe('eager');
    // A work without a cover shows none.
    expect(pageAt(dist, '/markup-showcase/').document.querySelector('img.cover')).toBeNull();
  });

  test('is the JSON-LD image of the work and of each chapter, a file of the site', () => {
    for (const url of ['/fiction-markup/', illustrated]) {
      const json = pageAt(dist, url).document.querySelector('script[type="application/ld+json"]');
      const data = JSON.parse(json!.textContent!) as {
        image?: string;
        isPartOf?: { image?: string };
      };
      const image = data.image ?? data.isPartOf?.image;
      expect(image, url).toMatch(/^http:\/\/localhost:4321\/_astro\/cover\.[\w-]+\.jpg$/);
      expect(existsSync(fileOf(image!))).toBe(true);
    }
  });

  test('is composed into the link-preview images beside the text, as JPEG', async () => {
    // The card's lower right holds the cover; a work without one keeps its paper there.
    const pixel = async (file: string) => {
      const { data } = await sharp(file)
        .extract({ left: 1100, top: 540, width: 1, height: 1 })
        .raw()
        .toBuffer({ resolveWithObject: true });
      return [...data.subarray(0, 3)];
    };
    const paper = [0xfb, 0xf8, 0xf2];
    const distance = (a: number[], b: number[]) =>
      Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
    for (const url of ['/fiction-markup/', illustrated]) {
      const { document } = pageAt(dist, url);
      const og = document.querySelector('meta[property="og:image"]')?.getAttribute('content');
      expect(og, url).toBe(`http://localhost:4321${url}preview.jpg`);
      expect(
        document.querySelector('meta[property="og:image:type"]')?.getAttribute('content'),
      ).toBe('image/jpeg');
      const file = fileOf(og!);
      const meta = await sharp(file).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
      // A photograph in part: a PNG of it was 300 KB.
      expect(statSync(file).size).toBeLessThan(120 * 1024);
      expect(distance(await pixel(file), paper), url).toBeGreaterThan(40);
    }
    const plain = path.join(dist, 'markup-showcase/preview.png');
    expect((await sharp(plain).metadata()).format).toBe('png');
    expect(distance(await pixel(plain), paper)).toBeLessThan(3);
  });
});

test('the EPUB carries the cover and every picture, each where its page points', () => {
  const epub = openEpub(path.join(dist, 'fiction-markup/fiction-markup.epub'));
  const opf = epub.text('OEBPS/content.opf');
  const cover =
    /<item id="[^"]+" href="([^"]+)" media-type="image\/jpeg" properties="cover-image" \/>/.exec(
      opf,
    );
  expect(cover).not.toBeNull();
  expect(epub.files[`OEBPS/${cover![1]}`]?.byteLength).toBeGreaterThan(1000);
  expect(epub.spine[0]).toBe('OEBPS/cover.xhtml');
  expect(epub.document('OEBPS/cover.xhtml').querySelector('img')?.getAttribute('alt')).toBe(
    'A bakery window glowing gold on a dark street, late at night',
  );
  const alts: string[] = [];
  for (const file of ['OEBPS/chapter-001.xhtml', 'OEBPS/chapter-002.xhtml']) {
    for (const img of epub.document(file).querySelectorAll('figure img')) {
      const src = img.getAttribute('src')!;
      expect(epub.files[`OEBPS/${src}`], src).toBeDefined();
      expect(opf).toContain(`href="${src}"`);
      alts.push(img.getAttribute('alt')!);
    }
  }
  expect(alts).toEqual([
    'The bakery at midnight, every light on, seen from across the empty street',
    '',
    'A floor plan of the bakery: two ovens at the back, the long counter, and the door in front',
  ]);
  expect(opf).toContain('<meta property="schema:accessibilityFeature">alternativeText</meta>');
});
