/**
 * Pages handed to the search index as Astro renders them, so that Pagefind (its own process)
 * indexes while the build's main thread goes on rendering, subsetting fonts and stamping pages,
 * instead of reading every page back once all are written.
 *
 * The search-index integration opens the feed for `astro:build`; the middleware
 * (src/middleware.ts) offers each rendered response. Both run in the build's process but in
 * different module instances (the middleware is bundled by Vite), so the feed is one global.
 *
 * Pagefind's index depends on the order pages are added, so pages are handed over in the order
 * Astro *started* them (its route order, the same from build to build), not the order their
 * rendering finished: a page that finishes early waits for the ones started before it. Responses
 * that are not searchable pages (feeds, images, EPUBs) take their turn and hand nothing over.
 */
export type SearchFeed = (url: string, html: string) => void;

const feedKey = Symbol.for('fiction-reader.search-feed');
type WithFeed = typeof globalThis & { [feedKey]?: SearchFeed | undefined };

/** Opens the feed: `take` receives each searchable page, in order. */
export function openSearchFeed(take: SearchFeed): void {
  (globalThis as WithFeed)[feedKey] = take;
}

export function closeSearchFeed(): void {
  (globalThis as WithFeed)[feedKey] = undefined;
}

/** Whether a build is taking pages (never in `astro dev`). */
export const searchFeedOpen = () => Boolean((globalThis as WithFeed)[feedKey]);

/**
 * Keeps the order of responses: `turn()` when a response starts, then `done(page)` once its
 * HTML is known (or `done(undefined)` for one that is not a searchable page).
 */
export class InOrder {
  #started = 0;
  #next = 0;
  readonly #done = new Map<number, { url: string; html: string } | undefined>();

  turn(): (page: { url: string; html: string } | undefined) => void {
    const turn = this.#started++;
    return (page) => {
      this.#done.set(turn, page);
      while (this.#done.has(this.#next)) {
        const ready = this.#done.get(this.#next);
        this.#done.delete(this.#next);
        this.#next += 1;
        if (ready) (globalThis as WithFeed)[feedKey]?.(ready.url, ready.html);
      }
    };
  }
}
