import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { withBase } from '../lib/base.ts';

/** Where the index lands inside the built site; the search script loads it from here. */
export const searchIndexDir = 'pagefind';

/**
 * Builds the Pagefind index over the finished site at the end of `astro build`. Pagefind's Node
 * API reports problems as `errors` instead of throwing, and the ready-made integration only logs
 * them: here any error, or an index with no pages, fails the build. With `language`, every page
 * goes into one index of that language (Pagefind otherwise splits `en` from `en-GB`). Result
 * URLs carry the site's base path, as every link does.
 */
export function searchIndex(options: { language?: string | undefined } = {}): AstroIntegration {
  let base = '/';
  return {
    name: 'fiction-reader:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex(
            options.language ? { forceLanguage: options.language } : {},
          );
          if (!index) throw new Error(errors.join('\n'));
          const added = await addSearchablePages(index, site, base);
          if (added === 0) {
            throw new Error(
              'no page to index: no work is published (is every work `draft: true`? build a preview with PREVIEW=1), or pages lack data-pagefind-body',
            );
          }
          fail((await index.writeFiles({ outputPath: path.join(site, searchIndexDir) })).errors);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`indexed ${added} pages for search in ${seconds} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/**
 * Hands Pagefind every page that has searchable text (`data-pagefind-body`), as
 * {@link searchDocument} shows it, up to 16 at a time so its indexer never waits. Other pages,
 * the entire-work views among them, are not sent at all. Returns how many pages were indexed.
 */
async function addSearchablePages(
  index: pagefind.PagefindIndex,
  site: string,
  base: string,
): Promise<number> {
  const files = (await readdir(site, { recursive: true }))
    .filter((file) => path.basename(file) === 'index.html' && !file.startsWith(searchIndexDir))
    .sort();
  const inFlight = new Set<Promise<void>>();
  let added = 0;
  // Sent in file order, so the index is the same from build to build.
  for (const file of files) {
    const html = await readFile(path.join(site, file), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const dir = path.dirname(file);
    const url = withBase(dir === '.' ? '/' : `/${dir.split(path.sep).join('/')}/`, base);
    const sent = index.addHTMLFile({ url, content: searchDocument(html) }).then((response) => {
      fail(response.errors);
      added += 1;
      inFlight.delete(sent);
    });
    sent.catch(() => {}); // a failure is raised by the race or the final wait below
    inFlight.add(sent);
    if (inFlight.size >= 16) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return added;
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
