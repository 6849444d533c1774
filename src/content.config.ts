import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { storyLoaders } from './lib/story/loader.ts';
import { resolveContentDir } from './lib/story/layout.ts';
import { chapterSchema, workSchema } from './lib/story/schema.ts';

// CONTENT_DIR points the whole build at another story folder. One pass checks and renders it
// (src/lib/story/loader.ts); files at its top level (a README, say) are skipped.
const loaders = storyLoaders(resolveContentDir());

// The author's front matter is checked against `workSchema` and `chapterSchema` before loading
// (src/lib/story/validate/); here Astro's `image()` turns picture paths, already checked, into
// images of its pipeline (resized, modern formats, hashed names).

/** One entry per `<work>/work.md`; its id is the work's slug (the folder name). */
const works = defineCollection({
  loader: loaders.works,
  // `coverImage`: the `cover` file (absolute) and its image, set by the loader.
  schema: ({ image }) =>
    workSchema.extend({
      coverImage: z.strictObject({ file: z.string(), image: image() }).optional(),
    }),
});

/** One entry per `<work>/NN-<slug>.md`; its id is `<work>/NN-<slug>`. */
const chapters = defineCollection({
  loader: loaders.chapters,
  // `pictures`: those of the chapter's text, found by the markup (src/lib/markup/images.ts): the
  // path as the placeholder names it, the file (absolute) and its image.
  schema: ({ image }) =>
    chapterSchema.extend({
      pictures: z
        .array(z.strictObject({ reference: z.string(), file: z.string(), image: image() }))
        .default([]),
    }),
});

export const collections = { works, chapters };
