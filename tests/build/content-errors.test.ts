import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { validChapter, validWork, writeContent } from '../support/content.ts';
import { runAstroBuild } from '../support/sites.ts';

// Astro alone logs a remark plugin's failure and builds an empty page with exit code 0. These
// run the real `astro build` on broken story folders: each must fail, naming file, line and fix.
const chapter = (body: string) => `---\ntitle: "One"\n---\n\n${body}`;

describe.each([
  [
    'missing front matter',
    { 'w/work.md': validWork, 'w/01-one.md': 'No front matter.\n' },
    'w/01-one.md:1',
    'Start it with a line "---"',
  ],
  [
    'malformed front matter',
    { 'w/work.md': '---\ntitle: "A"\nauthor: "B"\nsummary: "S"\nstatus: done\n---\n' },
    'w/work.md:5',
    'status: in-progress (or complete)',
  ],
  [
    'a missing required field',
    { 'w/work.md': '---\ntitle: "A"\nsummary: "S"\n---\n' },
    'w/work.md:1',
    '"author" is missing',
  ],
  [
    'an unknown container',
    { 'w/work.md': validWork, 'w/01-one.md': chapter('Text.\n\n:::aside\nHi.\n:::\n') },
    'w/01-one.md:7:1',
    'the site knows ":::flashback"',
  ],
  [
    'a footnote call without its note',
    { 'w/work.md': validWork, 'w/01-one.md': chapter('Text.[^1]\n') },
    'w/01-one.md:5',
    'Add a line "[^1]: The footnote\'s text."',
  ],
  [
    'a message thread without a sender',
    { 'w/work.md': validWork, 'w/01-one.md': chapter(':::messages\nWhere are you?\n:::\n') },
    'w/01-one.md:6',
    'Start each message with its sender',
  ],
  [
    'a picture on another site',
    {
      'w/work.md': validWork,
      'w/01-one.md': chapter('Text.\n\n![A map](https://example.org/map.png)\n'),
    },
    'w/01-one.md:7',
    'download the picture into the work',
  ],
  [
    'a cover that is not there',
    {
      'w/work.md':
        '---\ntitle: "A"\nauthor: "B"\nsummary: "S"\ncover: cover.jpg\ncoverAlt: "A door"\n---\n',
      'w/01-one.md': chapter('Text.\n'),
    },
    'w/work.md:5',
    'The cover: The image "cover.jpg" does not exist',
  ],
  [
    'a draft that is not true or false',
    { 'w/work.md': validWork, 'w/01-one.md': '---\ntitle: "One"\ndraft: maybe\n---\n\nText.\n' },
    'w/01-one.md:3',
    'draft: true (or false)',
  ],
  [
    'an unclosed container',
    { 'w/work.md': validWork, 'w/01-one.md': chapter('Text.\n\n:::flashback\nThen.\n') },
    'w/01-one.md:7:1',
    'Add a line holding only ":::"',
  ],
  [
    'a flashback inside a flashback',
    {
      'w/work.md': validWork,
      'w/01-one.md': chapter('::::flashback\nA.\n\n:::flashback\nB.\n:::\n::::\n'),
    },
    'w/01-one.md:8:1',
    'Close the outer flashback',
  ],
  [
    'raw HTML in a chapter',
    { 'w/work.md': validWork, 'w/01-one.md': chapter('<script>alert(1)</script>\n') },
    'w/01-one.md:5:1',
    'Write Markdown instead',
  ],
  [
    'two chapters with one number',
    { 'w/work.md': validWork, 'w/01-one.md': validChapter(), 'w/01-two.md': validChapter() },
    'w/01-two.md:1',
    'Renumber one of them',
  ],
  [
    'two chapters with one slug',
    { 'w/work.md': validWork, 'w/01-one.md': validChapter(), 'w/02-one.md': validChapter() },
    'w/02-one.md:1',
    'Give one of them another slug',
  ],
  [
    'an empty chapter',
    { 'w/work.md': validWork, 'w/01-one.md': '---\ntitle: "One"\n---\n\n' },
    'w/01-one.md:4',
    'Write the chapter below the closing "---"',
  ],
  [
    'a work folder without work.md',
    { 'w/01-one.md': validChapter() },
    'w/work.md:1',
    'Add work.md',
  ],
])('a story folder with %s', (_name, files, place, fix) => {
  test('fails the build naming the file, the line and the fix, and writes no pages', () => {
    const dir = writeContent(files);
    const outDir = path.join(dir, 'dist');
    const result = runAstroBuild(dir, outDir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${place}`);
    expect(result.output).toContain(fix);
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
  });
});
