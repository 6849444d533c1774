import { strToU8, zipSync, type Zippable } from 'fflate';
import { cached, cacheKey } from '../build-cache/index.ts';

/** One file of an EPUB container, in the order it is written. */
export interface ContainerFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Zips an EPUB's files reproducibly: `mimetype` first and stored (uncompressed, no extra field),
 * as the OCF specification requires of the first entry so that readers can sniff the type; every
 * other file deflated; every entry stamped with `modified`, so the same content always gives
 * the same bytes.
 */
export function zipEpub(files: ContainerFile[], modified: Date): Uint8Array {
  // fflate writes a DOS timestamp from the Date's *local* fields: give it a Date whose local
  // fields are the UTC ones we mean, so the bytes do not depend on the build machine's zone.
  // A zip timestamp holds the years 1980 to 2099 here (fflate's range): a Victorian novel's date,
  // or a chapter a preview shows scheduled for 2999, is clamped to it.
  const clamped = new Date(
    Math.min(Math.max(modified.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2099, 11, 31)),
  );
  const mtime = new Date(
    clamped.getUTCFullYear(),
    clamped.getUTCMonth(),
    clamped.getUTCDate(),
    clamped.getUTCHours(),
    clamped.getUTCMinutes(),
    clamped.getUTCSeconds(),
  );
  const entries: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0, mtime }],
  };
  for (const { path, content } of files) {
    if (path === 'mimetype') continue;
    entries[path] = [typeof content === 'string' ? strToU8(content) : content, { level: 6, mtime }];
  }
  return zipSync(entries);
}

/**
 * {@link zipEpub}, or the same bytes from the build cache when an earlier build zipped exactly
 * these files with this date: deflating is most of the cost of an EPUB, and an edit to one
 * work leaves the others' files as they were.
 */
export function cachedZipEpub(files: ContainerFile[], modified: Date): Promise<Uint8Array> {
  return cached(
    'epubs',
    () =>
      cacheKey('epubs', [
        modified.toISOString(),
        ...files.flatMap(({ path, content }) => [path, content]),
      ]),
    async () => zipEpub(files, modified),
  );
}
