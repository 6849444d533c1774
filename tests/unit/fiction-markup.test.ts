import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { addedTextSelectors } from '../../src/lib/markup/vocabulary.ts';
import { visibleText } from '../support/html.ts';
import { renderChapter, renderFailure, sourceWords, words } from '../support/markdown.ts';

const html = async (markdown: string) => (await renderChapter(markdown)).html;
const dom = async (markdown: string) =>
  parseHTML(`<main>${await html(markdown)}</main>`).document as unknown as Document;

/** The words a reader sees, without the labels the pipeline adds. */
async function renderedWords(markdown: string): Promise<string[]> {
  const document = await dom(markdown);
  const skip = (el: Element) => addedTextSelectors.some((s) => el.matches(s));
  return words(visibleText(document.querySelector('main')!, skip));
}

describe('footnotes', () => {
  test('are numbered, linked both ways with accessible names, and gathered at the end', async () => {
    const out = await html(
      'She typed fast.[^typing] Then stopped.[^2]\n\n[^typing]: A footnote.\n\n[^2]: Another.',
    );
    expect(out).toContain(
      '<sup><a href="#fn-typing" id="fnref-typing" data-footnote-ref="" aria-describedby="footnote-label" aria-label="Footnote 1" data-pagefind-ignore="">1</a></sup>',
    );
    expect(out).toContain(
      '<sup><a href="#fn-2" id="fnref-2" data-footnote-ref="" aria-describedby="footnote-label" aria-label="Footnote 2" data-pagefind-ignore="">2</a></sup>',
    );
    expect(out).toMatch(
      /<\/section>\n<section data-footnotes=""><h2 id="footnote-label" data-pagefind-ignore="">Footnotes<\/h2>/,
    );
    expect(out).toContain(
      '<li id="fn-typing" data-footnote="">\n<p id="p-a-footnote" data-passage="" data-pagefind-title="Footnotes">A footnote. <a href="#fnref-typing" data-footnote-backref="" aria-label="Back to text" data-pagefind-ignore="">↩</a></p>',
    );
    expect(out).not.toContain('class=');
  });

  test('a call with no footnote text is an error, not a literal "[^1]"', async () => {
    const error = await renderFailure('One.\n\nShe typed fast.[^1]');
    expect(error).toMatchObject({ ruleId: 'footnote:undefined', line: 3 });
    expect(error.reason).toContain('Add a line "[^1]: The footnote\'s text."');
  });

  test('a footnote nothing calls is an error, not silently dropped', async () => {
    const error = await renderFailure('One.\n\n[^1]: Lost.');
    expect(error).toMatchObject({ ruleId: 'footnote:unused', line: 3 });
  });

  test('keep every word, only numbers, back links and the heading added', async () => {
    const markdown = 'She typed fast.[^1] Then slept.\n\n[^1]: A footnote, with *emphasis*.';
    expect(await renderedWords(markdown)).toEqual(sourceWords(markdown));
  });
});

describe('strikethrough', () => {
  test('~~struck~~ is <s>, and one tilde is prose', async () => {
    expect(await html('I ~~hate~~ love you, ~10 miles away.')).toContain(
      'I <s>hate</s> love you, ~10 miles away.',
    );
  });
});

describe('tables', () => {
  const table = '| Stat | Value |\n| --- | --- |\n| STR | 14 -- high |';

  test('are real tables: header cells with scope, in a named scrolling region', async () => {
    const out = await html(table);
    expect(out).toContain('<section data-table="" tabindex="0" aria-label="Table"><table>');
    expect(out).toContain('<th scope="col">Stat</th>');
    expect(out).toContain('<td>14 – high</td>');
    expect(out).not.toContain('|');
  });

  test(':::table[caption] gives the table its caption, which names the region', async () => {
    const out = await html(`:::table[Status *screen*]\n${table}\n:::`);
    expect(out).toContain(
      '<section data-table="" tabindex="0" aria-labelledby="table-1-caption"><table><caption id="table-1-caption">Status <em>screen</em></caption>',
    );
  });

  test(':::table around anything but a table is an error', async () => {
    expect(await renderFailure(':::table[Caption]\nJust prose.\n:::')).toMatchObject({
      ruleId: 'table:not-a-table',
      line: 1,
    });
  });
});

