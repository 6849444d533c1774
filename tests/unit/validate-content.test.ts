import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem, validateContent } from '../../src/lib/story/validate/index.ts';
import { validChapter, validWork, writeContent } from '../support/content.ts';

/** Validates a story folder and returns its problems with paths relative to it. */
async function problemsOf(files: Record<string, string>) {
  const dir = writeContent(files);
  return (await validateContent(dir)).map((p) => ({ ...p, file: path.relative(dir, p.file) }));
}

describe('a valid story folder', () => {
  test('has no problems, and files at its top level are skipped', async () => {
    expect(
      await problemsOf({
        'README.md': '# not a work',
        'w/work.md': validWork,
        'w/01-one.md': validChapter(),
      }),
    ).toEqual([]);
  });

  test('may hold a work with no chapters yet', async () => {
    expect(await problemsOf({ 'w/work.md': validWork })).toEqual([]);
  });
});

describe('layout problems', () => {
  test('a folder with no works', async () => {
    expect(await problemsOf({ 'README.md': 'hi' })).toMatchObject([
      { ruleId: 'layout:no-works', line: 1 },
    ]);
  });

  test('a work folder without work.md', async () => {
    const [problem] = await problemsOf({ 'w/01-one.md': validChapter() });
    expect(problem).toMatchObject({
      file: 'w/work.md',
      line: 1,
      ruleId: 'layout:missing-work-file',
    });
    expect(problem?.message).toContain("Add work.md with the work's title, author and summary");
  });

  test('two chapters with one number', async () => {
    const [problem] = await problemsOf({
      'w/work.md': validWork,
      'w/01-one.md': validChapter(),
      'w/1-two.md': validChapter(),
    });
    expect(problem).toMatchObject({ file: 'w/1-two.md', ruleId: 'layout:duplicate-number' });
    expect(problem?.message).toContain('Renumber one of them');
  });

  test("two chapters with one slug, or an alias taking another chapter's slug", async () => {
    expect(
      await problemsOf({
        'w/work.md': validWork,
        'w/01-one.md': validChapter(),
        'w/02-one.md': validChapter(),
      }),
    ).toMatchObject([{ file: 'w/02-one.md', ruleId: 'layout:duplicate-slug' }]);
    expect(
      await problemsOf({
        'w/work.md': validWork,
        'w/01-one.md': validChapter(),
        'w/02-two.md': '---\ntitle: Two\naliases: [one]\n---\n\nText.\n',
      }),
    ).toMatchObject([{ file: 'w/02-two.md', ruleId: 'layout:duplicate-slug' }]);
  });

  test('parts: a prologue and an epilogue outside them are fine; numbers order them, not names', async () => {
    const inPart = (part: string) => `---\ntitle: T\npart: "${part}"\n---\n\nText.\n`;
    expect(
      await problemsOf({
        'w/work.md': validWork,
        'w/1-prologue.md': validChapter(),
        'w/2-a.md': inPart('Book One'),
        'w/10-b.md': inPart('Book Two'),
        'w/9-c.md': inPart('Book One'),
        'w/11-epilogue.md': validChapter(),
      }),
    ).toEqual([]);
  });

  test("a part's chapters scattered, or a chapter of no part between parts", async () => {
    const inPart = (part: string) =>
      `---\ntitle: T\npublished: 2024-01-01\npart: "${part}"\n---\n\nText.\n`;
    const scattered = await problemsOf({
      'w/work.md': validWork,
      'w/01-a.md': inPart('Book One'),
      'w/02-b.md': inPart('Book Two'),
      'w/03-c.md': inPart('Book One'),
    });
    expect(scattered).toMatchObject([{ file: 'w/03-c.md', line: 4, ruleId: 'part:scattered' }]);
    expect(scattered[0]!.message).toContain('"Book One" already ended at "01-a.md"');
    expect(scattered[0]!.message).toContain('Renumber this chapter');

    const gap = await problemsOf({
      'w/work.md': validWork,
      'w/01-a.md': inPart('Book One'),
      'w/02-interlude.md': validChapter(),
      'w/03-c.md': inPart('Book Two'),
    });
    expect(gap).toMatchObject([{ file: 'w/02-interlude.md', line: 1, ruleId: 'part:gap' }]);
    expect(gap[0]!.message).toContain('part: "Book One"');
  });

  test('a part that is no title', async () => {
    const [problem] = await problemsOf({
      'w/work.md': validWork,
      'w/01-a.md': '---\ntitle: T\npart: ""\n---\n\nText.\n',
    });
    expect(problem).toMatchObject({ file: 'w/01-a.md', line: 3, ruleId: 'frontmatter:invalid' });
    expect(problem!.message).toContain('part: "Book One: Arrival"');
  });

  test('a chapter file name without a number, or with a slug that is not a URL slug', async () => {
    expect(
      await problemsOf({ 'w/work.md': validWork, 'w/chapter.md': validChapter() }),
    ).toMatchObject([
      {
        file: 'w/chapter.md',
        ruleId: 'layout:bad-chapter-name',
        message: expect.stringContaining('"01-chapter.md"'),
      },
    ]);
    expect(
      await problemsOf({ 'w/work.md': validWork, 'w/01-The Farm.md': validChapter() }),
    ).toMatchObject([
      { ruleId: 'layout:bad-slug', message: expect.stringContaining('"01-the-farm.md"') },
    ]);
  });

  test("a chapter slug the work's own pages use", async () => {
    expect(
      await problemsOf({ 'w/work.md': validWork, 'w/01-all.md': validChapter() }),
    ).toMatchObject([{ ruleId: 'layout:reserved-slug' }]);
  });
});

