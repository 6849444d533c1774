import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { isBreakLine } from '../../src/lib/import/to-markdown.ts';
import { renderChapterBody } from '../../src/lib/markup/index.ts';
import { validateContent } from '../../src/lib/story/validate/index.ts';
import {
  ao3Epub,
  bytes,
  contentDir,
  exportPlainText,
  imported,
  fanFicFareEpub,
  fixture,
} from '../support/import-fixtures.ts';
import { root } from '../support/sites.ts';

// The importer on stories written for these tests in the shapes authors bring (see
// tests/fixtures/import/README.md): each input kind and vintage, every hazard of a real file.

/** The chapter's Markdown as the site shows it. */
async function page(markdown: string) {
  const rendered = await renderChapterBody(markdown, path.join(contentDir(), 'w', '01-a.md'));
  if ('mistake' in rendered) throw new Error(rendered.mistake.reason);
  return parseHTML(`<html><body>${rendered.html}</body></html>`).document;
}

const everyOutput = (result: Awaited<ReturnType<typeof imported>>) =>
  [...result.files.values()].map((f) => f.content).join('\n');

describe('an AO3 HTML download of late 2025 (plural labels, "Chapter N: Title")', async () => {
  const result = await imported(bytes(fixture('ao3-2025-multi.html')));
  const work = result.files.get('stars-hearts-a-1/work.md')!;
  const chapters = [...result.files.keys()].filter((name) => !name.endsWith('work.md'));

  test('maps every field of the preface into work.md', () => {
    expect(result.story.format).toBe('ao3-html');
    expect(work.data).toEqual({
      title: '*Stars* & <Hearts>: [A] #1',
      author: 'Quill_Writer (quill), Second Baker',
      summary:
        'The ovens keep their promise; the bakers keep theirs.\n\nA second line of the summary, with *emphasis*.',
      status: 'complete',
      language: 'en',
      published: '2025-03-01',
      updated: '2025-11-20',
      series: { name: 'The Flour Years', part: 2 },
      rating: 'Teen And Up Audiences',
      warnings: ['Creator Chose Not To Use Archive Warnings', 'Graphic Depictions Of Violence'],
      fandoms: ['Original Work'],
      relationships: ['Wren/Milo', 'Hester & Wren'],
      characters: ['Wren Ashby', 'Milo Tran', 'Aunt Hester'],
      tags: ['F/M', 'Gen', 'Bakery', 'Night Shift', 'Found Family'],
    });
    // The work's notes are its body; a CDN-hidden address is decoded.
    expect(work.body).toBe('Written for a friend. Write to me at hi@imail.com.');
  });

  test('writes one file a chapter, titled from "Chapter N: Title" and "Chapter N"', () => {
    expect(chapters).toEqual([
      'stars-hearts-a-1/01-the-first-batch.md',
      'stars-hearts-a-1/02-second-rise.md',
      'stars-hearts-a-1/03-chapter-3.md',
    ]);
    const first = result.files.get(chapters[0]!)!.data;
    expect(first).toEqual({
      title: 'The First Batch',
      summary: 'Wren finds the lights on.',
      notes: 'Thanks to my beta reader.',
      endNotes: 'More soon!',
    });
    // The work's end notes close the last chapter.
    expect(result.files.get(chapters[2]!)!.data['endNotes']).toBe('Thank you for reading.');
  });

  test("drops the archive's words and the file's junk, and nothing of the author's", () => {
    const all = everyOutput(result);
    for (const boilerplate of [
      'Posted originally',
      'See the end of',
      'Chapter Text',
      'Please drop by',
      'Works inspired',
      "Someone Else's Story",
      'Bake Off 2025',
    ])
      expect(all).not.toContain(boilerplate);
    for (const junk of [
      '<script',
      'alert(',
      'steal()',
      'onload',
      'onerror',
      'javascript:',
      'tracking',
      'font-family',
    ])
      expect(all).not.toContain(junk);
    expect(all).toContain('[the recipe](https://example.org/recipe)');
    expect(all).toContain('Visit this link and');
  });

  test('makes the structure real: one break for each scene change, spacers gone, the marked flashback', async () => {
    const document = await page(result.files.get(chapters[0]!)!.body);
    expect(document.querySelectorAll('hr[data-scene-break]')).toHaveLength(2);
    const flashback = document.querySelector('section[data-flashback]')!;
    expect(flashback.querySelector('[data-flashback-start]')?.textContent).toBe('Flashback');
    expect([...flashback.querySelectorAll('[data-passage]')].map((p) => p.textContent)).toEqual([
      'Hester was young then, and the ovens were new.',
      'She baked alone.',
    ]);
    // Two breaks in a row ("* * *", "oOo") are one.
    expect((await page(result.files.get(chapters[1]!)!.body)).querySelectorAll('hr')).toHaveLength(
      1,
    );
    expect(result.report).toContain(
      'chapter 1 ("The First Batch") text: A blank paragraph before "And the night went on. 日本語のテキスト and עברית too." may be a scene break: it was left out. If it is one, put a line "***" there.',
    );
  });

  test('prose that looks like Markdown reads as typed; entities decoded, curly quotes kept', async () => {
    const document = await page(result.files.get(chapters[0]!)!.body);
    const paragraphs = [...document.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        '1984. That was the year on the flour sacks.',
        '# not a heading, just a hash',
        '> not a quote either',
        '- not a list, a dash',
        ':smile: and a colon before a word, and <3 for love.',
      ]),
    );
    expect(paragraphs[0]).toContain('“Are you awake?”');
    expect(document.querySelector('ol, ul, blockquote, h1, h2')).toBeNull();
  });

  test('says what the site has no markup for, keeping the words', () => {
    expect(result.report).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/1 × underlined text \(<u>\).*its words are kept/),
        expect.stringMatching(/superscript/),
        expect.stringMatching(/subscript/),
        expect.stringMatching(/centred text/),
        expect.stringMatching(
          /A picture was left out: https:\/\/example.org\/fanart.png \("Fan art of the bakery"\)/,
        ),
      ]),
    );
    expect(result.files.get(chapters[0]!)!.body).toContain('Underlined words and H2O and E = mc2.');
  });

  test('writes a work that passes the content check (npm run check)', async () => {
    const { writeFileSync: write, mkdirSync } = await import('node:fs');
    for (const [name, { content }] of result.files) {
      mkdirSync(path.dirname(path.join(result.dir, name)), { recursive: true });
      write(path.join(result.dir, name), content);
    }
    expect(await validateContent(result.dir)).toEqual([]);
  });
});

