import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { workFile } from './layout.ts';

/**
 * The language the search index is built in: one index for the whole library, so a search from
 * any page finds every work (Pagefind would otherwise split the index by `<html lang>`, and a
 * page searches only its own language's part: measured on the six-language fixture, a search
 * for "boulangerie" from the Chinese work found nothing).
 *
 * - Works that all share one primary language: that language, stemmed where Pagefind can.
 * - Works in several languages, one of them Chinese, Japanese or Korean: that language (Chinese
 *   first), since only a CJK index segments words written without spaces; words of the other
 *   works are still found whole and by their start ("boulangerie", "хлеб").
 * - Otherwise the language most works share, whose stemmer then reads query and text alike.
 */
export function searchLanguage(contentDir: string): string | undefined {
  const primaries = workLanguages(contentDir).map((tag) => tag.split('-')[0]!.toLowerCase());
  const distinct = new Set(primaries);
  if (distinct.size <= 1) return [...distinct][0];
  const cjk = ['zh', 'ja', 'ko'].find((language) => distinct.has(language));
  if (cjk) return cjk;
  const counts = new Map<string, number>();
  for (const language of primaries) counts.set(language, (counts.get(language) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** Each work's `language` (BCP 47; `en` when it names none), in folder order. */
function workLanguages(contentDir: string): string[] {
  const languages: string[] = [];
  for (const entry of safeReaddir(contentDir).sort()) {
    const file = path.join(contentDir, entry, workFile);
    let language: unknown;
    try {
      language = parseFrontmatter(readFileSync(file, 'utf8')).frontmatter['language'];
    } catch {
      continue; // not a work, or a broken one: the content check reports it
    }
    languages.push(typeof language === 'string' ? language : 'en');
  }
  return languages;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
