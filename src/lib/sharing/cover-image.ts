import { getImage } from 'astro:assets';
import type { Work } from '../story/library.ts';
import { sizeOf } from '../story/picture-size.ts';

/**
 * The public URL of a work's cover as one JPEG up to 1200 px wide, for the places that take a
 * single picture (JSON-LD's `image`): made by Astro's image pipeline beside the page's own sizes.
 */
export async function coverImageUrl(work: Work, site: URL): Promise<string | undefined> {
  if (!work.cover) return undefined;
  const { image } = work.cover;
  const { width, format } = sizeOf(image);
  const { src } = await getImage({
    src: image,
    width: Math.min(1200, width),
    format: format === 'svg' ? 'svg' : 'jpg',
  });
  return new URL(src, site).href;
}
