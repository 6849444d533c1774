import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where a chapter's rendered HTML lives between loading and pages: a file in Astro's cache
 * folder, named in the collection entry as `rendered.metadata.htmlFile`. It stays out of the
 * entry because Astro bundles its whole data store into the build as one JavaScript string:
 * 120 MB at L, which cost 7 s of bundling and hundreds of megabytes of memory.
 */
export async function writeChapterHtml(dir: string, id: string, html: string): Promise<string> {
  const file = path.join(dir, `${id}.html`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, html);
  return file;
}

/** The HTML {@link writeChapterHtml} left for a chapter entry. */
export function readChapterHtml(entry: {
  rendered?: { metadata?: Record<string, unknown> };
}): Promise<string> {
  const file = entry.rendered?.metadata?.['htmlFile'];
  if (typeof file !== 'string') throw new Error('a chapter entry without its rendered HTML file');
  return readFile(file, 'utf8');
}
