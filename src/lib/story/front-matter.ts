import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { z } from 'astro/zod';
import { chapterSchema, workSchema } from './schema.ts';

/** A work's `work.md` or a chapter file. */
export type Kind = 'work' | 'chapter';

/** A front matter mistake: its line in the file (line 1 is the opening `---`), rule and fix. */
export interface FrontMatterProblem {
  line: number;
  column?: number;
  ruleId: string;
  message: string;
}

/** A file's front matter read and checked against its kind's schema. */
export type FrontMatter =
  | {
      ok: true;
      /** The schema's output (defaults filled in, dates as `Date`). */
      data: Record<string, unknown> & { aliases?: string[] };
      /** The front matter as written, for the collection schema. */
      written: Record<string, unknown>;
      /** The body, with blank lines in place of the front matter: body lines are file lines. */
      body: string;
      /** The file line after the closing `---`, where the body begins. */
      bodyLine: number;
      /** The file line of `field:` (1 when the field is not written). */
      lineOf: (field: string) => number;
    }
  | { ok: false; problems: FrontMatterProblem[] };

/** The date fields of each kind: YAML dates, checked as written (js-yaml rolls 2026-13-45 over). */
const dateFields: Record<Kind, readonly string[]> = {
  work: ['published', 'updated', 'nextChapter'],
  chapter: ['published'],
};

/**
 * Reads the front matter of a work or chapter file and checks it. Every mistake an author makes
 * by hand is named at its line with the fix: a wrong opening or closing line, a tab indent, an
 * unclosed quote, a field written twice, YAML that does not parse, an impossible or ambiguous
 * date, a field of the wrong type (a list where one value belongs), an unknown field. The data
 * itself is what Astro's own parser (js-yaml) reads, so the site and this check never disagree.
 */
export function readFrontMatter(source: string, kind: Kind): FrontMatter {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fenced = fenceProblems(lines, kind);
  if (fenced.problems.length > 0) return { ok: false, problems: fenced.problems };
  // The front matter's own lines, numbered as in the file.
  const own = lines.slice(1, fenced.closing - 1).map((text, i) => ({ text, line: i + 2 }));
  const lineOf = (field: string) =>
    own.find(({ text }) => new RegExp(`^${field}\\s*:`).test(text))?.line ?? 1;

  const problems = [...tabProblems(own), ...quoteProblems(own), ...duplicateProblems(own)];
  if (problems.length > 0) return { ok: false, problems };

  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(source, { frontmatter: 'empty-with-lines' });
  } catch (error) {
    const { mark, reason } = error as { mark?: { line: number; column: number }; reason?: string };
    return {
      ok: false,
      problems: [
        {
          line: (mark?.line ?? 0) + 1,
          ...(mark ? { column: mark.column + 1 } : {}),
          ruleId: 'frontmatter:yaml',
          message: `The front matter is not valid YAML: ${reason ?? String(error)}. Check the quoting and indentation on this line; quote a value that holds a colon ("title: \\"Part 1: Home\\"").`,
        },
      ],
    };
  }
  const written = (parsed.frontmatter ?? {}) as Record<string, unknown>;
  for (const field of dateFields[kind]) {
    const text = writtenValue(own, field);
    const wrong = text === undefined ? undefined : dateProblem(field, text);
    if (wrong) problems.push({ line: lineOf(field), ruleId: 'frontmatter:date', message: wrong });
  }
  if (problems.length > 0) return { ok: false, problems };

  const schema = kind === 'work' ? workSchema : chapterSchema;
  const result = schema.safeParse(written);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => schemaProblem(issue, kind, written, lineOf)),
    };
  }
  return {
    ok: true,
    data: result.data as Record<string, unknown> & { aliases?: string[] },
    written,
    body: parsed.content,
    bodyLine: fenced.closing + 1,
    lineOf,
  };
}

