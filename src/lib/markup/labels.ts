import type { VFile } from 'vfile';

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

/** The labels in English. */
export const englishLabels: MarkupLabels = {
  flashback: 'Flashback',
  flashbackWhen: 'Flashback: {when}',
  flashbackEnd: 'End of flashback',
  sceneBreak: 'Scene break',
  scene: 'Scene {number}',
  messages: 'Messages',
  messagesEnd: 'End of messages',
  letter: 'Letter',
  letterEnd: 'End of letter',
  note: 'Note',
  noteEnd: 'End of note',
  diary: 'Diary entry',
  diaryEnd: 'End of diary entry',
  email: 'Email',
  emailEnd: 'End of email',
  verse: 'Verse',
  verseEnd: 'End of verse',
  epigraph: 'Epigraph',
  table: 'Table',
  footnotes: 'Footnotes',
  footnote: 'Footnote {number}',
  backToText: 'Back to text',
};

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