describe('older AO3 downloads', () => {
  test('2019: singular labels, an old warning name, Chapters before Words, one chapter', async () => {
    const result = await imported(bytes(fixture('ao3-2019-single.html')));
    const work = result.files.get('quiet-hours/work.md')!.data;
    expect(work).toMatchObject({
      title: 'Quiet Hours',
      author: 'lark',
      status: 'complete',
      language: 'es',
      published: '2019-04-02',
      warnings: ['Choose Not To Use Archive Warnings'],
      relationships: ['Lark & Owl'],
      characters: ['Lark'],
      tags: ['Gen', 'Drabble'],
    });
    expect(result.story.meta.source).toBe('https://archiveofourown.org/works/98765');
    expect([...result.files.keys()]).toEqual([
      'quiet-hours/work.md',
      'quiet-hours/01-quiet-hours.md',
    ]);
    expect(result.files.get('quiet-hours/01-quiet-hours.md')!.body).toBe(
      'La noche era larga.\n\n***\n\nY luego amaneció.',
    );
  });

  test('2023: bare chapter titles, a work in progress, a translation note kept', async () => {
    const result = await imported(bytes(fixture('ao3-2023-bare-titles.html')));
    const work = result.files.get('glasshouse/work.md')!;
    expect(work.data).toMatchObject({
      status: 'in-progress',
      language: 'de',
      updated: '2023-02-14',
    });
    expect(work.body).toContain('A translation of Serre by Fougère');
    expect([...result.files.keys()].slice(1)).toEqual([
      'glasshouse/01-seedlings.md',
      'glasshouse/02-repotting.md',
    ]);
  });
});

test('the AO3 EPUB (split by Calibre, classes renamed) gives what the HTML gives', async () => {
  const fromHtml = await imported(bytes(fixture('ao3-2025-multi.html')));
  const fromEpub = await imported(ao3Epub());
  expect(fromEpub.story.format).toBe('ao3-epub');
  expect([...fromEpub.files.keys()]).toEqual([...fromHtml.files.keys()]);
  for (const [name, file] of fromHtml.files)
    expect(fromEpub.files.get(name)?.content, name).toBe(file.content);
});