/** A line meant as the closing `---`, typed otherwise: `--`, `----`, `—`, `...`, `- - -`. */
const nearFence = /^\s*(?:-{1,2}|-{4,}|[—–]{1,3}|\.{3}|_{3,}|(?:- ){2,}-|\+\+\+)\s*$/;

/** The opening and closing lines: found, or what is wrong with them. */
function fenceProblems(
  lines: readonly string[],
  kind: Kind,
): { closing: number; problems: FrontMatterProblem[] } {
  const example = `"title: …"${kind === 'work' ? ', "author: …" and "summary: …"' : ''}`;
  const first = lines[0] ?? '';
  if (first.trimEnd() !== '---') {
    const message = nearFence.test(first)
      ? `The front matter opens with a line of exactly three hyphens "---"; this line is "${first.trim()}". Write "---".`
      : `The file has no front matter. Start it with a line "---", then ${example}, then a line "---".`;
    return {
      closing: 0,
      problems: [
        {
          line: 1,
          ruleId: nearFence.test(first) ? 'frontmatter:fence' : 'frontmatter:missing',
          message,
        },
      ],
    };
  }
  for (let i = 1; i < lines.length; i += 1) {
    const text = lines[i]!;
    if (text.trimEnd() === '---') return { closing: i + 1, problems: [] };
    if (nearFence.test(text)) {
      return {
        closing: 0,
        problems: [
          {
            line: i + 1,
            ruleId: 'frontmatter:fence',
            message: `The front matter closes with a line of exactly three hyphens "---"; this line is "${text.trim()}". Write "---" here.`,
          },
        ],
      };
    }
  }
  // No closing line at all: say where the text seems to begin.
  const prose = lines.findIndex((text, i) => i > 0 && looksLikeProse(text));
  return {
    closing: 0,
    problems: [
      {
        line: 1,
        ruleId: 'frontmatter:unclosed',
        message: `The front matter opened here is never closed. Add a line "---" after its last field${prose === -1 ? '' : ` (before line ${prose + 1}, where the text seems to begin)`}.`,
      },
    ],
  };
}

