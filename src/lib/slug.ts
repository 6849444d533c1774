/**
 * A URL slug of any text: ASCII letters and digits joined by hyphens, diacritics folded,
 * apostrophes dropped (`"Clark's Farm!"` -> `clarks-farm`); at most `maxWords` words.
 */
export function slugify(text: string, maxWords = Infinity): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/['’‘ʼ]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}
