import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/**
 * The image files a story may hold: what Astro's image pipeline reads (through sharp) and what
 * every browser shows. JPEG, PNG, WebP, AVIF and GIF are resized into modern formats; SVG is
 * served as drawn.
 */
export const imageExtensions = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'svg'] as const;

/** A picture the author pointed at, found and readable. */
export interface ImageFile {
  /** Absolute path. */
  file: string;
  /** The path as Astro's `image()` resolves it: relative to the Markdown file, `./` first. */
  reference: string;
  width: number;
  height: number;
  format: string;
}

/** Why a path does not lead to a picture the site can publish: a rule and a fix. */
export interface ImageProblem {
  ruleId: string;
  message: string;
}

/**
 * Resolves `written` (a path as the author typed it, relative to `fromFile`) and checks that it
 * is a picture the site can publish: not on another site, inside `folder` (the work's folder,
 * so a work carries its own pictures and no path reaches the rest of the disk), of a format the
 * site serves, there, and readable from first byte to last.
 */
export async function checkImageFile(
  written: string,
  fromFile: string,
  folder: string,
): Promise<ImageFile | ImageProblem> {
  const shown = `"${written}"`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//')) {
    return {
      ruleId: 'image:remote',
      message: `The image ${shown} is on another site. The site loads nothing from elsewhere (a reader's privacy, and a page that still works when that site is gone): download the picture into the work's folder (e.g. "images/") and write its path relative to this file.`,
    };
  }
  if (written.startsWith('/')) {
    return {
      ruleId: 'image:outside',
      message: `The image path ${shown} starts at the root of the disk. Write it relative to this file, e.g. "images/${path.posix.basename(written)}", with the picture inside the work's folder.`,
    };
  }
  let decoded = written;
  try {
    decoded = decodeURI(written);
  } catch {
    // A literal "%" in a file name: use the path as written.
  }
  const file = path.resolve(path.dirname(fromFile), decoded);
  const relativeToFolder = path.relative(folder, file);
  if (relativeToFolder.startsWith('..') || path.isAbsolute(relativeToFolder)) {
    return {
      ruleId: 'image:outside',
      message: `The image ${shown} lies outside the work's folder (${path.basename(folder)}/). Copy the picture into the work's folder (e.g. "images/") and point at the copy: a work carries its own pictures.`,
    };
  }
  const extension = path.extname(file).slice(1).toLowerCase();
  if (!(imageExtensions as readonly string[]).includes(extension)) {
    return {
      ruleId: 'image:format',
      message: `The image ${shown} is not a format the site publishes. Save it as JPEG, PNG, WebP, AVIF, GIF or SVG (a photo or painting as JPEG, a drawing as PNG or SVG) and point at that file.`,
    };
  }
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) {
    const near = await similarFile(file);
    return {
      ruleId: 'image:missing',
      message: `The image ${shown} does not exist${near ? `; there is "${path.relative(path.dirname(fromFile), near)}" (file names are case-sensitive on the web)` : ''}. Fix the path (relative to this file), or add the picture there.`,
    };
  }
  const reference = `./${path.relative(path.dirname(fromFile), file).split(path.sep).join('/')}`;
  try {
    const bytes = await readFile(file);
    // `stats()` decodes every pixel: a file cut short fails here, not halfway through a build.
    const image = sharp(bytes, { failOn: 'truncated' });
    const { width, height, format } = await image.metadata();
    if (extension !== 'svg') await image.stats();
    if (!width || !height) throw new Error('no size');
    return { file, reference, width, height, format };
  } catch (error) {
    return {
      ruleId: 'image:corrupt',
      message: `The image ${shown} cannot be read as a picture (${(error as Error).message.split('\n')[0]}). Open it in an image editor and save it again as JPEG, PNG or WebP.`,
    };
  }
}

/** A file beside `file` whose name differs only in case, if any. */
async function similarFile(file: string): Promise<string | undefined> {
  const dir = path.dirname(file);
  const name = path.basename(file).toLowerCase();
  const names = await readdir(dir).catch(() => [] as string[]);
  const match = names.find((other) => other.toLowerCase() === name);
  return match ? path.join(dir, match) : undefined;
}

/** True for a result of {@link checkImageFile} that is a problem. */
export function isImageProblem(result: ImageFile | ImageProblem): result is ImageProblem {
  return 'ruleId' in result;
}
