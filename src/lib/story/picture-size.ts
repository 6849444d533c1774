import type { ImageMetadata } from 'astro';

/**
 * An image's size and format, read without marking its original file as used: Astro copies a
 * source picture into the site as it is (a 3 MB photograph, say) once any property of its
 * metadata is read, except through `clone`.
 */
export function sizeOf(image: ImageMetadata): Pick<ImageMetadata, 'width' | 'height' | 'format'> {
  const { width, height, format } =
    (image as ImageMetadata & { clone?: ImageMetadata }).clone ?? image;
  return { width, height, format };
}
