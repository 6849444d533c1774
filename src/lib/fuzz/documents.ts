import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { renderChapterBody } from '../markup/index.ts';
import { addedTextSelectors } from '../markup/vocabulary.ts';
import { visibleText, wordsOf } from '../words-on-page.ts';

// Generated chapters for the property test (a fast sample in `npm test`) and `npm run fuzz`
// (10,000 and more): every structure of the fiction markup, nested and broken, with the words
// each must keep, in order. A document renders with exactly those words, or fails with a line.

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
const words = (max: number) => fc.array(word, { minLength: 1, maxLength: max });
const plain = fc.array(fc.stringMatching(/^[a-zA-Z]{1,8}$/), { minLength: 1, maxLength: 5 });
const sender = fc.constantFrom('Chloe', 'Clark', 'Milo');

/** One block of a generated chapter: its Markdown, and the words a reader must see. */
interface Block {
  markdown: string;
  words: string[];
  /** A footnote definition this block calls, written at the chapter's end. */
  footnote?: string[];
  /** A mistake the pipeline must refuse. */
  fault?: string;
  /** Only valid as the chapter's first block. */
  first?: boolean;
}

const text = (ws: string[]) => ws.join(' ');
const paragraph = words(40).map((ws): Block => ({ markdown: text(ws), words: ws }));
const breakLines = ['* * *', '***', '---', '*~*~*', '~*~', 'oOo', 'xXx', '-o-', '###', '+++'];

