// Which stop-word list of the `stopword` package serves a language: its lists are named by ISO
// 639-3 code. The browser loads the list of the page's language (src/scripts/stop-words.ts); the
// offline app shell keeps only the lists of the site's languages (src/lib/offline/work-files.ts).

/** BCP 47 primary language subtag → the package's list (`stopwords_<code>.js`). */
export const stopWordLists: Readonly<Record<string, string>> = {
  ar: 'ara',
  de: 'deu',
  en: 'eng',
  es: 'spa',
  fr: 'fra',
  he: 'heb',
  id: 'ind',
  it: 'ita',
  ja: 'jpn',
  ko: 'kor',
  nl: 'nld',
  pl: 'pol',
  pt: 'por',
  ru: 'rus',
  sv: 'swe',
  tr: 'tur',
  uk: 'ukr',
  vi: 'vie',
  zh: 'zho',
};

/** The list for a language tag (`en-GB` → `eng`), or undefined when the package has none. */
export function stopWordListOf(language: string): string | undefined {
  return stopWordLists[language.toLowerCase().split('-')[0] ?? ''];
}
