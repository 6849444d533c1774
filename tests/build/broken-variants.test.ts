import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, test } from 'vitest';
import { brokenVariants, type BrokenVariant } from '../../src/lib/fuzz/broken-variants.ts';
import { renderChapterBody } from '../../src/lib/markup/index.ts';
import { addedTextSelectors } from '../../src/lib/markup/vocabulary.ts';
import { visibleText, wordsOf } from '../../src/lib/words-on-page.ts';

// Each fixture chapter broken one way at a time (src/lib/fuzz/broken-variants.ts), all in one
// story folder, checked by the real `npm run check`: every variant must be named by its file and
// line, or render with every word of the original kept.
const library = path.resolve('tests/fixtures/library');
const chapters = [
  'fiction-markup/01-messages-at-midnight.md',
  'fiction-markup/02-the-letter-and-the-song.md',
  'markup-showcase/01-arrival.md',
  'markup-showcase/02-the-letter.md',
  'markup-showcase/05-departure.md',
  'the-adventures-of-sherlock-holmes/05-a-case-of-identity.md',
];

const variants: (BrokenVariant & {
  work: string;
  file: string;
  original: string;
  fixture: string;
})[] = [];
for (const chapter of chapters) {
  const original = readFileSync(path.join(library, chapter), 'utf8');
  const [work, name] = chapter.split('/') as [string, string];
  for (const variant of brokenVariants(original)) {
    const folder = `v${String(variants.length + 1).padStart(2, '0')}`;
    variants.push({
      ...variant,
      work,
      file: `${folder}/${name}`,
      original,
      fixture: path.join(library, chapter),
    });
  }
}

let output = '';
let exitCode = 0;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'broken-variants-'));
  for (const v of variants) {
    const folder = path.join(dir, path.dirname(v.file));
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      path.join(folder, 'work.md'),
      readFileSync(path.join(library, v.work, 'work.md')),
    );
    // The work's pictures (a chapter's pictures are checked too).
    if (existsSync(path.join(library, v.work, 'images')))
      cpSync(path.join(library, v.work, 'images'), path.join(folder, 'images'), {
        recursive: true,
      });
    const cover = path.join(library, v.work, 'cover.jpg');
    if (existsSync(cover)) cpSync(cover, path.join(folder, 'cover.jpg'));
    writeFileSync(path.join(dir, v.file), v.source);
  }
  try {
    await promisify(execFile)('npm', ['run', '--silent', 'check'], {
      env: { ...process.env, CONTENT_DIR: dir },
    });
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    exitCode = failed.code;
    output = failed.stderr;
  }
}, 120_000);

/** The words a reader sees in rendered chapter HTML, the site's own labels left out. */
function pageWords(html: string): string[] {
  const body = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document
    .body as unknown as Element;
  return wordsOf(visibleText(body, (el) => addedTextSelectors.some((s) => el.matches(s))));
}

describe('fixture chapters broken on purpose', () => {
  test(`at least 50 variants of ${chapters.length} chapters, with every kind of mistake`, () => {
    expect(variants.length).toBeGreaterThanOrEqual(50);
    const rules = new Set(
      variants.map((v) => (v.expected === 'renders' ? 'renders' : v.expected.ruleId)),
    );
    for (const rule of [
      'letter:unclosed',
      'flashback:unclosed',
      'container:stray-fence',
      'footnote:undefined',
      'footnote:unused',
      'frontmatter:date',
      'frontmatter:fence',
      'frontmatter:unclosed-quote',
      'frontmatter:tab',
      'frontmatter:duplicate-field',
      'frontmatter:invalid',
      'renders',
    ])
      expect(rules).toContain(rule);
  });

  test('npm run check fails on the folder', () => {
    expect(exitCode).toBe(1);
  });

  test.each(variants.filter((v) => v.expected !== 'renders').map((v) => [v.file, v.name, v]))(
    '%s (%s) is named by file and line',
    (_file, _name, v) => {
      const expected = v.expected as { line: number; ruleId: string };
      // `path:line[:column]  message  [rule]`, the first problem of that file.
      const first = output
        .split('\n')
        .find((line) => line.includes(`${path.relative(process.cwd(), path.join(dir, v.file))}:`));
      expect(first).toBeDefined();
      expect(first).toMatch(
        new RegExp(
          `${v.file.replace('/', '\\/').replace(/\./g, '\\.')}:${expected.line}(:\\d+)?  .+  \\[${expected.ruleId}\\]$`,
        ),
      );
    },
  );

  test.each(variants.filter((v) => v.expected === 'renders').map((v) => [v.file, v.name, v]))(
    '%s (%s) renders with every word of the original',
    async (_file, _name, v) => {
      expect(output).not.toContain(`${v.file}:`);
      const body = (source: string) => source.slice(source.indexOf('\n---\n') + 5);
      // Rendered as the fixture's own file, whose pictures are beside it.
      const variant = await renderChapterBody(body(v.source), v.fixture);
      const original = await renderChapterBody(body(v.original), v.fixture);
      if ('mistake' in variant || 'mistake' in original) throw new Error('expected both to render');
      expect(pageWords(variant.html)).toEqual(pageWords(original.html));
      // And the paragraphs typed one a line are paragraphs, as many as before.
      expect(variant.html.match(/<p /g)?.length).toBe(original.html.match(/<p /g)?.length);
    },
  );
});
