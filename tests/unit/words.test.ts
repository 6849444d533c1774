import { describe, expect, test } from 'vitest';
import { countWords, readingMinutes, wordsPerMinuteIn } from '../../src/lib/story/words.ts';

describe('countWords counts what readers of each script count', () => {
  test('spaced scripts: tokens with a letter or digit', () => {
    expect(countWords('Clark — is  here… 3,4 weeks. Zoölogical ¿qué?')).toBe(7);
    expect(countWords('Он сказал: «Привет».')).toBe(3);
    expect(countWords('قال: مرحبا يا صديقي')).toBe(4);
    expect(countWords('  — … ')).toBe(0);
  });

  test('Chinese: every Han character is a word, punctuation is not', () => {
    // 月光下的面包店 (7) 还亮着灯 (4): 11 characters, as AO3 and Chinese sites count them.
    expect(countWords('月光下的面包店，还亮着灯。')).toBe(11);
    expect(countWords('“你醒了？”她问。')).toBe(5);
  });

  test('Japanese: kanji and kana one by one, the long-vowel mark with them', () => {
    // 真夜中 (3) の (1) パン屋 (3) は (1) 静か (2) だった (3): 13.
    expect(countWords('真夜中のパン屋は静かだった。')).toBe(13);
    expect(countWords('コーヒー')).toBe(4);
  });

  test('Latin words between CJK characters count once each', () => {
    expect(countWords('她买了iPhone和Mac')).toBe(4 + 2);
    expect(countWords('東京 is big')).toBe(4);
  });

  test('Korean is written with spaces and counted by them', () => {
    expect(countWords('한밤의 빵집은 조용했다.')).toBe(3);
  });

  test('Thai has no spaces between words: Intl.Segmenter finds them', () => {
    // ร้าน ขนมปัง เงียบ มาก: "the bakery was very quiet", four words, no spaces.
    const words = countWords('ร้านขนมปังเงียบมาก');
    expect(words).toBeGreaterThanOrEqual(3);
    expect(words).toBeLessThanOrEqual(5);
    expect(words).toBeLessThan('ร้านขนมปังเงียบมาก'.length);
  });
});

describe('reading time', () => {
  test('rounds at 240 words a minute in spaced scripts, at least one minute for any text', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(2652)).toBe(11);
    expect(readingMinutes(2652, 'fr')).toBe(11);
  });

  test('Chinese and Japanese read by characters, Arabic and Hebrew by words, each at its speed', () => {
    expect(wordsPerMinuteIn('zh-Hant')).toBe(255);
    expect(wordsPerMinuteIn('ja')).toBe(357);
    expect(wordsPerMinuteIn('ar')).toBe(138);
    expect(wordsPerMinuteIn('he')).toBe(187);
    // A 180,297-character novel, at 255 characters a minute: about twelve hours.
    expect(readingMinutes(180_297, 'zh')).toBe(707);
  });
});
