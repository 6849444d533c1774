import { describe, expect, test } from 'vitest';
import { languageTag } from '../../src/lib/import/meta.ts';
import { titleSlug } from '../../src/lib/slug.ts';
import { searchLanguage } from '../../src/lib/story/languages.ts';
import { writeContent } from '../support/content.ts';

describe('a title in any script gets a readable, unique slug', () => {
  test.each([
    ['月光下的面包店', 'yue-guang-xia-de-mian-bao-dian'],
    ['Ночная пекарня', 'nochnaya-pekarnya'],
    ['La Boulangerie de minuit', 'la-boulangerie-de-minuit'],
    ["Clark's Farm!", 'clarks-farm'],
    ['Zoölogical Café', 'zoological-cafe'],
    ['第一章 面包', 'di-yi-zhang-mian-bao'],
  ])('%s → %s', (title, slug) => {
    expect(titleSlug(title)).toBe(slug);
  });

  test('Japanese, Arabic and Hebrew titles are romanised, never empty', () => {
    for (const title of ['真夜中のパン屋', 'مخبز منتصف الليل', 'המאפייה של חצות', '한밤의 빵집']) {
      expect(titleSlug(title)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  test('two Chinese works never share a folder', () => {
    expect(titleSlug('月光下的面包店')).not.toBe(titleSlug('星空下的书店'));
  });

  test('a title with no letters at all gets a hash of itself', () => {
    expect(titleSlug('🌙🍞')).toMatch(/^work-[0-9a-f]{8}$/);
    expect(titleSlug('🌙🍞')).not.toBe(titleSlug('🍞🌙'));
  });
});

describe('language names and codes become BCP 47 tags', () => {
  test.each([
    // AO3's own names, as its language menu shows them
    ['English', 'en'],
    ['中文-普通话 國語', 'zh'],
    ['中文-广东话 粵語', 'yue'],
    ['中文-古典中文', 'lzh'],
    ['日本語', 'ja'],
    ['한국어', 'ko'],
    ['العربية', 'ar'],
    ['עברית', 'he'],
    ['Русский', 'ru'],
    ['Українська', 'uk'],
    ['Français', 'fr'],
    ['Deutsch', 'de'],
    ['Español', 'es'],
    ['Português brasileiro', 'pt-BR'],
    ['Português europeu', 'pt-PT'],
    ['Bahasa Indonesia', 'id'],
    ['Tiếng Việt', 'vi'],
    ['Polski', 'pl'],
    ['Türkçe', 'tr'],
    ['ไทย', 'th'],
    ['فارسی', 'fa'],
    ['हिन्दी', 'hi'],
    ['Lingua latina', 'la'],
    ['Toki Pona', 'tok'],
    ['Quenya', 'qya'],
    ['tlhIngan-Hol', 'tlh'],
    // English names, as FanFicFare writes them
    ['Chinese', 'zh'],
    ['Japanese', 'ja'],
    ['Spanish', 'es'],
    // Codes, as an EPUB's dc:language has them
    ['en-US', 'en-US'],
    ['zh_CN', 'zh-CN'],
    ['eng', 'en'],
    ['fre', 'fr'],
    ['iw', 'he'],
  ])('%s → %s', (name, tag) => {
    expect(languageTag(name)).toBe(tag);
  });

  test('an unknown name is unknown, not a guess', () => {
    expect(languageTag('Elvish (made up)')).toBeUndefined();
    expect(languageTag('')).toBeUndefined();
  });
});

describe('the search index language', () => {
  const work = (language: string) =>
    `---\ntitle: "W"\nauthor: "A"\nsummary: "S."\nlanguage: ${language}\n---\n`;

  test('one language: its own (stemmed where Pagefind can)', () => {
    expect(
      searchLanguage(writeContent({ 'a/work.md': work('fr'), 'b/work.md': work('fr-CA') })),
    ).toBe('fr');
  });

  test('several with Chinese or Japanese among them: the one that segments words', () => {
    expect(
      searchLanguage(
        writeContent({
          'a/work.md': work('fr'),
          'b/work.md': work('ja'),
          'c/work.md': work('zh-Hant'),
        }),
      ),
    ).toBe('zh');
  });

  test('several spaced languages: the one most works share', () => {
    expect(
      searchLanguage(
        writeContent({ 'a/work.md': work('de'), 'b/work.md': work('ru'), 'c/work.md': work('ru') }),
      ),
    ).toBe('ru');
  });
});
