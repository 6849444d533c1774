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

describe('the EPUB’s modified date (issue 29, item 6)', () => {
  const dated = (...dates: (string | undefined)[]) => ({
    updated: undefined,
    data: { published: undefined },
    chapters: dates.map((date) => ({ data: { published: date ? new Date(date) : undefined } })),
  });
  const noDates = dated(undefined, undefined);
  const modifiedDate = async (...args: unknown[]) =>
    ((await import('../../src/lib/epub/index.ts')).modifiedDate as (...a: unknown[]) => Date)(
      ...args,
    );

  test('is the newest date the content gives, whatever the build says', async () => {
    const date = await modifiedDate(dated('2024-03-01', '2024-05-09T18:00:00Z', undefined), {
      SOURCE_DATE_EPOCH: '1700000000',
    });
    expect(date.toISOString()).toBe('2024-05-09T18:00:00.000Z');
  });

  test('without any date in the story, follows SOURCE_DATE_EPOCH', async () => {
    const date = await modifiedDate(noDates, { SOURCE_DATE_EPOCH: '1700000000' });
    expect(date.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  test('else the day of the build, at midnight UTC: the same bytes all day, never 2000-01-01', async () => {
    const morning = await modifiedDate(noDates, { BUILD_DATE: '2026-12-04T06:10' });
    const evening = await modifiedDate(noDates, { BUILD_DATE: '2026-12-04T23:59' });
    expect(morning.toISOString()).toBe('2026-12-04T00:00:00.000Z');
    expect(evening).toEqual(morning);
    const today = new Date().toISOString().slice(0, 10);
    expect((await modifiedDate(noDates, {})).toISOString().slice(0, 10)).toBe(today);
  });

  test('stamps every zip entry with that date', async () => {
    const { zipEpub } = await import('../../src/lib/epub/zip.ts');
    const zip = zipEpub(
      [
        { path: 'a.txt', content: 'a' },
        { path: 'b.txt', content: 'b' },
      ],
      new Date('2023-11-14T22:13:20Z'),
    );
    // Each local file header ("PK\x03\x04") holds its DOS time and date at bytes 10–13.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const stamps: string[] = [];
    for (let at = 0; at + 30 <= zip.byteLength; at++) {
      if (view.getUint32(at, true) !== 0x04034b50) continue;
      const time = view.getUint16(at + 10, true);
      const day = view.getUint16(at + 12, true);
      stamps.push(
        `${(day >> 9) + 1980}-${(day >> 5) & 15}-${day & 31} ${time >> 11}:${(time >> 5) & 63}`,
      );
    }
    expect(stamps).toEqual(['2023-11-14 22:13', '2023-11-14 22:13', '2023-11-14 22:13']);
  });
});
