import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { toXhtml } from '../../src/lib/epub/xhtml.ts';
import { renderChapterBody } from '../../src/lib/markup/index.ts';
import { sites } from '../support/sites.ts';

/** True when `fragment` is well-formed XML (wrapped in one root element, as in a document). */
function wellFormed(fragment: string): true | string {
  const result = XMLValidator.validate(
    `<div xmlns="http://www.w3.org/1999/xhtml">${fragment}</div>`,
  );
  return result === true ? true : `${result.err.msg} (line ${result.err.line})`;
}

async function rendered(markdown: string, file = 'test.md'): Promise<string> {
  const result = await renderChapterBody(markdown, file);
  if ('mistake' in result) throw new Error(result.mistake.reason);
  return result.html;
}

describe('chapter HTML as EPUB XHTML', () => {
  test('closes void elements, drops comments and the site’s hooks, names the markup by class', async () => {
    const html = await rendered(
      'One.\n\n<!-- a note -- to self -->\n\n***\n\n:::flashback{when="Ten years earlier"}\nTwo.\n:::\n',
    );
    expect(toXhtml(html)).toBe(
      '<section class="scene" data-scene="1" id="scene-1"><p id="p-one">One.</p></section>\n' +
        '<hr class="scene-break" data-scene-break="" aria-label="Scene break" />\n' +
        '<section class="scene" data-scene="2" id="scene-2"><section class="flashback" data-flashback="1" id="flashback-1" aria-labelledby="flashback-1-label">' +
        '<p class="flashback-start" data-flashback-start="" id="flashback-1-label">Flashback: Ten years earlier</p>' +
        '<p id="p-two">Two.</p><p class="flashback-end" data-flashback-end="">End of flashback</p></section></section>',
    );
  });

  test('keeps every character of tricky text well-formed: <, &, quotes, > in attributes', () => {
    const fragment = toXhtml(
      '<p title="a > b < c &#x26; &#x22;q&#x22;" hidden>x &#x3C; y &#x26; z &gt; w</p><br><img alt="a>b" src="x.png">',
    );
    expect(wellFormed(fragment)).toBe(true);
    expect(fragment).toBe(
      '<p title="a > b &lt; c &#x26; &#x22;q&#x22;" hidden="hidden">x &#x3C; y &#x26; z &gt; w</p><br /><img alt="a>b" src="x.png" />',
    );
  });

  test('gives well-formed XML for every chapter of the fixture library', async () => {
    let chapters = 0;
    for (const work of readdirSync(sites.library, { withFileTypes: true })) {
      if (!work.isDirectory()) continue;
      for (const file of readdirSync(path.join(sites.library, work.name))) {
        if (!/^\d+-.*\.md$/.test(file)) continue;
        const full = path.join(sites.library, work.name, file);
        const body = readFileSync(full, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
        // Pictures are found relative to the chapter file.
        const xhtml = toXhtml(await rendered(body, full));
        expect(wellFormed(xhtml), file).toBe(true);
        chapters += 1;
      }
    }
    expect(chapters).toBeGreaterThan(15);
  });
});

describe('the EPUB zip', () => {
  test('takes any date the content may carry: a Victorian novel, a chapter scheduled for 2999', async () => {
    const { zipEpub } = await import('../../src/lib/epub/zip.ts');
    for (const date of ['1892-10-14', '2999-01-01'])
      expect(zipEpub([{ path: 'a.txt', content: 'a' }], new Date(date)).byteLength).toBeGreaterThan(
        0,
      );
  });
});
