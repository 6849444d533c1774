import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
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

/** How a generated story is illustrated. */
export interface Illustration {
  /** Every `every`-th chapter gets a picture after its first paragraph. */
  every: number;
  /** How many different pictures there are (a real story reuses few: maps, a banner). */
  distinct: number;
  /** Where generated pictures are kept between runs (they take about a second each). */
  cacheDir: string;
}

/**
 * Illustrates a generated story folder in place, as an author would: a cover per work
 * (800 × 1200) and, every `every` chapters, a photo-like picture of 2000 × 1333 (about 200 KB)
 * with alt text and a caption. Returns how many pictures the chapters show.
 */
export async function illustrateStory(contentDir: string, options: Illustration): Promise<number> {
  mkdirSync(options.cacheDir, { recursive: true });
  const cached = async (name: string, make: () => Promise<Buffer>) => {
    const file = path.join(options.cacheDir, name);
    if (!existsSync(file)) writeFileSync(file, await make());
    return file;
  };
  const cover = await cached('cover.jpg', () => photoLikePicture(800, 1200, 99, 82));
  const plates: string[] = [];
  for (let index = 1; index <= options.distinct; index++)
    plates.push(await cached(`plate-${index}.jpg`, () => photoLikePicture(2000, 1333, index, 85)));
  let shown = 0;
  for (const work of readdirSync(contentDir, { withFileTypes: true })) {
    if (!work.isDirectory()) continue;
    const workDir = path.join(contentDir, work.name);
    copyFileSync(cover, path.join(workDir, 'cover.jpg'));
    const workFile = path.join(workDir, 'work.md');
    writeFileSync(
      workFile,
      readFileSync(workFile, 'utf8').replace(
        /\n---\n/,
        '\ncover: cover.jpg\ncoverAlt: "Soft circles of coloured light on a dusky sky"\n---\n',
      ),
    );
    mkdirSync(path.join(workDir, 'images'), { recursive: true });
    const chapters = readdirSync(workDir)
      .filter((name) => /^\d+-.+\.md$/.test(name))
      .sort();
    chapters.forEach((name, index) => {
      if (index % options.every !== 0) return;
      const plate = plates[shown % plates.length]!;
      const picture = path.basename(plate);
      copyFileSync(plate, path.join(workDir, 'images', picture));
      const file = path.join(workDir, name);
      const [front, body] = readFileSync(file, 'utf8').split(/(?<=^---\n[\s\S]*?\n---\n)/);
      const at = body!.indexOf('\n\n', body!.search(/\S/));
      const figure = `\n\n![Soft circles of coloured light, picture ${shown + 1}](images/${picture} "Plate ${shown + 1}")`;
      writeFileSync(file, `${front}${body!.slice(0, at)}${figure}${body!.slice(at)}`);
      shown++;
    });
  }
  return shown;
}
