import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import { markdownOptions } from '../../src/lib/markup/index.ts';
import { renderChapter, renderFailure } from '../support/markdown.ts';

describe('scenes', () => {
  test('a chapter without breaks is one scene', async () => {
    const { html } = await renderChapter('Clark is sitting in the Talon.');
    expect(html).toBe(
      '<section data-scene="1" id="scene-1"><p id="p-clark-is-sitting-in-the" data-passage="" data-pagefind-title="Scene 1">Clark is sitting in the Talon.</p></section>',
    );
  });

  test('each thematic break splits a scene and becomes an announced ornament', async () => {
    const { html } = await renderChapter('One.\n\n***\n\nTwo.\n\n* * *\n\nThree.\n\n---\n\nFour.');
    expect(html).toBe(
      '<section data-scene="1" id="scene-1"><p id="p-one" data-passage="" data-pagefind-title="Scene 1">One.</p></section>\n' +
        '<hr data-scene-break="" aria-label="Scene break">\n' +
        '<section data-scene="2" id="scene-2"><p id="p-two" data-passage="" data-pagefind-title="Scene 2">Two.</p></section>\n' +
        '<hr data-scene-break="" aria-label="Scene break">\n' +
        '<section data-scene="3" id="scene-3"><p id="p-three" data-passage="" data-pagefind-title="Scene 3">Three.</p></section>\n' +
        '<hr data-scene-break="" aria-label="Scene break">\n' +
        '<section data-scene="4" id="scene-4"><p id="p-four" data-passage="" data-pagefind-title="Scene 4">Four.</p></section>',
    );
  });

  test('a break inside a quoted letter is drawn but does not split the scene', async () => {
    const { html } = await renderChapter(
      'Before.\n\n> Dear Mina,\n>\n> ***\n>\n> Yours.\n\nAfter.',
    );
    expect(html.match(/<section data-scene/g)).toHaveLength(1);
    expect(html).toContain(
      '<blockquote>\n<p id="p-dear-mina" data-passage="" data-pagefind-title="Scene 1">Dear Mina,</p>\n<hr data-scene-break="" aria-label="Scene break">',
    );
  });

  test('a leading or doubled break makes no empty scene', async () => {
    const { html } = await renderChapter('***\n\nOne.\n\n***\n\n***\n\nTwo.');
    expect(html.match(/<section data-scene="\d+" id="scene-\d+">/g)).toEqual([
      '<section data-scene="1" id="scene-1">',
      '<section data-scene="2" id="scene-2">',
    ]);
    expect(html.match(/<hr /g)).toHaveLength(3);
  });
});

describe('flashbacks', () => {
  test('a flashback is a labelled section with announced start and end', async () => {
    const { html } = await renderChapter(
      ':::flashback{when="A few days ago"}\n"Clark, you can\'t save everyone."\n:::\n\nBack in the Talon.',
    );
    expect(html).toBe(
      '<section data-scene="1" id="scene-1"><section data-flashback="1" id="flashback-1" aria-labelledby="flashback-1-label">' +
        '<p data-flashback-start="" id="flashback-1-label" data-pagefind-ignore="">Flashback: A few days ago</p>' +
        '<p id="p-clark-you-cant-save-everyone" data-passage="" data-pagefind-title="Flashback: A few days ago">“Clark, you can’t save everyone.”</p>' +
        '<p data-flashback-end="" data-pagefind-ignore="">End of flashback</p></section>' +
        '<p id="p-back-in-the-talon" data-passage="" data-pagefind-title="Scene 1">Back in the Talon.</p></section>',
    );
  });

  test('a flashback without when is labelled "Flashback"', async () => {
    const { html } = await renderChapter(
      ':::flashback\nThen.\n:::\n\n:::flashback\nAnd then.\n:::',
    );
    expect(html).toContain(
      '<p data-flashback-start="" id="flashback-1-label" data-pagefind-ignore="">Flashback</p>',
    );
    expect(html).toContain(
      '<section data-flashback="2" id="flashback-2" aria-labelledby="flashback-2-label">',
    );
  });

  test('an unknown container directive fails with its line and the fix', async () => {
    const error = await renderFailure('Prose.\n\n:::note\nHello.\n:::');
    expect(error).toMatchObject({ ruleId: 'flashback:unknown-container', line: 3, column: 1 });
    expect(error.reason).toContain(
      'the site knows ":::flashback", ":::messages", ":::letter", ":::verse", ":::epigraph", ":::table"',
    );
    expect(error.reason).toContain('escape the colons ("\\:::note")');
  });

  test('an unclosed flashback fails at its opening line', async () => {
    const error = await renderFailure('One.\n\n:::flashback\nTwo.\n\nThree.');
    expect(error).toMatchObject({ ruleId: 'flashback:unclosed', line: 3, column: 1 });
    expect(error.reason).toContain('Add a line holding only ":::"');
  });

  test('a flashback inside a flashback fails', async () => {
    const error = await renderFailure('::::flashback\nOne.\n\n:::flashback\nTwo.\n:::\n::::');
    expect(error).toMatchObject({ ruleId: 'flashback:nested', line: 4, column: 1 });
  });

  test('an attribute other than when, or a label, fails', async () => {
    expect(await renderFailure(':::flashback{wen="Then"}\nOne.\n:::')).toMatchObject({
      ruleId: 'flashback:unknown-attribute',
      line: 1,
    });
    expect(await renderFailure(':::flashback[Then]\nOne.\n:::')).toMatchObject({
      ruleId: 'flashback:unknown-attribute',
      line: 1,
    });
  });

  test('an empty flashback fails', async () => {
    expect(await renderFailure('Text.\n\n:::flashback\n:::')).toMatchObject({
      ruleId: 'flashback:empty',
      line: 3,
    });
  });
});

