import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import { cached, cacheKey } from '../build-cache/index.ts';
import { WorkerPool } from '../workers/pool.ts';
import { encodePng } from './png.ts';

/** Link-preview images are 1200×630, the size Open Graph and Twitter Cards expect. */
export const previewSize = { width: 1200, height: 630 } as const;

/** What a preview image says. */
export interface PreviewText {
  /** Small line at the top: the site, or the work a chapter belongs to. */
  eyebrow: string;
  title: string;
  /** Under the title: the chapter's place in its work, or the work's status. */
  subtitle?: string | undefined;
  /** The author line, in the work's language ("by Jane Doe", "作者：林小雨"). */
  author?: string | undefined;
  /** The work's cover (absolute path), set beside the text as a book on a table. */
  cover?: string | undefined;
}

// The site's reading face, read from the self-hosted package: no network at build time.
const fontDir = path.resolve('node_modules/@fontsource/literata/files');
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

let pool: WorkerPool<PreviewText, Uint8Array> | undefined;
const started = new Map<string, Promise<Buffer>>();

/**
 * Renders a preview image in the site's look (paper, ink, accent, Literata) as a PNG, in a
 * worker thread: laying out, rasterising and compressing one costs about 30 ms, 2,000 of them a
 * minute at L, while the main thread has pages to render. Returns the image
 * {@link startPreviewImages} began, if it did.
 */
export function renderPreviewImage(text: PreviewText): Promise<Buffer> {
  const key = JSON.stringify(text);
  const image = started.get(key) ?? draw(text);
  started.delete(key);
  return image;
}

/**
 * Starts drawing images before their routes ask for them. Astro renders a build's routes one
 * kind after another (every chapter page, then every chapter's image), so images started when
 * the paths are listed are drawn on the other cores while the pages render.
 */
export function startPreviewImages(texts: PreviewText[]): void {
  for (const text of texts) started.set(JSON.stringify(text), draw(text));
}

/**
 * An image from the build cache, or drawn in a worker. Its key is the text and the cover's
 * bytes (the same path may hold a new picture).
 */
async function draw(text: PreviewText): Promise<Buffer> {
  const image = await cached(
    'previews',
    () => cacheKey('previews', [JSON.stringify(text), text.cover ? coverDigest(text.cover) : '']),
    () => (pool ??= new WorkerPool('src/lib/sharing/preview-image-worker.ts')).run(text),
  );
  return Buffer.from(image);
}

/** A cover's bytes, hashed once per build: every chapter of its work shows it. */
const coverDigests = new Map<string, string>();
function coverDigest(file: string): string {
  let digest = coverDigests.get(file);
  if (!digest) {
    digest = createHash('sha256').update(readFileSync(file)).digest('hex');
    coverDigests.set(file, digest);
  }
  return digest;
}

