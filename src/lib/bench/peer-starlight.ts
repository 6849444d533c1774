import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The peer of the side-by-side benchmark (`npm run bench -- --peer starlight`): Astro Starlight,
// the documentation theme most Astro sites of many pages are built with, with its own Pagefind
// search. It is installed from npm into a scratch folder of its own, never into this project's
// dependencies, at its current version, and builds the same generated story as this site: one
// page per chapter, the chapter's Markdown as it is, in Starlight's default layout (a sidebar of
// every page, search, dark mode).

/** What a peer build needs: its folder, and the versions it runs (for the report). */
export interface PeerSite {
  dir: string;
  versions: Record<string, string>;
}

/**
 * Installs Starlight (and the Astro it asks for) into `dir` with npm, once: a folder already
 * installed is reused. `version` is an npm range or tag (`latest`).
 */
export function installStarlight(dir: string, version = 'latest'): PeerSite {
  mkdirSync(dir, { recursive: true });
  const manifest = path.join(dir, 'package.json');
  const wanted = JSON.stringify(
    {
      name: 'bench-peer-starlight',
      private: true,
      type: 'module',
      dependencies: { '@astrojs/starlight': version, astro: '*', sharp: '*' },
    },
    null,
    2,
  );
  const installed = existsSync(path.join(dir, 'node_modules/@astrojs/starlight/package.json'));
  if (!installed || readFileSync(manifest, 'utf8') !== wanted) {
    writeFileSync(manifest, wanted);
    const result = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-online'],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (result.status !== 0)
      throw new Error(`installing Starlight into ${dir} failed:\n${result.stdout}${result.stderr}`);
  }
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'http://localhost:4321',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  integrations: [starlight({ title: 'Generated story' })],
});
`,
  );
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  const versionOf = (name: string) =>
    (
      JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  return {
    dir,
    versions: Object.fromEntries(
      ['@astrojs/starlight', 'astro', 'pagefind'].map((name) => [name, versionOf(name)]),
    ),
  };
}

/**
 * Writes a story folder of this site's format as Starlight pages: `<work>/index.md` from
 * work.md, `<work>/<chapter slug>.md` per chapter with its title, and a home page. The
 * `:::flashback` fences are this site's markup, unknown to Starlight: their lines go, the text
 * inside stays. Returns the number of pages.
 */
export function writeStarlightContent(storyDir: string, peer: PeerSite): number {
  const docs = path.join(peer.dir, 'src/content/docs');
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
  writeFileSync(
    path.join(docs, 'index.md'),
    '---\ntitle: Generated story\ntemplate: splash\n---\n\nEvery work of the story.\n',
  );
  let pages = 1;
  for (const work of readdirSync(storyDir, { withFileTypes: true })) {
    if (!work.isDirectory()) continue;
    const from = path.join(storyDir, work.name);
    const to = path.join(docs, work.name);
    mkdirSync(to, { recursive: true });
    for (const file of readdirSync(from)) {
      if (!file.endsWith('.md')) continue;
      const source = readFileSync(path.join(from, file), 'utf8');
      const { title, body } = splitFrontmatter(source);
      const name = file === 'work.md' ? 'index.md' : `${file.replace(/^\d+-/, '')}`;
      const text = body
        .split('\n')
        .filter((line) => !/^:::(flashback\b.*)?$/.test(line))
        .join('\n');
      writeFileSync(path.join(to, name), `---\ntitle: ${JSON.stringify(title)}\n---\n${text}`);
      pages += 1;
    }
  }
  return pages;
}

function splitFrontmatter(source: string): { title: string; body: string } {
  const end = source.indexOf('\n---\n', 4);
  const front = source.slice(4, end);
  const title = /^title: "?(.*?)"?$/m.exec(front)?.[1] ?? 'Untitled';
  return { title, body: source.slice(end + 5) };
}
