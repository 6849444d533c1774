import path from 'node:path';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Image, Paragraph, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { checkImageFile, isImageProblem } from '../story/image-files.ts';
import { workFile } from '../story/layout.ts';
import { educateMarks, educateQuotes } from './smart-punctuation.ts';
import { attributes } from './vocabulary.ts';

/** Identifies this plugin's messages. */
export const imagesSource = 'fiction-reader:images';

/** The alt text that marks a picture as decoration: screen readers skip it (`alt=""`). */
export const decorativeAlt = '(decorative)';

/** What `vfile.data` says when the Markdown is a front matter field, not a file's body. */
export interface ImagesFileData {
  /** Set for a summary or notes field: pictures belong in the chapter text. */
  field?: boolean;
  /** Left by the plugin: each picture's path as Astro's `image()` resolves it, once each. */
  images?: string[];
}

/**
 * Illustrations in a chapter: a standard Markdown image standing as a paragraph of its own, its
 * path relative to the chapter file and inside the work's folder. The picture is checked here
 * (found, a format the site serves, readable) and left as a placeholder `<img data-image>` that
 * the page renderer fills through Astro's image pipeline (`src/components/StoryImage.astro`) and
 * the EPUB renderer with its own copy. A title becomes the caption.
 *
 * ```markdown
 * ![A hand-drawn map of Smallville](images/map.png "Smallville, as Clark remembers it")
 * ```
 *
 * ```html
 * <figure data-illustration>
 *   <img src="images/map.png" alt="A hand-drawn map of Smallville" width="1600" height="1000" data-image="./images/map.png">
 *   <figcaption>Smallville, as Clark remembers it</figcaption>
 * </figure>
 * ```
 *
 * Alt text is required; `![(decorative)](images/flourish.png)` marks a picture that says
 * nothing (an ornament) and renders `alt=""`. Refused, each with its fix: no alt
 * (`image:alt`), a picture inside a line of text (`image:inline`), a reference-style image
 * (`image:reference`), a picture in a work's notes or a front matter field (`image:not-here`),
 * and every problem {@link checkImageFile} finds (`image:remote`, `image:outside`,
 * `image:format`, `image:missing`, `image:corrupt`). The picture's pixels come with it: an
 * illustration is not a passage, so it gets no passage id.
 */
export function remarkImages() {
  return async function transformer(tree: Root, file: VFile) {
    const found: { image: Image; paragraph: Paragraph | undefined }[] = [];
    visit(tree, (node, _index, parent) => {
      if (node.type === 'imageReference') {
        file.fail(
          `The image "${node.alt ?? ''}" points at a link definition ("![…][${node.label ?? node.identifier}]"). Write its path in place: "![${node.alt ?? 'what it shows'}](images/picture.jpg)".`,
          { place: node.position, ruleId: 'image:reference', source: imagesSource },
        );
      }
      if (node.type !== 'image') return;
      const alone =
        parent?.type === 'paragraph' &&
        parent.children.every(
          (child) => child === node || (child.type === 'text' && child.value.trim() === ''),
        );
      found.push({ image: node, paragraph: alone ? parent : undefined });
    });
    if (found.length === 0) return;

    const data = file.data as ImagesFileData;
    data.images = [];
    const isWorkNotes = path.basename(file.path ?? '') === workFile;
    // The work's folder: the chapter file's own folder.
    const folder = path.dirname(path.resolve(file.path ?? 'chapter.md'));
    for (const { image, paragraph } of found) {
      const place = { place: image.position, source: imagesSource };
      if (data.field || isWorkNotes) {
        file.fail(
          `A picture can't stand in ${data.field ? 'a summary or notes' : "a work's notes"}: only in a chapter's text. Move it into a chapter${isWorkNotes ? ', or make it the work\'s cover ("cover:" and "coverAlt:" in the front matter)' : ''}.`,
          { ...place, ruleId: 'image:not-here' },
        );
      }
      const alt = (image.alt ?? '').trim();
      if (alt === '') {
        file.fail(
          `The image "${image.url}" has no alt text: a reader who can't see it would hear nothing, or its file name. Describe what it shows between the brackets: "![A map of the farm](${image.url})", or write "![${decorativeAlt}](${image.url})" if it is pure decoration.`,
          { ...place, ruleId: 'image:alt' },
        );
      }
      if (!paragraph) {
        file.fail(
          `The image "${alt}" sits inside a line of text. Give it a paragraph of its own: a blank line before and after it.`,
          { ...place, ruleId: 'image:inline' },
        );
      }
      const checked = await checkImageFile(
        image.url,
        path.resolve(file.path ?? 'chapter.md'),
        folder,
      );
      if (isImageProblem(checked)) file.fail(checked.message, { ...place, ruleId: checked.ruleId });
      if (isImageProblem(checked) || !paragraph) continue;
      if (!data.images!.includes(checked.reference)) data.images!.push(checked.reference);

      const children: ElementContent[] = [
        {
          type: 'element',
          tagName: 'img',
          properties: {
            src: image.url,
            alt: alt === decorativeAlt ? '' : alt,
            width: checked.width,
            height: checked.height,
            [toProperty(attributes.image)]: checked.reference,
          },
          children: [],
        },
      ];
      if (image.title?.trim()) {
        children.push({
          type: 'element',
          tagName: 'figcaption',
          properties: {},
          children: [{ type: 'text', value: educateMarks(educateQuotes(image.title.trim())) }],
        });
      }
      // No longer a paragraph: not a passage, and its alt text is not counted as prose.
      const figure = paragraph as unknown as { type: string; data: Record<string, unknown> };
      figure.type = 'illustration';
      figure.data = {
        hName: 'figure',
        hProperties: { [toProperty(attributes.illustration)]: '' },
        hChildren: children,
      };
    }
  };
}

/** `data-image` -> `dataImage`, the name hast gives a data attribute. */
function toProperty(attribute: string): string {
  return attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** An illustration's picture as {@link remarkImages} left it in the HTML, to be filled. */
export interface ImagePlaceholder {
  /** The path as Astro's `image()` resolves it, relative to the chapter file (`./images/map.png`). */
  reference: string;
  alt: string;
  width: number;
  height: number;
}

const placeholderTag = /<img [^>]*data-image="[^"]*"[^>]*>/g;

/**
 * Splits rendered HTML at its picture placeholders, so a renderer can put its own picture in
 * each place: strings of HTML, and placeholders in between, in order.
 */
export function splitAtImages(html: string): (string | ImagePlaceholder)[] {
  const parts: (string | ImagePlaceholder)[] = [];
  let last = 0;
  for (const match of html.matchAll(placeholderTag)) {
    parts.push(html.slice(last, match.index));
    const img = fromHtml(match[0], { fragment: true }).children[0] as Element;
    const { alt, width, height } = img.properties;
    parts.push({
      reference: String(img.properties[toProperty(attributes.image)]),
      alt: String(alt ?? ''),
      width: Number(width),
      height: Number(height),
    });
    last = match.index + match[0].length;
  }
  parts.push(html.slice(last));
  return parts;
}
