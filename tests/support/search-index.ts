import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** A Pagefind fragment: one indexed page as the search sees it. */
export interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text: string; title?: string }[];
}

/** Every fragment of a built site's search index, decompressed. */
export function readFragments(dist: string): Fragment[] {
  const dir = path.join(dist, 'pagefind/fragment');
  return readdirSync(dir).map((file) => {
    const bytes = gunzipSync(readFileSync(path.join(dir, file)));
    return JSON.parse(bytes.subarray('pagefind_dcd'.length).toString('utf8')) as Fragment;
  });
}
