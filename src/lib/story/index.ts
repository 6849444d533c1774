import { getCollection } from 'astro:content';
import { renderMarkdownField } from '../markup/render-field.ts';
import { wordCountField } from '../markup/word-count.ts';
import { buildLibrary, type Library } from './library.ts';
import { readChapterHtml } from './chapter-html.ts';
import { publishingFromEnv } from './publishing.ts';
import { readOverrides } from '../i18n/overrides.ts';
import { resolveContentDir } from './layout.ts';

export type { Chapter, ContentsSection, Library, Part, Work } from './library.ts';

let library: Promise<Library> | undefined;

/**
 * The site's reading model, loaded from the content collections and derived once per build
 * (every page shares the same promise).
 */
export function getLibrary(): Promise<Library> {
  library ??= loadLibrary();
  return library;
}

const workOf = (chapterId: string) => chapterId.split('/')[0]!;

async function loadLibrary(): Promise<Library> {
  const [works, chapters] = await Promise.all([getCollection('works'), getCollection('chapters')]);
  const workSources = works.map(async ({ id, data: { coverImage, ...data }, rendered }) => ({
    slug: id,
    data,
    cover: coverImage && data.coverAlt ? { ...coverImage, alt: data.coverAlt } : undefined,
    notesHtml: rendered?.html ?? '',
    summaryHtml: await renderMarkdownField(data.summary, data.language),
  }));
  // A chapter's notes are set in its work's language.
  const languageOf = new Map(works.map((work) => [work.id, work.data.language]));
  const chapterSources = chapters.map(async (entry) => {
    const language = languageOf.get(workOf(entry.id));
    return {
      id: entry.id,
      data: entry.data,
      html: await readChapterHtml(entry),
      pictures: new Map(
        entry.data.pictures.map(({ reference, ...picture }) => [reference, picture]),
      ),
      summaryHtml: await renderMarkdownField(entry.data.summary, language),
      notesHtml: await renderMarkdownField(entry.data.notes, language),
      endNotesHtml: await renderMarkdownField(entry.data.endNotes, language),
      words: Number(
        (entry.rendered?.metadata?.frontmatter as Record<string, unknown> | undefined)?.[
          wordCountField
        ] ?? 0,
      ),
    };
  });
  return buildLibrary(
    await Promise.all(workSources),
    await Promise.all(chapterSources),
    // Drafts show in `astro dev` and in preview builds (PREVIEW=1); BUILD_DATE stands in for now.
    publishingFromEnv(process.env, import.meta.env.DEV_SERVER === true),
    {
      // The author's interface strings (checked with the content: validate/).
      overrides: readOverrides(resolveContentDir()).overrides,
      siteLanguage: process.env['SITE_LANGUAGE'] || undefined,
    },
  );
}
