import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import {
  markupLabelsOf,
  placeholdersOf,
  stringsFor,
  tableFor,
  textDirection,
  type Key,
} from '../../src/lib/i18n/index.ts';
import { readOverrides } from '../../src/lib/i18n/overrides.ts';
import { en } from '../../src/lib/i18n/ui/en.ts';
import { tables } from '../../src/lib/i18n/ui/index.ts';

const required = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'ru',
  'uk',
  'pl',
  'tr',
  'nl',
  'sv',
  'zh-Hans',
  'zh-Hant',
  'ja',
  'ko',
  'ar',
  'he',
  'id',
  'vi',
];

describe('the interface tables', () => {
  test('every language the site promises has a table', () => {
    expect(Object.keys(tables).sort()).toEqual([...required].sort());
  });

  describe.each(Object.entries(tables))('%s', (language, table) => {
    test('has every key of English and no other', () => {
      const keys = Object.keys(table).sort();
      const missing = Object.keys(en).filter((key) => !keys.includes(key));
      const extra = keys.filter((key) => !Object.hasOwn(en, key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    test('fills the same placeholders as English, in every entry', () => {
      const wrong = (Object.keys(en) as Key[]).filter(
        (key) => placeholdersOf(table[key]).join() !== placeholdersOf(en[key]).join(),
      );
      // Plural forms may leave {count} out where the word says it ("one chapter", "فصلان").
      const real = wrong.filter((key) => {
        const mine = placeholdersOf(table[key]).filter((name) => name !== 'count');
        const theirs = placeholdersOf(en[key]).filter((name) => name !== 'count');
        return mine.join() !== theirs.join() || typeof en[key] === 'string';
      });
      expect(real).toEqual([]);
    });

    test('gives every plural form the language has, where English has plurals', () => {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const key of Object.keys(en) as Key[]) {
        const entry = table[key];
        if (typeof en[key] === 'string') {
          expect(typeof entry, key).toBe('string');
          continue;
        }
        expect(typeof entry, key).toBe('object');
        for (const category of categories)
          expect(entry as Record<string, string>, `${key}: ${category}`).toHaveProperty(category);
      }
    });

    test('says something in every entry', () => {
      for (const [key, entry] of Object.entries(table)) {
        const texts = typeof entry === 'string' ? [entry] : Object.values(entry);
        for (const text of texts) expect(text.trim(), key).not.toBe('');
      }
    });
  });
});

describe('strings', () => {
  test('plurals follow the language: Russian one, few and many', () => {
    const { t } = stringsFor('ru');
    expect([1, 2, 5, 21].map((count) => t('work.chapters', { count }))).toEqual([
      '1 глава',
      '2 главы',
      '5 глав',
      '21 глава',
    ]);
  });

  test('Arabic has a form for two, and numbers in the language', () => {
    const { t } = stringsFor('ar');
    expect(t('work.chapters', { count: 2 })).toBe('فصلان');
    expect(t('work.chapters', { count: 11 })).toContain('فصلًا');
  });

  test('numbers and dates are formatted with Intl', () => {
    const fr = stringsFor('fr');
    expect(fr.t('work.words', { count: 12345 })).toBe('12\u202f345 mots');
    expect(fr.date(new Date('2024-05-01T00:00:00Z'))).toBe('1 mai 2024');
    expect(stringsFor('zh-Hans').date(new Date('2024-05-01T00:00:00Z'))).toBe('2024年5月1日');
    expect(stringsFor('en').t('work.words', { count: 1 })).toBe('1 word');
  });

  test('reading times in minutes and hours', () => {
    expect(stringsFor('en').minutes(75)).toBe('1 h 15 min');
    expect(stringsFor('ja').minutes(13)).toBe('13 分');
    expect(stringsFor('de').minutes(120)).toBe('2 Std.');
  });

  test("a language's own name", () => {
    expect(stringsFor('zh-Hans').languageName()).toBe('简体中文');
    expect(stringsFor('zh').languageName()).toBe('中文');
    expect(stringsFor('ar').languageName()).toBe('العربية');
    expect(stringsFor('en').languageName()).toBe('English');
  });

  test('an author’s override wins over the table', () => {
    const { t } = stringsFor('fr', { 'work.startReading': 'Commencer' });
    expect(t('work.startReading')).toBe('Commencer');
    expect(t('work.contents')).toBe('Table des matières');
  });

  test('the markup labels keep their placeholders for the plugins to fill', () => {
    const labels = markupLabelsOf(stringsFor('ja'));
    expect(labels.flashbackWhen).toBe('回想：{when}');
    expect(labels.scene).toBe('場面 {number}');
  });
});

describe('which table, which direction', () => {
  test('Chinese by script, Portuguese by language, an unknown language in English', () => {
    expect(tableFor('zh')).toBe('zh-Hans');
    expect(tableFor('zh-CN')).toBe('zh-Hans');
    expect(tableFor('zh-TW')).toBe('zh-Hant');
    expect(tableFor('zh-HK')).toBe('zh-Hant');
    expect(tableFor('pt-BR')).toBe('pt');
    expect(tableFor('en-GB')).toBe('en');
  });

  test('a language without a table falls back to English, said once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(tableFor('xh')).toBe('en');
    expect(tableFor('xh')).toBe('en');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('no interface table for language "xh"');
    warn.mockRestore();
  });

  test.each([
    ['ar', 'rtl'],
    ['he', 'rtl'],
    ['fa', 'rtl'],
    ['ur', 'rtl'],
    ['yi', 'rtl'],
    ['az-Arab', 'rtl'],
    ['en', 'ltr'],
    ['zh-Hant', 'ltr'],
    ['ja', 'ltr'],
    ['ru', 'ltr'],
    ['not a tag', 'ltr'],
  ])('%s is written %s', (tag, direction) => {
    expect(textDirection(tag)).toBe(direction);
  });
});

describe('interface overrides from the content folder', () => {
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'overrides-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  };

  test('the site’s by language, a work’s for itself', () => {
    const dir = folder({
      'interface.yml': 'fr:\n  work.startReading: Commencer\n',
      'w/interface.yml': "work.chapters: { one: '{count} part', other: '{count} parts' }\n",
    });
    const { overrides, problems } = readOverrides(dir);
    expect(problems).toEqual([]);
    expect(overrides.site['fr']).toEqual({ 'work.startReading': 'Commencer' });
    expect(overrides.works['w']).toEqual({
      'work.chapters': { one: '{count} part', other: '{count} parts' },
    });
  });

  test('an unknown key, a placeholder the string does not fill and a plural without other are named at their lines', () => {
    const dir = folder({
      'w/interface.yml': [
        'work.startreading: Begin', // line 1
        'work.startReading: Begin {title}', // line 2
        "work.chapters: { one: '{count} part' }", // line 3
        'work.contents: Parts', // line 4: fine
      ].join('\n'),
      'interface.yml': 'french:\n  work.contents: Sommaire\n',
    });
    const { problems } = readOverrides(dir);
    expect(problems.map(({ line, ruleId }) => ({ line, ruleId }))).toEqual([
      { line: 1, ruleId: 'interface:language' },
      { line: 1, ruleId: 'interface:unknown-key' },
      { line: 2, ruleId: 'interface:placeholder' },
      { line: 3, ruleId: 'interface:value' },
    ]);
    expect(problems[1]?.message).toContain('Did you mean "work.startReading"?');
  });
});