describe('messages', () => {
  const thread =
    ':::messages{me="Clark"}\nChloe (9:41 PM): Where are you? It is 8:30: late.\nClark: On my way.\nTwo minutes.\n:::';

  test('a thread is a list of messages, each with its sender, time and side', async () => {
    expect(await html(thread)).toBe(
      '<section data-scene="1" id="scene-1"><section data-messages="1" id="messages-1" aria-labelledby="messages-1-label"><p data-messages-start="" id="messages-1-label" data-pagefind-ignore="">Messages</p><ol>' +
        '<li data-message="" data-side="received"><span data-sender="">Chloe</span> <span data-time="">9:41 PM</span><p id="p-where-are-you-it-is" data-passage="" data-pagefind-title="Messages">Where are you? It is 8:30: late.</p></li>' +
        '<li data-message="" data-side="sent"><span data-sender="">Clark</span><p id="p-on-my-way" data-passage="" data-pagefind-title="Messages">On my way.</p><p id="p-two-minutes" data-passage="" data-pagefind-title="Messages">Two minutes.</p></li>' +
        '</ol><p data-messages-end="" data-pagefind-ignore="">End of messages</p></section></section>',
    );
  });

  test('keep every word, colons in the text included', async () => {
    expect(await renderedWords(thread)).toEqual(sourceWords(thread));
  });

  test('a thread must say who sent its first message', async () => {
    expect(await renderFailure('Before.\n\n:::messages\nWhere are you?\n:::')).toMatchObject({
      ruleId: 'messages:no-sender',
      line: 4,
    });
  });

  test('errors: unclosed, empty, nested, unknown attribute, a block that is not a message', async () => {
    expect(await renderFailure(':::messages\nA: hi.\n\nMore.')).toMatchObject({
      ruleId: 'messages:unclosed',
      line: 1,
    });
    expect(await renderFailure(':::messages\n:::')).toMatchObject({ ruleId: 'messages:empty' });
    expect(
      await renderFailure('::::messages\nA: hi.\n:::messages\nB: no.\n:::\n::::'),
    ).toMatchObject({ ruleId: 'messages:nested', line: 3 });
    expect(await renderFailure(':::messages{from="A"}\nA: hi.\n:::')).toMatchObject({
      ruleId: 'messages:unknown-attribute',
    });
    expect(await renderFailure(':::messages\nA: hi.\n\n> quoted\n:::')).toMatchObject({
      ruleId: 'messages:not-a-message',
      line: 4,
    });
  });
});

describe('letters', () => {
  const letter = ':::letter\nDear Buffy,\n\nThe farm is quiet.\n\nLove,\nClark\n:::';

  test('are set apart and announced, with opening, closing and signature', async () => {
    expect(await html(letter)).toBe(
      '<section data-scene="1" id="scene-1"><section data-letter="letter" id="letter-1" aria-labelledby="letter-1-label"><p data-letter-start="" id="letter-1-label" data-pagefind-ignore="">Letter</p>' +
        '<p data-letter-opening="" id="p-dear-buffy" data-passage="" data-pagefind-title="Letter">Dear Buffy,</p>' +
        '<p id="p-the-farm-is-quiet" data-passage="" data-pagefind-title="Letter">The farm is quiet.</p>' +
        '<p data-letter-closing="" id="p-love" data-passage="" data-pagefind-title="Letter">Love,</p>' +
        '<p data-letter-signature="" id="p-clark" data-passage="" data-pagefind-title="Letter">Clark</p>' +
        '<p data-letter-end="" data-pagefind-ignore="">End of letter</p></section></section>',
    );
    expect(await renderedWords(letter)).toEqual(sourceWords(letter));
  });

  test('a diary entry is announced as one; a lone dashed line signs', async () => {
    const out = await html(':::letter{kind="diary"}\nToday I slew nothing.\n\n--- B.\n:::');
    expect(out).toContain(
      '<p data-letter-start="" id="letter-1-label" data-pagefind-ignore="">Diary entry</p>',
    );
    expect(out).toContain(
      '<p data-letter-signature="" id="p-b" data-passage="" data-pagefind-title="Diary entry">— B.</p>',
    );
    expect(out).toContain('<p data-letter-end="" data-pagefind-ignore="">End of diary entry</p>');
  });

  test('an unknown kind is an error', async () => {
    expect(await renderFailure(':::letter{kind="postcard"}\nHi.\n:::')).toMatchObject({
      ruleId: 'letter:unknown-kind',
      line: 1,
    });
  });
});

describe('verse', () => {
  const verse =
    ':::verse\nInto the night we ride,\n  the slayer at my side.\n\nAnd none shall stand.\n:::';

  test('keeps each line, stanza and indent, announced as verse', async () => {
    expect(await html(verse)).toBe(
      '<section data-scene="1" id="scene-1"><section data-verse="1" id="verse-1" aria-labelledby="verse-1-label"><p data-verse-start="" id="verse-1-label" data-pagefind-ignore="">Verse</p>' +
        '<p id="p-into-the-night-we-ride" data-passage="" data-pagefind-title="Verse"><span data-line="">Into the night we ride,</span><br>\n<span data-line="" data-indent="1">the slayer at my side.</span></p>' +
        '<p id="p-and-none-shall-stand" data-passage="" data-pagefind-title="Verse"><span data-line="">And none shall stand.</span></p>' +
        '<p data-verse-end="" data-pagefind-ignore="">End of verse</p></section></section>',
    );
    expect(await renderedWords(verse)).toEqual(sourceWords(verse));
  });

  test('a list inside verse is an error', async () => {
    expect(await renderFailure(':::verse\nA line.\n\n- a list\n:::')).toMatchObject({
      ruleId: 'verse:not-verse',
      line: 4,
    });
  });
});

