import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { remarkPlugins } from '../markup/index.ts';
import { checkImageFile, isImageProblem } from './image-files.ts';
import { renderChapterBodies } from './render-pool.ts';
import {
  chapterEntryId,
  isSlug,
  parseChapterFileName,
  reservedChapterSlugs,
  suggestSlug,
  workFile,
} from './layout.ts';
import { partProblems } from './parts.ts';
import { readFrontMatter, type Kind } from './front-matter.ts';
import { markupLabelsOf } from '../i18n/index.ts';
import { readOverrides, stringsWithOverrides, type Overrides } from '../i18n/overrides.ts';
import { englishLabels, type MarkupLabels } from '../markup/labels.ts';
import { markdownFields } from './schema.ts';

/** One author's mistake: where it is, what rule it broke, and how to fix it. */
export interface ContentProblem {
  /** Absolute path of the file (or folder) at fault. */
  file: string;
  /** 1-based line in the file, counting the front matter. */
  line: number;
  column?: number;
  /** `area:rule`, e.g. `frontmatter:invalid` or `flashback:unclosed`. */
  ruleId: string;
  /** What is wrong, then how to fix it. */
  message: string;
}

// For the Markdown of front matter fields (a summary, notes): the site's own remark plugins,
// without the HTML stages, where every author's mistake is found. File bodies are rendered.
const markdownChecker = unified()
  .use(remarkParse)
  // Astro's list type also admits plugin names; ours holds only plugin functions.
  .use(remarkPlugins as unknown as PluggableList)
  .freeze();

/** A work or chapter file that passed every check, rendered: what its collection stores. */
export interface CheckedEntry {
  /** The collection entry's id: `<work>` for a work, `<work>/<NN-slug>` for a chapter. */
  id: string;
  /** Absolute path of the file. */
  file: string;
  /** The front matter as written, for the collection schema. */
  frontmatter: Record<string, unknown>;
  /** The body rendered: a chapter's text, a work's notes (empty when it has none). */
  html: string;
  words: number;
  /** The pictures of a chapter's text, as `image()` paths relative to the file (`./images/map.png`). */
  images: string[];
}

/** What one pass over a story folder finds: every problem, and every work and chapter rendered. */
export interface StoryCheck {
  problems: ContentProblem[];
  works: CheckedEntry[];
  chapters: CheckedEntry[];
}

/**
 * Checks a whole story folder against the content contract without building it: layout,
 * file names, front matter, and every chapter's markup through the site's own remark plugins.
 * Returns every problem found (one per file at most for markup), in file order.
 */
export async function validateContent(contentDir: string): Promise<ContentProblem[]> {
  return (await checkStory(contentDir)).problems;
}

/**
 * {@link validateContent}, keeping what it renders: a file's markup is checked by rendering it
 * (in worker threads, see render-pool.ts), so the build renders each file once, here.
 */
export async function checkStory(contentDir: string): Promise<StoryCheck> {
  const { overrides, problems: overrideProblems } = readOverrides(contentDir);
  const walk: Walk = {
    problems: [],
    bodies: [],
    overrides,
    labels: englishLabels,
    language: 'en',
  };
  if (!(await isDirectory(contentDir))) {
    return {
      works: [],
      chapters: [],
      problems: [
        problem(
          contentDir,
          1,
          'layout:no-content',
          'The content folder does not exist. Create it, or point CONTENT_DIR at the folder that holds your works.',
        ),
      ],
    };
  }
  let works = 0;
  for (const entry of await sortedEntries(contentDir)) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const found = await validateWork(path.join(contentDir, entry.name), walk);
    if (found) works += 1;
  }
  const { problems } = walk;
  for (const p of overrideProblems) problems.push(problem(p.file, p.line, p.ruleId, p.message));
  if (works === 0 && problems.length === 0) {
    problems.push(
      problem(
        contentDir,
        1,
        'layout:no-works',
        `No works found in ${contentDir}: a work is a folder holding ${workFile} and its chapters (01-<slug>.md, ...). Add one, or point CONTENT_DIR at your story folder.`,
      ),
    );
  }

  const rendered = await renderChapterBodies(walk.bodies);
  const checked: Record<Kind, CheckedEntry[]> = { work: [], chapter: [] };
  // A markup problem goes where the walk would have listed it: after its file's front matter.
  const mistakes: { at: number; problem: ContentProblem }[] = [];
  walk.bodies.forEach((body, index) => {
    const result = rendered[index]!;
    if ('mistake' in result) {
      const { line, column, ruleId, reason } = result.mistake;
      mistakes.push({
        at: body.problemsBefore,
        problem: problem(body.file, line, ruleId, reason, column),
      });
    } else {
      const { kind, id, file, frontmatter } = body;
      checked[kind].push({ id, file, frontmatter, ...result });
    }
  });
  for (const { at, problem } of mistakes.reverse()) problems.splice(at, 0, problem);
  return { problems, works: checked.work, chapters: checked.chapter };
}

