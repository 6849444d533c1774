import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { importStory } from '../../src/lib/import/index.ts';
import { pageAt } from '../support/html.ts';
import { ao3Epub, fanFicFareEpub, fixture } from '../support/import-fixtures.ts';
import { runAstroBuild } from '../support/sites.ts';

// What the importer writes is a story folder the site builds: every input kind, imported side
// by side into one folder, through a real `astro build`.
test('every kind of imported story builds, with its chapters, breaks and flashbacks on the page', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'imported-'));
  const inputs: [string, Uint8Array][] = [
    ['ao3-html', new Uint8Array(fixture('ao3-2025-multi.html'))],
    ['ao3-epub', ao3Epub()],
    ['ao3-2019', new Uint8Array(fixture('ao3-2019-single.html'))],
    ['ao3-2023', new Uint8Array(fixture('ao3-2023-bare-titles.html'))],
    ['fanficfare-html', new Uint8Array(fixture('fanficfare-ffnet.html'))],
    ['fanficfare-epub', await fanFicFareEpub()],
    ['pasted-text', new Uint8Array(fixture('pasted.txt'))],
    ['pasted-markdown', new Uint8Array(fixture('pasted.md'))],
  ];
  for (const [slug, bytes] of inputs) {
    const { written } = await importStory(bytes, { slug });
    for (const file of written.files) {
      mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      writeFileSync(path.join(dir, file.path), file.content);
    }
  }
  const dist = path.join(dir, 'dist');
  const build = runAstroBuild(dir, dist);
  expect(build.status, build.output).toBe(0);
  for (const slug of inputs.map(([name]) => name))
    expect(existsSync(path.join(dist, slug, 'index.html')), slug).toBe(true);
  const chapter = pageAt(dist, '/ao3-epub/the-first-batch/').document;
  expect(chapter.querySelector('h1')?.textContent).toContain('The First Batch');
  expect(chapter.querySelectorAll('.story-text hr[data-scene-break]')).toHaveLength(2);
  expect(chapter.querySelector('[data-flashback-start]')?.textContent).toBe('Flashback');
  // Pictures from inside an EPUB, on the page and as the work's cover.
  const baker = pageAt(dist, '/fanficfare-epub/the-baker/').document;
  expect(baker.querySelector('figure[data-illustration] img')?.getAttribute('alt')).toBe(
    'A map of the moonlit streets',
  );
  expect(pageAt(dist, '/fanficfare-epub/').document.querySelector('img.cover')).not.toBeNull();
  const clock = pageAt(dist, '/pasted-text/the-thirteenth-hour/').document;
  expect(clock.querySelector('[data-flashback-start]')?.textContent).toBe(
    'Flashback: The winter of the great frost',
  );
}, 180_000);