describe('epigraphs', () => {
  const epigraph =
    ':::epigraph\nThe hardest thing is to live in it.\n\n-- Buffy Summers\n:::\n\nShe woke.';

  test('open a chapter as a quotation with its attribution', async () => {
    expect(await html(epigraph)).toContain(
      '<figure data-epigraph="" aria-label="Epigraph"><blockquote>\n<p id="p-the-hardest-thing-is-to" data-passage="" data-pagefind-title="Epigraph">The hardest thing is to live in it.</p>\n</blockquote><figcaption>– Buffy Summers</figcaption></figure>',
    );
    expect(await renderedWords(epigraph)).toEqual(sourceWords(epigraph));
  });

  test('an epigraph after the text has begun is an error', async () => {
    expect(await renderFailure('She woke.\n\n:::epigraph\nA quote.\n:::')).toMatchObject({
      ruleId: 'epigraph:not-at-start',
      line: 3,
    });
  });
});

describe('headings inside a chapter', () => {
  test('## gets an id and names the passages under it in search, until the scene ends', async () => {
    const out = await html("## Buffy's POV\n\nShe woke.\n\n***\n\nHe slept.");
    expect(out).toContain('<h2 id="buffys-pov">Buffy’s POV</h2>');
    expect(out).toContain('data-pagefind-title="Buffy’s POV">She woke.</p>');
    expect(out).toContain('data-pagefind-title="Scene 2">He slept.</p>');
  });

  test('# would be a second title: an error with the fix', async () => {
    const error = await renderFailure('One.\n\n# Part Two\n\nTwo.');
    expect(error).toMatchObject({ ruleId: 'heading:top-level', line: 3 });
    expect(error.reason).toContain('Write "## "');
  });
});

describe('prose as authors type it', () => {
  test('paragraphs indented with a tab or four spaces are prose, never code', async () => {
    const out = await html('\tShe walked in.\n\n    He looked up.');
    expect(out).not.toContain('<pre');
    expect(out).toContain('>She walked in.</p>');
    expect(out).toContain('>He looked up.</p>');
  });

  test('a --- or *** line right under prose is a scene break, and the line above stays prose', async () => {
    for (const rule of ['---', '***']) {
      const out = await html(`The end of a scene.\n${rule}\nThe next scene.`);
      expect(out).not.toContain('<h2');
      expect(out.match(/<hr data-scene-break/g)).toHaveLength(1);
      expect(out).toContain('>The end of a scene.</p>');
    }
  });

  test('a paragraph starting with a number and a period stays a paragraph', async () => {
    const out = await html('1984. It was a bright cold day.\n\n2) And then.');
    expect(out).not.toContain('<ol');
    expect(out).toContain('>1984. It was a bright cold day.</p>');
    expect(out).toContain('>2) And then.</p>');
    // A list that starts at 1 is a list.
    expect(await html('1. Eggs\n2. Milk')).toContain('<ol>');
  });

  test.each(['*~*~*', '*~*~*~*~*', '~*~', 'oOo', 'xXx', '-o-', '###', '+++'])(
    'the break line %s is a scene break',
    async (line) => {
      const out = await html(`She left.\n\n${line}\n\nHe stayed.`);
      expect(out.match(/<hr data-scene-break/g)).toHaveLength(1);
      expect(out.match(/<section data-scene/g)).toHaveLength(2);
    },
  );

  test('a code fence never closed is an error, not the rest of the chapter in monospace', async () => {
    expect(await renderFailure('One.\n\n~~~\nTwo.\n\nThree.')).toMatchObject({
      ruleId: 'code:unclosed',
      line: 3,
    });
  });

  test('the typography pass leaves code, URLs and table rules alone', async () => {
    const out = await html(
      'Type `--force` at [the "site"](https://example.org/a--b).\n\n| a | b |\n|---|---|\n| "x" | y |',
    );
    expect(out).toContain('<code>--force</code>');
    expect(out).toContain('href="https://example.org/a--b"');
    expect(out).toContain('the “site”');
    expect(out).not.toMatch(/—|\|/);
  });
});

describe('what the site does not render', () => {
  test('a picture that is not there is an error with its line, not a broken image', async () => {
    expect(await renderFailure('One.\n\n![Cover art](cover.png)')).toMatchObject({
      ruleId: 'image:missing',
      line: 3,
    });
  });

  test('a link definition nothing uses is an error, not text that vanishes', async () => {
    expect(await renderFailure('One.\n\n[1]: https://example.org')).toMatchObject({
      ruleId: 'definition:unused',
      line: 3,
    });
    expect(await html('A [site][1].\n\n[1]: https://example.org')).toContain(
      '<a href="https://example.org">site</a>',
    );
  });
});