/** What the walk over the folder gathers: problems so far, and bodies to render. */
interface Walk {
  problems: ContentProblem[];
  /** The author's interface strings: their markup words go into the chapters. */
  overrides: Overrides;
  /** The words the markup adds, in the language of the work being walked. */
  labels: MarkupLabels;
  /** The language of the work being walked. */
  language: string;
  bodies: {
    kind: Kind;
    id: string;
    file: string;
    body: string;
    labels: MarkupLabels;
    language: string;
    frontmatter: Record<string, unknown>;
    /** How many problems were listed before this body would have been checked. */
    problemsBefore: number;
  }[];
}

/** Validates one folder; returns false when it is not a work at all (no Markdown in it). */
async function validateWork(workDir: string, walk: Walk): Promise<boolean> {
  const { problems } = walk;
  const files = (await sortedEntries(workDir))
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => e.name);
  if (files.length === 0) return false;
  const workSlug = path.basename(workDir);
  if (!files.includes(workFile)) {
    problems.push(
      problem(
        path.join(workDir, workFile),
        1,
        'layout:missing-work-file',
        `The folder "${workSlug}" holds chapters but no ${workFile}. Add ${workFile} with the work's title, author and summary in its front matter.`,
      ),
    );
    return true;
  }
  if (!isSlug(workSlug)) {
    problems.push(
      problem(
        workDir,
        1,
        'layout:bad-slug',
        `The work folder "${workSlug}" is not a URL slug. Rename it to "${suggestSlug(workSlug)}" (lowercase letters, digits and hyphens).`,
      ),
    );
  }
  const work = await validateFile(path.join(workDir, workFile), 'work', walk, workSlug);
  const language = String(work?.data['language'] ?? 'en');
  walk.language = language;
  walk.labels = markupLabelsOf(stringsWithOverrides(walk.overrides, language, workSlug));

  const byNumber = new Map<number, string>();
  const bySlug = new Map<string, string>();
  const parted: {
    number: number;
    name: string;
    file: string;
    line: number;
    part: string | undefined;
  }[] = [];
  for (const name of files) {
    if (name === workFile) continue;
    const file = path.join(workDir, name);
    const parsed = parseChapterFileName(name);
    if (!parsed) {
      problems.push(
        problem(
          file,
          1,
          'layout:bad-chapter-name',
          `"${name}" is not a chapter file name. Name chapters "<number>-<slug>.md", e.g. "01-${suggestSlug(name.replace(/\.md$/, '')) || 'opening'}.md".`,
        ),
      );
      continue;
    }
    if (!isSlug(parsed.slug)) {
      problems.push(
        problem(
          file,
          1,
          'layout:bad-slug',
          `The chapter slug "${parsed.slug}" is not a URL slug. Rename the file to "${String(parsed.number).padStart(2, '0')}-${suggestSlug(parsed.slug)}.md".`,
        ),
      );
    } else if ((reservedChapterSlugs as readonly string[]).includes(parsed.slug)) {
      problems.push(
        problem(
          file,
          1,
          'layout:reserved-slug',
          `The chapter slug "${parsed.slug}" is taken by the work's own pages. Rename the file to use another slug.`,
        ),
      );
    }
    const sameNumber = byNumber.get(parsed.number);
    if (sameNumber) {
      problems.push(
        problem(
          file,
          1,
          'layout:duplicate-number',
          `Chapter number ${parsed.number} is used twice: "${sameNumber}" and "${name}". Renumber one of them so each chapter has its own number.`,
        ),
      );
    }
    byNumber.set(parsed.number, name);
    const checked = await validateFile(
      file,
      'chapter',
      walk,
      chapterEntryId(`${workSlug}/${name}`),
    );
    const data = checked?.data;
    if (checked) {
      const part = typeof data?.['part'] === 'string' ? data['part'] : undefined;
      parted.push({ number: parsed.number, name, file, line: checked.lineOf('part'), part });
    }
    for (const slug of [parsed.slug, ...(data?.aliases ?? [])]) {
      const owner = bySlug.get(slug);
      if (owner) {
        problems.push(
          problem(
            file,
            1,
            'layout:duplicate-slug',
            `The slug "${slug}" is used by both "${owner}" and "${name}" (as a file name or an alias): their URLs would collide. Give one of them another slug.`,
          ),
        );
      }
      bySlug.set(slug, name);
    }
  }
  // Parts are checked over the reading order, drafts included: publishing one never breaks them.
  parted.sort((a, b) => a.number - b.number);
  for (const found of partProblems(
    parted,
    (chapter) => chapter.part,
    (chapter) => chapter.name,
  )) {
    problems.push(problem(found.item.file, found.item.line, found.ruleId, found.message));
  }
  return true;
}

