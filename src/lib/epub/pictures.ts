import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** A picture packed into an EPUB: where it lives in the book, its type and its bytes. */
export interface EpubPicture {
  /** Manifest id. */
  id: string;
  /** Path under OEBPS/, e.g. `images/map-1a2b3c4d.jpg`. */
  href: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** Wide enough for a tablet's full screen; a phone's reading app scales it down. */
const maxWidth = 1600;
const maxHeight = 2400;

/**
 * A story picture as an EPUB carries it. EPUB 3's core image types are JPEG, PNG, GIF, WebP and
 * SVG, but older reading apps (and Kindle's converter) know only the first three and SVG: a
 * drawing in SVG or an (animated) GIF goes in as it is; everything else is scaled to fit
 * 1600 × 2400 px and written as JPEG, or PNG when it has transparency. Named by a hash of its
 * source, so a book built twice holds the same bytes.
 */
export async function epubPicture(file: string): Promise<EpubPicture> {
  const source = await readFile(file);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 8);
  const stem = path
    .basename(file, path.extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const named = (extension: string, mediaType: string, bytes: Uint8Array): EpubPicture => ({
    id: `img-${stem || 'picture'}-${hash}`,
    href: `images/${stem || 'picture'}-${hash}.${extension}`,
    mediaType,
    bytes,
  });
  const extension = path.extname(file).slice(1).toLowerCase();
  if (extension === 'svg') return named('svg', 'image/svg+xml', source);
  if (extension === 'gif') return named('gif', 'image/gif', source);
  const { hasAlpha } = await sharp(source).metadata();
  const [format, mediaType] = hasAlpha ? ['png', 'image/png'] : ['jpg', 'image/jpeg'];
  // Kept beside Astro's own resized pictures, by the source's whole hash and these settings:
  // a picture is scaled once, not on every build, and an edited picture is scaled again.
  const cached = path.join(
    cacheDir,
    `${createHash('sha256').update(source).update(settings).digest('hex')}.${format}`,
  );
  const kept = await readFile(cached).catch(() => undefined);
  if (kept) return named(format, mediaType, kept);
  const image = sharp(source).rotate().resize({
    width: maxWidth,
    height: maxHeight,
    fit: 'inside',
    withoutEnlargement: true,
  });
  const bytes = hasAlpha
    ? await image.png({ compressionLevel: 9 }).toBuffer()
    : await image.jpeg({ quality: 82 }).toBuffer();
  await mkdir(cacheDir, { recursive: true });
  await writeFile(cached, bytes);
  return named(format, mediaType, bytes);
}

/** What the scaling depends on besides the source: part of the cache key. */
const settings = `epub ${maxWidth}x${maxHeight} jpeg82 png9 sharp${sharp.versions.sharp}`;

/** Astro's cache folder (`cacheDir`: node_modules/.astro unless ASTRO_CACHE_DIR moves it). */
const cacheDir = path.resolve(
  process.env['ASTRO_CACHE_DIR'] ?? 'node_modules/.astro',
  'epub-pictures',
);
