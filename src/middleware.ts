import { defineMiddleware } from 'astro:middleware';
import { InOrder, searchFeedOpen } from './lib/search/page-feed.ts';

const order = new InOrder();

/**
 * In `astro build`, hands every page with searchable text to the search index as it is rendered
 * (src/lib/search/page-feed.ts). The page itself is returned unchanged. Does nothing in
 * `astro dev`, where no index is built.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (!searchFeedOpen()) return next();
  const done = order.turn();
  let response: Response;
  try {
    response = await next();
  } catch (error) {
    done(undefined);
    throw error;
  }
  if (!response.headers.get('content-type')?.startsWith('text/html')) {
    done(undefined);
    return response;
  }
  const html = await response.text();
  done(html.includes('data-pagefind-body') ? { url: context.url.pathname, html } : undefined);
  return new Response(html, response);
});
