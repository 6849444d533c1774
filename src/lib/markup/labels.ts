import type { VFile } from 'vfile';
import { markupLabelsOf, stringsFor } from '../i18n/index.ts';

/**
 * The words the markup adds to an author's text ("Flashback: …", "End of letter", "Scene break",
 * "Footnotes"), in the work's language: set on the file (`file.data.labels`) by whoever renders
 * it (index.ts, from the interface table: src/lib/i18n); English when none is set. Templates
 * keep their `{when}`, `{number}` placeholders, filled by the plugins.
 */
export interface MarkupLabels {
  flashback: string;
  flashbackWhen: string;
  flashbackEnd: string;
  sceneBreak: string;
  scene: string;
  messages: string;
  messagesEnd: string;
  letter: string;
  letterEnd: string;
  note: string;
  noteEnd: string;
  diary: string;
  diaryEnd: string;
  email: string;
  emailEnd: string;
  verse: string;
  verseEnd: string;
  epigraph: string;
  table: string;
  footnotes: string;
  footnote: string;
  backToText: string;
}

/** The labels in English: the English interface table's, as for any other language. */
export const englishLabels: MarkupLabels = markupLabelsOf(stringsFor('en'));

/** The labels a file is rendered with. */
export function labelsOf(file: VFile | undefined): MarkupLabels {
  return (file?.data as { labels?: MarkupLabels } | undefined)?.labels ?? englishLabels;
}

/** `template` with `{name}` filled from `values`. */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );
}
