import { describe, expect, test } from 'vitest';
import { renderChapterBody } from '../../src/lib/markup/index.ts';
import { localizePunctuation } from '../../src/lib/markup/smart-punctuation.ts';

/** The text of a chapter rendered in `language`, markup stripped. */
async function typeset(markdown: string, language: string) {
  const rendered = await renderChapterBody(markdown, 'chapter.md', undefined, language);
  if ('mistake' in rendered) throw new Error(rendered.mistake.reason);
  return rendered.html.replace(/<[^>]+>/g, '');
}

const nnbsp = '\u202f';

describe('quotes and spacing follow the language', () => {
  test('French: « » with narrow no-break spaces, and before ; : ! ?', async () => {
    expect(await typeset('"Qui est là ?" Personne ne répondit! Il était 8:35.', 'fr')).toBe(
      `«${nnbsp}Qui est là${nnbsp}?${nnbsp}» Personne ne répondit${nnbsp}! Il était 8:35.`,
    );
    // Guillemets the author typed get the same spaces; a web address keeps its colon.
    expect(await typeset('« Oui » : voir http://exemple.fr', 'fr-CA')).toBe(
      `«${nnbsp}Oui${nnbsp}»${nnbsp}: voir http://exemple.fr`,
    );
  });

  test('German „ “, Polish „ ”, Russian « » with an em dash, Italian « »', async () => {
    expect(await typeset('"Wer ist da?" fragte er.', 'de')).toBe('„Wer ist da?“ fragte er.');
    expect(await typeset('"Kto tam?" zapytał.', 'pl')).toBe('„Kto tam?” zapytał.');
    expect(await typeset('"Кто там?" -- спросил он.', 'ru')).toBe('«Кто там?» — спросил он.');
    expect(await typeset('"Chi è?" chiese.', 'it')).toBe('«Chi è?» chiese.');
  });

  test('Chinese and Japanese keep the quotes as typed; ellipses still join', async () => {
    expect(await typeset('"谁在里面？"他问...', 'zh-Hans')).toBe('"谁在里面？"他问…');
    expect(await typeset('「誰かいるの？」と聞いた。', 'ja')).toBe('「誰かいるの？」と聞いた。');
  });

  test('English, and any language without rules of its own, as before', async () => {
    expect(await typeset(`"Who's there?" -- he asked...`, 'en')).toBe('“Who’s there?” – he asked…');
    expect(await typeset('"¿Quién?" preguntó.', 'es')).toBe('“¿Quién?” preguntó.');
  });

  test('apostrophes stay apostrophes', () => {
    expect(localizePunctuation('l’homme “dit”', 'fr')).toBe(`l’homme «${nnbsp}dit${nnbsp}»`);
    expect(localizePunctuation('Er sagt’s', 'de')).toBe('Er sagt’s');
  });
});

describe('the markup speaks the work’s language', () => {
  test('a flashback, a scene break and a footnote in Japanese', async () => {
    const { stringsFor, markupLabelsOf } = await import('../../src/lib/i18n/index.ts');
    const rendered = await renderChapterBody(
      '前。[^1]\n\n* * *\n\n:::flashback{when="三年前"}\n冬。\n:::\n\n[^1]: 注。',
      'chapter.md',
      markupLabelsOf(stringsFor('ja')),
      'ja',
    );
    if ('mistake' in rendered) throw new Error(rendered.mistake.reason);
    expect(rendered.html).toContain('aria-label="場面転換"');
    expect(rendered.html).toContain('>回想：三年前</p>');
    expect(rendered.html).toContain('>回想ここまで</p>');
    expect(rendered.html).toContain('data-pagefind-title="場面 1"');
    expect(rendered.html).toContain('aria-label="脚注 1"');
    expect(rendered.html).toContain('>脚注</h2>');
    expect(rendered.html).toContain('aria-label="本文に戻る"');
    // Counted by character: 前 (1), 冬 (1), 注 (1).
    expect(rendered.words).toBe(3);
  });
});
