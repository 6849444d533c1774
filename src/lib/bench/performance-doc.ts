// docs/performance.md as its results files make it: the newest site and peer files' tables put
// between their markers, then formatted as Prettier formats the docs (so the file stays stable
// under `npm run format`). Used by `npm run bench:tables` and by the test that holds the doc to
// its files.
import path from 'node:path';
import * as prettier from 'prettier';
import { newestResults, resultsDir, type PeerResults, type SiteResults } from './results-file.ts';
import { fillTables, peerTables, siteTables } from './tables.ts';

export const performanceDocPath = 'docs/performance.md';

export async function renderPerformanceDoc(root: string, doc: string): Promise<string> {
  const site = newestResults<SiteResults>(root, 'site');
  const peer = newestResults<PeerResults>(root, 'peer');
  if (!site || !peer)
    throw new Error(
      `${resultsDir}/ holds no ${site ? 'peer' : 'site'} results: run \`npm run bench -- ${site ? '--peer starlight ' : ''}--sizes S,M,L --save\``,
    );
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const filled = fillTables(doc, {
    ...siteTables(site.results, relative(site.file)),
    ...peerTables(peer.results, relative(peer.file)),
  });
  const options = await prettier.resolveConfig(path.join(root, performanceDocPath));
  return prettier.format(filled, { ...options, parser: 'markdown' });
}
