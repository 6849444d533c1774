// How search compares words: the query's, the text's, the word lists'. Pure; build and browser.

/** Lowercase words without apostrophes, diacritics or punctuation, single-spaced. */
export function foldForMatching(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}
