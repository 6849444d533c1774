// The interface in the reader's language: every string a reader sees comes from one table per
// language (src/lib/i18n/ui/<tag>.ts), chosen by the work's `language` (or the site's, for the
// site's own pages); numbers, dates and plurals from `Intl`. An author can override any string
// for the site or for one work (overrides.ts). No i18n framework: `Intl` does the formatting,
// and the tables are plain objects that `astro check` and a unit test hold to English's keys.
import { en, type Entry, type Key } from './ui/en.ts';
import { tables } from './ui/index.ts';
import type { MarkupLabels } from '../markup/labels.ts';

export type { Entry, Key } from './ui/en.ts';

/** Strings of one table, by key: a string, or plural forms by `Intl.PluralRules` category. */
export type Table = Record<Key, Entry>;

/** What a page needs to speak its reader's language. */
export interface Strings {
  /** The content's language (BCP 47), for `lang`. */
  tag: string;
  /** The table used: `tag` itself, its nearest table (`zh-TW` → `zh-Hant`), or `en`. */
  table: string;
  /** Writing direction of `tag`, for `dir`. */
  dir: 'ltr' | 'rtl';
  /** The string `key` with `{placeholders}` filled (numbers formatted); `count` picks a plural. */
  t(key: Key, vars?: Record<string, string | number>): string;
  /** The raw entries of `keys`, for a client script (data-strings); it formats them itself. */
  pick(keys: readonly Key[]): Partial<Record<Key, Entry>>;
  /** `12345` → "12,345" / "12 345" / "١٢٬٣٤٥". */
  number(value: number): string;
  /** A date in the language's long form, in UTC ("1 May 2024", "2024年5月1日"). */
  date(value: Date, style?: 'long' | 'medium'): string;
  /** A reading time: "13 min", "1 h 15 min", "13 分钟". */
  minutes(value: number): string;
  /** The language's own name: "English", "中文", "العربية". */
  languageName(): string;
}

// Scripts written right to left, for runtimes without `Intl.Locale#getTextInfo` (Firefox before
// 2025, older Node): Arabic, Persian, Dari, Pashto, Urdu, Sindhi, Uyghur, Kurdish (Sorani),
// Divehi, Hebrew, Yiddish, Syriac, N'Ko, Adlam (the list Starlight and CLDR agree on).
const rtlLanguages = new Set([
  'ar',
  'fa',
  'prs',
  'ps',
  'ur',
  'sd',
  'ug',
  'ckb',
  'dv',
  'he',
  'iw',
  'yi',
  'syc',
  'syr',
  'nqo',
  'ff-Adlm',
]);
const rtlScripts = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand']);

/** `rtl` for a language written right to left (`ar`, `he`, `fa`, `ur`, `az-Arab`…), else `ltr`. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return 'ltr';
  }
  const info = locale as Intl.Locale & {
    getTextInfo?: () => { direction?: string };
    textInfo?: { direction?: string };
  };
  const direction = info.getTextInfo?.().direction ?? info.textInfo?.direction;
  if (direction === 'rtl' || direction === 'ltr') return direction;
  if (locale.script) return rtlScripts.has(locale.script) ? 'rtl' : 'ltr';
  return rtlLanguages.has(locale.language) ? 'rtl' : 'ltr';
}

// Said once per build, though the content check and the pages load this module apart.
const announced: Set<string> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('fiction-reader:i18n:announced')
] ??= new Set<string>()) as Set<string>;

/**
 * The table for `tag`: itself; Chinese by script (`zh`, `zh-CN`, `zh-SG` → `zh-Hans`; `zh-TW`,
 * `zh-HK`, `zh-MO` → `zh-Hant`); else its language (`pt-BR` → `pt`); else English, said once
 * per build in its log.
 */
export function tableFor(tag: string): string {
  const names = Object.keys(tables);
  const exact = names.find((name) => name.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  let locale: Intl.Locale | undefined;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    locale = undefined;
  }
  if (locale?.language === 'zh') {
    const table = locale.maximize().script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
    if (table in tables) return table;
  }
  const base = names.find((name) => name === locale?.language);
  if (base) return base;
  if (!announced.has(tag)) {
    announced.add(tag);
    console.warn(
      `[fiction-reader:i18n] no interface table for language "${tag}": its pages use English. Add src/lib/i18n/ui/${locale?.language ?? tag}.ts (docs/writing.md, "Languages").`,
    );
  }
  return 'en';
}

