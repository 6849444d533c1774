// Broken on purpose: variants of a real chapter file, each with one mistake an author makes by
// hand, and where the check must say it is (or, for prose that is only typed differently, that
// it renders with every word kept). Used by tests/build/broken-variants.test.ts over the fixture
// chapters; each expectation is worked out here from the file's own lines, not from the checker.

/** One variant of a chapter file: its text, and the problem it must raise or `renders`. */
export interface BrokenVariant {
  /** What was broken, e.g. `unclosed :::letter`. */
  name: string;
  source: string;
  expected: { line: number; ruleId: string } | 'renders';
}

interface Container {
  kind: string;
  open: number; // 0-based line index
  close: number;
}

interface Shape {
  lines: string[];
  /** 0-based index of the closing `---` of the front matter. */
  closing: number;
  containers: Container[];
  /** 0-based indexes of one-line prose paragraphs at the top level, after the front matter. */
  prose: number[];
}

/** The chapter's lines, its containers (paired as written), and its top-level prose lines. */
function shapeOf(source: string): Shape {
  const lines = source.split('\n');
  const closing = lines.indexOf('---', 1);
  const containers: Container[] = [];
  const stack: { kind: string; open: number }[] = [];
  const prose: number[] = [];
  for (let i = closing + 1; i < lines.length; i += 1) {
    const text = lines[i]!;
    const opened = /^:{3,}([a-z]+)/.exec(text);
    if (opened) stack.push({ kind: opened[1]!, open: i });
    else if (/^:{3,}\s*$/.test(text)) {
      const top = stack.pop();
      if (top) containers.push({ ...top, close: i });
    } else if (
      stack.length === 0 &&
      /^[A-Za-z"'*_].* /.test(text) && // words, not a break line ("oOo")
      (lines[i - 1] ?? '') === '' &&
      (lines[i + 1] ?? '') === '' &&
      !text.includes('[^')
    ) {
      prose.push(i);
    }
  }
  return { lines, closing, containers: containers.sort((a, b) => a.open - b.open), prose };
}

const join = (lines: string[]) => lines.join('\n');
/** `lines` with `inserted` placed before index `at`. */
const insert = (lines: string[], at: number, ...inserted: string[]) => [
  ...lines.slice(0, at),
  ...inserted,
  ...lines.slice(at),
];

/**
 * Every variant of `source` (a chapter file in the content format) that one mutation makes:
 * containers left unclosed or crossed, stray fences, footnote calls without notes and notes
 * never called, impossible, ambiguous and worded dates, broken front matter (closing line,
 * unclosed quote, tab indent, field twice, list for a title), and prose typed one paragraph a
 * line with indents (which renders).
 */
export function brokenVariants(source: string): BrokenVariant[] {
  const shape = shapeOf(source);
  const { lines, closing, containers, prose } = shape;
  const variants: BrokenVariant[] = [];
  const add = (name: string, text: string[], expected: BrokenVariant['expected']) =>
    variants.push({ name, source: join(text), expected });

  // A container whose closing fence is deleted: it is never closed. The first and the last.
  for (const c of new Set([containers[0], containers.at(-1)])) {
    if (!c) continue;
    add(
      `unclosed :::${c.kind} (line ${c.open + 1})`,
      lines.filter((_, i) => i !== c.close),
      { line: c.open + 1, ruleId: `${c.kind}:unclosed` },
    );
  }

  const first = prose[0];
  const second = prose[1];
  if (first !== undefined && second !== undefined) {
    // A flashback opened before one paragraph and never closed, with a complete verse after the
    // next one: the verse's fence would close the flashback.
    const withVerse = insert(lines, second + 1, '', ':::verse', 'A line of song.', ':::');
    add(':::flashback crossed with a later :::verse', insert(withVerse, first, ':::flashback'), {
      line: first + 1,
      ruleId: 'flashback:unclosed',
    });
    // A stray fence after a paragraph of the top level.
    add('stray ::: after a paragraph', insert(lines, first + 1, '', ':::'), {
      line: first + 3,
      ruleId: 'container:stray-fence',
    });
    // A footnote called that has no note.
    add(
      'footnote call without its note',
      lines.map((text, i) => (i === second ? `${text}[^missing-note]` : text)),
      { line: second + 1, ruleId: 'footnote:undefined' },
    );
  }
  add('footnote note never called', [...lines, '', '[^orphan]: Nobody calls this note.'], {
    line: lines.length + 2,
    ruleId: 'footnote:unused',
  });

  // Dates, at the line of `published` (added just before the closing line when there is none).
  const publishedAt = lines.findIndex((text, i) => i < closing && /^published:/.test(text));
  const withDate = (value: string) =>
    publishedAt === -1
      ? { text: insert(lines, closing, `published: ${value}`), line: closing + 1 }
      : {
          text: lines.map((t, i) => (i === publishedAt ? `published: ${value}` : t)),
          line: publishedAt + 1,
        };
  for (const value of ['2026-13-45', '2026-02-30', '11/02/2026', '20th November', '2026/1/5']) {
    const { text, line } = withDate(value);
    add(`published: ${value}`, text, { line, ruleId: 'frontmatter:date' });
  }

  // Front matter.
  add(
    'front matter closed with "--"',
    lines.map((t, i) => (i === closing ? '--' : t)),
    { line: closing + 1, ruleId: 'frontmatter:fence' },
  );
  const titleAt = lines.findIndex((text, i) => i < closing && /^title:/.test(text));
  const title = lines[titleAt]!.replace(/^title:\s*/, '').replace(/^(["'])(.*)\1$/, '$2');
  add(
    'unclosed quote in the title',
    lines.map((t, i) => (i === titleAt ? `title: "${title.replace(/"/g, '')}` : t)),
    { line: titleAt + 1, ruleId: 'frontmatter:unclosed-quote' },
  );
  add('a field indented with a tab', insert(lines, titleAt + 1, '\tpart: "Book One"'), {
    line: titleAt + 2,
    ruleId: 'frontmatter:tab',
  });
  add('the title written twice', insert(lines, closing, 'title: "Another title"'), {
    line: closing + 1,
    ruleId: 'frontmatter:duplicate-field',
  });
  add(
    'a list for the title',
    lines.map((t, i) => (i === titleAt ? 'title: [One, Two]' : t)),
    { line: titleAt + 1, ruleId: 'frontmatter:invalid' },
  );

  // Prose as a word processor pastes it: the top-level paragraphs one a line, indented by a
  // tab, with no blank line between them. It renders, every word kept.
  if (prose.length >= 2) {
    const indented = new Set(prose);
    const pasted = lines.flatMap((text, i) => {
      if (indented.has(i)) return [`\t${text}`];
      // The blank line between two paragraphs typed one a line goes.
      if (text === '' && indented.has(i - 1) && indented.has(i + 1)) return [];
      return [text];
    });
    add('paragraphs typed one a line with tab indents', pasted, 'renders');
  }
  return variants;
}