describe('FanFicFare', () => {
  test('HTML of a fanfiction.net story: labels, chapters, its breaks', async () => {
    const result = await imported(bytes(fixture('fanficfare-ffnet.html')));
    expect(result.story.format).toBe('fanficfare-html');
    expect(result.files.get('lanterns/work.md')!.data).toMatchObject({
      title: 'Lanterns',
      author: 'Moth',
      summary: 'A moth looks for the brightest lantern.',
      status: 'complete',
      rating: 'K+',
      published: '2012-07-04',
      updated: '2013-01-09',
      fandoms: ['Original Fiction'],
      characters: ['Moth', 'Lamp'],
      relationships: ['Moth/Lamp'],
      tags: ['Adventure', 'Friendship'],
    });
    expect([...result.files.keys()].slice(1)).toEqual([
      'lanterns/01-dusk.md',
      'lanterns/02-dawn.md',
    ]);
    const dusk = result.files.get('lanterns/01-dusk.md')!;
    // The repeated title and the "A/N:" opening are the author's words: kept, as written.
    expect(dusk.body).toBe(
      "Chapter 1: Dusk\n\nA/N: Disclaimer: I don't own the moon.\n\nThe moth woke at dusk.\n\n***\n\nIt flew toward the first light.",
    );
    expect(result.files.get('lanterns/02-dawn.md')!.body).toBe(
      'The lanterns went out one by one.\n\n***\n\nDawn came.',
    );
  });

  test('EPUB of an AO3 work: head notes, foot notes, the work\'s end note, <span class="u">', async () => {
    const result = await imported(await fanFicFareEpub());
    expect(result.story.format).toBe('fanficfare-epub');
    expect(result.files.get('moonlit-errands/work.md')!.data).toMatchObject({
      title: 'Moonlit Errands',
      author: 'Pip',
      status: 'in-progress',
      language: 'en',
      series: { name: 'Night Walks', part: 3 },
      warnings: ['No Archive Warnings Apply'],
    });
    const first = result.files.get('moonlit-errands/01-the-baker.md')!;
    expect(first.data).toEqual({
      title: 'The Baker',
      summary: 'Bread at midnight.',
      notes: 'A head note.',
      endNotes: 'A foot note.',
    });
    // The pictures inside come along: one taken out of its line onto a paragraph of its own,
    // one without alt text marked decorative (and reported).
    expect(first.body).toBe(
      'Pip knocked on the bakery door.\n\n***\n\nMoss answered.\n\nBefore the map.\n\n![A map of the moonlit streets](images/map.png)\n\nAfter the map.\n\n![(decorative)](images/ornament.png)',
    );
    expect(result.written.files.map((file) => file.path)).toEqual(
      expect.arrayContaining([
        'moonlit-errands/images/cover.png',
        'moonlit-errands/images/map.png',
        'moonlit-errands/images/ornament.png',
      ]),
    );
    expect(result.files.get('moonlit-errands/work.md')!.data).toMatchObject({
      cover: 'images/cover.png',
      coverAlt: 'Cover art of Moonlit Errands',
    });
    expect(result.report.join('\n')).toMatch(
      /images\/ornament.png has no alt text: it was marked decorative/,
    );
    expect(result.report.join('\n')).toMatch(
      /Added: work.md: coverAlt "Cover art of Moonlit Errands"/,
    );
    expect(result.files.get('moonlit-errands/02-the-lamplighter.md')!.data['endNotes']).toBe(
      'The work’s end note.',
    );
  });
});