const placeholder = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; numbers are formatted for `tag`. */
export function fill(
  text: string,
  vars: Record<string, string | number>,
  format: (value: number) => string,
  isolate: (value: string) => string = (value) => value,
): string {
  return text.replace(placeholder, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return isolate(typeof value === 'number' ? format(value) : value);
  });
}

/** The plural form of `entry` for `count` in `tag` (`other` when the language has no such form). */
export function pluralOf(entry: Entry, count: number, tag: string): string {
  if (typeof entry === 'string') return entry;
  const category = new Intl.PluralRules(tag).select(count) as keyof typeof entry;
  return entry[category] ?? entry.other;
}

/**
 * The strings of `tag` (a work's `language`), with an author's `overrides` on top (the site's
 * for that language, then the work's: overrides.ts).
 */
export function stringsFor(tag: string, overrides: Partial<Table> = {}): Strings {
  const table = tableFor(tag);
  const entries: Table = { ...en, ...tables[table], ...overrides };
  const numbers = new Intl.NumberFormat(tag);
  const number = (value: number) => numbers.format(value);
  const dir = textDirection(tag);
  // In a right-to-left page each filled-in value (a title, a size, an address) is a run of its
  // own (first-strong isolate): "(456 KB)" does not come out as "(KB 456)".
  const isolate = dir === 'rtl' ? (value: string) => `\u2068${value}\u2069` : undefined;
  const t = (key: Key, vars: Record<string, string | number> = {}) => {
    const entry = entries[key];
    const count = vars['count'];
    return fill(
      typeof count === 'number' ? pluralOf(entry, count, tag) : pluralOf(entry, 0, 'en'),
      vars,
      number,
      isolate,
    );
  };
  return {
    tag,
    table,
    dir,
    t,
    pick: (keys) => Object.fromEntries(keys.map((key) => [key, entries[key]])),
    number,
    date: (value, style = 'long') =>
      new Intl.DateTimeFormat(tag, { dateStyle: style, timeZone: 'UTC' }).format(value),
    minutes(value) {
      if (value < 60) return t('time.minutes', { count: value });
      const hours = Math.floor(value / 60);
      const rest = value % 60;
      return rest === 0
        ? t('time.hours', { count: hours })
        : t('time.hoursMinutes', { hours, minutes: rest, count: rest });
    },
    languageName() {
      try {
        return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
  };
}

/** The words the markup adds to a chapter (src/lib/markup/labels.ts), from `strings`. */
export function markupLabelsOf(strings: Strings): MarkupLabels {
  const { t } = strings;
  const raw = (key: Key) => t(key, {}); // templates keep their {placeholders}
  return {
    flashback: raw('markup.flashback'),
    flashbackWhen: raw('markup.flashbackWhen'),
    flashbackEnd: raw('markup.flashbackEnd'),
    sceneBreak: raw('markup.sceneBreak'),
    scene: raw('markup.scene'),
    messages: raw('markup.messages'),
    messagesEnd: raw('markup.messagesEnd'),
    letter: raw('markup.letter'),
    letterEnd: raw('markup.letterEnd'),
    note: raw('markup.note'),
    noteEnd: raw('markup.noteEnd'),
    diary: raw('markup.diary'),
    diaryEnd: raw('markup.diaryEnd'),
    email: raw('markup.email'),
    emailEnd: raw('markup.emailEnd'),
    verse: raw('markup.verse'),
    verseEnd: raw('markup.verseEnd'),
    epigraph: raw('markup.epigraph'),
    table: raw('markup.table'),
    footnotes: raw('markup.footnotes'),
    footnote: raw('markup.footnote'),
    backToText: raw('markup.backToText'),
  };
}

/** The placeholders an entry uses, sorted: for checking a translation or an override. */
export function placeholdersOf(entry: Entry): string[] {
  const texts = typeof entry === 'string' ? [entry] : Object.values(entry);
  const names = new Set<string>();
  for (const text of texts) for (const [, name] of text.matchAll(placeholder)) names.add(name!);
  return [...names].sort();
}
