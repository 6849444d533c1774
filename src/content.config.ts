import { defineCollection } from 'astro:content';
import { storyLoaders } from './lib/story/loader.ts';
import { resolveContentDir } from './lib/story/layout.ts';
import { chapterSchema, workSchema } from './lib/story/schema.ts';

// CONTENT_DIR points the whole build at another story folder. One pass checks and renders it
// (src/lib/story/loader.ts); files at its top level (a README, say) are skipped.
const loaders = storyLoaders(resolveContentDir());

/** One entry per `<work>/work.md`; its id is the work's slug (the folder name). */
const works = defineCollection({ loader: loaders.works, schema: workSchema });

/** One entry per `<work>/NN-<slug>.md`; its id is `<work>/NN-<slug>`. */
const chapters = defineCollection({ loader: loaders.chapters, schema: chapterSchema });

export const collections = { works, chapters };
