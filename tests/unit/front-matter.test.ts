import { describe, expect, test } from 'vitest';
import { dateProblem, readFrontMatter, type Kind } from '../../src/lib/story/front-matter.ts';

const chapter = (...lines: string[]) => `---\n${lines.join('\n')}\n---\n\nThe text.\n`;
const work = (...lines: string[]) =>
  chapter('title: "A Work"', 'author: "An Author"', 'summary: "What happens."', ...lines);

/**
 * Front matters broken the ways authors break them by hand. Each names the line to look at (line
 * 1 is the opening "---"), its rule, and words of the fix the author reads.
 */
const broken: {
  name: string;
  source: string;
  kind?: Kind;
  line: number;
  ruleId: string;
  fix: string;
}[] = [
  {
    name: 'closed with two hyphens',
    source: '---\ntitle: One\n--\n\nThe text.\n',
    line: 3,
    ruleId: 'frontmatter:fence',
    fix: 'Write "---" here',
  },
  {
    name: 'closed with four hyphens',
    source: '---\ntitle: One\n----\n\nThe text.\n',
    line: 3,
    ruleId: 'frontmatter:fence',
    fix: 'exactly three hyphens',
  },
  {
    name: 'closed with an em dash a word processor made',
    source: '---\ntitle: One\n—\n\nThe text.\n',
    line: 3,
    ruleId: 'frontmatter:fence',
    fix: 'Write "---" here',
  },
  {
    name: 'closed with three dots',
    source: '---\ntitle: One\n...\n\nThe text.\n',
    line: 3,
    ruleId: 'frontmatter:fence',
    fix: 'Write "---" here',
  },
  {
    name: 'opened with two hyphens',
    source: '--\ntitle: One\n---\n\nThe text.\n',
    line: 1,
    ruleId: 'frontmatter:fence',
    fix: 'Write "---"',
  },
  {
    name: 'never closed, the text right under the fields',
    source: '---\ntitle: One\n\nBuffy wakes up.\n',
    line: 1,
    ruleId: 'frontmatter:unclosed',
    fix: 'before line 4',
  },
  {
    name: 'no front matter at all',
    source: 'Buffy wakes up.\n',
    line: 1,
    ruleId: 'frontmatter:missing',
    fix: 'Start it with a line "---"',
  },
  {
    name: 'an unclosed quote in the title, with notes after it',
    source: chapter('title: "Part 1', 'notes: "Content note: blood"'),
    line: 2,
    ruleId: 'frontmatter:unclosed-quote',
    fix: 'End the value with "',
  },
  {
    name: 'an unclosed single quote as the last field',
    source: chapter('title: One', "summary: 'What happens"),
    line: 3,
    ruleId: 'frontmatter:unclosed-quote',
    fix: "End the value with '",
  },
  {
    name: 'a field indented with a tab',
    source: work('series:', '\tname: "Saga"', '\tpart: 1'),
    kind: 'work',
    line: 6,
    ruleId: 'frontmatter:tab',
    fix: 'Replace the tab with two spaces',
  },
  {
    name: 'a field written twice',
    source: chapter('title: One', 'summary: "A."', 'title: Two'),
    line: 4,
    ruleId: 'frontmatter:duplicate-field',
    fix: 'at lines 2 and 4',
  },
  {
    name: 'a list where the title belongs',
    source: chapter('title: [One, Two]'),
    line: 2,
    ruleId: 'frontmatter:invalid',
    fix: '"title" is a list, and it takes one value',
  },
  {
    name: 'a group of fields where the author belongs',
    source: work().replace('author: "An Author"', 'author: { name: Jo }'),
    kind: 'work',
    line: 3,
    ruleId: 'frontmatter:invalid',
    fix: '"author" is a group of fields',
  },
  {
    name: 'one word where a list of tags belongs',
    source: work('tags: 5'),
    kind: 'work',
    line: 5,
    ruleId: 'frontmatter:invalid',
    fix: 'it takes a list',
  },
  {
    name: 'an impossible month and day',
    source: chapter('title: One', 'published: 2026-13-45'),
    line: 3,
    ruleId: 'frontmatter:date',
    fix: 'there is no month 13',
  },
  {
    name: 'a day past the end of the month',
    source: chapter('title: One', 'published: 2026-02-30'),
    line: 3,
    ruleId: 'frontmatter:date',
    fix: 'February 2026 has 28 days',
  },
  {
    name: 'an hour past midnight',
    source: chapter('title: One', 'published: 2026-02-03T25:00'),
    line: 3,
    ruleId: 'frontmatter:date',
    fix: 'is not a time of day',
  },
  {
    name: 'an ambiguous day and month',
    source: chapter('title: One', 'published: 11/02/2026'),
    line: 3,
    ruleId: 'frontmatter:date',
    fix: '11 February 2026 (day first) or 2 November 2026 (month first)',
  },
  {
    name: 'a day-first date that can only be read one way',
    source: chapter('title: One', 'published: 25.12.2026'),
    line: 3,
    ruleId: 'frontmatter:date',
    fix: 'published: 2026-12-25',
  },
  {
    name: 'a date in words',
    source: chapter('title: One', 'published: 20th November'),
    line: 3,
    ruleId: 'frontmatter:date',
    fix: '"20th November" is text. Write it as YYYY-MM-DD',
  },
  {
    name: 'a number for a date',
    source: chapter('title: One', 'published: 2026'),
    line: 3,
    ruleId: 'frontmatter:date',
    fix: 'is a number',
  },
  {
    name: 'slashes in a year-first date',
    source: work('updated: 2026/1/5'),
    kind: 'work',
    line: 5,
    ruleId: 'frontmatter:date',
    fix: 'updated: 2026-01-05',
  },
  {
    name: 'a misspelt field',
    source: chapter('title: One', 'endnotes: "Thanks"'),
    line: 3,
    ruleId: 'frontmatter:unknown-field',
    fix: 'Did you mean "endNotes"?',
  },
  {
    name: 'a draft that is not true or false',
    source: chapter('title: One', 'draft: maybe'),
    line: 3,
    ruleId: 'frontmatter:invalid',
    fix: 'draft: true (or false)',
  },
  {
    name: 'a missing title',
    source: chapter('summary: "A."'),
    line: 1,
    ruleId: 'frontmatter:missing-field',
    fix: '"title" is missing',
  },
  {
    name: 'a flow list never closed',
    source: chapter('title: One', 'aliases: [old, older', 'part: "Two"'),
    line: 4,
    ruleId: 'frontmatter:yaml',
    fix: 'not valid YAML',
  },
];

