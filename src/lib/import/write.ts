import { stringify } from 'yaml';
import { titleSlug } from '../slug.ts';
import type { ImportedStory } from './story.ts';
import { htmlToMarkdown, type Converted } from './to-markdown.ts';

// The one writer: a story as the content format's files, `<slug>/work.md` and one
// `<slug>/NN-<slug>.md` per chapter, front matter first.

/** A file to write, its path relative to the content folder. */
export interface WrittenFile {
  path: string;
  /** Text for Markdown; bytes for a picture. */
  content: string | Uint8Array;
}

/** One Markdown text the writer made from the source, for the fidelity check. */
export interface WrittenText {
  /** Where it is: "chapter 3 text", "work summary". */
  label: string;
  /** The file it is in. */
  path: string;
  source: ImportedStory['chapters'][number]['body'];
  converted: Converted;
}

export interface Written {
  slug: string;
  files: WrittenFile[];
  texts: WrittenText[];
  /** Words the writer added that the source did not have, each said in the report. */
  added: string[];
}

/** Summary written when the source has none: the site requires one. */
export const missingSummary = 'No summary yet.';

export function writeStory(story: ImportedStory, slug = titleSlug(story.meta.title)): Written {
  const { meta } = story;
  const texts: WrittenText[] = [];
  const added: string[] = [];
  const convert = (
    label: string,
    path: string,
    html: WrittenText['source'] | undefined,
    structure = false,
  ) => {
    if (!html) return undefined;
    // Pictures stand in a chapter's text only: in a summary or notes they are reported.
    const converted = htmlToMarkdown(html, { structure, pictures: structure });
    if (!converted.markdown) return undefined;
    texts.push({ label, path, source: html, converted });
    return converted.markdown;
  };

  const workPath = `${slug}/work.md`;
  let summary = convert("the work's summary", workPath, meta.summary);
  if (!summary) {
    summary = missingSummary;
    added.push(
      `work.md: the summary "${missingSummary}" (the source has none; the site needs one)`,
    );
  }
  const front: Record<string, unknown> = {
    title: meta.title,
    author: meta.authors.join(', '),
    summary,
    status: meta.status ?? 'in-progress',
    language: meta.language ?? 'en',
  };
  if (meta.published) front['published'] = meta.published;
  if (meta.updated && meta.updated !== meta.published) front['updated'] = meta.updated;
  if (meta.series) front['series'] = meta.series;
  if (meta.rating) front['rating'] = meta.rating;
  const lists: [string, string[] | undefined][] = [
    ['warnings', meta.warnings],
    ['fandoms', meta.fandoms],
    ['relationships', meta.relationships],
    ['characters', meta.characters],
    ['tags', [...(meta.categories ?? []), ...(meta.tags ?? [])]],
  ];
  for (const [field, values] of lists) if (values && values.length > 0) front[field] = values;
  if (story.cover) {
    front['cover'] = story.cover;
    front['coverAlt'] = `Cover art of ${meta.title}`;
    added.push(`work.md: coverAlt "Cover art of ${meta.title}" (describe what the cover shows)`);
  }
  const workNotes = convert("the work's notes", workPath, meta.notes);
  const files: WrittenFile[] = [{ path: workPath, content: document(front, workNotes ?? '') }];

  const width = Math.max(2, String(story.chapters.length).length);
  const taken = new Set<string>(['all']);
  story.chapters.forEach((chapter, index) => {
    const number = String(index + 1).padStart(width, '0');
    let base = titleSlug(chapter.title, Infinity, 'chapter') || `chapter-${index + 1}`;
    if (taken.has(base)) base = `${base}-${index + 1}`;
    taken.add(base);
    const path = `${slug}/${number}-${base}.md`;
    const label = `chapter ${index + 1} ("${chapter.title}")`;
    const last = index === story.chapters.length - 1;
    const fields: Record<string, unknown> = { title: chapter.title };
    const chapterSummary = convert(`${label} summary`, path, chapter.summary);
    const notes = convert(`${label} notes`, path, chapter.notes);
    // The work's end notes close its last chapter, after the chapter's own.
    const ownEnd = convert(`${label} end notes`, path, chapter.endNotes);
    const workEnd = last ? convert("the work's end notes", path, meta.endNotes) : undefined;
    const endNotes = [ownEnd, workEnd].filter(Boolean).join('\n\n');
    if (chapterSummary) fields['summary'] = chapterSummary;
    if (notes) fields['notes'] = notes;
    if (endNotes) fields['endNotes'] = endNotes;
    const body = convert(`${label} text`, path, chapter.body, true);
    if (!body) added.push(`${path}: "draft: true" (the chapter has no text in the source)`);
    if (!body) fields['draft'] = true;
    files.push({ path, content: document(fields, body ?? '') });
  });
  for (const picture of story.pictures ?? [])
    files.push({ path: `${slug}/${picture.path}`, content: picture.bytes });
  return { slug, files, texts, added };
}

/** Front matter and body as one Markdown file. */
function document(front: Record<string, unknown>, body: string): string {
  // Plain where YAML allows it, quoted where it must be (a colon in a title), a block for
  // notes of several paragraphs; never folded, so a line of the author's stays one line.
  const yaml = stringify(front, { lineWidth: 0 });
  return `---\n${yaml}---\n${body ? `\n${body}\n` : ''}`;
}
