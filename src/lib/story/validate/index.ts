// Checks a story folder against the content contract in one pass, and keeps what it renders.
// The rooms: folder-walk.ts (layout, names, numbers, slugs, parts), front-matter.ts (one file's
// fields), markdown-fields.ts (summaries and notes), cover.ts (a work's cover picture); chapter
// bodies are rendered, and so checked, in worker threads (../render-pool.ts).
import path from 'node:path';
import { readOverrides } from '../../i18n/overrides.ts';
import { englishLabels } from '../../markup/labels.ts';
import type { Kind } from '../front-matter.ts';
import { workFile } from '../layout.ts';
import { renderChapterBodies } from '../render-pool.ts';
import { isDirectory, sortedEntries, validateWork } from './folder-walk.ts';
import type { Walk } from './front-matter.ts';
import { problem, type ContentProblem } from './problems.ts';

export { formatProblem, type ContentProblem } from './problems.ts';

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
export async function validateContent(
  contentDir: string,
  options: CheckOptions = {},
): Promise<ContentProblem[]> {
  return (await checkStory(contentDir, options)).problems;
}

export interface CheckOptions {
  /** Check only these work folders (by name): an import checks the work it wrote. */
  works?: string[];
}

/**
 * {@link validateContent}, keeping what it renders: a file's markup is checked by rendering it
 * (in worker threads, see render-pool.ts), so the build renders each file once, here.
 */
export async function checkStory(
  contentDir: string,
  { works: only }: CheckOptions = {},
): Promise<StoryCheck> {
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
    if (only && !only.includes(entry.name)) continue;
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
