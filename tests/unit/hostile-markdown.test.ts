import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { addedTextSelectors } from '../../src/lib/markup/vocabulary.ts';
import { visibleText, wordsOf } from '../support/html.ts';
import { renderChapter, renderFailure } from '../support/markdown.ts';

// Words an author might type, chosen to stress the pipeline: colons everywhere (directive
// syntax), digits, diacritics, other scripts, right-to-left text, emoji, ampersands, quotes.
const word = fc.oneof(
  fc.constantFrom(
    'Clark',
    'said',
    'the',
    'Zoölogical',
    'café',
    'naïve',
    '東京',
    'Москва',
    'שלום',
    'مرحبا',
    '🙂',
    '&',
    'R&D',
    "it's",
    '"hi"',
    '3,4',
    '1–2',
  ),
  fc.constantFrom(
    '8:35',
    '10:30:15',
    'said:hello',
    'Holmes:\u2060—I',
    'a:b:c',
    'x:1',
    'ratio 2:1',
    'http://example.org/a:b',
  ),
  fc.constantFrom(':note[aside]{#x .y}', ':abbr[HTML]', ':42', ':x{a=1}'),
  fc.stringMatching(/^[a-zA-Z0-9]{1,12}$/),
);
const paragraph = fc
  .array(word, { minLength: 1, maxLength: 40 })
  .map((words) => ({ kind: 'text' as const, words }));
const longParagraph = fc.constant({
  kind: 'text' as const,
  words: Array.from({ length: 3000 }, (_, i) => `w${i}:x`),
});
const emphasised = fc
  .array(fc.stringMatching(/^[a-zA-Z]{1,8}$/), { minLength: 1, maxLength: 5 })
  .map((words) => ({ kind: 'emphasis' as const, words }));
const block = fc.oneof(
  { weight: 8, arbitrary: paragraph },
  { weight: 1, arbitrary: longParagraph },
  { weight: 2, arbitrary: emphasised },
  { weight: 2, arbitrary: fc.constantFrom({ kind: 'break' as const, words: [] as string[] }) },
  {
    weight: 1,
    arbitrary: fc
      .stringMatching(/^[a-z][a-z0-9-]{0,8}$/)
      .map((name) => ({ kind: 'leaf' as const, words: [`::${name}{a=1}`] })),
  },
  {
    weight: 2,
    arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((inner) => ({
      kind: 'flashback' as const,
      words: inner.flatMap((p) => p.words),
      inner,
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('unclosed', 'nested', 'unknown')
      .map((fault) => ({ kind: 'fault' as const, words: [] as string[], fault })),
  },
);

interface Doc {
  markdown: string;
  words: string[];
  faulty: boolean;
}

const document = fc
  .record({
    blocks: fc.array(block, { minLength: 1, maxLength: 12 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    tabs: fc.boolean(),
  })
  .map(({ blocks, crlf, bom, tabs }): Doc => {
    const parts: string[] = [];
    for (const b of blocks) {
      if (b.kind === 'text') parts.push(b.words.join(tabs ? '\t' : ' '));
      else if (b.kind === 'emphasis') parts.push(`*${b.words.join(' ')}*`);
      else if (b.kind === 'break') parts.push('* * *');
      else if (b.kind === 'leaf') parts.push(b.words[0]!);
      else if (b.kind === 'flashback')
        parts.push(
          `:::flashback{when="Then"}\n${b.inner.map((p) => p.words.join(' ')).join('\n\n')}\n:::`,
        );
      else if (b.fault === 'unclosed') parts.push(':::flashback\nNever closed.');
      else if (b.fault === 'nested')
        parts.push('::::flashback\nOuter.\n\n:::flashback\nInner.\n:::\n::::');
      else parts.push(':::aside\nUnknown.\n:::');
    }
    let markdown = parts.join('\n\n');
    if (crlf) markdown = markdown.replace(/\n/g, '\r\n');
    if (bom) markdown = `\uFEFF${markdown}`;
    return {
      markdown,
      words: wordsOf(blocks.flatMap((b) => b.words).join(' ')),
      faulty: blocks.some((b) => b.kind === 'fault'),
    };
  });

test('any Markdown either renders with every word kept, in order, or fails with a line; never a crash or a hang', async () => {
  await fc.assert(
    fc.asyncProperty(document, async (doc) => {
      const started = performance.now();
      if (doc.faulty) {
        const error = await renderFailure(doc.markdown);
        expect(error.ruleId).toMatch(/^flashback:/);
        expect(error.line).toBeGreaterThanOrEqual(1);
      } else {
        const { html } = await renderChapter(doc.markdown);
        const body = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document
          .body as unknown as Element;
        const isLabel = (el: Element) => addedTextSelectors.some((s) => el.matches(s));
        expect(wordsOf(visibleText(body, isLabel))).toEqual(doc.words);
      }
      expect(performance.now() - started).toBeLessThan(5_000);
    }),
    { numRuns: 150, seed: 20261124 },
  );
}, 120_000);

test('a BOM, CRLF line ends and tabs do not change the words of a chapter', async () => {
  const { html } = await renderChapter('\uFEFFOne\ttwo at 8:35\r\n\r\n* * *\r\n\r\nthree:four');
  const body = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document
    .body as unknown as Element;
  expect(wordsOf(visibleText(body))).toEqual(['One', 'two', 'at', '8:35', 'three:four']);
});
