import path from 'node:path';
import { titleSlug } from '../slug.ts';

/** The file every work folder must hold. */
export const workFile = 'work.md';

/** Slugs a chapter cannot take because the work's own pages use them. */
export const reservedChapterSlugs = ['all'] as const;

const chapterFilePattern = /^(\d+)-(.+)\.md$/;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `"03-the-farm.md"` -> `{ number: 3, slug: "the-farm" }`; anything else -> undefined. */
export function parseChapterFileName(
  fileName: string,
): { number: number; slug: string } | undefined {
  const match = chapterFilePattern.exec(fileName);
  if (!match?.[1] || !match[2]) return undefined;
  return { number: Number.parseInt(match[1], 10), slug: match[2] };
}

/** True for a lowercase URL slug: letters, digits, single hyphens. */
export function isSlug(value: string): boolean {
  return slugPattern.test(value);
}

/** A URL slug suggested for an arbitrary name (`"The Farm!"` -> `"the-farm"`). */
export function suggestSlug(name: string): string {
  return titleSlug(name, Infinity, 'work');
}

/** The story folder a build reads: `CONTENT_DIR` if set, else `./content`, made absolute. */
export function resolveContentDir(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): string {
  return path.resolve(cwd, env['CONTENT_DIR'] || 'content');
}

/** The glob loader's id of a chapter file: `"<work>/<NN-slug>"`. */
export function chapterEntryId(entryPath: string): string {
  return entryPath.replace(/\.md$/, '');
}