describe('directives the site does not own', () => {
  test.each([
    [
      'times',
      'We met at 8:35, left at 10:30:15.',
      '<p id="p-we-met-at-8-35" data-passage="" data-pagefind-title="Scene 1">We met at 8:35, left at 10:30:15.</p>',
    ],
    [
      'a colon before a word',
      'He said:hello.',
      '<p id="p-he-said-hello" data-passage="" data-pagefind-title="Scene 1">He said:hello.</p>',
    ],
    [
      'a colon before a word joiner',
      'Mr. Sherlock Holmes:\u2060—Lord Backwater',
      '<p id="p-mr-sherlock-holmes-lord-backwater" data-passage="" data-pagefind-title="Scene 1">Mr. Sherlock Holmes:\u2060—Lord Backwater</p>',
    ],
    [
      'a text directive with label and attributes',
      'See :note[the margin]{#x .y} here.',
      '<p id="p-see-note-the-margin-x" data-passage="" data-pagefind-title="Scene 1">See :note[the margin]{#x .y} here.</p>',
    ],
    [
      'a leaf directive on its own line',
      '::platform-nine',
      '<p id="p-platform-nine" data-passage="" data-pagefind-title="Scene 1">::platform-nine</p>',
    ],
  ])('%s come back as the exact source text', async (_name, markdown, paragraph) => {
    const { html } = await renderChapter(markdown);
    expect(html).toBe(`<section data-scene="1" id="scene-1">${paragraph}</section>`);
  });
});

describe('a byte-order mark', () => {
  test('does not shift the text of restored directives', async () => {
    const { html } = await renderChapter('\uFEFFAt 8:35 she said:hello.');
    expect(html).toContain('>At 8:35 she said:hello.</p>');
  });
});

describe('raw HTML', () => {
  test('raw HTML fails with its place and the fix', async () => {
    const error = await renderFailure('Fine.\n\nShe said <span style="color:red">no</span>.');
    expect(error).toMatchObject({ ruleId: 'raw-html:refused', line: 3, column: 10 });
    expect(error.reason).toContain('escape the "<" as "\\<"');
  });

  test('a script block fails', async () => {
    expect(await renderFailure('<script>alert(1)</script>')).toMatchObject({
      ruleId: 'raw-html:refused',
      line: 1,
    });
  });

  test('an HTML comment renders nothing and is allowed', async () => {
    const { html } = await renderChapter('<!-- check dates -->\n\nText.');
    expect(html).toContain(
      '<p id="p-text" data-passage="" data-pagefind-title="Scene 1">Text.</p>',
    );
    expect(html).not.toContain('check dates</');
  });

  test('an escaped angle bracket is prose', async () => {
    const { html } = await renderChapter('A \\<b> tag.');
    expect(html).toContain('A &#x3C;b> tag.');
  });
});

