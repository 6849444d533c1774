import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { stringsFor } from '../../src/lib/i18n/index.ts';
import { distOf, sites } from '../support/sites.ts';

// The six-language fixture (tests/fixtures/languages), built: each work's pages speak its
// language, in its direction, count its words as its readers do, and its EPUB says so too.
const dist = distOf('languages');
const page = (url: string) =>
  parseHTML(readFileSync(path.join(dist, url, 'index.html'), 'utf8')).document;

const works = [
  {
    slug: 'yue-guang-xia-de-mian-bao-dian',
    chapter: 'deng-hai-liang-zhe',
    lang: 'zh-Hans',
    dir: 'ltr',
  },
  { slug: 'mayonaka-no-panya', chapter: 'akari', lang: 'ja', dir: 'ltr' },
  { slug: 'makhbaz-muntasaf-al-layl', chapter: 'al-adwa', lang: 'ar', dir: 'rtl' },
  { slug: 'ha-maafiya-shel-chatzot', chapter: 'haorot', lang: 'he', dir: 'rtl' },
  { slug: 'nochnaya-pekarnya', chapter: 'svet', lang: 'ru', dir: 'ltr' },
  { slug: 'la-boulangerie-de-minuit', chapter: 'la-lumiere', lang: 'fr', dir: 'ltr' },
] as const;

/** The chapter file's body, for counting independently of the site's counter. */
function source(slug: string, chapter: string): string {
  const file = readFileSync(path.join(sites.languages, slug, '01-' + chapter + '.md'), 'utf8');
  return file.slice(file.indexOf('\n---\n') + 5);
}

describe.each(works)('$lang: $slug', ({ slug, chapter, lang, dir }) => {
  const { t } = stringsFor(lang);

  test('every page of the work has its lang and dir', () => {
    for (const url of [slug, `${slug}/${chapter}`, `${slug}/all`]) {
      const html = page(url).documentElement;
      expect(html.getAttribute('lang'), url).toBe(lang);
      expect(html.getAttribute('dir'), url).toBe(dir);
    }
  });

  test("the interface is in the work's language, from its table", () => {
    const chapterPage = page(`${slug}/${chapter}`);
    expect(chapterPage.querySelector('nav[data-chapter-end]')?.getAttribute('aria-label')).toBe(
      t('chapter.nav'),
    );
    expect(chapterPage.querySelector('.skip-link')?.textContent?.trim()).toBe(t('site.skip'));
    expect(chapterPage.querySelector('[data-flashback-end]')?.textContent).toBe(
      t('markup.flashbackEnd'),
    );
    expect(chapterPage.querySelector('hr[data-scene-break]')?.getAttribute('aria-label')).toBe(
      t('markup.sceneBreak'),
    );
    expect(chapterPage.querySelector('#footnote-label')?.textContent).toBe(t('markup.footnotes'));
    const workPage = page(slug);
    expect(workPage.querySelector('h2#contents')?.textContent?.trim()).toBe(t('work.contents'));
    expect(workPage.querySelector('.start-reading')?.textContent?.trim()).toBe(
      t('work.startReading'),
    );
  });

  test('its card in the library carries its language and direction', () => {
    const card = page('').querySelector(`article[aria-labelledby="work-${slug}"]`);
    expect(card?.getAttribute('lang')).toBe(lang);
    expect(card?.getAttribute('dir')).toBe(dir);
  });

  test('its EPUB says its language and, right to left, its page progression', () => {
    const files = unzipSync(readFileSync(path.join(dist, slug, `${slug}.epub`)));
    const text = (name: string) => new TextDecoder().decode(files[name]);
    const opf = text('OEBPS/content.opf');
    expect(opf).toContain(`<dc:language>${lang}</dc:language>`);
    expect(opf.includes('page-progression-direction="rtl"')).toBe(dir === 'rtl');
    const title = text('OEBPS/title.xhtml');
    // The language by its own name ("简体中文", "العربية"), never its code.
    expect(title).toContain(`<dd>${stringsFor(lang).languageName()}</dd>`);
    expect(title).not.toContain(`<dd>${lang}</dd>`);
  });
});

describe('counts by script', () => {
  const countShown = (slug: string, chapter: string) => {
    const text = page(`${slug}/${chapter}`).querySelector(
      'article header p.tabular-nums',
    )!.textContent!;
    return Number(
      text
        .replace(/[\u2068\u2069]/g, '')
        .match(/[\d,. \u202f]+/)![0]
        .replace(/\D/g, ''),
    );
  };

  test('Chinese and Japanese count characters, as AO3 and their own sites do', () => {
    for (const { slug, chapter } of works.slice(0, 2)) {
      // Every Han character and kana of the chapter's text (the footnote's too), and nothing of
      // its punctuation: counted here with a regular expression, not the site's counter.
      const characters = source(slug, chapter)
        .replace(/:::flashback\{[^}]*\}/g, '')
        .match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]/gu)!.length;
      expect(countShown(slug, chapter)).toBe(characters);
    }
  });

  test('the other scripts count words between spaces', () => {
    for (const { slug, chapter } of works.slice(2)) {
      const words = source(slug, chapter)
        .replace(/:::flashback\{[^}]*\}|\[\^1\]:?|:::/g, ' ')
        .split(/\s+/)
        .filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
      expect(countShown(slug, chapter)).toBe(words);
    }
  });
});

describe('the site’s own pages', () => {
  test('speak the language most works share, or the first among equals', () => {
    // One work each: the library's first work by title, "La Boulangerie de minuit".
    expect(page('search').documentElement.getAttribute('lang')).toBe('fr');
    expect(page('search').querySelector('h1')?.textContent?.trim()).toBe('Rechercher');
  });
});
