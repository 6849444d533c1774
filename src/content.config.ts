import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterEntryId, resolveContentDir, workFile } from './lib/story/layout.ts';
import { chapterSchema, workSchema } from './lib/story/schema.ts';

// CONTENT_DIR points the whole build at another story folder; files at its top level
// (a README, say) match neither pattern and are skipped.
const base = resolveContentDir();

/** One entry per `<work>/work.md`; its id is the work's slug (the folder name). */
const works = defineCollection({
  loader: glob({
    base,
    pattern: `*/${workFile}`,
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: workSchema,
});

/** One entry per `<work>/NN-<slug>.md`; its id is `<work>/NN-<slug>`. */
const chapters = defineCollection({
  loader: glob({
    base,
    pattern: '*/[0-9]*-*.md',
    generateId: ({ entry }) => chapterEntryId(entry),
  }),
  schema: chapterSchema,
});

export const collections = { works, chapters };