describe('pasted plain text and Markdown', () => {
  test('a header block, chapter headings of several forms, every break line, a marked flashback', async () => {
    const result = await imported(bytes(fixture('pasted.txt')));
    const work = result.files.get('the-clockmakers-daughter/work.md')!;
    expect(work.data).toMatchObject({
      title: "The Clockmaker's Daughter",
      author: 'Tilly Gears',
      summary: 'A girl, a clock, and the hour that never struck.',
      rating: 'T',
      fandoms: ['Original Work'],
      relationships: ['Ada/Jory'],
    });
    expect(work.body).toBe(
      "Author's note: Written over one long winter.\n\nDisclaimer: All mine, for once.",
    );
    expect([...result.files.keys()].slice(1)).toEqual([
      'the-clockmakers-daughter/01-the-thirteenth-hour.md',
      'the-clockmakers-daughter/02-chapter-2.md',
      'the-clockmakers-daughter/03-epilogue.md',
    ]);
    const first = await page(
      result.files.get('the-clockmakers-daughter/01-the-thirteenth-hour.md')!.body,
    );
    expect(first.querySelectorAll('hr[data-scene-break]')).toHaveLength(2);
    expect(first.querySelector('[data-flashback-start]')?.textContent).toBe(
      'Flashback: The winter of the great frost',
    );
    // "1984." opens a paragraph, not a list, and not a chapter "1984".
    expect(result.files.get('the-clockmakers-daughter/02-chapter-2.md')!.body).toMatch(
      /^1984\\\. That was/,
    );
  });

  test('Markdown: # headings are chapters, emphasis kept', async () => {
    const result = await imported(bytes(fixture('pasted.md')));
    expect(result.files.get('paper-boats/work.md')!.data['summary']).toBe(
      'Boats, *paper* ones, on a rainy street.',
    );
    expect(result.files.get('paper-boats/01-rain.md')!.body).toBe(
      'It rained for *three* days.\n\nThe gutters ran like **rivers**.',
    );
  });

  test.each([
    '***',
    '* * *',
    '---',
    '___',
    '===',
    '~~~',
    '~.~',
    '.',
    '#',
    '###',
    '⁂',
    '§',
    'xXx',
    'oOo',
    '-o-',
    '~*~',
    '-x-',
    '—',
    '• • •',
  ])('"%s" alone on a line is a scene break', async (line) => {
    expect(isBreakLine(line)).toBe(true);
    const text = `A Story\n\nChapter 1\n\nBefore.\n\n${line}\n\nAfter.\n`;
    const result = await imported(bytes(Buffer.from(text)));
    expect(result.files.get('a-story/01-chapter-1.md')!.body).toBe('Before.\n\n***\n\nAfter.');
  });

  test('paragraphs typed one a line with a tab or spaces before each are paragraphs', async () => {
    const text = `A Story\n\nChapter 1\n\n\tBuffy woke.\n\tThe clock was broken.\n  Again.\nShe sighed.\n`;
    const result = await imported(bytes(Buffer.from(text)));
    const body = result.files.get('a-story/01-chapter-1.md')!.body;
    const paragraphs = [...(await page(body)).querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(['Buffy woke.', 'The clock was broken.', 'Again.\nShe sighed.']);
  });

  test.each(['Oh.', 'I am.', '1984.', 'ooh', '-- said Ada', 'xx'])(
    '"%s" is prose, not a break',
    (line) => {
      expect(isBreakLine(line)).toBe(false);
    },
  );
});

describe('flashback markers', () => {
  const chapter = async (lines: string[]) => {
    const result = await imported(
      bytes(Buffer.from(`A Story\n\nChapter 1\n\n${lines.join('\n\n')}\n`)),
    );
    return { result, body: result.files.get('a-story/01-chapter-1.md')!.body };
  };

  test('a line the site\'s label says becomes the label; "Flashback to …" stays as written', async () => {
    expect(
      (await chapter(['Now.', '~Flashback~', 'Then.', '*End Flashback*', 'Now again.'])).body,
    ).toBe('Now.\n\n:::flashback\nThen.\n:::\n\nNow again.');
    expect(
      (await chapter(['Now.', 'Flashback to the war.', 'Then.', 'Present day', 'Now again.'])).body,
    ).toBe(
      'Now.\n\nFlashback to the war.\n\n:::flashback{when="The war"}\nThen.\n:::\n\nPresent day\n\nNow again.',
    );
  });

  test('with no closing line, nothing is guessed: it is reported', async () => {
    const { result, body } = await chapter(['Now.', 'Flashback', 'Then.', 'And on.']);
    expect(body).toBe('Now.\n\nFlashback\n\nThen.\n\nAnd on.');
    expect(result.report.join('\n')).toMatch(/has no closing line, so it was not made a flashback/);
  });

  test('italics alone are never guessed to be a flashback', async () => {
    const { body } = await chapter(['Now.', '*Years ago, she had run.*', 'Now again.']);
    expect(body).not.toContain(':::');
  });
});

test("the project's own story, exported as plain text and imported back: same words, scenes and flashbacks", async () => {
  const workDir = path.join(root, 'content/entwined-destinies');
  const exported = await exportPlainText(workDir);
  const result = await imported(bytes(Buffer.from(exported)), 'entwined-destinies');
  const original = readFileSync(path.join(workDir, '01-part-1.md'), 'utf8').replace(
    /^---\n[\s\S]*?\n---\n/,
    '',
  );
  const [back] = [...result.files.entries()].filter(([name]) => !name.endsWith('work.md'));
  const before = await page(original);
  const after = await page(back![1].body);
  const words = (document: Document) => document.body.textContent!.split(/\s+/).filter(Boolean);
  expect(words(after)).toEqual(words(before));
  const structure = (document: Document) => ({
    scenes: document.querySelectorAll('[data-scene]').length,
    flashbacks: [...document.querySelectorAll('[data-flashback-start]')].map(
      (label) => label.textContent,
    ),
  });
  expect(structure(after)).toEqual(structure(before));
  expect(structure(before).flashbacks).toHaveLength(2);
});