const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 8, arbitrary: paragraph },
  {
    weight: 1,
    arbitrary: fc.constant(Array.from({ length: 3000 }, (_, i) => `w${i}:x`)).map((ws) => ({
      markdown: text(ws),
      words: ws,
    })),
  },
  { weight: 2, arbitrary: plain.map((ws) => ({ markdown: `*${text(ws)}*`, words: ws })) },
  { weight: 1, arbitrary: plain.map((ws) => ({ markdown: `~~${text(ws)}~~`, words: ws })) },
  { weight: 2, arbitrary: fc.constantFrom(...breakLines).map((b) => ({ markdown: b, words: [] })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(words(8), fc.constantFrom('---', '***'))
      .map(([ws, rule]) => ({ markdown: `${text(ws)}\n${rule}`, words: ws })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('\t', '    '), words(10))
      .map(([indent, ws]) => ({ markdown: `${indent}${text(ws)}`, words: ws })),
  },
  {
    // Paragraphs as word processors paste them: one a line, each indented, no blank line.
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom('\t', '  ', '    '), words(10)), {
        minLength: 2,
        maxLength: 4,
      })
      .map((lines) => ({
        markdown: lines.map(([indent, ws]) => `${indent}${text(ws)}`).join('\n'),
        words: lines.flatMap(([, ws]) => ws),
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 2, max: 2099 }), words(8))
      .map(([n, ws]) => ({ markdown: `${n}. ${text(ws)}`, words: [`${n}.`, ...ws] })),
  },
  { weight: 1, arbitrary: plain.map((ws) => ({ markdown: `## ${text(ws)}`, words: ws })) },
  {
    weight: 1,
    arbitrary: fc
      .stringMatching(/^[a-z][a-z0-9-]{0,8}$/)
      .map((name) => ({ markdown: `::${name}{a=1}`, words: [`::${name}{a=1}`] })),
  },
  {
    weight: 2,
    arbitrary: fc.array(words(10), { minLength: 1, maxLength: 3 }).map((ps) => ({
      markdown: `:::flashback{when="Then"}\n${ps.map(text).join('\n\n')}\n:::`,
      words: ps.flat(),
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.tuple(sender, fc.option(fc.constantFrom('9:41 PM', '23:05')), words(10)), {
        minLength: 1,
        maxLength: 4,
      })
      .map((lines) => ({
        markdown: `:::messages{me="Clark"}\n${lines
          .map(([who, time, ws]) => `${who}${time ? ` (${time})` : ''}: ${text(ws)}`)
          .join('\n')}\n:::`,
        words: lines.flatMap(([who, time, ws]) => [who, ...(time ? time.split(' ') : []), ...ws]),
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', '{kind="diary"}', '{kind="note"}'),
        fc.array(words(10), { minLength: 1, maxLength: 3 }),
      )
      .map(([kind, ps]) => ({
        markdown: `:::letter${kind}\nDear Ada,\n\n${ps.map(text).join('\n\n')}\n\nLove,\nBen\n:::`,
        words: ['Dear', 'Ada,', ...ps.flat(), 'Love,', 'Ben'],
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.array(fc.tuple(fc.boolean(), plain), { minLength: 1, maxLength: 4 }), {
        minLength: 1,
        maxLength: 3,
      })
      .map((stanzas) => ({
        markdown: `:::verse\n${stanzas
          .map((lines) =>
            lines.map(([indent, ws]) => `${indent ? '  ' : ''}${text(ws)}`).join('\n'),
          )
          .join('\n\n')}\n:::`,
        words: stanzas.flat().flatMap(([, ws]) => ws),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(words(10), plain).map(([ws, who]) => ({
      markdown: `:::epigraph\n${text(ws)}\n\n--- ${text(who)}\n:::`,
      words: [...ws, '---', ...who],
      first: true,
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.option(plain), plain, fc.array(plain, { minLength: 1, maxLength: 3 }))
      .map(([caption, header, rows]) => {
        const cells = (ws: string[]) => `| ${ws.join(' | ')} |`;
        const body = rows
          .map((r) => r.slice(0, header.length))
          .map((r) => [...r, ...header.slice(r.length).map(() => 'x')]);
        const table = [cells(header), cells(header.map(() => '---')), ...body.map(cells)].join(
          '\n',
        );
        return {
          markdown: caption ? `:::table[${text(caption)}]\n${table}\n:::` : table,
          words: [...(caption ?? []), ...header, ...body.flat()],
        };
      }),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(words(10), words(10)).map(([ws, note]) => ({
      markdown: `${text(ws)}[^N]`,
      words: ws,
      footnote: note,
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        ['flashback:unclosed', ':::flashback\nNever closed.'],
        ['flashback:nested', '::::flashback\nOuter.\n\n:::flashback\nInner.\n:::\n::::'],
        ['flashback:unknown-container', ':::aside\nUnknown.\n:::'],
        // Crossed: the verse's fence closes the letter, which is never closed (anywhere in a
        // chapter: what follows the fence is outside both).
        ['letter:unclosed', ':::letter\nDear Ada,\n\n:::verse\nA line.\n:::\n\nLove,\nBen'],
        ['flashback:unclosed', ':::flashback\nThen.\n\n:::messages\nA: hi\n:::\n\nNow.'],
        ['container:stray-fence', 'A paragraph.\n:::'],
        ['messages:unclosed', ':::messages\nA: never closed.'],
        ['messages:no-sender', ':::messages\nnobody said this\n:::'],
        ['letter:unknown-kind', ':::letter{kind="postcard"}\nHi.\n:::'],
        ['verse:not-verse', ':::verse\nA line.\n\n- a list\n:::'],
        ['epigraph:not-at-start', 'Prose first.\n\n:::epigraph\nToo late.\n:::'],
        ['table:not-a-table', ':::table[Caption]\nJust prose.\n:::'],
        ['footnote:undefined', 'A call to nothing.[^nowhere]'],
        ['footnote:unused', '[^lonely]: Nobody calls me.'],
        ['heading:top-level', '# A second title'],
        ['code:unclosed', '~~~\nNever closed.'],
        ['image:alt', '![](images/map.png)'],
        ['image:remote', '![A map](https://example.org/map.png)'],
        ['definition:unused', '[1]: https://example.org'],
      )
      .map(([fault, markdown]) => ({ markdown: markdown!, words: [], fault: fault! })),
  },
);

/** A generated chapter: its Markdown, the words it must keep, and the mistake it holds, if any. */
export interface FuzzDocument {
  markdown: string;
  words: string[];
  /** The rule ids of the mistakes in it (the first one is reported). */
  faults: string[];
}

/** Generated chapters of 1 to 12 blocks, in CRLF or with a BOM at times. */
export const fuzzDocument: fc.Arbitrary<FuzzDocument> = fc
  .record({
    blocks: fc.array(block, { minLength: 1, maxLength: 12 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ blocks, crlf, bom }) => {
    // Epigraphs open their chapter (one or several), or they are a mistake too.
    const marked = blocks.map((b, i) =>
      b.first && blocks.slice(0, i).some((before) => !before.first)
        ? { ...b, fault: 'epigraph:not-at-start' }
        : b,
    );
    // Something never closed runs to the chapter's end: it is the last block, and the only one
    // (a later container's closing fence would close it, and that chapter is well formed).
    const unclosed = marked.find((b) => b.fault?.endsWith(':unclosed'));
    const placed = [
      ...marked.filter((b) => !b.fault?.endsWith(':unclosed') && !(unclosed && b.footnote)),
      ...(unclosed ? [unclosed] : []),
    ];
    let notes = 0;
    const parts: string[] = [];
    const definitions: string[] = [];
    const noteWords: string[] = [];
    for (const b of placed) {
      if (b.footnote) {
        notes += 1;
        parts.push(b.markdown.replace('[^N]', `[^${notes}]`));
        definitions.push(`[^${notes}]: ${text(b.footnote)}`);
        noteWords.push(...b.footnote);
      } else parts.push(b.markdown);
    }
    let markdown = [...parts, ...definitions].join('\n\n');
    if (crlf) markdown = markdown.replace(/\n/g, '\r\n');
    if (bom) markdown = `\uFEFF${markdown}`;
    return {
      markdown,
      words: [...placed.flatMap((b) => b.words), ...noteWords],
      faults: placed.flatMap((b) => (b.fault ? [b.fault] : [])),
    };
  });

/** What rendering a generated chapter gave, against what it had to give. */
export type FuzzOutcome =
  | { ok: true; kind: 'rendered' | 'refused'; ms: number }
  | { ok: false; reason: string; ms: number };

/**
 * Renders a generated chapter through the build's own pipeline and checks it: with a mistake in
 * it, it must fail with a line and a known rule; without, every word must be on the page, in
 * order, with only the pipeline's labels added.
 */
export async function checkDocument(doc: FuzzDocument): Promise<FuzzOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const result = await renderChapterBody(doc.markdown, 'fuzz.md');
  if (doc.faults.length > 0) {
    if (!('mistake' in result))
      return { ok: false, reason: `rendered despite ${doc.faults.join(', ')}`, ms: ms() };
    const { ruleId, line } = result.mistake;
    if (!doc.faults.includes(ruleId))
      return {
        ok: false,
        reason: `refused as ${ruleId}, not as ${doc.faults.join(', ')}`,
        ms: ms(),
      };
    if (!(line >= 1) || !/^[a-z-]+:[a-z-]+$/.test(ruleId))
      return {
        ok: false,
        reason: `a mistake without a place or rule: ${JSON.stringify(result.mistake)}`,
        ms: ms(),
      };
    return { ok: true, kind: 'refused', ms: ms() };
  }
  if ('mistake' in result)
    return {
      ok: false,
      reason: `refused: ${result.mistake.ruleId} ${result.mistake.reason}`,
      ms: ms(),
    };
  const body = parseHTML(`<!doctype html><html><body>${result.html}</body></html>`).document
    .body as unknown as Element;
  const isLabel = (el: Element) => addedTextSelectors.some((s) => el.matches(s));
  const actual = wordsOf(visibleText(body, isLabel));
  const expected = wordsOf(doc.words.join(' '));
  const at = expected.findIndex((w, i) => actual[i] !== w);
  if (at !== -1 || actual.length !== expected.length) {
    const i = at === -1 ? expected.length : at;
    return {
      ok: false,
      reason: `word ${i}: expected "${expected.slice(i, i + 6).join(' ')}", found "${actual.slice(i, i + 6).join(' ')}"`,
      ms: ms(),
    };
  }
  return { ok: true, kind: 'rendered', ms: ms() };
}
