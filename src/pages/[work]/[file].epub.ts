// /<work>/<work>.epub: the work as an EPUB, rendered beside its pages from the same model.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEpub } from '../../lib/epub/index.ts';
import { getLibrary, type Work } from '../../lib/story/index.ts';

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  // A work with no chapters yet has no book to offer.
  return library.works
    .filter((work) => work.chapters.length > 0)
    .map((work) => ({
      params: { work: work.slug, file: work.slug },
      props: { work },
    }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ work: Work }> = async ({ props: { work }, site }) =>
  new Response(new Uint8Array(await getEpub(work, site!)), {
    headers: { 'content-type': 'application/epub+zip' },
  });