/**
 * Checks one file's front matter; its body joins the walk's bodies to render. Returns the parsed
 * data when the front matter is valid.
 */
async function validateFile(file: string, kind: Kind, walk: Walk, id: string) {
  const { problems } = walk;
  const source = await readFile(file, 'utf8');
  const read = readFrontMatter(source, kind);
  if (!read.ok) {
    for (const p of read.problems)
      problems.push(problem(file, p.line, p.ruleId, p.message, p.column));
    return undefined;
  }
  const { data, lineOf } = read;
  const checked = { data, lineOf };
  if (kind === 'work') problems.push(...(await coverProblems(data, file, lineOf)));
  for (const field of markdownFields[kind]) {
    const value = data[field];
    if (typeof value !== 'string') continue;
    const message = await checkMarkdown(value, file);
    if (message)
      problems.push(
        problem(
          file,
          lineOf(field),
          message.ruleId ?? 'markup',
          `In "${field}": ${message.reason}`,
        ),
      );
  }
  // A draft may be empty: `npm run new-chapter` starts one so. Anything published may not.
  if (kind === 'chapter' && read.body.trim() === '' && !data['draft']) {
    problems.push(
      problem(
        file,
        read.bodyLine,
        'chapter:empty',
        'The chapter has no text after its front matter. Write the chapter below the closing "---", or mark it "draft: true" until it is ready.',
      ),
    );
    return checked;
  }
  walk.bodies.push({
    kind,
    id,
    file,
    body: read.body,
    labels: walk.labels,
    language: walk.language,
    frontmatter: read.written,
    problemsBefore: problems.length,
  });
  return checked;
}

/**
 * A work's cover: `cover` and `coverAlt` come together, and the file is a picture the site can
 * publish, in the work's folder (the same checks as a chapter's pictures).
 */
async function coverProblems(
  data: Record<string, unknown>,
  file: string,
  lineOf: (field: string) => number,
): Promise<ContentProblem[]> {
  const { cover, coverAlt } = data;
  if (typeof cover !== 'string') {
    if (typeof coverAlt !== 'string') return [];
    return [
      problem(
        file,
        lineOf('coverAlt'),
        'cover:no-cover',
        'The work has "coverAlt" but no "cover". Add the picture\'s file name: cover: cover.jpg (a file beside work.md), or remove "coverAlt".',
      ),
    ];
  }
  const found: ContentProblem[] = [];
  if (typeof coverAlt !== 'string') {
    found.push(
      problem(
        file,
        lineOf('cover'),
        'cover:alt',
        'The cover has no "coverAlt": a reader who can\'t see it would hear nothing. Describe what it shows: coverAlt: "Two phones glowing on a bedside table at night".',
      ),
    );
  }
  const checked = await checkImageFile(cover, file, path.dirname(file));
  if (isImageProblem(checked)) {
    found.push(problem(file, lineOf('cover'), checked.ruleId, `The cover: ${checked.message}`));
  }
  return found;
}

/** Runs the site's remark plugins over `markdown`; returns the first author's mistake, if any. */
async function checkMarkdown(markdown: string, file: string): Promise<VFileMessage | undefined> {
  // A field is not a chapter's text: pictures are refused there (images.ts).
  const vfile = new VFile({ value: markdown, path: file, data: { field: true } });
  try {
    await markdownChecker.run(markdownChecker.parse(vfile), vfile);
    return undefined;
  } catch (error) {
    if (isVFileMessage(error)) return error;
    throw error;
  }
}

function problem(
  file: string,
  line: number,
  ruleId: string,
  message: string,
  column?: number,
): ContentProblem {
  return column === undefined
    ? { file, line, ruleId, message }
    : { file, line, column, ruleId, message };
}

function isVFileMessage(error: unknown): error is VFileMessage {
  return error instanceof Error && 'ruleId' in error && 'reason' in error;
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function sortedEntries(dir: string) {
  return (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
}

/** `content/work/01-a.md:12:3  flashback:unclosed  This ":::flashback" is never closed...` */
export function formatProblem(p: ContentProblem, cwd = process.cwd()): string {
  const where = `${path.relative(cwd, p.file) || p.file}:${p.line}${p.column ? `:${p.column}` : ''}`;
  return `${where}  ${p.message}  [${p.ruleId}]`;
}
