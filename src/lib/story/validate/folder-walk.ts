// The walk over a story folder: which folders are works, chapter file names and numbers, slugs
// and aliases that would collide, parts in reading order. Each file it finds is checked by
// front-matter.ts.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { markupLabelsOf } from '../../i18n/index.ts';
import { stringsWithOverrides } from '../../i18n/overrides.ts';
import {
  chapterEntryId,
  isSlug,
  parseChapterFileName,
  reservedChapterSlugs,
  suggestSlug,
  workFile,
} from '../layout.ts';
import { partProblems } from '../parts.ts';
import { validateFile, type Walk } from './front-matter.ts';
import { problem } from './problems.ts';

/** Validates one folder; returns false when it is not a work at all (no Markdown in it). */
export async function validateWork(workDir: string, walk: Walk): Promise<boolean> {
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

export async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

export async function sortedEntries(dir: string) {
  return (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
}
