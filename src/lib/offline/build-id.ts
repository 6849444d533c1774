// Every build has an id: the hash of the files it wrote. Pages carry it (`<html data-build>`),
// Pagefind's entry is fetched under it (`metaCacheTag`), and the service worker names its
// caches by it, so that a page is never shown with another build's files. Build-time only.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What pages carry until the build step stamps them (and what `astro dev` pages keep). */
export const unstampedBuild = 'unstamped';

/**
 * The id of a built site: 12 hex digits of a SHA-256 over every file's path and bytes, in path
 * order. The same files give the same id, so a rebuild of unchanged content is no update for
 * readers; any changed byte (a chapter, a script, a chapter the clock published) is one.
 */
export async function buildIdOf(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(dir, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Writes the build's id into every page (`data-build="unstamped"` → `data-build="<id>"`). */
export async function stampPages(dir: string, id: string): Promise<number> {
  const pages = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.html'));
  let stamped = 0;
  // As bytes, not strings: at L the pages are 300 MB, and their strings (two bytes a character
  // once a curly quote is in) piled up for the garbage collector beside Pagefind's peak.
  const marker = Buffer.from(`data-build="${unstampedBuild}"`);
  const stamp = Buffer.from(`data-build="${id}"`);
  for (const page of pages) {
    const file = path.join(dir, page);
    const html = await readFile(file);
    const at = html.indexOf(marker);
    if (at < 0) continue;
    await writeFile(
      file,
      Buffer.concat([html.subarray(0, at), stamp, html.subarray(at + marker.length)]),
    );
    stamped += 1;
  }
  return stamped;
}