describe('front matter problems', () => {
  test('no front matter', async () => {
    expect(
      await problemsOf({ 'w/work.md': validWork, 'w/01-one.md': 'Just text.\n' }),
    ).toMatchObject([{ file: 'w/01-one.md', line: 1, ruleId: 'frontmatter:missing' }]);
  });

  test('malformed YAML is reported at its line in the file', async () => {
    const [problem] = await problemsOf({
      'w/work.md': validWork,
      'w/01-one.md':
        '---\ntitle: "One"\nsummary: [unclosed, list\npublished: 2024-01-01\n---\n\nText.\n',
    });
    expect(problem).toMatchObject({ file: 'w/01-one.md', ruleId: 'frontmatter:yaml' });
    expect(problem?.line).toBeGreaterThanOrEqual(3);
    expect(problem?.line).toBeLessThanOrEqual(5);
  });

  test('an unclosed quote is reported at the line that opens it', async () => {
    const [problem] = await problemsOf({
      'w/work.md': validWork,
      'w/01-one.md': '---\ntitle: "One"\nsummary: "unclosed\npublished: 2024-01-01\n---\n\nText.\n',
    });
    expect(problem).toMatchObject({
      file: 'w/01-one.md',
      line: 3,
      ruleId: 'frontmatter:unclosed-quote',
    });
  });

  test('a missing required field names the field and shows how to write it', async () => {
    const [problem] = await problemsOf({
      'w/work.md': '---\ntitle: "A Work"\nsummary: "S."\n---\n',
    });
    expect(problem).toMatchObject({
      file: 'w/work.md',
      line: 1,
      ruleId: 'frontmatter:missing-field',
    });
    expect(problem?.message).toContain('"author" is missing');
    expect(problem?.message).toContain('author: "Jane Doe"');
  });

  test('a malformed field is reported at its own line', async () => {
    expect(
      await problemsOf({
        'w/work.md': '---\ntitle: "A Work"\nauthor: "A"\nsummary: "S."\nstatus: finished\n---\n',
      }),
    ).toMatchObject([
      {
        line: 5,
        ruleId: 'frontmatter:invalid',
        message: expect.stringContaining('status: in-progress (or complete)'),
      },
    ]);
    expect(
      await problemsOf({
        'w/work.md': validWork,
        'w/01-one.md': '---\ntitle: One\npublished: someday\n---\n\nText.\n',
      }),
    ).toMatchObject([{ line: 3, ruleId: 'frontmatter:date' }]);
  });

  test('an unknown field, such as a misspelt one, is refused rather than ignored', async () => {
    expect(
      await problemsOf({
        'w/work.md': validWork,
        'w/01-one.md': '---\ntitle: One\nendnotes: "Thanks"\n---\n\nText.\n',
      }),
    ).toMatchObject([
      {
        line: 3,
        ruleId: 'frontmatter:unknown-field',
        message: expect.stringContaining('endNotes'),
      },
    ]);
  });

  test('raw HTML in a Markdown field is reported at the field', async () => {
    expect(
      await problemsOf({
        'w/work.md': validWork,
        'w/01-one.md': '---\ntitle: One\nnotes: "Hi <b>there</b>"\n---\n\nText.\n',
      }),
    ).toMatchObject([
      { line: 3, ruleId: 'raw-html:refused', message: expect.stringContaining('In "notes"') },
    ]);
  });
});

