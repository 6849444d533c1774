// Pagefind's fragments as the build reads them back: one per indexed page, gzip with a
// `pagefind_dcd` signature before its JSON. Build-time only (Node).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** What this site reads of a fragment. */
export interface Fragment {
  /** The fragment's file name in `pagefind/fragment/`. */
  file: string;
  /** The page's URL (with the site's base path). */
  url: string;
  /** The page's indexed text, as Pagefind searches it. */
  content: string;
  meta: Record<string, string>;
}

/** Every fragment of the index in `dir` (the site's `pagefind` folder), by file name. */
export function readFragments(dir: string): Fragment[] {
  const folder = path.join(dir, 'fragment');
  return readdirSync(folder)
    .sort()
    .map((file) => {
      const text = gunzipSync(readFileSync(path.join(folder, file))).toString('utf8');
      const fragment = JSON.parse(text.slice(text.indexOf('{'))) as Omit<Fragment, 'file'>;
      return { file, url: fragment.url, content: fragment.content, meta: fragment.meta ?? {} };
    });
}
