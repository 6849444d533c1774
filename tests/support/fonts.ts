import { createRequire } from 'node:module';
import fontverter from 'fontverter';
import type { HarfBuzz } from 'harfbuzzjs';

/** The code points a font file (woff2) has glyphs for. */
export async function codePointsOf(woff2: Buffer): Promise<Set<number>> {
  // A CommonJS module whose export is a promise, which an ES import would wrap.
  const hb = await (createRequire(import.meta.url)('harfbuzzjs') as Promise<HarfBuzz>);
  const blob = hb.createBlob(await fontverter.convert(woff2, 'truetype'));
  const face = hb.createFace(blob, 0);
  const points = new Set<number>(face.collectUnicodes());
  face.destroy();
  blob.destroy();
  return points;
}
