import sharp from 'sharp';

/**
 * A photo-like picture, the same every time for one seed: soft light, blurred shapes and film
 * grain, which compresses as a photograph does (unlike flat colour, which compresses to nothing,
 * or pure noise, which does not compress at all). For the benchmark's illustrated story and the
 * test fixtures' pictures; nobody else's photograph is needed.
 */
export async function photoLikePicture(
  width: number,
  height: number,
  seed = 1,
  quality = 90,
): Promise<Buffer> {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const hue = () => Math.floor(random() * 360);
  const shapes = Array.from({ length: 24 }, () => {
    const r = (0.05 + random() * 0.25) * Math.min(width, height);
    return `<circle cx="${random() * width}" cy="${random() * height}" r="${r}" fill="hsl(${hue()} 55% ${30 + random() * 45}%)" opacity="${0.35 + random() * 0.5}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${hue()} 50% 25%)"/><stop offset="1" stop-color="hsl(${hue()} 60% 70%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>${shapes}</svg>`;
  const blurred = await sharp(Buffer.from(svg))
    .blur(Math.max(width, height) / 120)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { data, info } = blurred;
  for (let i = 0; i < data.length; i++) {
    data[i] = Math.max(0, Math.min(255, data[i]! + Math.round((random() - 0.5) * 18)));
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .removeAlpha()
    .jpeg({ quality, mozjpeg: true })
    .toBuffer();
}