describe('broken front matter is named at its line, with the fix', () => {
  test(`the table holds at least 20 cases (${broken.length})`, () => {
    expect(broken.length).toBeGreaterThanOrEqual(20);
  });

  test.each(broken)('$name', ({ source, kind, line, ruleId, fix }) => {
    const read = readFrontMatter(source, kind ?? 'chapter');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems[0]).toMatchObject({ line, ruleId });
    expect(read.problems[0]!.message).toContain(fix);
  });
});

describe('front matter as authors write it is read as before', () => {
  test.each([
    ['a date', 'published: 2026-12-04'],
    ['a date and time', 'published: 2026-12-04T18:00'],
    ['a quoted date and time with a space', 'published: "2026-12-04 18:00"'],
    ['a date, time and zone', 'published: 2026-12-04T18:00:00+01:00'],
    ['a leap day', 'published: 2028-02-29'],
    ['a comment after the date', 'published: 2026-12-04 # Friday'],
    ['a summary continued on indented lines', 'summary: "A long summary', '  that goes on."'],
    ['a quote inside single quotes', "summary: 'Buffy''s night'"],
    ['a colon inside quotes', 'summary: "Part 1: Home"'],
  ])('%s', (_name, ...lines) => {
    const read = readFrontMatter(chapter('title: One', ...lines), 'chapter');
    expect(read.ok ? [] : read.problems).toEqual([]);
  });

  test('dates are the moments written, UTC unless a zone is given', () => {
    const read = readFrontMatter(chapter('title: One', 'published: 2026-12-04T18:00'), 'chapter');
    expect(read.ok && (read.data['published'] as Date).toISOString()).toBe(
      '2026-12-04T18:00:00.000Z',
    );
  });

  test('body lines stay file lines, and the body starts after the closing line', () => {
    const read = readFrontMatter(chapter('title: One', 'summary: "A."'), 'chapter');
    expect(read.ok && read.bodyLine).toBe(5);
    expect(read.ok && read.body.split('\n')[5]).toBe('The text.');
  });
});

describe('dateProblem', () => {
  test('a date that cannot be read either way names no reading', () => {
    expect(dateProblem('published', '31/31/2026')).toContain('is text');
  });

  test('a day and month that are the same number are not ambiguous', () => {
    expect(dateProblem('published', '05/05/2026')).toContain('published: 2026-05-05');
  });
});
