// An author's own words for the interface, from the content folder:
//
// - `<content>/interface.yml`, for the whole site, by language:
//
//   ```yaml
//   en:
//     work.startReading: Begin the story
//   fr:
//     work.startReading: Commencer
//   ```
//
// - `<content>/<work>/interface.yml`, for one work, in the work's language:
//
//   ```yaml
//   work.startReading: Begin the story
//   work.chapters: { one: '{count} part', other: '{count} parts' }
//   ```
//
// The work's file wins over the site's, which wins over the table. Both are checked like the
// rest of the content (a key that does not exist, a placeholder English does not have, a
// plural without `other`), each problem at its line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import { en, type Entry, type Key } from './ui/en.ts';
import { placeholdersOf, stringsFor, type Strings } from './index.ts';

/** The file name of an interface override, at the content folder's top or in a work's folder. */
export const overridesFile = 'interface.yml';

/** Every override of a story folder: the site's by language, each work's by slug. */
export interface Overrides {
  site: Record<string, Partial<Record<Key, Entry>>>;
  works: Record<string, Partial<Record<Key, Entry>>>;
}

/** A mistake in an override file, at its line. */
export interface OverrideProblem {
  file: string;
  line: number;
  ruleId: string;
  message: string;
}

/**
 * The strings for `language` with the author's words on top: the site's for the language (its
 * primary subtag's, then its own: `fr`, then `fr-CA`), then, for a work, the work's.
 */
export function stringsWithOverrides(
  overrides: Overrides,
  language: string,
  work?: string,
): Strings {
  return stringsFor(language, {
    ...overrides.site[language.split('-')[0]!],
    ...overrides.site[language],
    ...(work ? overrides.works[work] : {}),
  });
}

const languageTag = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const pluralCategories = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** Reads (and checks) every override file of `contentDir`. */
export function readOverrides(contentDir: string): {
  overrides: Overrides;
  problems: OverrideProblem[];
} {
  const overrides: Overrides = { site: {}, works: {} };
  const problems: OverrideProblem[] = [];
  const siteFile = path.join(contentDir, overridesFile);
  if (existsSync(siteFile)) {
    const read = readFile(siteFile, problems);
    for (const pair of read?.items ?? []) {
      const language = String(isScalar(pair.key) ? pair.key.value : '');
      if (!languageTag.test(language) || !isMap(pair.value)) {
        problems.push({
          file: siteFile,
          line: read!.lineOf(pair),
          ruleId: 'interface:language',
          message: `"${language}" should be a language (en, fr, zh-Hans…) holding the strings to replace for works in it:\n  ${language || 'fr'}:\n    work.startReading: Commencer`,
        });
        continue;
      }
      overrides.site[language] = entriesOf(
        pair.value.items as Pair[],
        siteFile,
        read!.lineOf,
        problems,
      );
    }
  }
  let folders: string[] = [];
  try {
    folders = readdirSync(contentDir);
  } catch {
    folders = [];
  }
  for (const work of folders.sort()) {
    const file = path.join(contentDir, work, overridesFile);
    if (!existsSync(file)) continue;
    const read = readFile(file, problems);
    if (read) overrides.works[work] = entriesOf(read.items, file, read.lineOf, problems);
  }
  return { overrides, problems };
}

function readFile(file: string, problems: OverrideProblem[]) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    problems.push({
      file,
      line: error.linePos?.[0].line ?? 1,
      ruleId: 'interface:yaml',
      message: `This file is not valid YAML: ${error.message.split('\n')[0]}. Write one "key: text" a line.`,
    });
    return undefined;
  }
  const lineOf = (pair: Pair) =>
    lineCounter.linePos((pair.key as { range?: [number] }).range?.[0] ?? 0).line;
  if (doc.contents !== null && !isMap(doc.contents)) {
    problems.push({
      file,
      line: 1,
      ruleId: 'interface:yaml',
      message: 'This file should hold "key: text" lines, e.g. "work.startReading: Begin".',
    });
    return undefined;
  }
  return { items: (doc.contents?.items ?? []) as Pair[], lineOf };
}

function entriesOf(
  pairs: Pair[],
  file: string,
  lineOf: (pair: Pair) => number,
  problems: OverrideProblem[],
): Partial<Record<Key, Entry>> {
  const entries: Partial<Record<Key, Entry>> = {};
  for (const pair of pairs) {
    const key = String(isScalar(pair.key) ? pair.key.value : '');
    const line = lineOf(pair);
    const fail = (ruleId: string, message: string) =>
      problems.push({ file, line, ruleId, message });
    if (!Object.hasOwn(en, key)) {
      const near = Object.keys(en).find((k) => k.toLowerCase() === key.toLowerCase());
      fail(
        'interface:unknown-key',
        `There is no interface string "${key}".${near ? ` Did you mean "${near}"?` : ''} The keys are listed in src/lib/i18n/ui/en.ts.`,
      );
      continue;
    }
    const value = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
    const entry = toEntry(value);
    if (!entry) {
      fail(
        'interface:value',
        `"${key}" should be text, or plural forms with "other": ${key}: { one: '…', other: '…' }.`,
      );
      continue;
    }
    const allowed = new Set(placeholdersOf(en[key as Key]));
    const unknown = placeholdersOf(entry).filter((name) => !allowed.has(name));
    if (unknown.length > 0) {
      fail(
        'interface:placeholder',
        `"${key}" uses {${unknown.join('}, {')}}, which this string does not fill: it would show as written. It can use ${allowed.size > 0 ? [...allowed].map((n) => `{${n}}`).join(', ') : 'no placeholder'}.`,
      );
      continue;
    }
    entries[key as Key] = entry;
  }
  return entries;
}

function toEntry(value: unknown): Entry | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const forms = Object.entries(value);
  if (!forms.every(([name, text]) => pluralCategories.has(name) && typeof text === 'string'))
    return undefined;
  if (typeof (value as { other?: unknown }).other !== 'string') return undefined;
  return value as Entry;
}
