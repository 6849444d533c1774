import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { readFragments } from '../lib/search/fragments.ts';
import { closeSearchFeed, openSearchFeed } from '../lib/search/page-feed.ts';
import { wordListDir } from '../lib/search/spelling.ts';
import { WordCounts } from '../lib/search/word-list.ts';

/** Where the index lands inside the built site; the search script loads it from here. */
export const searchIndexDir = 'pagefind';

/**
 * Builds the Pagefind index of `astro build`, as three steps:
 *
 * - `astro:build:start`: Pagefind starts with the build and takes each page as Astro renders it
 *   (the feed, src/lib/search/page-feed.ts), reading it in its own process while the main
 *   thread renders the rest.
 * - `write` (first after the pages): once the last page is in, Pagefind writes the index, into a
 *   folder beside the site, while the next steps (font subsets, the build's stamp) run on the
 *   main thread; nothing of it is in the site while they read it.
 * - `finish` (after them): waits for the index and moves it into the site.
 *
 * Pagefind's Node API reports problems as `errors` instead of throwing, and the ready-made
 * integration only logs them: here any error, or an index with no pages, fails the build. With
 * `language`, every page goes into one index of that language (Pagefind otherwise splits `en`
 * from `en-GB`). Result URLs carry the site's base path, as every link does.
 */
export function searchIndex(options: { language?: string | undefined } = {}): {
  write: AstroIntegration;
  finish: AstroIntegration;
} {
  let index: pagefind.PagefindIndex | undefined;
  const added: Promise<void>[] = [];
  let written: Promise<void> | undefined;
  let aside = '';
  let writing = 0;
  return {
    write: {
      name: 'fiction-reader:search-index',
      hooks: {
        'astro:build:start': async () => {
          const created = await pagefind.createIndex(
            options.language ? { forceLanguage: options.language } : {},
          );
          if (!created.index) throw new Error(created.errors.join('\n'));
          const open = created.index;
          index = open;
          openSearchFeed((url, html) => {
            const sent = open
              .addHTMLFile({ url, content: searchDocument(html) })
              .then((response) => fail(response.errors));
            sent.catch(() => {}); // raised when the index is written
            added.push(sent);
          });
        },
        'astro:build:done': async ({ dir }) => {
          closeSearchFeed();
          writing = performance.now();
          aside = `${fileURLToPath(dir).replace(/\/$/, '')}.pagefind`;
          await rm(aside, { recursive: true, force: true }); // what a killed build left
          written = (async () => {
            await Promise.all(added);
            if (!index || added.length === 0) {
              throw new Error(
                'no page to index: no work is published (is every work `draft: true`? build a preview with PREVIEW=1), or pages lack data-pagefind-body',
              );
            }
            fail((await index.writeFiles({ outputPath: aside })).errors);
          })();
          written.catch(() => {}); // raised by `finish`
        },
      },
    },
    finish: {
      name: 'fiction-reader:search-index-finish',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          try {
            const waited = performance.now();
            await written;
            const index = path.join(fileURLToPath(dir), searchIndexDir);
            await rename(aside, index);
            const listed = performance.now();
            const words = await writeWordLists(index);
            // What the index still costs the build (the bench's phase): the wait here, beyond
            // the steps it was written beside.
            const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
            logger.info(
              `indexed ${added.length} pages for search as they were rendered, written in ${seconds(writing)} s beside the steps after the pages; the build waited ${seconds(waited)} s for the index`,
            );
            logger.info(
              `listed ${words} words for "Did you mean" in ${seconds(listed)} s (${wordListDir}/)`,
            );
          } finally {
            await pagefind.close();
          }
        },
      },
    },
  };
}

/**
 * Writes the word lists of "Did you mean" (src/lib/search/spelling.ts) from the text Pagefind
 * indexed: each fragment's text and its page's title (a title's words find its page). Returns
 * how many words were listed.
 */
async function writeWordLists(index: string): Promise<number> {
  const counts = new WordCounts();
  for (const fragment of readFragments(index)) {
    counts.add(fragment.content);
    counts.add(fragment.meta['title'] ?? '');
  }
  const dir = path.join(index, path.relative(searchIndexDir, wordListDir));
  await mkdir(dir, { recursive: true });
  await Promise.all(
    [...counts.lists()].map(([file, text]) => writeFile(path.join(dir, file), text)),
  );
  return counts.size;
}

/**
 * A page as Pagefind should read it. Pagefind stores the text of every element that has an id
 * beside the page's text, so each passage's `<p id>` would put the whole chapter into its
 * fragment twice (the bulk of what a search downloads). The id, with the passage's search title,
 * moves to an empty marker at the start of the paragraph: it anchors the same word, carries no
 * text, and results still link to `#<passage id>`, which the page itself has on the `<p>`.
 *
 * ```html
 * <p id="p-buffy-wakes-up" data-passage="" data-pagefind-title="Scene 2">Buffy…
 * ```
 *
 * is indexed as
 *
 * ```html
 * <p data-passage=""><span id="p-buffy-wakes-up" data-pagefind-title="Scene 2"></span>Buffy…
 * ```
 */
export function searchDocument(html: string): string {
  return html.replace(
    // Other attributes may come first (a letter's opening: `<p data-letter-opening="" id=…`).
    /<p((?: [a-z-]+="[^"]*")*?) id="([^"]+)" data-passage=""( data-pagefind-title="[^"]*")?>/g,
    '<p$1 data-passage=""><span id="$2"$3></span>',
  );
}

function fail(errors: string[]): void {
  if (errors.length > 0) throw new Error(`search indexing failed:\n${errors.join('\n')}`);
}
