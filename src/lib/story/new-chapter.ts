import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extractFrontmatter, parseFrontmatter } from '@astrojs/markdown-remark';
import { parseChapterFileName, reservedChapterSlugs, workFile } from './layout.ts';
import { titleSlug } from '../slug.ts';

/** The next chapter of a work, as {@link planNewChapter} names it. */
export interface NewChapterPlan {
  fileName: string;
  number: number;
  slug: string;
  /** The file's text: front matter with the title and `draft: true`, and no text yet. */
  content: string;
}

/**
 * Names the next chapter of a work from the chapter files it already holds: the number after
 * the highest, written as wide as the existing numbers (`07` after `06`, `010` after `009`),
 * and a slug made from the title, made unique against every slug and alias in use.
 */
export function planNewChapter(
  existing: { fileName: string; aliases?: string[] }[],
  title: string,
): NewChapterPlan {
  const cleanTitle = title.trim();
  if (!cleanTitle)
    throw new Error('The chapter needs a title: npm run new-chapter -- <work> "Title"');
  const chapters = existing.flatMap(({ fileName, aliases = [] }) => {
    const parsed = parseChapterFileName(fileName);
    return parsed ? [{ ...parsed, digits: fileName.indexOf('-'), aliases }] : [];
  });
  const number = Math.max(0, ...chapters.map((c) => c.number)) + 1;
  const digits = Math.max(2, ...chapters.map((c) => c.digits));
  const taken = new Set<string>([
    ...reservedChapterSlugs,
    ...chapters.flatMap((c) => [c.slug, ...c.aliases]),
  ]);
  const wanted = cleanTitle ? titleSlug(cleanTitle, 8, 'chapter') : `chapter-${number}`;
  let slug = wanted;
  for (let n = 2; taken.has(slug); n += 1) slug = `${wanted}-${n}`;
  return {
    fileName: `${String(number).padStart(digits, '0')}-${slug}.md`,
    number,
    slug,
    content: [
      '---',
      // A JSON string is a valid YAML double-quoted string: any title stays as typed.
      `title: ${JSON.stringify(cleanTitle)}`,
      '# Remove "draft: true" to publish with the next build, or add a date to schedule it:',
      '# published: 2026-12-04T18:00 (UTC unless a zone follows, e.g. +01:00)',
      'draft: true',
      '---',
      '',
      '',
    ].join('\n'),
  };
}

/**
 * Writes the next chapter file of `work` in `contentDir` and returns its path. Never replaces a
 * file: the write itself fails if the name was taken in the meantime.
 */
export async function createNewChapter(
  contentDir: string,
  work: string,
  title: string,
): Promise<{ file: string; plan: NewChapterPlan }> {
  const workDir = path.join(contentDir, work);
  const names = await readdir(workDir).catch(async () => {
    const works = (await readdir(contentDir, { withFileTypes: true }).catch(() => []))
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name);
    throw new Error(
      `There is no work "${work}" in ${contentDir}.${works.length ? ` Works there: ${works.join(', ')}.` : ''} Name the work by its folder.`,
    );
  });
  if (!names.includes(workFile)) {
    throw new Error(
      `${workDir} has no ${workFile}. Create it first with the work's title, author and summary.`,
    );
  }
  const existing = await Promise.all(
    names
      .filter((name) => name !== workFile && name.endsWith('.md'))
      .map(async (fileName) => ({
        fileName,
        aliases: await aliasesOf(path.join(workDir, fileName)),
      })),
  );
  const plan = planNewChapter(existing, title);
  const file = path.join(workDir, plan.fileName);
  await writeFile(file, plan.content, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') throw new Error(`${file} already exists; nothing was written.`);
    throw error;
  });
  return { file, plan };
}

/** The `aliases` a chapter file claims, so a new slug never collides with an old URL. */
async function aliasesOf(file: string): Promise<string[]> {
  const source = await readFile(file, 'utf8');
  if (extractFrontmatter(source) === undefined) return [];
  try {
    const aliases = parseFrontmatter(source).frontmatter['aliases'];
    return Array.isArray(aliases) ? aliases.map(String) : [];
  } catch {
    return []; // malformed front matter: `npm run check` names it
  }
}