/** Neither a field, a list item, a continuation, a comment nor blank: the text of the chapter. */
function looksLikeProse(text: string): boolean {
  return text.trim() !== '' && !/^(?:[\w"'-]+\s*:|\s|#|- )/.test(text);
}

type OwnLine = { text: string; line: number };

/** YAML indents with spaces only; a tab there is a parse error with no hint of the tab. */
function tabProblems(own: readonly OwnLine[]): FrontMatterProblem[] {
  const found = own.find(({ text }) => /^ *\t/.test(text));
  if (!found) return [];
  return [
    {
      line: found.line,
      ruleId: 'frontmatter:tab',
      message:
        'This line is indented with a tab, and front matter (YAML) indents with spaces only. Replace the tab with two spaces.',
    },
  ];
}

/**
 * A quoted value that does not end on its line, with a field after it at the left margin: YAML
 * runs the quote on into that field (`title: "Part 1` swallows `notes: "…`), so the parser's
 * own complaint names the wrong line, or none. A value continued on indented lines is fine.
 */
function quoteProblems(own: readonly OwnLine[]): FrontMatterProblem[] {
  for (const [i, { text, line }] of own.entries()) {
    const opened = /^([\w-]+)\s*:\s*(["'])(.*)$/.exec(text);
    if (!opened) continue;
    const [, field, quote, rest] = opened as unknown as [string, string, string, string];
    if (closesQuote(rest, quote)) continue;
    const next = own.slice(i + 1).find((l) => l.text.trim() !== '');
    if (next && /^\s/.test(next.text)) continue; // continued on indented lines
    return [
      {
        line,
        ruleId: 'frontmatter:unclosed-quote',
        message: `The value of "${field}" opens a quote (${quote}) that this line never closes, so YAML would run it into the lines below. End the value with ${quote} on this line${quote === '"' ? ' (a " inside it is written \\")' : " (a ' inside it is written '')"}.`,
      },
    ];
  }
  return [];
}

/** `rest` (what follows an opening quote) holds the closing quote. */
function closesQuote(rest: string, quote: string): boolean {
  const body = quote === '"' ? rest.replace(/\\./g, '') : rest.replace(/''/g, '');
  return body.includes(quote);
}

/** A top-level field written twice: js-yaml names only the second, YAML keeps neither. */
function duplicateProblems(own: readonly OwnLine[]): FrontMatterProblem[] {
  const seen = new Map<string, number>();
  for (const { text, line } of own) {
    const field = /^([\w-]+)\s*:/.exec(text)?.[1];
    if (!field) continue;
    const first = seen.get(field);
    if (first !== undefined) {
      return [
        {
          line,
          ruleId: 'frontmatter:duplicate-field',
          message: `The field "${field}" is written twice, at lines ${first} and ${line}. Keep one of them.`,
        },
      ];
    }
    seen.set(field, line);
  }
  return [];
}

/** The text written after `field:` at the top level, without quotes or a trailing comment. */
function writtenValue(own: readonly OwnLine[], field: string): string | undefined {
  const text = own.find((l) => new RegExp(`^${field}\\s*:`).test(l.text))?.text;
  if (text === undefined) return undefined;
  const value = text
    .slice(text.indexOf(':') + 1)
    .replace(/\s+#.*$/, '')
    .trim();
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const isoDate =
  /^(\d{4})-(\d{2})-(\d{2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*(Z|[+-]\d{1,2}(?::?\d{2})?))?)?$/;

/**
 * What is wrong with a date written as `text`, or nothing: dates are YAML dates (YYYY-MM-DD,
 * with an optional time and zone) that exist on the calendar. `11/02/2026` is refused with both
 * readings, since day-first and month-first authors both write it.
 */
export function dateProblem(field: string, text: string): string | undefined {
  const example = `${field}: 2024-05-01 (or 2024-05-01T18:00, UTC unless a zone follows: +01:00)`;
  if (text === '' || text === '~' || text === 'null') return undefined; // no date: optional
  const iso = isoDate.exec(text);
  if (iso) {
    const [year, month, day, hour, minute, second] = iso.slice(1, 7).map(Number) as number[];
    const wrong =
      month! < 1 || month! > 12
        ? `there is no month ${month}`
        : day! < 1 || day! > daysIn(year!, month!)
          ? `${months[month! - 1]} ${year} has ${daysIn(year!, month!)} days`
          : iso[4] !== undefined && (hour! > 23 || minute! > 59 || (second ?? 0) > 59)
            ? `${iso[4]}:${iso[5]}${iso[6] ? `:${iso[6]}` : ''} is not a time of day`
            : undefined;
    return (
      wrong && `"${field}: ${text}" is not a real date: ${wrong}. Write it like this: ${example}`
    );
  }
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (numeric) {
    const [a, b, year] = numeric.slice(1, 4).map(Number) as [number, number, number];
    const readings = [
      { day: a, month: b, order: 'day first' },
      { day: b, month: a, order: 'month first' },
    ].filter((r) => r.month >= 1 && r.month <= 12 && r.day >= 1 && r.day <= daysIn(year, r.month));
    const iso = (r: { day: number; month: number }) =>
      `${year}-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`;
    const spelled = (r: { day: number; month: number }) =>
      `${r.day} ${months[r.month - 1]} ${year}`;
    if (readings.length === 2 && a !== b) {
      return `"${field}: ${text}" is ambiguous: ${spelled(readings[0]!)} (${readings[0]!.order}) or ${spelled(readings[1]!)} (${readings[1]!.order}). Write the one you mean as YYYY-MM-DD: ${field}: ${iso(readings[0]!)} or ${field}: ${iso(readings[1]!)}.`;
    }
    if (readings.length >= 1) {
      return `"${field}: ${text}" is not written as a date the site reads: it must be YYYY-MM-DD. Write ${field}: ${iso(readings[0]!)} (${spelled(readings[0]!)}).`;
    }
  }
  const slashed = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (slashed) {
    const [year, month, day] = slashed.slice(1, 4);
    return `"${field}: ${text}" must be written with hyphens and two-digit month and day: ${field}: ${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}.`;
  }
  const what = /^-?\d+(?:\.\d+)?$/.test(text)
    ? 'a number'
    : /^(?:true|false|yes|no)$/i.test(text)
      ? 'a yes/no value'
      : /^\[/.test(text)
        ? 'a list'
        : /^\{/.test(text)
          ? 'a group of fields'
          : 'text';
  return `"${field}" must be a date, and "${text}" is ${what}. Write it as YYYY-MM-DD, like this: ${example}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const fieldExamples: Record<string, string> = {
  title: 'title: "The Last Son"',
  author: 'author: "Jane Doe" (or "Anonymous")',
  summary: 'summary: "One or two sentences of Markdown."',
  notes: 'notes: "A note before the chapter, in Markdown."',
  endNotes: 'endNotes: "A note after the chapter, in Markdown."',
  status: 'status: in-progress (or complete)',
  language: 'language: en',
  rating: 'rating: "Teen And Up Audiences"',
  published: 'published: 2024-05-01 (or 2024-05-01T18:00, UTC unless a zone follows: +01:00)',
  draft: 'draft: true (or false)',
  updated: 'updated: 2024-05-01',
  nextChapter: 'nextChapter: 2027-01-15 (when the next chapter is expected)',
  series: 'series: { name: "Entwined Destinies", part: 1 }',
  aliases: 'aliases: [old-slug]',
  part: 'part: "Book One: Arrival" (the same on every chapter of the part)',
  cover: 'cover: cover.jpg (a picture beside work.md)',
  coverAlt: 'coverAlt: "What the cover shows, in words"',
};

/** How a written value looks to an author: "a list", "a number"… */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'boolean') return 'a yes/no value';
  return typeof value === 'number' ? 'a number' : 'text';
}

function schemaProblem(
  issue: z.core.$ZodIssue,
  kind: Kind,
  data: Record<string, unknown>,
  lineOf: (field: string) => number,
): FrontMatterProblem {
  const known = Object.keys((kind === 'work' ? workSchema : chapterSchema).shape);
  if (issue.code === 'unrecognized_keys') {
    const [first] = issue.keys;
    const close = issue.keys
      .map((key) => known.find((k) => k.toLowerCase() === key.toLowerCase().replace(/[-_ ]/g, '')))
      .filter(Boolean);
    return {
      line: first ? lineOf(first) : 1,
      ruleId: 'frontmatter:unknown-field',
      message: `Unknown front matter field${issue.keys.length > 1 ? 's' : ''} "${issue.keys.join('", "')}". ${close.length > 0 ? `Did you mean "${close.join('", "')}"? ` : ''}Fix the spelling or remove ${issue.keys.length > 1 ? 'them' : 'it'}; a ${kind} knows: ${known.join(', ')}.`,
    };
  }
  const field = String(issue.path[0] ?? '');
  const value = data[field];
  const missing = issue.path.length === 1 && value == null;
  const example = fieldExamples[field] ?? `${field}: [a list, of labels]`;
  const expected = issue.code === 'invalid_type' ? issue.expected : undefined;
  const what = missing
    ? `The required field "${field}" is missing.`
    : expected && issue.path.length === 1 && describe(value) !== 'text'
      ? `The field "${field}" is ${describe(value)}, and it takes ${expected === 'array' ? 'a list' : expected === 'boolean' ? 'true or false' : 'one value'}.`
      : `The field "${issue.path.join('.')}" is malformed: ${issue.message}.`;
  return {
    line: missing ? 1 : lineOf(field),
    ruleId: missing ? 'frontmatter:missing-field' : 'frontmatter:invalid',
    message: `${what} Write it like this: ${example}`,
  };
}