describe('chapter text problems, at the line in the file (front matter counted)', () => {
  const chapter = (body: string) => ({
    'w/work.md': validWork,
    'w/01-one.md': `---\ntitle: One\n---\n\n${body}`,
  });

  test('an empty chapter', async () => {
    expect(await problemsOf(chapter('\n\n'))).toMatchObject([
      { file: 'w/01-one.md', line: 4, ruleId: 'chapter:empty' },
    ]);
  });

  test('an unknown container directive', async () => {
    expect(await problemsOf(chapter('Text.\n\n:::aside\nHi.\n:::\n'))).toMatchObject([
      { line: 7, column: 1, ruleId: 'flashback:unknown-container' },
    ]);
  });

  test('an unclosed flashback', async () => {
    expect(await problemsOf(chapter(':::flashback\nText.\n'))).toMatchObject([
      { line: 5, ruleId: 'flashback:unclosed' },
    ]);
  });

  test('a flashback inside a flashback', async () => {
    expect(
      await problemsOf(chapter('::::flashback\nA.\n\n:::flashback\nB.\n:::\n::::\n')),
    ).toMatchObject([{ line: 8, ruleId: 'flashback:nested' }]);
  });

  test('raw HTML', async () => {
    expect(await problemsOf(chapter('One.\n\n<div>Two.</div>\n'))).toMatchObject([
      { line: 7, ruleId: 'raw-html:refused' },
    ]);
  });
});

describe('drafts and scheduled chapters', () => {
  test('a draft may be empty: `npm run new-chapter` starts it so', async () => {
    expect(
      await problemsOf({
        'w/work.md': validWork,
        'w/01-one.md': '---\ntitle: One\ndraft: true\n---\n\n',
      }),
    ).toEqual([]);
  });

  test('a `draft` that is not true or false', async () => {
    const [problem, ...others] = await problemsOf({
      'w/work.md': validWork,
      'w/01-one.md': '---\ntitle: One\ndraft: yes please\n---\n\nText.\n',
    });
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ file: 'w/01-one.md', line: 3, ruleId: 'frontmatter:invalid' });
    expect(problem?.message).toContain('draft: true (or false)');
  });

  test('a draft work that says `draft: 1`', async () => {
    expect(
      await problemsOf({ 'w/work.md': validWork.replace('---\n', '---\ndraft: 1\n') }),
    ).toMatchObject([{ file: 'w/work.md', line: 2, ruleId: 'frontmatter:invalid' }]);
  });

  test('a `published` that is not a date', async () => {
    const [problem] = await problemsOf({
      'w/work.md': validWork,
      'w/01-one.md': '---\ntitle: One\npublished: next friday\n---\n\nText.\n',
    });
    expect(problem).toMatchObject({ file: 'w/01-one.md', line: 3, ruleId: 'frontmatter:date' });
    expect(problem?.message).toContain('published: 2024-05-01');
  });

  test('a date and time, with or without a zone, is a valid `published`', async () => {
    for (const published of ['2026-12-04T18:00', '"2026-12-04 18:00"', '2026-12-04T18:00:00+01:00'])
      expect(
        await problemsOf({
          'w/work.md': validWork,
          'w/01-one.md': `---\ntitle: One\npublished: ${published}\n---\n\nText.\n`,
        }),
      ).toEqual([]);
  });
});

test('formatProblem gives the file, line, message and rule on one line', () => {
  expect(
    formatProblem(
      {
        file: '/s/w/01-a.md',
        line: 7,
        column: 1,
        ruleId: 'flashback:unclosed',
        message: 'Close it.',
      },
      '/s',
    ),
  ).toBe('w/01-a.md:7:1  Close it.  [flashback:unclosed]');
});
