import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { generateStory } from '../support/generate-story.ts';
import { validChapter, validWork, writeContent } from '../support/content.ts';
import { addedTextSelectors } from '../../src/lib/markup/vocabulary.ts';
import { loadPages, pageAt, visibleText, wordsOf } from '../support/html.ts';
import { distOf, root, runAstroBuild } from '../support/sites.ts';

describe('front matter text is escaped wherever it goes', () => {
  const title = `<script>alert("t")</script> "Quotes" & ‘Ampersands’ 🦇 — עברית`;
  const summary = `Summary with <b>tags</b>? No: &amp; "quotes", 🙂 and العربية.`;
  const dir = writeContent({
    // In Markdown the summary's angle brackets are escaped (raw HTML would be refused).
    'w/work.md': `---\ntitle: ${JSON.stringify(title)}\nauthor: "O'Brien & <Co>"\nsummary: ${JSON.stringify(summary.replace('<b>tags</b>', '\\<b>tags\\</b>'))}\n---\n`,
    'w/01-one.md': `---\ntitle: ${JSON.stringify(title)}\n---\n\nText.\n`,
  });
  const outDir = path.join(dir, 'dist');
  const result = runAstroBuild(dir, outDir);

  test('the site builds', () => expect(result.status, result.output).toBe(0));

  test.each(['/', '/w/', '/w/one/', '/w/all/'])(
    '%s shows the title as text, runs no script from it, and its head stays intact',
    (url) => {
      const { document } = pageAt(outDir, url);
      // The only work's title heads every page, the home page included.
      const heading = document.querySelector('h1');
      expect(heading?.textContent?.trim()).toBe(title);
      expect(document.querySelector('title')?.textContent).toContain(title);
      // Executable scripts only: the JSON-LD block is inert data (checked below).
      const scripts = Array.from(
        document.querySelectorAll('script:not([type="application/ld+json"])'),
      ).map((s) => s.textContent ?? '');
      expect(scripts.some((s) => s.includes('alert('))).toBe(false);
      expect(document.querySelectorAll('head meta[name="description"]')).toHaveLength(1);
      expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(
        /^http:\/\/localhost:4321\//,
      );
    },
  );

  test('the feed is well-formed XML that carries the title as text', () => {
    const xml = new DOMParser().parseFromString(
      readFileSync(path.join(outDir, 'w/feed.xml'), 'utf8'),
      'text/xml',
    );
    expect(xml.querySelector('parsererror')).toBeNull();
    // The work's feed says whose it is, as the site's does.
    expect(xml.querySelector('channel > title')?.textContent).toBe(`${title} (new chapters)`);
    expect(xml.querySelector('item > title')?.textContent).toBe(`${title}: ${title}`);
  });

  test('the JSON-LD parses and cannot close its script element', () => {
    const script = pageAt(outDir, '/w/one/').document.querySelector(
      'script[type="application/ld+json"]',
    );
    expect(script?.textContent).not.toContain('</script');
    expect(JSON.parse(script?.textContent ?? '')).toMatchObject({
      name: title,
      isPartOf: { name: title },
    });
  });

  test('the summary keeps its words and its escaped angle brackets as text', () => {
    const { document } = pageAt(outDir, '/w/');
    expect(
      document.querySelector('[aria-labelledby="summary-heading"] > div')?.textContent?.trim(),
    ).toBe('Summary with <b>tags</b>? No: & “quotes”, 🙂 and العربية.');
    expect(document.querySelector('[aria-labelledby="summary-heading"] > div b')).toBeNull();
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toContain(
      '<b>tags</b>',
    );
  });
});

describe('odd story folders', () => {
  test('a 200,000-word chapter builds, every word on its page', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiction-long-'));
    const words = generateStory(path.join(dir, 'content'), {
      works: 1,
      chaptersPerWork: 1,
      wordsPerChapter: 200_000,
    });
    const outDir = path.join(dir, 'dist');
    const result = runAstroBuild(path.join(dir, 'content'), outDir);
    expect(result.status, result.output).toBe(0);
    // Every word of the generated chapter, without the flashback labels the pipeline adds.
    const story = pageAt(outDir, '/work-1/chapter-1/').document.querySelector('.story-text');
    const isLabel = (el: Element) => addedTextSelectors.some((s) => el.matches(s));
    const rendered = wordsOf(story ? visibleText(story, isLabel) : '');
    expect(rendered.filter((t) => /[\p{L}\p{N}]/u.test(t))).toHaveLength(words);
    expect(words).toBeGreaterThanOrEqual(200_000);
  });

  test('a work with no chapters yet is a valid page that says so', () => {
    const dir = writeContent({
      'w/work.md': validWork,
      'v/work.md': validWork.replace('A Work', 'Another'),
      'v/01-one.md': validChapter(),
    });
    const outDir = path.join(dir, 'dist');
    const result = runAstroBuild(dir, outDir);
    expect(result.status, result.output).toBe(0);
    expect(pageAt(outDir, '/w/').document.querySelector('main')?.textContent).toContain(
      'No chapters yet.',
    );
  });

  test('a folder with no works fails with a clear message, not a stack trace', () => {
    const dir = writeContent({ 'README.md': '# notes' });
    const result = runAstroBuild(dir, path.join(dir, 'dist'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('No works found in');
    expect(result.output).toContain('point CONTENT_DIR at your story folder');
    expect(result.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});

describe('no half-published site', () => {
  test('a build killed midway leaves the previous site untouched, and the next build replaces it whole', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiction-atomic-'));
    const outDir = path.join(dir, 'dist');
    cpSync(distOf('story'), outDir, { recursive: true });
    writeFileSync(path.join(outDir, 'previous-build.txt'), 'the site readers see now');
    const before = loadPages(outDir).map((p) => p.url);

    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--force', '--outDir', outDir],
      {
        cwd: root,
        env: {
          ...process.env,
          ASTRO_TELEMETRY_DISABLED: '1',
          ASTRO_CACHE_DIR: `${outDir}.cache`,
          CONTENT_DIR: path.join(root, 'tests/fixtures/library'),
        },
      },
    );
    let output = '';
    await new Promise<void>((resolve) => {
      const onData = (data: Buffer) => {
        output += data.toString();
        // Kill it while it writes pages: the worst moment for a deploy to pick the folder up.
        if (output.includes('generating static routes')) {
          child.kill('SIGKILL');
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', () => resolve());
    });
    await new Promise((resolve) => child.on('exit', resolve));
    expect(output).toContain('generating static routes');
    expect(readFileSync(path.join(outDir, 'previous-build.txt'), 'utf8')).toBe(
      'the site readers see now',
    );
    expect(loadPages(outDir).map((p) => p.url)).toEqual(before);

    const result = runAstroBuild(path.join(root, 'tests/fixtures/library'), outDir);
    expect(result.status, result.output).toBe(0);
    expect(existsSync(path.join(outDir, 'previous-build.txt'))).toBe(false);
    expect(existsSync(path.join(outDir, 'the-adventures-of-sherlock-holmes/index.html'))).toBe(
      true,
    );
    expect(existsSync(`${outDir}.staging`)).toBe(false);
  });
});