/** {@link renderPreviewImage} on this thread: what each worker runs. */
export async function drawPreviewImage(text: PreviewText): Promise<Buffer> {
  fonts ??= [400, 700].map((weight) => ({
    name: 'Literata',
    data: readFileSync(path.join(fontDir, `literata-latin-${weight}-normal.woff`)),
    weight: weight as 400 | 700,
    style: 'normal' as const,
  }));
  const cover = text.cover ? await coverFor(text.cover) : undefined;
  // Beside a cover, the text has about two thirds of the width: a size smaller.
  const titleSize =
    (text.title.length > 60 ? 56 : text.title.length > 30 ? 68 : 84) - (cover ? 12 : 0);
  const line = (style: Record<string, unknown>, content: string) =>
    el('div', { display: 'flex', ...style }, content);
  // The text gets what the cover leaves (the cover is laid on afterwards, in the right margin).
  const textWidth = cover
    ? previewSize.width - 24 - 88 - 56 - 56 - (cover.width - 2 * shadow)
    : previewSize.width - 24 - 88 * 2;
  const words = el('div', { display: 'flex', flexDirection: 'column', width: textWidth }, [
    line({ fontSize: 30, color: '#675d52', marginBottom: 120 }, clip(text.eyebrow, 70)),
    line({ fontSize: titleSize, fontWeight: 700, lineHeight: 1.15 }, clip(text.title, 110)),
    ...(text.subtitle
      ? [line({ marginTop: 24, fontSize: 34, color: '#675d52' }, clip(text.subtitle, 80))]
      : []),
    ...(text.author
      ? [line({ marginTop: 20, fontSize: 34, color: '#8f3b1b' }, clip(text.author, 70))]
      : []),
  ]);
  const node = el(
    'div',
    {
      display: 'flex',
      // Without a cover the text stands at the top, as it always has.
      alignItems: cover ? 'center' : 'flex-start',
      gap: 56,
      width: '100%',
      height: '100%',
      padding: cover ? '56px 56px 56px 88px' : '72px 88px',
      background: '#fbf8f2',
      color: '#29241f',
      fontFamily: 'Literata',
      borderLeft: '24px solid #8f3b1b',
    },
    [words],
  );
  const svg = await satori(node as never, { ...previewSize, fonts });
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: previewSize.width } }).render();
  if (!cover) return encodePng(image.pixels, image.width, image.height);
  // With a cover, the card is a photograph in part: JPEG, full colour resolution for the text.
  // The cover is laid on by sharp, decoded once per thread: through satori and resvg, each card
  // decoded it again (26 s for 200 cards at M, against 2 s without a cover).
  const raw = { width: image.width, height: image.height, channels: 4 } as const;
  return sharp(image.pixels, { raw })
    .composite([
      {
        input: cover.pixels,
        raw: { width: cover.width, height: cover.height, channels: 4 },
        // Right-aligned in the card's margin, centred top to bottom (its shadow around it).
        left: previewSize.width - 56 - (cover.width - shadow),
        top: Math.round((previewSize.height - (cover.height - 2 * shadow)) / 2) - shadow + 8,
      },
    ])
    .flatten({ background: '#fbf8f2' })
    .jpeg({ quality: 86, chromaSubsampling: '4:4:4' })
    .toBuffer();
}

/** The media type of a preview image's format (`previewFormatOf` in urls.ts). */
export const previewMediaType = (format: 'png' | 'jpg') =>
  format === 'jpg' ? 'image/jpeg' : 'image/png';

/** Covers drawn by this thread, by file: every chapter of a work shows the same one. */
const covers = new Map<string, Promise<{ pixels: Buffer; width: number; height: number }>>();

/**
 * The cover scaled to stand in the card (at most 330 × 500, inside the card's margin with room
 * for its shadow), as raw pixels with rounded corners. Composed, not stretched: its own
 * proportions are kept.
 */
function coverFor(file: string) {
  let cover = covers.get(file);
  if (!cover) {
    cover = (async () => {
      const picture = await sharp(file)
        .rotate()
        .resize({ width: 330, height: 500, fit: 'inside' })
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const { width, height } = picture.info;
      const rect = (fill: string, w: number, h: number) =>
        Buffer.from(
          `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" rx="6" ry="6" fill="${fill}"/></svg>`,
        );
      // Its corners rounded: transparent outside a rounded rectangle.
      const rounded = await sharp(picture.data, { raw: picture.info })
        .composite([{ input: rect('#000', width, height), blend: 'dest-in' }])
        .png()
        .toBuffer();
      // Laid on a soft shadow, a little below it, on a transparent canvas (sharp composites
      // once per pipeline: the blurred shadow first, then the picture on it).
      const canvas = { width: width + 2 * shadow, height: height + 2 * shadow };
      const blurred = await sharp({ create: { ...canvas, channels: 4, background: '#0000' } })
        .composite([
          {
            input: await sharp(rect('rgba(0,0,0,0.35)', width, height))
              .png()
              .toBuffer(),
            left: shadow,
            top: shadow,
          },
        ])
        .png()
        .toBuffer();
      const shadowed = await sharp(blurred).blur(10).png().toBuffer();
      const pixels = await sharp(shadowed)
        .composite([{ input: rounded, left: shadow, top: shadow - 8 }])
        .raw()
        .toBuffer();
      return { pixels, ...canvas };
    })();
    covers.set(file, cover);
  }
  return cover;
}

/** The room around a cover for its shadow. */
const shadow = 24;

/** A satori element: the plain-object form of JSX, so no JSX runtime is needed. */
function el(type: string, style: Record<string, unknown>, children: unknown) {
  return { type, props: { style, children } };
}

/** Long titles end in an ellipsis instead of running off the image. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
