import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { wordCountField } from '../markup/word-count.ts';
import { writeChapterHtml } from './chapter-html.ts';
import {
  checkStory,
  formatProblem,
  type CheckedEntry,
  type ContentProblem,
  type StoryCheck,
} from './validate/index.ts';

type Collection = 'works' | 'chapters';

/**
 * The loaders of the works and chapters collections. One pass checks the whole story folder
 * against the content contract (layout, front matter, markup) and renders every file; both
 * collections are filled from it. Rendering is the check of a file's markup, so each chapter is
 * rendered once per build, in worker threads (Astro's glob loader renders on its main thread,
 * and had needed a separate check that parsed everything once more).
 *
 * A problem fails `astro build`, naming file, line and fix (Astro alone would only log a remark
 * plugin's failure and build an empty page). In `astro dev` problems are logged, and the folder
 * is checked again whenever a Markdown file in it changes.
 *
 * Chapter HTML goes to files beside the data store (chapter-html.ts).
 */
export function storyLoaders(contentDir: string): Record<Collection, Loader> {
  const contexts: Partial<Record<Collection, LoaderContext>> = {};
  let checked: Promise<StoryCheck> | undefined;
  const loading = new Set<Collection>();

  const check = (context: LoaderContext) =>
    checkStory(contentDir).then((result) => {
      for (const p of result.problems) context.logger.error(formatProblem(p));
      if (result.problems.length > 0 && !context.watcher) throw contentProblems(result.problems);
      return result;
    });

  const load = (collection: Collection) => async (context: LoaderContext) => {
    contexts[collection] = context;
    // Astro loads both collections at once: the first starts the pass, the second shares it,
    // and the next sync (a refresh in `astro dev`) starts a new one.
    checked ??= check(context);
    const result = checked;
    if (loading.add(collection).size === 2) {
      checked = undefined;
      loading.clear();
    }
    await fill(collection, context, await result);
    if (collection !== 'chapters' || !context.watcher) return;
    context.watcher.add(contentDir); // it may lie outside the project (CONTENT_DIR)
    let queue = Promise.resolve();
    context.watcher.on('all', (_event, changed) => {
      if (!changed.startsWith(contentDir) || !changed.endsWith('.md')) return;
      queue = queue
        .then(async () => {
          const result = await check(context);
          for (const [name, ctx] of Object.entries(contexts))
            await fill(name as Collection, ctx, result);
        })
        .catch((error: unknown) => context.logger.error(String(error)));
    });
  };

  return {
    works: { name: 'fiction-reader:works', load: load('works') },
    chapters: { name: 'fiction-reader:chapters', load: load('chapters') },
  };
}

/** Replaces a collection's entries with the checked ones. */
async function fill(collection: Collection, context: LoaderContext, result: StoryCheck) {
  const { store, parseData, generateDigest, config, watcher } = context;
  const root = fileURLToPath(config.root);
  const htmlDir = fileURLToPath(new URL('chapters/', config.cacheDir));
  // A build starts clean; `astro dev` overwrites in place while pages may be reading.
  if (collection === 'chapters' && !watcher) await rm(htmlDir, { recursive: true, force: true });
  store.clear();
  for (const entry of collection === 'works' ? result.works : result.chapters) {
    const data = await parseData({ id: entry.id, data: withPictures(entry), filePath: entry.file });
    const common = { id: entry.id, data, filePath: path.relative(root, entry.file) };
    if (collection === 'works') {
      // A work's notes are short: they stay in the entry.
      store.set({ ...common, rendered: { html: entry.html } });
      continue;
    }
    const htmlFile = await writeChapterHtml(htmlDir, entry.id, entry.html);
    store.set({
      ...common,
      // Changes with the text, so that `astro dev` sees an edit that leaves the data alone.
      digest: generateDigest(entry.html),
      rendered: {
        html: '',
        metadata: { frontmatter: { [wordCountField]: entry.words }, htmlFile },
      },
    });
  }
}

/**
 * The front matter with the entry's pictures added, where the collection's `image()` schema
 * hands each to Astro's image pipeline (src/content.config.ts): a chapter's, as the markup found
 * them, and a work's cover. Paths for `image()` are relative to the entry's file.
 */
function withPictures(entry: CheckedEntry): Record<string, unknown> {
  const dir = path.dirname(entry.file);
  const { cover } = entry.frontmatter;
  if (entry.images.length === 0 && typeof cover !== 'string') return entry.frontmatter;
  const file = (reference: string) => path.resolve(dir, reference);
  return typeof cover === 'string'
    ? {
        ...entry.frontmatter,
        coverImage: { file: file(cover), image: `./${cover.replace(/^\.\//, '')}` },
      }
    : {
        ...entry.frontmatter,
        pictures: entry.images.map((reference) => ({
          reference,
          file: file(reference),
          image: reference,
        })),
      };
}

function contentProblems(problems: ContentProblem[]): Error {
  const error = new Error(
    `${problems.length} content problem${problems.length > 1 ? 's' : ''} (listed above). Fix them and build again; \`npm run check\` checks content without building.`,
  );
  error.stack = error.message; // the list above is the useful part, not our stack
  return error;
}
