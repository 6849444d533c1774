// Every interface table, by BCP 47 tag. To add a language: copy es.ts to <tag>.ts, translate
// each entry (keeping its {placeholders}, and giving every plural form `Intl.PluralRules` has
// for the language), and list it here; the compiler and tests/unit/i18n.test.ts hold it to
// English's keys.
import { ar } from './ar.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { he } from './he.ts';
import { id } from './id.ts';
import { it } from './it.ts';
import { ja } from './ja.ts';
import { ko } from './ko.ts';
import { nl } from './nl.ts';
import { pl } from './pl.ts';
import { pt } from './pt.ts';
import { ru } from './ru.ts';
import { sv } from './sv.ts';
import { tr } from './tr.ts';
import type { Table } from './types.ts';
import { uk } from './uk.ts';
import { vi } from './vi.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

export const tables: Record<string, Table> = {
  en,
  es,
  fr,
  de,
  it,
  pt,
  ru,
  uk,
  pl,
  tr,
  nl,
  sv,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ja,
  ko,
  ar,
  he,
  id,
  vi,
};
