// /icons/<name>.png: the installed app's icons, drawn at build time (src/lib/offline/app-icons.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { appIcons, renderAppIcon, type AppIcon } from '../../lib/offline/app-icons.ts';

export const getStaticPaths = (() =>
  appIcons.map((icon) => ({
    params: { icon: icon.name },
    props: { icon },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ icon: AppIcon }> = async ({ props: { icon } }) =>
  new Response(new Uint8Array(await renderAppIcon(icon)), {
    headers: { 'content-type': 'image/png' },
  });
