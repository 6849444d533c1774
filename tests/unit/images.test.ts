import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderChapterBody } from '../../src/lib/markup/index.ts';
import { splitAtImages } from '../../src/lib/markup/images.ts';
import { validateContent, type ContentProblem } from '../../src/lib/story/validate/index.ts';
import { validWork, writeContent } from '../support/content.ts';
import { root } from '../support/sites.ts';

// Pictures are checked where they are written: every mistake is a problem naming file, line
// and fix, found by `npm run check` (validateContent) without a build.

let png: Buffer;
let jpeg: Buffer;
beforeAll(async () => {
  png = await sharp({ create: { width: 640, height: 400, channels: 4, background: '#369c' } })
    .png()
    .toBuffer();
  jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#a63' } })
    .jpeg()
    .toBuffer();
});

const chapter = (body: string) => `---\ntitle: "One"\n---\n\n${body}\n`;
/** A story folder with pictures beside the chapter; returns its problems. */
async function problemsOf(files: Record<string, string>): Promise<ContentProblem[]> {
  const dir = writeContent({
    'w/work.md': validWork,
    'w/images/map.png': png,
    'w/images/photo.jpg': jpeg,
    'w/images/sketch.bmp': png,
    'w/images/cut.jpg': jpeg.subarray(0, Math.floor(jpeg.length / 2)),
    'w/cover.jpg': jpeg,
    'elsewhere/picture.png': png,
    ...files,
  });
  return (await validateContent(dir)).map((p) => ({ ...p, file: path.relative(dir, p.file) }));
}
const oneProblem = async (body: string) => {
  const problems = await problemsOf({ 'w/01-one.md': chapter(body) });
  expect(problems).toHaveLength(1);
  return problems[0]!;
};

describe('a chapter picture that cannot be published is a problem with its place and fix', () => {
  test.each([
    ['no alt text', '![](images/map.png)', 'image:alt', 'Describe what it shows'],
    ['only spaces for alt text', '![  ](images/map.png)', 'image:alt', '![(decorative)]'],
    [
      'a picture inside a line',
      'She saw ![a map](images/map.png) there.',
      'image:inline',
      'a paragraph of its own',
    ],
    [
      'a reference-style picture',
      '![A map][m]\n\n[m]: images/map.png',
      'image:reference',
      'Write its path in place',
    ],
    [
      'a picture on another site',
      '![A map](https://example.org/map.png)',
      'image:remote',
      'download the picture',
    ],
    [
      'a protocol-relative address',
      '![A map](//cdn.example.org/map.png)',
      'image:remote',
      'download',
    ],
    ['a data: address', '![A dot](data:image/png;base64,iVBORw0KGgo=)', 'image:remote', 'download'],
    [
      'a path out of the work',
      '![Secrets](../../etc/passwd)',
      'image:outside',
      'Copy the picture into the work',
    ],
    [
      'a path out of the work to a real picture',
      '![Elsewhere](../elsewhere/picture.png)',
      'image:outside',
      'outside the work',
    ],
    ['an absolute path', '![Secrets](/etc/passwd)', 'image:outside', 'relative to this file'],
    [
      'a format the site does not publish',
      '![A sketch](images/sketch.bmp)',
      'image:format',
      'JPEG, PNG, WebP, AVIF, GIF or SVG',
    ],
    ['a missing file', '![A map](images/nowhere.png)', 'image:missing', 'does not exist'],
    ['a corrupt file', '![A photo](images/cut.jpg)', 'image:corrupt', 'save it again'],
  ])('%s', async (_name, body, ruleId, fix) => {
    const problem = await oneProblem(`Some text.\n\n${body}`);
    expect(problem).toMatchObject({ file: path.join('w', '01-one.md'), line: 7, ruleId });
    expect(problem.message).toContain(fix);
  });

  test('a path that differs only in case names the file that is there', async () => {
    const problem = await oneProblem('![A map](images/Map.png)');
    expect(problem).toMatchObject({ ruleId: 'image:missing', line: 5 });
    expect(problem.message).toContain('there is "images/map.png"');
  });

  test("a picture in a summary, or in a work's notes, belongs in a chapter", async () => {
    const inSummary = await problemsOf({
      'w/01-one.md': '---\ntitle: "One"\nsummary: "![A map](images/map.png)"\n---\n\nText.\n',
    });
    expect(inSummary).toMatchObject([{ ruleId: 'image:not-here', line: 3 }]);
    const inNotes = await problemsOf({
      'w/work.md': `${validWork}\nNotes.\n\n![A map](images/map.png)\n`,
      'w/01-one.md': chapter('Text.'),
    });
    expect(inNotes).toMatchObject([
      { file: path.join('w', 'work.md'), ruleId: 'image:not-here', line: 9 },
    ]);
    expect(inNotes[0]!.message).toContain('cover');
  });
});

