import { round } from './budgets.ts';

/** One phase of a build and the seconds it took. */
export interface Phase {
  name: string;
  seconds: number;
}

const clock = /^(\d\d):(\d\d):(\d\d) /;

/**
 * Where this site's build spends its time, read from its log: Astro prints what it times
 * itself (content sync, Vite's bundles, the static routes), our integrations print theirs (the
 * search index); the steps between are told from the log's clock (1 s resolution). A phase the
 * log does not show is left out.
 */
export function buildPhases(log: string): Phase[] {
  const lines = log.split('\n');
  const at = (pattern: RegExp, from = 0) => {
    for (let i = from; i < lines.length; i++) if (pattern.test(lines[i]!)) return i;
    return -1;
  };
  const secondsIn = (line: string | undefined, pattern: RegExp) => {
    const match = line === undefined ? null : pattern.exec(line);
    if (!match) return undefined;
    return Number(match[1]) / (match[2] === 'ms' ? 1000 : 1);
  };
  const timeOf = (index: number) => {
    const match = clock.exec(lines[index] ?? '');
    return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : undefined;
  };
  const between = (a: number, b: number) => {
    const [ta, tb] = [timeOf(a), timeOf(b)];
    return a >= 0 && b >= 0 && ta !== undefined && tb !== undefined ? tb - ta : undefined;
  };
  const phases: Phase[] = [];
  const add = (name: string, seconds: number | undefined) => {
    if (seconds !== undefined && Number.isFinite(seconds))
      phases.push({ name, seconds: round(seconds, 2) });
  };

  // Content: every chapter read, checked and rendered by the content layer (src/lib/story/loader.ts).
  add(
    'content: check and render the Markdown',
    secondsIn(lines[at(/\[types\] Generated /)], / Generated ([\d.]+)(m?s)/),
  );
  // Vite's bundles (server, client).
  const bundles = lines
    .filter((line) => /\[vite\] ✓ built in /.test(line))
    .map((line) => secondsIn(line, /built in ([\d.]+)(m?s)/) ?? 0);
  if (bundles.length)
    add(
      'bundle: Vite',
      bundles.reduce((a, b) => a + b, 0),
    );
  // Every route: pages, feeds, preview images, EPUBs (Astro's own total for them).
  const routes = at(/^\d\d:\d\d:\d\d ✓ Completed in /);
  add(
    'routes: pages, feeds, previews, EPUBs',
    secondsIn(lines[routes], /Completed in ([\d.]+)(m?s)/),
  );
  // After the routes: our build steps, in astro.config.mjs's order.
  const done = at(/\[build\] ✓ Completed in /, Math.max(routes, 0));
  const fonts = at(/\[fiction-reader:font-subsets\]/);
  const search = at(/\[fiction-reader:search-index(?:-finish)?\]/);
  const published = at(/\[fiction-reader:atomic-publish\]/);
  add('font subsets (log clock)', between(done, fonts));
  // Pagefind indexes pages as they are rendered; what it costs the build is the wait after the
  // pages for the index to be written (older logs: the whole indexing, done after the pages).
  add(
    'search index: Pagefind, after the pages',
    secondsIn(lines[search], /(?: for search in|waited) ([\d.]+) (s)\b/),
  );
  add('offline lists, headers, publish (log clock)', between(search, published));
  // Astro writes a long build as "1m 26s".
  const total = /built in (?:(\d+)m )?([\d.]+)(m?s)/.exec(
    lines[at(/\[build\] \d+ page\(s\) built in /)] ?? '',
  );
  if (total)
    add(
      'total (Astro)',
      Number(total[1] ?? 0) * 60 + Number(total[2]) / (total[3] === 'ms' ? 1000 : 1),
    );
  return phases;
}
