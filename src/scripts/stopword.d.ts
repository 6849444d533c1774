// The `stopword` package's per-language lists (its source modules, which it ships untyped):
// each exports one array of words, named for its ISO 639-3 code.
declare module 'stopword/src/*';
