import { expect, test } from 'vitest';
import { addCharacters } from '../../src/integrations/font-subsets.ts';

test('the characters a page needs are read from its bytes, whole, in every script and width', () => {
  const text =
    '<p>“Café”—naïve… Ø ½ £</p><p dir="rtl">שלום</p><p>emoji 📖 and 👩‍👩‍👧, CJK 漢字, ‘quote’</p>';
  const fromBytes = new Set<string>();
  addCharacters(fromBytes, Buffer.from(text));
  // What the text holds beyond ASCII, read as a string.
  const expected = new Set([...text].filter((c) => c.codePointAt(0)! > 0x7f));
  expect([...fromBytes].sort()).toEqual([...expected].sort());
  // Runs of several characters are split into characters, astral ones whole.
  expect(fromBytes).toContain('📖');
  expect(fromBytes).toContain('\u200d'); // the joiner inside the family emoji
  expect(fromBytes).not.toContain('<');
});

test('a part of a larger buffer is read where it lies', () => {
  const whole = Buffer.from('ASCII only, then é');
  const found = new Set<string>();
  addCharacters(found, whole.subarray(0, 11));
  expect(found.size).toBe(0);
  addCharacters(found, whole.subarray(11));
  expect([...found]).toEqual(['é']);
});