describe('passage anchors', () => {
  test('ids come from the opening words and survive inserting a paragraph before', async () => {
    const before = (
      await renderChapter('Buffy wakes up to yet another destroyed alarm clock.\n\nShe showers.')
    ).html;
    const after = (
      await renderChapter(
        'A new first paragraph.\n\nBuffy wakes up to yet another destroyed alarm clock.\n\nShe showers.',
      )
    ).html;
    for (const html of [before, after]) {
      expect(html).toContain('id="p-buffy-wakes-up-to-yet"');
      expect(html).toContain('id="p-she-showers"');
    }
  });

  test('identical paragraphs are numbered in order', async () => {
    const { html } = await renderChapter('"I promise."\n\n"I promise."');
    expect(html.match(/id="[^"]+"/g)).toEqual([
      'id="scene-1"',
      'id="p-i-promise"',
      'id="p-i-promise-2"',
    ]);
  });

  test('different paragraphs with the same opening are told apart by their text, not their order', async () => {
    const a = 'Chloe looks up from her laptop.';
    const b = 'Chloe looks up from her coffee.';
    const first = (await renderChapter(`${a}\n\n${b}`)).html.match(/id="p-[^"]+"/g);
    const swapped = (await renderChapter(`${b}\n\n${a}`)).html.match(/id="p-[^"]+"/g);
    expect(first).toHaveLength(2);
    expect(new Set(first).size).toBe(2);
    expect(swapped).toEqual([...(first ?? [])].reverse());
    expect(first?.[0]).toMatch(/^id="p-chloe-looks-up-from-her-[0-9a-z]{1,4}"$/);
  });

  test('prose without Latin letters gets a hash id', async () => {
    const { html } = await renderChapter('“……”');
    expect(html).toMatch(/<p id="p-[0-9a-z]{1,4}" data-passage="" data-pagefind-title="Scene 1">/);
  });

  test('flashback markers are not passages', async () => {
    const { html } = await renderChapter(':::flashback\nThen.\n:::');
    expect(html.match(/data-passage/g)).toHaveLength(1);
  });
});

describe('search anchors', () => {
  test('each passage is titled by its flashback, or else its scene, and labels are not indexed', async () => {
    const { html } = await renderChapter(
      'Before.\n\n***\n\nBuffy wakes up.\n\n:::flashback{when="Leaving Sunnydale"}\nShe survived.\n:::\n\nBuffy walks in.',
    );
    const titles = [...html.matchAll(/<p id="(p-[^"]+)"[^>]*data-pagefind-title="([^"]+)"/g)].map(
      (m) => [m[1], m[2]],
    );
    expect(titles).toEqual([
      ['p-before', 'Scene 1'],
      ['p-buffy-wakes-up', 'Scene 2'],
      ['p-she-survived', 'Flashback: Leaving Sunnydale'],
      ['p-buffy-walks-in', 'Scene 2'],
    ]);
    expect(
      html.match(/<p data-flashback-(start|end)=""[^>]*data-pagefind-ignore=""/g),
    ).toHaveLength(2);
  });
});

describe('typography', () => {
  test('quotes curl, -- and --- become en and em dashes, ... an ellipsis', async () => {
    const { html } = await renderChapter('"It\'s 1--2," she said---then... nothing.');
    expect(html).toContain('“It’s 1–2,” she said—then… nothing.');
  });
});

describe('word count', () => {
  test("counts the author's words, not the labels the site adds", async () => {
    const { frontmatter } = await renderChapter(
      'Clark is *sitting* in the Talon. 3,4 weeks.\n\n:::flashback{when="Long ago"}\nOne two — three.\n:::',
    );
    expect(frontmatter).toEqual({ wordCount: 11 });
  });
});

/** `<img __ASTRO_IMAGE_="{…json…}">` as the same `<img>` with those attributes. */
function withAstroImagesAsAttributes(html: string): string {
  return html.replace(/<img __ASTRO_IMAGE_="([^"]*)">/g, (_, json: string) => {
    const {
      index: _index,
      dataImage,
      ...attributes
    } = JSON.parse(json.replaceAll('&#x22;', '"').replaceAll('&#x26;', '&')) as Record<
      string,
      string | number
    >;
    const escape = (value: string | number) =>
      String(value).replaceAll('&', '&#x26;').replaceAll('"', '&#x22;');
    const written = Object.entries({ ...attributes, 'data-image': dataImage! })
      .map(([name, value]) => `${name}="${escape(value)}"`)
      .join(' ');
    return `<img ${written}>`;
  });
}

test("the build's chapter pipeline gives what Astro's own Markdown processor gives", async () => {
  // The loader leaves out stages a chapter never needs (rehype-raw, Astro's image stage, heading
  // ids); that must not change a byte but one: Astro's image stage writes a picture's attributes
  // as JSON for its own renderer, where the loader leaves them as attributes for ours (the same
  // attributes, compared here). Checked on every chapter and work file of the library fixture.
  const astro = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  const dir = path.join(import.meta.dirname, '../fixtures/library');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.md') && file.includes('/'),
  );
  expect(files.length).toBeGreaterThan(20);
  for (const file of files) {
    const full = path.join(dir, file);
    const { content } = parseFrontmatter(readFileSync(full, 'utf8'), {
      frontmatter: 'empty-with-lines',
    });
    const expected = (
      await astro.render(content, { frontmatter: {}, fileURL: pathToFileURL(full) })
    ).code;
    expect((await renderChapter(content, full)).html, file).toBe(
      withAstroImagesAsAttributes(expected),
    );
  }
});
