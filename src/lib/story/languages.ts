import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { workFile } from './layout.ts';

/**
 * The one primary language (`en` for `en` and `en-GB`) of every work in a story folder, or
 * undefined when the works are in several languages. Search indexes such a library as one
 * language, so a search from any page finds every work; stemming is the same for both.
 */
export function sharedPrimaryLanguage(contentDir: string): string | undefined {
  const primaries = new Set<string>();
  for (const entry of safeReaddir(contentDir)) {
    const file = path.join(contentDir, entry, workFile);
    let language: unknown;
    try {
      language = parseFrontmatter(readFileSync(file, 'utf8')).frontmatter['language'];
    } catch {
      continue; // not a work, or a broken one: the content check reports it
    }
    primaries.add((typeof language === 'string' ? language : 'en').split('-')[0]!.toLowerCase());
  }
  return primaries.size === 1 ? [...primaries][0] : undefined;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