describe("a work's cover", () => {
  const work = (lines: string) =>
    `---\ntitle: "A Work"\nauthor: "An Author"\nsummary: "What happens."\n${lines}---\n`;
  test.each([
    ['without its alt text', 'cover: cover.jpg\n', 'cover:alt', 5, 'coverAlt:'],
    ['alt text without a cover', 'coverAlt: "A door"\n', 'cover:no-cover', 5, 'cover: cover.jpg'],
    [
      'a missing file',
      'cover: nope.jpg\ncoverAlt: "A door"\n',
      'image:missing',
      5,
      'does not exist',
    ],
    [
      'on another site',
      'cover: https://example.org/c.jpg\ncoverAlt: "A door"\n',
      'image:remote',
      5,
      'download',
    ],
    [
      'outside the work',
      'cover: ../elsewhere/picture.png\ncoverAlt: "A door"\n',
      'image:outside',
      5,
      'Copy',
    ],
    [
      'a corrupt file',
      'cover: images/cut.jpg\ncoverAlt: "A door"\n',
      'image:corrupt',
      5,
      'save it again',
    ],
  ])('%s is a problem', async (_name, lines, ruleId, line, fix) => {
    const problems = await problemsOf({
      'w/work.md': work(lines),
      'w/01-one.md': chapter('Text.'),
    });
    expect(problems).toMatchObject([{ file: path.join('w', 'work.md'), ruleId, line }]);
    expect(problems[0]!.message).toContain(fix);
  });

  test('a cover with its alt text passes', async () => {
    const problems = await problemsOf({
      'w/work.md': work('cover: cover.jpg\ncoverAlt: "A door at night"\n'),
      'w/01-one.md': chapter('Text.'),
    });
    expect(problems).toEqual([]);
  });
});

describe('a picture that can be published', () => {
  async function render(body: string) {
    const dir = writeContent({ 'w/images/map.png': png, 'w/images/photo.jpg': jpeg });
    const result = await renderChapterBody(body, path.join(dir, 'w', '01-one.md'));
    if ('mistake' in result) throw new Error(result.mistake.reason);
    return result;
  }

  test('becomes a figure, its title the caption, its size from the file, no passage', async () => {
    const { html, images } = await render(
      'Before.\n\n![A map of "the farm"](images/map.png "The farm, as Clark remembers it")\n\nAfter.',
    );
    expect(html).toContain(
      '<figure data-illustration=""><img src="images/map.png" alt="A map of &#x22;the farm&#x22;" width="640" height="400" data-image="./images/map.png"><figcaption>The farm, as Clark remembers it</figcaption></figure>',
    );
    expect(html.match(/data-passage/g)).toHaveLength(2);
    expect(images).toEqual(['./images/map.png']);
    expect(splitAtImages(html).filter((part) => typeof part !== 'string')).toEqual([
      { reference: './images/map.png', alt: 'A map of "the farm"', width: 640, height: 400 },
    ]);
  });

  test('stands inside a flashback; a decorative one says nothing; each file is listed once', async () => {
    const { html, images } = await render(
      ':::flashback{when="Years ago"}\n![(decorative)](images/photo.jpg)\n\nThen.\n:::\n\n![A photo](images/photo.jpg)',
    );
    expect(html).toMatch(
      /<section data-flashback[^>]*>.*<figure data-illustration=""><img src="images\/photo.jpg" alt="" width="900" height="600"/s,
    );
    expect(images).toEqual(['./images/photo.jpg']);
  });

  test('a path written with %20 finds the file with a space', async () => {
    const dir = writeContent({ 'w/images/old map.png': png });
    const result = await renderChapterBody(
      '![A map](images/old%20map.png)',
      path.join(dir, 'w', '01-one.md'),
    );
    expect(result).toMatchObject({ images: ['./images/old map.png'] });
  });
});

test('`npm run check` fails on a picture problem, printing file, line and fix', () => {
  const dir = writeContent({
    'w/work.md': validWork,
    'w/01-one.md': chapter('![A map](https://example.org/map.png)'),
  });
  const run = spawnSync(process.execPath, [path.join(root, 'src/cli/check-content.ts')], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: dir },
    encoding: 'utf8',
  });
  expect(run.status).not.toBe(0);
  const output = run.stdout + run.stderr;
  expect(output).toMatch(/w\/01-one\.md:5:1 .*download the picture.*\[image:remote\]/);
  expect(readFileSync(path.join(dir, 'w/01-one.md'), 'utf8')).toContain('example.org');
});
