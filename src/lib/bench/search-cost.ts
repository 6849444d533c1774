import type { Browser, Request } from 'playwright-core';

/** What one query cost in the browser. */
export interface QueryCost {
  query: string;
  /** Bytes over the network (compressed as sent) from focusing search to the results. */
  bytes: number;
  requests: number;
  /** From the last keystroke to the first result of this query on screen. */
  msToResults: number;
  /** From the last keystroke to the first batch of results drawn and counted. */
  msToBatch: number;
  chapters: number;
}

/**
 * Types each query into the search page as a reader would, and measures bytes and time until
 * its results are drawn. The first query pays for Pagefind's start-up (script, wasm, metadata).
 */
export async function measureSearch(
  browser: Browser,
  origin: string,
  queries: string[],
): Promise<QueryCost[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    document.addEventListener('keydown', () => (w['lastKey'] = performance.now()), true);
    new MutationObserver(() => {
      if (!w['awaiting']) return;
      const search = document.querySelector('passage-search[data-mode="page"]');
      // The first result of this query on screen: its link carries the query's words (`hl`,
      // with the forms of them the index matched). (A work page's result has no `hl`; the
      // batch's end below stands in for it.)
      const first = search?.querySelector<HTMLAnchorElement>('a[data-result]');
      if (!w['firstResultAt'] && first) {
        // A query whose words stand together in the text marks them as one run ("A b").
        const words = new URL(first.href).searchParams
          .getAll('hl')
          .flatMap((hl) => hl.toLowerCase().split(' '));
        if (
          String(w['awaiting'] ?? '')
            .toLowerCase()
            .split(' ')
            .every((word) => words.includes(word))
        )
          w['firstResultAt'] = performance.now();
      }
      // The whole first batch drawn and counted.
      const status = search?.querySelector('[data-status]')?.textContent ?? '';
      if (status.includes(`“${String(w['awaiting'])}”`)) {
        w['batchAt'] = performance.now();
        w['firstResultAt'] ??= w['batchAt'];
        w['awaiting'] = undefined;
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  // Context-wide: Pagefind fetches its wasm and index from a Web Worker, which a page-level
  // CDP session does not see. Sizes are as sent (compressed) plus headers.
  let bytes = 0;
  let requests = 0;
  const pending: Promise<void>[] = [];
  const count = (request: Request) => {
    requests += 1;
    pending.push(
      request.sizes().then((sizes) => {
        bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      }),
    );
  };
  context.on('requestfinished', count);
  await page.goto(`${origin}/search/`, { waitUntil: 'networkidle' });

  const costs: QueryCost[] = [];
  for (const query of queries) {
    bytes = 0;
    requests = 0;
    await page.locator('#search-query').fill('');
    await page.evaluate((q) => {
      const w = window as unknown as Record<string, unknown>;
      w['firstResultAt'] = undefined;
      w['awaiting'] = q;
    }, query);
    await page.locator('#search-query').focus();
    await page.keyboard.type(query, { delay: 40 });
    await page.waitForFunction(
      () => (window as unknown as Record<string, unknown>)['awaiting'] === undefined,
      null,
      {
        timeout: 30_000,
      },
    );
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const timing = await page.evaluate(() => {
      const w = window as unknown as Record<string, number>;
      return { first: w['firstResultAt']! - w['lastKey']!, batch: w['batchAt']! - w['lastKey']! };
    });
    costs.push({
      query,
      bytes,
      requests,
      msToResults: Math.round(timing.first),
      msToBatch: Math.round(timing.batch),
      chapters: await page.locator('[data-chapter-result]').count(),
    });
  }
  // A request that finishes after the last query (a prefetch) is not counted, and its sizes,
  // asked for as the context closes, must not fail the run.
  context.off('requestfinished', count);
  await Promise.allSettled(pending);
  await context.close();
  return costs;
}
