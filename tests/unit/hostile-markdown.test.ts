import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { checkDocument, fuzzDocument } from '../../src/lib/fuzz/documents.ts';
import { visibleText, wordsOf } from '../support/html.ts';
import { renderChapter } from '../support/markdown.ts';

// A fast sample of `npm run fuzz`: generated chapters with every structure of the fiction
// markup (src/lib/fuzz/documents.ts), nested and broken, through the build's own pipeline.
test('any Markdown either renders with every word kept, in order, or fails with a line; never a crash or a hang', async () => {
  const outcomes = { rendered: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(fuzzDocument, async (doc) => {
      const outcome = await checkDocument(doc);
      expect(outcome.ok ? '' : outcome.reason).toBe('');
      if (outcome.ok) outcomes[outcome.kind] += 1;
      expect(outcome.ms).toBeLessThan(5_000);
    }),
    { numRuns: 200, seed: 20261130 },
  );
  // Both kinds were really generated: chapters that render and chapters with a mistake.
  expect(outcomes.rendered).toBeGreaterThan(50);
  expect(outcomes.refused).toBeGreaterThan(20);
}, 120_000);

test('a BOM, CRLF line ends and tabs do not change the words of a chapter', async () => {
  const { html } = await renderChapter('\uFEFFOne\ttwo at 8:35\r\n\r\n* * *\r\n\r\nthree:four');
  const body = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document
    .body as unknown as Element;
  expect(wordsOf(visibleText(body))).toEqual(['One', 'two', 'at', '8:35', 'three:four']);
});
