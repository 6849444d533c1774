// The installed app's icons, drawn at build time in the site's look: the favicon's page on the
// accent colour (public/favicon.svg), as PNG at the sizes phones and desktops ask for.
import sharp from 'sharp';

export interface AppIcon {
  name: string;
  size: number;
  /**
   * `any`: drawn with rounded corners, as the favicon. `maskable`: the colour to the edges and
   * the page inside the middle 80 %, so a launcher may cut it to a circle or a squircle (iOS's
   * apple-touch-icon is cut by the system too).
   */
  purpose: 'any' | 'maskable';
}

export const appIcons: AppIcon[] = [
  { name: 'icon-192', size: 192, purpose: 'any' },
  { name: 'icon-512', size: 512, purpose: 'any' },
  { name: 'icon-maskable-512', size: 512, purpose: 'maskable' },
  { name: 'apple-touch-icon', size: 180, purpose: 'maskable' },
];

/** The site's accent and paper colours (light theme, src/styles/global.css). */
export const appColors = { accent: '#8f3b1b', paper: '#fbf8f2' } as const;

/** The icon as SVG on a 32-unit grid, as the favicon is drawn. */
export function appIconSvg(icon: AppIcon): string {
  const { accent, paper } = appColors;
  // The favicon's page spans 14×16 of 32 units: inside the maskable safe circle (radius 12.8).
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${icon.size}" height="${icon.size}" viewBox="0 0 32 32"><rect width="32" height="32" rx="${icon.purpose === 'any' ? 6 : 0}" fill="${accent}"/><path d="M9 8h14v16H9z" fill="${paper}"/><path d="M12 12h8M12 16h8M12 20h5" stroke="${accent}" stroke-width="1.6" stroke-linecap="round"/></svg>`;
}

/** The icon as a PNG file. */
export function renderAppIcon(icon: AppIcon): Promise<Buffer> {
  return sharp(Buffer.from(appIconSvg(icon)))
    .png({ compressionLevel: 9 })
    .toBuffer();
}
